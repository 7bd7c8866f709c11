import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { partialPath, writeFileAtomically } from './atomic-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'copydesk-atomic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const EARLIER = '{"earlier":true}\n'.repeat(100);

describe('writeFileAtomically', () => {
  it('replaces the file only once the write is complete', async () => {
    const path = join(dir, 'done.jsonl');
    writeFileSync(path, EARLIER);
    const n = await writeFileAtomically(path, async (out) => {
      for (let i = 0; i < 1000; i++) out.write(`{"line":${i}}\n`);
      // not yet renamed: the earlier file is whole while the new one is written
      expect(readFileSync(path, 'utf8')).toBe(EARLIER);
      return 1000;
    });
    expect(n).toBe(1000);
    expect(readFileSync(path, 'utf8').split('\n')).toHaveLength(1001);
    expect(existsSync(partialPath(path))).toBe(false);
  });

  it('leaves the earlier file whole and no .partial file when the serializer throws half-way', async () => {
    const path = join(dir, 'failing.jsonl');
    writeFileSync(path, EARLIER);
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    await expect(
      writeFileAtomically(path, async (out) => {
        for (let i = 0; i < 500; i++) out.write(JSON.stringify({ line: i, text: 'x'.repeat(200) }) + '\n');
        out.write(JSON.stringify(circular)); // throws: a structure JSON cannot hold
      }),
    ).rejects.toThrow(/circular/i);
    expect(readFileSync(path, 'utf8')).toBe(EARLIER);
    expect(existsSync(partialPath(path))).toBe(false);
  });

  it('leaves the earlier file whole when the stream fails (the write after it was destroyed)', async () => {
    const path = join(dir, 'stream.jsonl');
    writeFileSync(path, EARLIER);
    await expect(
      writeFileAtomically(path, async (out, failed) => {
        out.write('half a line');
        out.destroy(new Error('ENOSPC: no space left on device'));
        await failed;
      }),
    ).rejects.toThrow(`cannot write ${path}: ENOSPC`);
    expect(readFileSync(path, 'utf8')).toBe(EARLIER);
    expect(existsSync(partialPath(path))).toBe(false);
  });

  it('names the file when its folder does not exist, and creates nothing', async () => {
    const path = join(dir, 'no-such-folder', 'x.jsonl');
    await expect(writeFileAtomically(path, async () => 0)).rejects.toThrow(`cannot write ${path}: its folder does not exist`);
  });

  it('on SIGINT removes the .partial file, keeps the earlier file and exits 130', async () => {
    const path = join(dir, 'interrupted.jsonl');
    writeFileSync(path, EARLIER);
    const script = join(dir, 'interrupt.mts');
    writeFileSync(
      script,
      `import { writeFileAtomically } from ${JSON.stringify(resolve(import.meta.dirname, 'atomic-file.ts'))};
await writeFileAtomically(${JSON.stringify(path)}, async (out) => {
  out.write('{"half":');
  await new Promise((r) => out.write('', r));
  process.stdout.write('writing\\n');
  // a slow server: the export waits (a timer keeps the process alive, as a pending request does)
  await new Promise(() => setInterval(() => {}, 1000));
});`,
    );
    const child = spawn(resolve(import.meta.dirname, '../../../node_modules/.bin/tsx'), [script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((ok) => child.once('close', ok));
    // the child is writing (or ended early: then the checks below say why)
    await Promise.race([new Promise<void>((ok) => child.stdout.on('data', (d: Buffer) => d.toString().includes('writing') && ok())), exited]);
    expect(existsSync(partialPath(path)), stderr).toBe(true);
    child.kill('SIGINT');
    expect(await exited, stderr).toBe(130);
    expect(readFileSync(path, 'utf8')).toBe(EARLIER);
    expect(existsSync(partialPath(path))).toBe(false);
  });
});
