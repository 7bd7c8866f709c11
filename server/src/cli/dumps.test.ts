import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listDumpFiles } from './dumps.ts';

let dir: string | null = null;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

describe('listDumpFiles', () => {
  it('takes only the regular files of a folder: a FIFO named .txt (reading it never ends) and a link to a folder (a loop never ends) are skipped, the rest still listed', () => {
    dir = mkdtempSync(join(tmpdir(), 'copydesk-dumps-'));
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'a.txt'), 'A headline\nBody.\n');
    writeFileSync(join(dir, 'sub', 'b.jsonl'), '{"text":"x"}\n');
    writeFileSync(join(dir, 'notes.md'), '# not a dump');
    execFileSync('mkfifo', [join(dir, 'sub', 'pipe.txt')]);
    symlinkSync('..', join(dir, 'sub', 'loop'));
    symlinkSync(join(dir, 'a.txt'), join(dir, 'sub', 'link-to-a.txt'));
    const listing = listDumpFiles([dir]);
    expect(listing.files).toEqual([join(dir, 'a.txt'), join(dir, 'sub', 'b.jsonl'), join(dir, 'sub', 'link-to-a.txt')]);
    expect(listing.skippedInFolders).toBe(3);
  });

  it('takes a path named on the command line as itself, whatever it is', () => {
    dir = mkdtempSync(join(tmpdir(), 'copydesk-dumps-'));
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    expect(listDumpFiles([join(dir, 'pipe')]).files).toEqual([join(dir, 'pipe')]);
  });
});
