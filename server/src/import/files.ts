/**
 * Unpacks an uploaded file into dumps: a `.txt` dump, a `.jsonl` file of
 * `{ "text", "filename"?, "url"?, "fetchedAt"? }` lines, or a `.zip` / `.tar.gz` / `.tgz` / `.tar`
 * archive of `.txt` (and `.jsonl`) files. Bad entries become items with an error, never a crash.
 */
import { gunzipSync, unzipSync } from 'fflate';
import { parseTar } from 'nanotar';
import { DumpTooLargeError, InvalidInputError, InvalidTextError } from '../errors.ts';
import type { DumpInput } from './validate.ts';

export type UnpackedItem = { filename: string; input: DumpInput } | { filename: string; error: Error };

export interface UnpackLimits {
  /** largest single dump (bytes) */
  maxDumpBytes: number;
  /** largest total unpacked size (bytes): a guard against archive bombs */
  maxUnpackedBytes: number;
  maxEntries: number;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function decode(filename: string, bytes: Uint8Array): UnpackedItem {
  try {
    let text = decoder.decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // byte order mark
    return { filename, input: { text, filename } };
  } catch {
    return { filename, error: new InvalidTextError('the file is not UTF-8 text', null) };
  }
}

function jsonLines(filename: string, bytes: Uint8Array, limits: UnpackLimits): UnpackedItem[] {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return [{ filename, error: new InvalidTextError('the file is not UTF-8 text', null) }];
  }
  const out: UnpackedItem[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const where = `${filename}:${i + 1}`;
    if (out.length >= limits.maxEntries) {
      if (out.length === limits.maxEntries) out.push({ filename: where, error: new InvalidInputError('file', `more than ${limits.maxEntries} dumps in one upload`) });
      return;
    }
    try {
      const v = JSON.parse(line) as Record<string, unknown>;
      if (typeof v !== 'object' || v === null || typeof v.text !== 'string') throw new Error('each line must be an object with a "text" string');
      const str = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : null);
      out.push({ filename: str('filename') ?? where, input: { text: v.text, filename: str('filename') ?? where, url: str('url'), fetchedAt: str('fetchedAt') } });
    } catch (e) {
      out.push({ filename: where, error: new InvalidInputError(`line ${i + 1}`, e instanceof SyntaxError ? 'not valid JSON' : (e as Error).message) });
    }
  });
  return out;
}

const base = (name: string) => name.split('/').pop() ?? name;
const wanted = (name: string) => !name.endsWith('/') && !base(name).startsWith('.') && !name.includes('__MACOSX/') && /\.(txt|jsonl|ndjson)$/i.test(name);

function entries(files: { name: string; data: Uint8Array; size: number }[], limits: UnpackLimits): UnpackedItem[] {
  const out: UnpackedItem[] = [];
  for (const f of files) {
    if (f.size > limits.maxDumpBytes) out.push({ filename: f.name, error: new DumpTooLargeError(f.size, limits.maxDumpBytes) });
    else if (/\.(jsonl|ndjson)$/i.test(f.name)) out.push(...jsonLines(f.name, f.data, limits));
    else out.push(decode(f.name, f.data));
  }
  return out;
}

export function unpackUpload(filename: string, bytes: Uint8Array, limits: UnpackLimits): UnpackedItem[] {
  const name = filename.toLowerCase();
  if (name.endsWith('.txt')) {
    if (bytes.length > limits.maxDumpBytes) return [{ filename, error: new DumpTooLargeError(bytes.length, limits.maxDumpBytes) }];
    return [decode(filename, bytes)];
  }
  if (name.endsWith('.jsonl') || name.endsWith('.ndjson')) return jsonLines(filename, bytes, limits);
  if (name.endsWith('.zip')) {
    const skipped: UnpackedItem[] = [];
    let total = 0;
    let count = 0;
    let files: Record<string, Uint8Array>;
    try {
      files = unzipSync(bytes, {
        filter: (f) => {
          if (!wanted(f.name)) return false;
          if (++count > limits.maxEntries) return false;
          if (f.originalSize > limits.maxDumpBytes) {
            skipped.push({ filename: f.name, error: new DumpTooLargeError(f.originalSize, limits.maxDumpBytes) });
            return false;
          }
          total += f.originalSize;
          if (total > limits.maxUnpackedBytes) throw new InvalidInputError('file', `the archive unpacks to more than ${limits.maxUnpackedBytes} bytes`);
          return true;
        },
      });
    } catch (e) {
      return [{ filename, error: e instanceof InvalidInputError ? e : new InvalidInputError('file', `not a readable zip archive (${(e as Error).message})`) }];
    }
    const list = Object.entries(files)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([n, data]) => ({ name: n, data, size: data.length }));
    return [...entries(list, limits), ...skipped];
  }
  if (name.endsWith('.tar.gz') || name.endsWith('.tgz') || name.endsWith('.tar')) {
    let tar = bytes;
    if (!name.endsWith('.tar')) {
      // the gzip trailer holds the unpacked size (mod 4 GiB): refuse a bomb before inflating it
      const isize = bytes.length >= 4 ? new DataView(bytes.buffer, bytes.byteOffset + bytes.length - 4, 4).getUint32(0, true) : 0;
      if (isize > limits.maxUnpackedBytes) return [{ filename, error: new InvalidInputError('file', `the archive unpacks to more than ${limits.maxUnpackedBytes} bytes`) }];
      try {
        tar = gunzipSync(bytes);
      } catch (e) {
        return [{ filename, error: new InvalidInputError('file', `not a readable gzip file (${(e as Error).message})`) }];
      }
    }
    let items;
    try {
      items = parseTar(tar);
    } catch (e) {
      return [{ filename, error: new InvalidInputError('file', `not a readable tar archive (${(e as Error).message})`) }];
    }
    const list = items
      .filter((i) => (i.type === 'file' || i.type === undefined) && wanted(i.name) && i.data)
      .slice(0, limits.maxEntries)
      .map((i) => ({ name: i.name, data: i.data!, size: i.data!.length }));
    return entries(list, limits);
  }
  return [{ filename, error: new InvalidInputError('file', 'copydesk imports .txt, .jsonl, .zip, .tar.gz, .tgz and .tar files') }];
}
