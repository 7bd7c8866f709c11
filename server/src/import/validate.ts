import { loneSurrogateAt } from '@copydesk/core';
import { DumpTooLargeError, EmptyDumpError, InvalidInputError, InvalidTextError, quoteInput } from '../errors.ts';
import { DATE_TIME_EXPECTED, isoDateTime } from '../date-time.ts';
import { checkName } from '../names.ts';

/** longest filename and URL a dump may carry (characters) */
export const MAX_FILENAME = 1024;
export const MAX_URL = 4096;

/** `name` as an import result may show it: a name longer than MAX_FILENAME (refused) is cut (quoteInput), never echoed whole */
export const shownFilename = (name: string): string => (name.length > MAX_FILENAME ? quoteInput(name) : name);

export interface DumpInput {
  text: string;
  filename?: string | null;
  url?: string | null;
  /** ISO 8601; anything else (the DateTime scalar's InvalidDateTime marker too) is this dump's INVALID_INPUT */
  fetchedAt?: unknown;
}

export interface ValidDump {
  text: string;
  filename: string | null;
  url: string | null;
  fetchedAt: string | null;
  sizeBytes: number;
}

/** what a dump's `url` must be: an absolute http(s) URL with a host (anything else, `javascript:` too, is INVALID_INPUT) */
export const URL_EXPECTED = 'an absolute http:// or https:// URL, e.g. https://example.com/news/1';

/** Whether `url` is an absolute http(s) URL with a host: the only kind a dump may carry (it is shown as a link). */
export function isHttpUrl(url: string): boolean {
  if (!/^https?:\/\//i.test(url)) return false;
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}

/** `v` as UTC ISO 8601 when Date.parse reads it as a date in years 0001-9999, else null */
function lenientDateTime(v: unknown): string | null {
  const t = typeof v === 'string' && v.length <= 100 ? Date.parse(v) : NaN;
  if (Number.isNaN(t)) return null;
  const d = new Date(t);
  return d.getUTCFullYear() >= 1 && d.getUTCFullYear() <= 9999 ? d.toISOString() : null;
}

/**
 * Checks a dump before anything is written (every way in: importDump, uploads, the CLI); throws a
 * typed error naming what is wrong: EmptyDumpError, DumpTooLargeError, InvalidTextError, or
 * InvalidInputError naming `fetchedAt`, `url` (not an absolute http(s) URL, or too long) or `filename`.
 * A filename and a url are labels shown to editors, so each follows the one rule for names
 * (names.ts: no control character, bidi control or lone surrogate): an upload's own name and a
 * JSON Lines file's fields reach here without the GraphQL edge's checks, and a NUL reached SQL.
 */
export function validateDump(input: DumpInput, maxBytes: number): ValidDump {
  const { text } = input;
  if (typeof text !== 'string' || text.length === 0) throw new EmptyDumpError('The dump text is empty: there is nothing to parse.');
  // cheap bound first: a UTF-8 byte is at least one UTF-16 unit's worth of text
  if (text.length > maxBytes) throw new DumpTooLargeError(Buffer.byteLength(text, 'utf8'), maxBytes);
  const sizeBytes = Buffer.byteLength(text, 'utf8');
  if (sizeBytes > maxBytes) throw new DumpTooLargeError(sizeBytes, maxBytes);
  if (!/\S/.test(text)) throw new EmptyDumpError('The dump text is only white space: there is nothing to parse.');
  const nul = text.indexOf('\u0000');
  if (nul >= 0) throw new InvalidTextError('it contains a NUL character, which is not text', nul);
  const lone = loneSurrogateAt(text);
  if (lone >= 0) throw new InvalidTextError('it contains a lone UTF-16 surrogate (broken encoding)', lone);
  let fetchedAt: string | null = null;
  if (input.fetchedAt != null && input.fetchedAt !== '') {
    // strict ISO 8601 from the API (the scalar checked it); a file's line may use any form Date.parse reads
    fetchedAt = isoDateTime(input.fetchedAt) ?? lenientDateTime(input.fetchedAt);
    if (fetchedAt === null) throw new InvalidInputError('fetchedAt', DATE_TIME_EXPECTED);
  }
  const url = input.url?.trim() || null;
  if (url !== null && url.length > MAX_URL) throw new InvalidInputError('url', `longer than ${MAX_URL} characters`);
  if (url !== null) checkName('url', url);
  if (url !== null && !isHttpUrl(url)) throw new InvalidInputError('url', `"${quoteInput(url)}" is not ${URL_EXPECTED}`);
  const filename = input.filename?.trim() || null;
  if (filename !== null && filename.length > MAX_FILENAME) throw new InvalidInputError('filename', `longer than ${MAX_FILENAME} characters`);
  if (filename !== null) checkName('filename', filename);
  return { text, filename, url, fetchedAt, sizeBytes };
}
