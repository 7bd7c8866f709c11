import { loneSurrogateAt } from '@copydesk/core';
import { DumpTooLargeError, EmptyDumpError, InvalidInputError, InvalidTextError } from '../errors.ts';

export interface DumpInput {
  text: string;
  filename?: string | null;
  url?: string | null;
  fetchedAt?: string | null;
}

export interface ValidDump {
  text: string;
  filename: string | null;
  url: string | null;
  fetchedAt: string | null;
  sizeBytes: number;
}

/** Checks a dump before anything is written; throws a typed error naming what is wrong. */
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
    const t = Date.parse(input.fetchedAt);
    if (Number.isNaN(t)) throw new InvalidInputError('fetchedAt', `"${input.fetchedAt}" is not an ISO 8601 date-time`);
    fetchedAt = new Date(t).toISOString();
  }
  const url = input.url?.trim() || null;
  if (url !== null && url.length > 4096) throw new InvalidInputError('url', 'longer than 4096 characters');
  const filename = input.filename?.trim() || null;
  if (filename !== null && filename.length > 1024) throw new InvalidInputError('filename', 'longer than 1024 characters');
  return { text, filename, url, fetchedAt, sizeBytes };
}
