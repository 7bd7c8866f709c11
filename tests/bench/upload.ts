/**
 * Hostile uploads against a real server process (embedded database, loopback only), one at a time:
 * - an anonymous 60 MB multipart upload to importDumpFile, then the same from an editor;
 * - an editor's zip whose entry declares 100 bytes but holds 50 MB (a lying header);
 * - an editor's 50 MB zip bomb (one entry, declared honestly);
 * - an editor's zip of ten 4.9 MB dumps (all accepted: the figure is how long other requests wait);
 * For each: seconds until the answer, its code, the server's CPU seconds and peak RSS (MB, VmHWM),
 * and the slowest `{ __typename }` answer (ms) sent every 100 ms while the upload was in flight.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { REPO_ROOT } from '../helpers/paths.ts';

const TOKEN = 'bench-editor-token-0123456789';

export interface UploadRun {
  seconds: number;
  status: number;
  code: string | null;
  serverCpuSeconds: number;
  peakRssMb: number;
  slowestTypenameMs: number;
  /** `{ __typename }` probes that got no answer (connection reset) */
  probeErrors: number;
}

const freePort = () =>
  new Promise<number>((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });

function procStats(pid: number) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const cpu = (Number(stat[11]) + Number(stat[12])) / 100; // utime + stime, in clock ticks
  return { hwm, cpu };
}

function multipart(name: string, bytes: Uint8Array) {
  const form = new FormData();
  form.set('operations', JSON.stringify({ query: 'mutation($f: File!) { importDumpFile(file: $f) { __typename ... on Error { code } ... on ImportBatchResult { total failed items { filename result { __typename ... on Error { code } } } } } }', variables: { f: null } }));
  form.set('map', JSON.stringify({ 0: ['variables.f'] }));
  form.set('0', new File([bytes as Uint8Array<ArrayBuffer>], name));
  return form;
}

/** a zip whose one entry holds `real` bytes of dump text but whose headers say `declared` */
function lyingZip(real: number, declared: number): Uint8Array {
  const zip = zipSync({ 'big.txt': new Uint8Array(real).fill(0x61) }, { level: 9 });
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  // local header: uncompressed size at 22; central directory entry (signature 0x02014b50): at 24
  view.setUint32(22, declared, true);
  for (let i = 0; i < zip.length - 4; i++) if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, declared, true);
  return zip;
}

async function run(url: string, pid: number, name: string, bytes: Uint8Array, token: string | null): Promise<UploadRun> {
  const before = procStats(pid);
  let slowest = 0;
  let done = false;
  let probeErrors = 0;
  const probe = (async () => {
    while (!done) {
      const t0 = performance.now();
      try {
        await (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' })).text();
      } catch {
        probeErrors++;
      }
      slowest = Math.max(slowest, performance.now() - t0);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const t0 = performance.now();
  const res = await fetch(url, { method: 'POST', body: multipart(name, bytes), headers: { 'x-copydesk-csrf': '1', ...(token ? { authorization: `Bearer ${token}` } : {}) } });
  const text = await res.text();
  const seconds = (performance.now() - t0) / 1000;
  done = true;
  await probe;
  const after = procStats(pid);
  const code = /"code":"([A-Z_]+)"/.exec(text)?.[1] ?? null;
  return { seconds: Math.round(seconds * 100) / 100, status: res.status, code, serverCpuSeconds: Math.round((after.cpu - before.cpu) * 100) / 100, peakRssMb: Math.round(after.hwm), slowestTypenameMs: Math.round(slowest), probeErrors };
}

export async function benchUpload(log: (s: string) => void = console.error): Promise<Record<string, UploadRun | number>> {
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-upload-bench-'));
  const port = await freePort();
  const child = spawn(process.execPath, ['--max-semi-space-size=64', '--import', 'tsx', join(REPO_ROOT, 'server/src/main.ts')], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', COPYDESK_DATA_DIR: dir, COPYDESK_WORKERS: '0', COPYDESK_SEED_SAMPLES: 'false', COPYDESK_EDITOR_TOKEN: TOKEN, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}/graphql`;
  try {
    await new Promise<void>((ok, fail) => {
      child.stdout!.on('data', (d: Buffer) => (d.toString().includes('copydesk is running') ? ok() : undefined));
      child.once('exit', (c) => fail(new Error(`server exited ${c}`)));
    });
    const out: Record<string, UploadRun | number> = { serverPeakRssMbBeforeUploads: Math.round(procStats(child.pid!).hwm) };
    const dump = new Uint8Array(60 * 1024 * 1024).fill(0x61);
    out.anonymous60MbTxt = await run(url, child.pid!, 'big.txt', dump, null);
    log(`anonymous 60 MB .txt upload: ${JSON.stringify(out.anonymous60MbTxt)}`);
    out.editor60MbTxt = await run(url, child.pid!, 'big.txt', dump, TOKEN);
    log(`editor's 60 MB .txt upload (over the dump limit): ${JSON.stringify(out.editor60MbTxt)}`);
    out.lyingZipEntry50Mb = await run(url, child.pid!, 'lie.zip', lyingZip(50 * 1024 * 1024, 100), TOKEN);
    log(`zip entry declaring 100 B holding 50 MB: ${JSON.stringify(out.lyingZipEntry50Mb)}`);
    out.zipBomb50Mb = await run(url, child.pid!, 'bomb.zip', zipSync({ 'bomb.txt': new Uint8Array(50 * 1024 * 1024).fill(0x61) }, { level: 9 }), TOKEN);
    log(`zip of one 50 MB entry: ${JSON.stringify(out.zipBomb50Mb)}`);
    // ten dumps of 4.9 MB each (one article of many paragraphs), a small zip: unpacked, checked and parsed off the request thread
    const paragraphs: string[] = [];
    for (let i = 0, size = 0; size < 4.9e6; i++) size += paragraphs.push(`Paragraph ${i} of the long harbour report: the council met again and the ferries ran all night.`) && paragraphs.at(-1)!.length + 1;
    const ten = Object.fromEntries(Array.from({ length: 10 }, (_, k) => [`long/${k}.txt`, new TextEncoder().encode(`\nLong harbour report number ${k}\n${paragraphs.join('\n')}\n`)]));
    out.zipOfTen49MbDumps = await run(url, child.pid!, 'ten.zip', zipSync(ten, { level: 9 }), TOKEN);
    log(`zip of ten 4.9 MB dumps: ${JSON.stringify(out.zipOfTen49MbDumps)}`);
    return out;
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}
