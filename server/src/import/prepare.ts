/**
 * What an import computes before it touches the database: the checked dump, its parse and the
 * articles the parse derives. Pure and CPU-heavy (about a second for a 5 MB dump): uploads run it
 * in their unpack worker thread and hand the result to importDump.
 */
import { createHash } from 'node:crypto';
import { deriveArticles, type DerivedArticle, parseDump, type ParseOptions, type Segmentation } from '@copydesk/core';
import { validateDump, type DumpInput, type ValidDump } from './validate.ts';
import { sightingsOf, type Sighting } from '../learn/sightings.ts';

export interface PreparedDump {
  dump: ValidDump;
  seg: Segmentation;
  derived: DerivedArticle[];
}

/**
 * Checks, parses and derives a dump; throws the typed errors of validateDump. `learned` are the
 * parser's learned inputs (line memory, editors' rules); `valid` skips the check when done already.
 */
export function prepareDump(input: DumpInput, maxBytes: number, learned: Pick<ParseOptions, 'memory' | 'rules'> = {}, valid?: ValidDump): PreparedDump {
  const dump = valid ?? validateDump(input, maxBytes);
  const seg = parseDump(dump.text, { fetchedAt: dump.fetchedAt, ...learned });
  const derived = deriveArticles(dump.text, seg, { fetchedAt: dump.fetchedAt });
  return { dump, seg, derived };
}

/** sha256 of a dump's text, hex: its identity (the same text again is the same dump) */
export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** what `prepareImport` is given */
export interface PrepareTask {
  input: DumpInput;
  maxBytes: number;
  learned: Pick<ParseOptions, 'memory' | 'rules'>;
  valid: ValidDump;
  /** already parsed and derived (by the unpack worker) with nothing learned since: only sightings and hash are left */
  prepared?: PreparedDump;
}

/** a prepared dump with its content hash (sha256, hex) and its lines' sightings (for the line memory) */
export interface PrepareResult extends PreparedDump {
  hash: string;
  sightings: Sighting[];
}

/** Everything an import computes before writing: parse and derive with the learned inputs (unless `prepared`), the hash and the sightings. */
export function prepareImport({ input, maxBytes, learned, valid, prepared }: PrepareTask): PrepareResult {
  const p = prepared ?? prepareDump(input, maxBytes, learned, valid);
  const hash = contentHash(p.dump.text);
  return { ...p, hash, sightings: sightingsOf(p.dump.text, p.seg, p.derived, hash) };
}
