/**
 * Unpacks an uploaded file into dumps: a `.txt` dump, a `.jsonl` file of
 * `{ "text", "filename"?, "url"?, "fetchedAt"? }` lines, or a `.zip` / `.tar.gz` / `.tgz` / `.tar`
 * archive of `.txt` (and `.jsonl`) files. Bad entries become items with an error, never a crash.
 *
 * Archives are read by counting bytes, never by trusting their headers: an entry that holds more
 * (or less) than its header declares, or whose CRC does not match, is refused by name; inflating
 * stops at the per-entry limit (`maxDumpBytes`) and at the total limit (`maxUnpackedBytes`).
 * Which entries are read, skipped or refused (by name: an unsafe path, a nested archive) is one rule
 * for zip and tar alike, archive-entry.ts; a damaged archive is refused in copydesk's words.
 * This module runs in a worker thread (unpack-worker.ts): call `unpackUpload` from unpack.ts.
 */
import { crc32, createGunzip } from 'node:zlib';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as yauzl from 'yauzl';
import * as tar from 'tar-stream';
import { CopydeskError, DumpTooLargeError, EmptyDumpError, InvalidInputError, InvalidTextError } from '../errors.ts';
import { prepareDump, type PreparedDump } from './prepare.ts';
import { classifyEntry, type EntryKind } from './archive-entry.ts';
import { decodeText, NotUtf8Error, parseJsonLines } from './read-text.ts';
import type { DumpInput } from './validate.ts';

export type UnpackedItem = { filename: string; input: DumpInput; prepared?: PreparedDump } | { filename: string; error: CopydeskError };

export interface UnpackLimits {
  /** largest single dump, in bytes: also the most inflated from one archive entry */
  maxDumpBytes: number;
  /** largest total unpacked size, in bytes: inflating stops there (archive bombs) */
  maxUnpackedBytes: number;
  /** largest upload, in bytes, as sent */
  maxUploadBytes: number;
  maxEntries: number;
}

/** the whole archive is refused: an error item named after the upload */
class ArchiveError extends Error {}

/** a dump file's bytes as one item: its text, or the decoding error naming it (read-text.ts) */
function decode(filename: string, bytes: Uint8Array): UnpackedItem {
  try {
    return { filename, input: { text: decodeText(filename, bytes), filename } };
  } catch (e) {
    if (e instanceof NotUtf8Error) return { filename, error: e };
    throw e;
  }
}

/** a JSON Lines file's bytes as items: one per line (read-text.ts), a bad line as an error naming it */
function jsonLines(filename: string, bytes: Uint8Array, limits: UnpackLimits): UnpackedItem[] {
  let text: string;
  try {
    text = decodeText(filename, bytes);
  } catch (e) {
    if (e instanceof NotUtf8Error) return [{ filename, error: e }];
    throw e;
  }
  const out: UnpackedItem[] = [];
  for (const l of parseJsonLines(filename, text)) {
    if (out.length >= limits.maxEntries) {
      out.push({ filename: `${filename}:${l.line}`, error: new InvalidInputError('file', `more than ${limits.maxEntries} dumps in one upload`) });
      break;
    }
    out.push('input' in l ? { filename: l.name, input: l.input } : { filename: l.name, error: l.error });
  }
  return out;
}

const isJsonLines = (name: string) => /\.(jsonl|ndjson)$/i.test(name);

/** one archive entry's bytes, as items (a `.jsonl` entry holds many dumps) */
function entryItems(name: string, read: 'dump' | 'jsonl', data: Uint8Array, limits: UnpackLimits): UnpackedItem[] {
  return read === 'jsonl' ? jsonLines(name, data, limits) : [decode(name, data)];
}

/** an entry refused by the archive-entry rule: one failed item naming it */
const refused = (name: string, reason: string): UnpackedItem => ({ filename: name, error: new InvalidInputError(name, reason) });

/** What a damaged or truncated archive is refused with: one sentence, never the reader library's own words. */
const ZIP_UNREADABLE = 'not a readable zip archive: it is truncated or damaged, or not a zip at all (its table of contents, at the end of a zip, is missing or broken)';
const tarUnreadable = (gzipped: boolean) => `not a readable ${gzipped ? 'tar.gz' : 'tar'} archive: it is truncated or damaged${gzipped ? ', or not gzipped' : ''}`;

/** why a zip entry's bytes cannot be read, from the reader's error, in copydesk's words */
function zipEntryProblem(message: string, declared: number): string {
  if (/too many bytes/i.test(message)) return `the entry holds more than the ${declared} bytes its header declares`;
  if (/too few bytes/i.test(message)) return `the entry holds fewer than the ${declared} bytes its header declares`;
  if (/encrypt/i.test(message)) return 'the entry is encrypted: copydesk reads unencrypted archives only';
  if (/compression method/i.test(message)) return 'the entry is compressed with a method copydesk cannot read (it reads stored and deflated entries)';
  return 'the entry cannot be read: the archive is damaged there';
}

/** a zip entry's name (its raw bytes decoded as the zip says: UTF-8, the Info-ZIP Unicode path, else CP437), backslashes kept */
function zipEntryName(entry: yauzl.Entry): string {
  const raw = entry.fileName as unknown as Buffer;
  return yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, raw, entry.extraFields, true);
}

/** a zip entry's kind: a folder, a Unix symbolic link (its mode in the external attributes), else a file */
function zipEntryKind(entry: yauzl.Entry, name: string): EntryKind {
  if (name.endsWith('/')) return 'directory';
  const mode = (entry.externalFileAttributes >>> 16) & 0o170000;
  if (mode === 0o120000) return 'link';
  if (mode === 0o040000) return 'directory';
  return 'file';
}

/** a tar entry's kind, from its header type */
function tarEntryKind(type: string | null | undefined): EntryKind {
  if (type === 'file' || type === 'contiguous-file') return 'file';
  if (type === 'directory') return 'directory';
  if (type === 'symlink' || type === 'link') return 'link';
  return 'other';
}

/** Reads a stream to its end into one buffer; past `limit` bytes it keeps nothing more and answers the size it counted. */
async function readAtMost(chunks: AsyncIterable<Uint8Array>, limit: number): Promise<Buffer | number> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const c of chunks) {
    size += c.length;
    if (size <= limit) parts.push(c);
    else parts.length = 0;
  }
  return size > limit ? size : Buffer.concat(parts, size);
}

/** Counts the bytes inflated across an archive; past the limit the whole archive is refused. */
class Budget {
  used = 0;
  constructor(readonly limit: number) {}
  take(n: number) {
    this.used += n;
    if (this.used > this.limit) throw new ArchiveError(`the archive unpacks to more than ${this.limit} bytes`);
  }
}

const tooManyEntries = (limits: UnpackLimits) => new ArchiveError(`the archive holds more than ${limits.maxEntries} dumps`);

/** A zip's entries, inflated one at a time; each checked against its declared size and CRC. */
async function unzip(zip: Buffer, limits: UnpackLimits): Promise<UnpackedItem[]> {
  const zipfile = await new Promise<yauzl.ZipFile>((ok, fail) =>
    // names are decoded here (zipEntryName), not by yauzl: it refuses the whole archive for one unsafe name, and the rule refuses that entry only
    yauzl.fromBuffer(zip, { lazyEntries: true, strictFileNames: true, validateEntrySizes: true, decodeStrings: false }, (e, z) => (e ? fail(new ArchiveError(ZIP_UNREADABLE)) : ok(z))),
  );
  const out: UnpackedItem[] = [];
  const budget = new Budget(limits.maxUnpackedBytes);
  let count = 0;
  try {
    for (;;) {
      const entry = await new Promise<yauzl.Entry | null>((ok, fail) => {
        const cleanup = () => zipfile.removeAllListeners('entry').removeAllListeners('end').removeAllListeners('error');
        zipfile.once('entry', (e: yauzl.Entry) => (cleanup(), ok(e)));
        zipfile.once('end', () => (cleanup(), ok(null)));
        zipfile.once('error', () => (cleanup(), fail(new ArchiveError(ZIP_UNREADABLE))));
        zipfile.readEntry();
      });
      if (!entry) break;
      const name = zipEntryName(entry);
      const verdict = classifyEntry(name, zipEntryKind(entry, name));
      if ('skip' in verdict) continue;
      if (++count > limits.maxEntries) throw tooManyEntries(limits);
      if ('refuse' in verdict) {
        out.push(refused(name, verdict.refuse));
        continue;
      }
      if (entry.uncompressedSize > limits.maxDumpBytes) {
        out.push({ filename: name, error: new DumpTooLargeError(entry.uncompressedSize, limits.maxDumpBytes) });
        continue;
      }
      const data = await readZipEntry(zipfile, entry, name, budget).catch((e: unknown) => {
        if (e instanceof ArchiveError) throw e;
        return e as InvalidInputError;
      });
      if (data instanceof InvalidInputError) out.push({ filename: name, error: data });
      else out.push(...entryItems(name, verdict.read, data, limits));
    }
  } finally {
    zipfile.close();
  }
  return out;
}

/** An entry's bytes: refused (by name) when they are more or fewer than declared, or the CRC differs. */
async function readZipEntry(zipfile: yauzl.ZipFile, entry: yauzl.Entry, name: string, budget: Budget): Promise<Buffer> {
  const stream = await new Promise<Readable>((ok, fail) =>
    zipfile.openReadStream(entry, (e, s) => (e ? fail(new InvalidInputError(name, zipEntryProblem(e.message, entry.uncompressedSize))) : ok(s))),
  );
  const parts: Buffer[] = [];
  let size = 0;
  let crc = 0;
  try {
    for await (const c of stream as AsyncIterable<Buffer>) {
      size += c.length;
      // never inflate past what the header declares (yauzl checks it too)
      if (size > entry.uncompressedSize) throw new InvalidInputError(name, `the entry holds more than the ${entry.uncompressedSize} bytes its header declares`);
      budget.take(c.length);
      crc = crc32(c, crc);
      parts.push(c);
    }
  } catch (e) {
    stream.destroy();
    if (e instanceof InvalidInputError || e instanceof ArchiveError) throw e;
    throw new InvalidInputError(name, zipEntryProblem((e as Error).message, entry.uncompressedSize));
  }
  if (size !== entry.uncompressedSize) throw new InvalidInputError(name, `the entry holds ${size} bytes, not the ${entry.uncompressedSize} its header declares`);
  if (crc >>> 0 !== entry.crc32 >>> 0) throw new InvalidInputError(name, 'the entry does not match its CRC-32 (damaged or forged archive)');
  return Buffer.concat(parts, size);
}

/** A tar (optionally gzipped) read as a stream: the gunzipped bytes are counted against the total limit. */
async function untar(chunks: AsyncIterable<Uint8Array>, gzipped: boolean, limits: UnpackLimits): Promise<UnpackedItem[]> {
  const out: UnpackedItem[] = [];
  const budget = new Budget(limits.maxUnpackedBytes);
  const extract = tar.extract();
  let count = 0;
  const counter = new Writable({
    write(chunk: Buffer, _enc, done) {
      try {
        budget.take(chunk.length);
      } catch (e) {
        return done(e as Error);
      }
      if (extract.write(chunk)) done();
      else extract.once('drain', () => done());
    },
    final(done) {
      extract.end(undefined);
      done();
    },
  });
  const entries = (async () => {
    for await (const entry of extract) {
      const { name, size = 0, type } = entry.header;
      const verdict = classifyEntry(name, tarEntryKind(type));
      if (!('skip' in verdict) && ++count > limits.maxEntries) throw tooManyEntries(limits);
      if (!('read' in verdict) || size > limits.maxDumpBytes) {
        if ('refuse' in verdict) out.push(refused(name, verdict.refuse));
        else if ('read' in verdict) out.push({ filename: name, error: new DumpTooLargeError(size, limits.maxDumpBytes) });
        entry.resume();
        // a truncated entry never ends: it closes (and the extractor fails with the reason)
        await new Promise<void>((ok) => entry.once('end', ok).once('close', ok).once('error', () => ok()));
        continue;
      }
      const parts: Buffer[] = [];
      for await (const c of entry as AsyncIterable<Buffer>) parts.push(c);
      out.push(...entryItems(name, verdict.read, Buffer.concat(parts), limits));
    }
  })();
  const source = Readable.from(chunks, { objectMode: false });
  const feeding = gzipped ? pipeline(source, createGunzip(), counter) : pipeline(source, counter);
  try {
    await Promise.all([
      feeding.catch((e: unknown) => {
        extract.destroy(e as Error);
        throw e;
      }),
      entries,
    ]);
  } catch (e) {
    if (e instanceof ArchiveError) throw e;
    throw new ArchiveError(tarUnreadable(gzipped));
  }
  return out;
}

/**
 * Reads an upload (its bytes as they arrive) into items, in archive order: `{ filename, input }` per
 * dump, `{ filename, error }` per refused entry (the entry named), or one error item for the whole
 * upload when it cannot be read or unpacks past `maxUnpackedBytes`.
 */
export async function unpackStream(filename: string, chunks: AsyncIterable<Uint8Array>, limits: UnpackLimits): Promise<UnpackedItem[]> {
  const name = filename.toLowerCase();
  try {
    if (name.endsWith('.txt')) {
      const bytes = await readAtMost(chunks, limits.maxDumpBytes);
      return [typeof bytes === 'number' ? { filename, error: new DumpTooLargeError(bytes, limits.maxDumpBytes) } : decode(filename, bytes)];
    }
    if (isJsonLines(name)) {
      const bytes = await readAtMost(chunks, limits.maxUploadBytes);
      if (typeof bytes === 'number') throw new ArchiveError(`the file is over ${limits.maxUploadBytes} bytes`);
      return jsonLines(filename, bytes, limits);
    }
    if (name.endsWith('.zip')) {
      // a zip's table of contents is at its end: the archive is read whole (up to the upload limit)
      const bytes = await readAtMost(chunks, limits.maxUploadBytes);
      if (typeof bytes === 'number') throw new ArchiveError(`the file is over ${limits.maxUploadBytes} bytes`);
      return await unzip(bytes, limits);
    }
    if (name.endsWith('.tar.gz') || name.endsWith('.tgz') || name.endsWith('.tar')) return await untar(chunks, !name.endsWith('.tar'), limits);
  } catch (e) {
    if (e instanceof ArchiveError) return [{ filename, error: new InvalidInputError('file', e.message) }];
    throw e;
  }
  return [{ filename, error: new InvalidInputError('file', 'copydesk imports .txt, .jsonl, .zip, .tar.gz, .tgz and .tar files') }];
}

/**
 * Checks, parses and derives each dump of an upload (prepare.ts), so that importDump has nothing
 * CPU-heavy left to do; a dump that fails its checks becomes an item with the typed error.
 */
export function prepareItems(items: UnpackedItem[], maxDumpBytes: number): UnpackedItem[] {
  return items.map((item) => {
    if (!('input' in item)) return item;
    try {
      return { ...item, prepared: prepareDump(item.input, maxDumpBytes) };
    } catch (e) {
      if (e instanceof CopydeskError) return { filename: item.filename, error: e };
      throw e;
    }
  });
}

/** An item as it crosses a thread boundary (errors lose their class in structured clone). */
export type WireItem =
  | { filename: string; input: DumpInput; prepared?: PreparedDump }
  | {
      filename: string;
      error:
        | { kind: 'DUMP_TOO_LARGE'; sizeBytes: number; limitBytes: number }
        | { kind: 'INVALID_TEXT'; reason: string; offset: number | null }
        | { kind: 'EMPTY_DUMP'; message: string }
        | { kind: 'INVALID_INPUT'; field: string; message: string };
    };

export function toWire(item: UnpackedItem): WireItem {
  if ('input' in item) return item;
  const e = item.error;
  if (e instanceof DumpTooLargeError) return { filename: item.filename, error: { kind: 'DUMP_TOO_LARGE', sizeBytes: e.sizeBytes, limitBytes: e.limitBytes } };
  if (e instanceof InvalidTextError) return { filename: item.filename, error: { kind: 'INVALID_TEXT', reason: e.reason, offset: e.offset } };
  if (e instanceof EmptyDumpError) return { filename: item.filename, error: { kind: 'EMPTY_DUMP', message: e.message } };
  const field = e instanceof InvalidInputError ? e.field : 'file';
  return { filename: item.filename, error: { kind: 'INVALID_INPUT', field, message: e.message.startsWith(`${field}: `) ? e.message.slice(field.length + 2) : e.message } };
}

export function fromWire(item: WireItem): UnpackedItem {
  if ('input' in item) return item;
  const e = item.error;
  if (e.kind === 'DUMP_TOO_LARGE') return { filename: item.filename, error: new DumpTooLargeError(e.sizeBytes, e.limitBytes) };
  if (e.kind === 'INVALID_TEXT') return { filename: item.filename, error: new InvalidTextError(e.reason, e.offset) };
  if (e.kind === 'EMPTY_DUMP') return { filename: item.filename, error: new EmptyDumpError(e.message) };
  return { filename: item.filename, error: new InvalidInputError(e.field, e.message) };
}
