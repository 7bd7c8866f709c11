/**
 * What an import computes before it touches the database: the checked dump, its parse and the
 * articles the parse derives. Pure and CPU-heavy (about a second for a 5 MB dump): uploads run it
 * in their unpack worker thread and hand the result to importDump.
 */
import { deriveArticles, type DerivedArticle, parseDump, type ParseOptions, type Segmentation } from '@copydesk/core';
import { validateDump, type DumpInput, type ValidDump } from './validate.ts';

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
