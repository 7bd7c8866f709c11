/**
 * How sure the parser is of a whole dump. Designed so that a wrong parse tends to score lower:
 * it starts from the weakest article segment and loses points for every warning, by how often
 * that kind of warning goes with a wrong parse.
 */
import type { ParseWarning, Segment } from './types.ts';

/** Points a warning costs the dump (first occurrence; repeats cost half, up to a cap). */
export const WARNING_COST: Readonly<Record<string, number>> = {
  UNKNOWN_TEMPLATE: 0.35,
  UNATTRIBUTED_TEXT: 0.2,
  NO_ARTICLES: 0.5,
  ECHO_MISMATCH: 0.15,
  NO_DUPLICATE_HEADLINE: 0.1,
  NO_BOILERPLATE_ANCHOR: 0.1,
  TRUNCATED_BLOCK: 0.1,
  TRUNCATED_IN_BOILERPLATE: 0.08,
  TRUNCATED_HEADER: 0.05,
  SUSPECT_BOILERPLATE: 0.06,
  TRUNCATED: 0.03,
};

export function scoreDump(segments: readonly Segment[], warnings: readonly ParseWarning[], template: string, _mainConf: number): number {
  if (!segments.length) return 1;
  let count = 0;
  let min = 1;
  let sum = 0;
  for (const a of segments) {
    if (a.kind !== 'main' && a.kind !== 'related') continue;
    count++;
    min = Math.min(min, a.confidence);
    sum += a.confidence;
  }
  let score = count ? 0.6 * min + 0.4 * (sum / count) : 0.3;
  if (template === 'unknown') score -= 0.1;
  if (warnings.length) {
    const seen = new Map<string, number>();
    for (const w of warnings) {
      const cost = WARNING_COST[w.code] ?? 0.05;
      const times = seen.get(w.code) ?? 0;
      seen.set(w.code, times + 1);
      if (times < 4) score -= times ? cost / 2 : cost;
    }
  }
  // text left to residue that is not blank lowers trust in the partition
  for (const s of segments) if (s.kind === 'residue' && s.confidence < 0.5) score -= 0.03;
  return Math.min(1, Math.max(0, Math.round(score * 1000) / 1000));
}
