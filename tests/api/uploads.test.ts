/**
 * Hostile uploads (issue 9): refused from their headers before the body is read, counted as they
 * stream, and archives read by counting bytes, never by trusting their headers. Every archive here
 * is made in the test, small, then forged by patching its header fields.
 */
import { gzipSync, strToU8, zipSync } from 'fflate';
import { createTar } from 'nanotar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER, DEFAULT_LIMITS } from '@copydesk/server/graphql/limits.ts';
import { createTestApp, TEST_TOKEN, uploadFile, type TestApp } from '../helpers/app.ts';
import { flatDump } from '../helpers/dumps.ts';

const MAX_DUMP = 64 * 1024;
const MAX_UNPACKED = 256 * 1024;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ maxDumpBytes: MAX_DUMP, limits: { ...DEFAULT_LIMITS, maxUnpackedBytes: MAX_UNPACKED } });
});
afterAll(async () => {
  await t?.close();
});

const count = async (table: string) => Number((await t.sql<{ n: string }>(`select count(*) as n from ${table}`))[0]!.n);
const dump = (n: number) => flatDump(`Harbour upload story ${n} about the night ferries`, `The night ferries will run for the ${n}th week, the operator said on Monday.\nRiders welcomed the change.`);

const MUTATION = `mutation($file: File!) { importDumpFile(file: $file) { __typename ... on Error { code message }
  ... on ImportBatchResult { total created failed items { filename result { __typename ... on Error { code message } ... on ImportDumpPayload { created articles { headline body } } } } } } }`;

/** the multipart parts before the file, and after it, as bytes (RFC 7578) */
function multipartFrame(filename: string) {
  const boundary = `----copydesk${Math.random().toString(16).slice(2)}`;
  const part = (name: string, value: string) => `--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const head = part('operations', JSON.stringify({ query: MUTATION, variables: { file: null } })) + part('map', JSON.stringify({ 0: ['variables.file'] })) + `--${boundary}\r\ncontent-disposition: form-data; name="0"; filename="${filename}"\r\ncontent-type: application/octet-stream\r\n\r\n`;
  return { boundary, head: strToU8(head), tail: strToU8(`\r\n--${boundary}--\r\n`) };
}

/**
 * POSTs a multipart upload whose file is `fileBytes` bytes of `fill`, produced on demand in 64 KB
 * chunks; reports how many bytes of the body the server pulled.
 */
async function streamedUpload(opts: { fileBytes: number; filename?: string; token: string | null; contentLength?: boolean }) {
  const { boundary, head, tail } = multipartFrame(opts.filename ?? 'big.txt');
  const total = head.length + opts.fileBytes + tail.length;
  let sent = 0;
  let fileSent = 0;
  const chunk = new Uint8Array(64 * 1024).fill(0x61);
  const body = new ReadableStream<Uint8Array>({
    pull(c) {
      if (sent === 0) {
        sent += head.length;
        return c.enqueue(head);
      }
      if (fileSent < opts.fileBytes) {
        const n = Math.min(chunk.length, opts.fileBytes - fileSent);
        fileSent += n;
        sent += n;
        return c.enqueue(chunk.subarray(0, n));
      }
      if (sent < total) {
        sent += tail.length;
        return c.enqueue(tail);
      }
      c.close();
    },
  }, { highWaterMark: 0 });
  const headers: Record<string, string> = { 'content-type': `multipart/form-data; boundary=${boundary}`, [CSRF_HEADER]: '1' };
  if (opts.contentLength !== false) headers['content-length'] = String(total);
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  const res = await t.app.fetch('http://localhost/graphql', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);
  const json = (await res.json()) as any;
  return { status: res.status, json, pulled: sent, total };
}

async function upload(name: string, bytes: Uint8Array) {
  const json = await uploadFile(t, MUTATION, {}, name, bytes);
  expect(json.errors).toBeUndefined();
  return json.data.importDumpFile;
}

const u32 = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);
/** every offset where a 4-byte little-endian signature starts */
function signatures(zip: Uint8Array, sig: number) {
  const v = u32(zip);
  const at: number[] = [];
  for (let i = 0; i + 4 <= zip.length; i++) if (v.getUint32(i, true) === sig) at.push(i);
  return at;
}
/** rewrites a header field in every local header (at `local`) and central directory entry (at `central`) */
function patchZip(zip: Uint8Array, local: number, central: number, value: (old: number) => number) {
  const out = zip.slice();
  const v = u32(out);
  for (const i of signatures(out, 0x04034b50)) v.setUint32(i + local, value(v.getUint32(i + local, true)) >>> 0, true);
  for (const i of signatures(out, 0x02014b50)) v.setUint32(i + central, value(v.getUint32(i + central, true)) >>> 0, true);
  return out;
}
const setZipSize = (zip: Uint8Array, size: number) => patchZip(zip, 22, 24, () => size);

/** a ustar header's size field set to `octal`, with its checksum recomputed */
function setTarSize(tar: Uint8Array, octal: string) {
  const out = tar.slice();
  out.set(strToU8(octal.padStart(11, '0') + '\0'), 124);
  out.fill(0x20, 148, 156);
  const sum = out.subarray(0, 512).reduce((a, b) => a + b, 0);
  out.set(strToU8(sum.toString(8).padStart(6, '0') + '\0 '), 148);
  return out;
}

describe('uploads are refused before their body is read', () => {
  it('answers a multipart upload without a token 401 UNAUTHENTICATED from its headers', async () => {
    const r = await streamedUpload({ fileBytes: 8 * 1024 * 1024, token: null });
    expect(r.status).toBe(401);
    expect(r.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(r.json.data ?? null).toBeNull();
    // at most what was already queued when the answer went out, never the 8 MB file
    expect(r.pulled).toBeLessThan(256 * 1024);
    expect(await count('dumps')).toBe(0);
  });

  it('answers a multipart upload with an unknown token the same way', async () => {
    const r = await streamedUpload({ fileBytes: 8 * 1024 * 1024, token: 'cdk_not-a-real-token' });
    expect(r.status).toBe(401);
    expect(r.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    // the token it carried is named as unknown, not as missing (as a JSON request's answer says)
    expect(r.json.errors[0].message).toMatch(/unknown|revoked/);
    expect(r.pulled).toBeLessThan(256 * 1024);
  });

  it('counts the bytes of a body sent without Content-Length and stops reading at the upload limit', async () => {
    const small = await createTestApp({ maxDumpBytes: MAX_DUMP, limits: { ...DEFAULT_LIMITS, maxUploadBytes: 1024 * 1024 } });
    const app = t;
    try {
      t = small;
      const r = await streamedUpload({ fileBytes: 6 * 1024 * 1024, filename: 'dumps.jsonl', token: TEST_TOKEN, contentLength: false });
      const result = r.json.data.importDumpFile;
      expect(result.failed).toBe(1);
      expect(result.items[0].result).toMatchObject({ __typename: 'InvalidInputError', code: 'INVALID_INPUT' });
      expect(result.items[0].result.message).toMatch(/over 1048576 bytes/);
      // the server stopped pulling soon after the limit, not at the end of the 6 MB
      expect(r.pulled).toBeLessThan(3 * 1024 * 1024);
    } finally {
      t = app;
      await small.close();
    }
  });
});

describe('archives are read by counting bytes, not by trusting headers', () => {
  it('refuses, by name, a zip entry that holds more than its header declares (never imports it cut short)', async () => {
    const zip = setZipSize(zipSync({ 'lie.txt': strToU8(dump(1) + 'x'.repeat(50_000)), 'ok.txt': strToU8(dump(2)) }), 100);
    const r = await upload('lie.zip', zip);
    const lie = r.items.find((i: any) => i.filename === 'lie.txt');
    expect(lie.result).toMatchObject({ __typename: 'InvalidInputError', code: 'INVALID_INPUT' });
    expect(lie.result.message).toMatch(/lie\.txt.*more than the 100 bytes/);
    // ok.txt was patched to "100 bytes" too: it is refused the same way, never stored cut
    expect(r.created).toBe(0);
    expect(await t.sql(`select id from dumps where length(text) = 100`)).toEqual([]);
  });

  it('refuses, by name, a zip entry whose CRC-32 does not match, and imports the others', async () => {
    const good = zipSync({ 'a.txt': strToU8(dump(3)) });
    const forged = patchZip(good, 14, 16, (crc) => crc ^ 1);
    const fine = zipSync({ 'b.txt': strToU8(dump(4)) });
    const r1 = await upload('crc.zip', forged);
    expect(r1.items[0]).toMatchObject({ filename: 'a.txt', result: { code: 'INVALID_INPUT' } });
    expect(r1.items[0].result.message).toMatch(/a\.txt.*CRC/);
    const r2 = await upload('fine.zip', fine);
    expect(r2).toMatchObject({ total: 1, created: 1, failed: 0 });
  });

  it('stops inflating a zip bomb at the total limit and refuses the archive', async () => {
    // 8 entries of 60 KB each: every one under the dump limit, together over MAX_UNPACKED
    const files = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`bomb/${i}.txt`, strToU8(dump(100 + i) + ' '.repeat(60_000))]));
    const before = await count('dumps');
    const r = await upload('bomb.zip', zipSync(files, { level: 9 }));
    expect(r).toMatchObject({ total: 1, created: 0, failed: 1 });
    expect(r.items[0].result.code).toBe('INVALID_INPUT');
    expect(r.items[0].result.message).toMatch(new RegExp(`unpacks to more than ${MAX_UNPACKED} bytes`));
    expect(await count('dumps')).toBe(before);
  });

  it('refuses a zip entry declared over the dump limit without inflating it', async () => {
    const r = await upload('big.zip', zipSync({ 'huge.txt': new Uint8Array(2 * MAX_DUMP).fill(0x61), 'ok.txt': strToU8(dump(5)) }, { level: 9 }));
    expect(r.items.find((i: any) => i.filename === 'huge.txt').result.code).toBe('DUMP_TOO_LARGE');
    expect(r.items.find((i: any) => i.filename === 'ok.txt').result.__typename).toBe('ImportDumpPayload');
  });

  it('refuses, by name, a zip or tar entry with a backslash, an absolute path, "..", or an archive inside: one rule (archive-entry.ts), the other entries imported', async () => {
    const bad: [string, RegExp][] = [
      ['dumps\\win.txt', /backslash/],
      ['/abs/evil.txt', /absolute/],
      ['../evil.txt', /"\.\."/],
      ['x/../../evil.txt', /"\.\."/],
      ['inner.zip', /archive inside the archive/],
      ['inner.tar.gz', /archive inside the archive/],
    ];
    const tarOf = (n: number) => createTar([{ name: 'ok/b.txt', data: dump(n) }, ...bad.map(([name]) => ({ name, data: dump(9) }))]);
    const archives = [
      ['hostile.zip', zipSync({ 'ok/a.txt': strToU8(dump(6)), ...Object.fromEntries(bad.map(([name]) => [name, strToU8(dump(9))])) }), 'ok/a.txt'],
      ['hostile.tar.gz', gzipSync(tarOf(60)), 'ok/b.txt'],
      ['hostile.tar', tarOf(66), 'ok/b.txt'],
    ] as const;
    for (const [file, bytes, good] of archives) {
      const r = await upload(file, bytes);
      expect(r, file).toMatchObject({ total: 1 + bad.length, created: 1, failed: bad.length });
      expect(r.items.find((i: any) => i.filename === good).result.__typename).toBe('ImportDumpPayload');
      for (const [name, reason] of bad) {
        const item = r.items.find((i: any) => i.filename === name);
        expect(item?.result, `${file}: ${name}`).toMatchObject({ __typename: 'InvalidInputError', code: 'INVALID_INPUT' });
        expect(item.result.message.startsWith(`${name}: `), item.result.message).toBe(true);
        expect(item.result.message).toMatch(reason);
      }
    }
    expect(await t.sql(`select filename from dumps where filename like '%evil%' or filename like '%win%'`)).toEqual([]);
  });

  it('refuses a truncated or damaged zip, tar or tar.gz with a typed error in its own words, not the reader library\'s', async () => {
    const zip = zipSync({ 'a.txt': strToU8(dump(61)), 'b.txt': strToU8(dump(62)) });
    const tgz = gzipSync(createTar([{ name: 'a.txt', data: dump(63) }, { name: 'b.txt', data: dump(64) }]));
    const cases: [string, Uint8Array, RegExp][] = [
      ['cut.zip', zip.subarray(0, zip.length - 30), /not a readable zip archive: it is truncated or damaged/],
      ['cut-early.zip', zip.subarray(0, 40), /not a readable zip archive: it is truncated or damaged/],
      ['text.zip', strToU8('this is not a zip'), /not a readable zip archive/],
      ['cut.tar.gz', tgz.subarray(0, 60), /not a readable tar\.gz archive: it is truncated or damaged/],
      ['cut.tar', createTar([{ name: 'a.txt', data: dump(65) + 'x'.repeat(2000) }]).subarray(0, 900), /not a readable tar archive: it is truncated or damaged/],
    ];
    for (const [file, bytes, message] of cases) {
      const r = await upload(file, bytes);
      expect(r, file).toMatchObject({ total: 1, created: 0, failed: 1 });
      expect(r.items[0].result, file).toMatchObject({ __typename: 'InvalidInputError', code: 'INVALID_INPUT' });
      expect(r.items[0].result.message).toMatch(message);
      // never yauzl's, tar-stream's or zlib's own sentence
      expect(r.items[0].result.message).not.toMatch(/signature|Unexpected end of data|unexpected end of file|could not be unpacked/);
    }
  });

  it('refuses a tar.gz whose size field is forged, quickly and with a typed error', async () => {
    const tar = createTar([{ name: 'x/a.txt', data: dump(7) }, { name: 'x/b.txt', data: dump(8) }]);
    const before = await count('dumps');
    const r = await upload('forged.tar.gz', gzipSync(setTarSize(tar, '77777777777')));
    expect(r.failed).toBeGreaterThan(0);
    for (const i of r.items) expect(i.result.__typename).not.toBe('ImportDumpPayload');
    expect(r.items.some((i: any) => /DUMP_TOO_LARGE|INVALID_INPUT/.test(i.result.code))).toBe(true);
    expect(await count('dumps')).toBe(before);
  });

  it('stops gunzipping a tar.gz at the total limit, whatever its gzip trailer says', async () => {
    const entries = Array.from({ length: 8 }, (_, i) => ({ name: `t/${i}.txt`, data: dump(200 + i) + ' '.repeat(60_000) }));
    const gz = gzipSync(createTar(entries), { level: 9 });
    u32(gz).setUint32(gz.length - 4, 1000, true); // the trailer claims 1,000 bytes
    const before = await count('dumps');
    const r = await upload('bomb.tar.gz', gz);
    expect(r).toMatchObject({ total: 1, created: 0, failed: 1 });
    expect(r.items[0].result.message).toMatch(new RegExp(`unpacks to more than ${MAX_UNPACKED} bytes`));
    expect(await count('dumps')).toBe(before);
  });
});
