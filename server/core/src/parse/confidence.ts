/**
 * How sure the parser is of a whole dump, built from its lines so that a wrong parse ranks below
 * a right one: the structure (the weakest article segment, structural warnings such as an unknown
 * template or text no block claims) times, for every line the parser doubts (a kept line that
 * looks like a prompt or a credit line, a line taken out by its position only), (1 - weight x
 * suspicion). Suspicions come from fields/kinds.ts and article.ts, each with its reason.
 */
import type { LineSuspicion, ParseWarning, Segment } from './types.ts';

/** Points a structural warning costs the dump (first occurrence; repeats cost half, up to a cap). */
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
  // these mirror a line's suspicion, which already counts below
  SUSPECT_BOILERPLATE: 0,
  SUSPECT_BYLINE: 0,
};

/** What a note (a fact about the capture, e.g. "TRUNCATED") costs: it breaks ties, it does not warn. */
export const NOTE_COST = 0.01;

/** How much a line's suspicion (in [0, 1]) takes off the dump's confidence, as a factor. */
export const LINE_WEIGHT = 0.6;

/**
 * The dump's confidence in [0, 1] (3 decimals). `segments`: the partition; `warnings`: structural
 * and line warnings; `suspicions`: every doubted line (spans may repeat: a span counts once, at
 * its highest suspicion).
 */
export function scoreDump(
  segments: readonly Segment[],
  warnings: readonly ParseWarning[],
  template: string,
  _mainConf: number,
  suspicions: readonly LineSuspicion[] = [],
  notes: readonly ParseWarning[] = [],
): number {
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
  // a capture cut short is a little riskier, though no parse of it is suspect
  score -= NOTE_COST * Math.min(3, notes.length);
  // text left to residue that is not blank lowers trust in the partition
  for (const s of segments) if (s.kind === 'residue' && s.confidence < 0.5) score -= 0.03;
  if (suspicions.length) {
    const worst = new Map<number, number>();
    for (const x of suspicions) worst.set(x.start, Math.max(worst.get(x.start) ?? 0, x.suspicion));
    let factor = 1;
    for (const v of worst.values()) factor *= 1 - LINE_WEIGHT * Math.min(1, v);
    score = Math.max(0, score) * factor;
  }
  return Math.min(1, Math.max(0, Math.round(score * 1000) / 1000));
}
