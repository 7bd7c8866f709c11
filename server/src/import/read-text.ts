/**
 * The one place bytes become text: a dump file, an archive entry, an upload, a JSON Lines file,
 * wherever it comes from (the CLI's `import` and `parse`, the server's `importDumpFile`).
 * Text is UTF-8, strictly: a leading byte order mark is dropped, and a byte sequence that is not
 * UTF-8 (a Latin-1 or Windows-1252 file, a binary file) is refused with the file's name and the
 * byte offset, never turned into U+FFFD replacement characters.
 */
import { InvalidInputError, InvalidTextError } from '../errors.ts';
import type { DumpInput } from './validate.ts';

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** A file (or archive entry, or upload) whose bytes are not UTF-8 text. */
export class NotUtf8Error extends InvalidTextError {
  constructor(
    /** the file or archive entry, as the user named it */
    readonly file: string,
    /** offset in bytes of the first byte that is not UTF-8 */
    readonly byteOffset: number,
    /** that byte */
    readonly byte: number,
  ) {
    super(`${file} is not UTF-8 text: byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} at byte offset ${byteOffset} is not valid UTF-8 (save the file as UTF-8)`, null);
    this.name = 'NotUtf8Error';
  }
}

const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/**
 * The offset in bytes of the first byte that does not belong to a well-formed UTF-8 sequence, or
 * -1. The WHATWG decoder (replacement mode) decides what is well-formed; each U+FFFD it wrote is
 * mapped back to its byte offset, skipping a U+FFFD that the bytes really hold (EF BF BD).
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const text = lenient.decode(bytes);
  let offset = 0; // bytes of text[0, from)
  let from = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) {
    offset += Buffer.byteLength(text.slice(from, i));
    from = i;
    if (bytes[offset] !== 0xef || bytes[offset + 1] !== 0xbf || bytes[offset + 2] !== 0xbd) return offset;
  }
  return -1;
}

/**
 * `bytes` as text: strict UTF-8, a leading byte order mark dropped. Throws NotUtf8Error (an
 * InvalidTextError, code INVALID_TEXT) naming `file` and the byte offset of the first bad byte.
 */
export function decodeText(file: string, bytes: Uint8Array): string {
  try {
    return strict.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    throw new NotUtf8Error(file, Math.max(0, at), bytes[Math.max(0, at)] ?? 0);
  }
}

/** One line of a JSON Lines file: the dump it holds, or why it was refused (an error naming the file and line). */
export type JsonLine = { line: number; name: string; input: DumpInput } | { line: number; name: string; error: InvalidInputError };

/**
 * The dumps of a JSON Lines file's text: one `{ "text", "filename"?, "url"?, "fetchedAt"? }`
 * object per line, blank lines skipped. A line that is not such an object becomes an error that
 * names the file, the line and what is wrong; the other lines are still read. A dump without a filename
 * is named `file:LINE`.
 */
export function parseJsonLines(file: string, text: string): JsonLine[] {
  const out: JsonLine[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    const where = `${file}:${line}`;
    const field = `${file} line ${line}`;
    if (!raw.trim()) return;
    let v: unknown;
    try {
      v = JSON.parse(raw);
    } catch (e) {
      out.push({ line, name: where, error: new InvalidInputError(field, `not valid JSON (${(e as Error).message})`) });
      return;
    }
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      out.push({ line, name: where, error: new InvalidInputError(field, 'each line must be a JSON object with a "text" string') });
      return;
    }
    const o = v as Record<string, unknown>;
    if (typeof o.text !== 'string') {
      out.push({ line, name: where, error: new InvalidInputError(field, 'the line has no "text" string (each line is {"text": ..., "filename"?, "url"?, "fetchedAt"?})') });
      return;
    }
    for (const k of ['filename', 'url', 'fetchedAt']) {
      if (o[k] != null && typeof o[k] !== 'string') {
        out.push({ line, name: where, error: new InvalidInputError(field, `"${k}" must be a string`) });
        return;
      }
    }
    const str = (k: string) => (typeof o[k] === 'string' ? (o[k] as string) : null);
    const filename = str('filename') ?? where;
    out.push({ line, name: filename, input: { text: o.text, filename, url: str('url'), fetchedAt: str('fetchedAt') } });
  });
  return out;
}
