import {
  CAPITALISED_WORD_AFTER,
  MAX_NOISE_LINE,
  REGEXP_SPECIAL,
  WORD_BEFORE,
  NOISE_INLINE_RULES,
  NOISE_LINE_RULES,
  SUSPECT_BOILERPLATE,
  SUSPECT_HINTS,
} from '../patterns.ts';
import type { InlineNoiseRule } from '../patterns.ts';
import type { Range } from './byline.ts';

/**
 * The noise rules that can match anywhere in one dump. Deciding this once per dump (one fast
 * `includes` per hint over the whole text) keeps the per-line cost near zero for the usual dump,
 * which contains none of the hints.
 */
export interface NoiseContext {
  inlineRules: readonly InlineNoiseRule[];
  /** the dump contains a SUSPECT_HINTS word somewhere */
  suspect: boolean;
}

function escapeRe(s: string): string {
  return s.replace(REGEXP_SPECIAL, '\\$&');
}

function hasAny(s: string, hints: readonly string[]): boolean {
  for (const h of hints) if (s.includes(h)) return true;
  return false;
}

export function noiseContext(text: string): NoiseContext {
  return { inlineRules: NOISE_INLINE_RULES.filter((r) => hasAny(text, r.hints)), suspect: hasAny(text, SUSPECT_HINTS) };
}

/** The anchored (hint-less) whole-line rules as one alternation: one test per line instead of one per rule. */
const ANCHORED = NOISE_LINE_RULES.filter((r) => !r.hints);
const ANCHORED_ANY = new RegExp(ANCHORED.map((r) => `(?:${r.re.source})`).join('|'), 'u');

/** The hinted whole-line rules' hints as one alternation: one test per short line. */
const HINTED = NOISE_LINE_RULES.filter((r) => r.hints);
const HINTED_ANY = new RegExp(HINTED.flatMap((r) => r.hints!.map(escapeRe)).join('|'), 'u');

const ALL: NoiseContext = { inlineRules: NOISE_INLINE_RULES, suspect: true };

/** Name of the whole-line publisher-boilerplate rule a (trimmed) body line matches, or null. */
export function noiseLineRule(s: string): string | null {
  if (s.length > MAX_NOISE_LINE) return null;
  if (ANCHORED_ANY.test(s)) {
    for (const r of ANCHORED) if (r.re.test(s)) return r.name;
  }
  if (HINTED_ANY.test(s)) {
    for (const r of HINTED) if (r.re.test(s)) return r.name;
  }
  return null;
}


/**
 * Publisher boilerplate inside a (long) body line: ranges within `s`, sorted, merged.
 * `source` (the block's outlet name) lets a footer that names the outlet end after it
 * ("... Privacy Policy | Fast Company Editorial").
 */
export function inlineNoise(s: string, source: string | null, ctx: NoiseContext = ALL): { ranges: Range[]; rules: string[] } {
  const found: Range[] = [];
  const rules: string[] = [];
  for (const r of ctx.inlineRules) {
    r.re.lastIndex = 0;
    for (let m = r.re.exec(s); m; m = r.re.exec(s)) {
      if (m[0].length === 0) r.re.lastIndex++;
      if (r.before && !r.before.test(s.slice(Math.max(0, m.index - 2), m.index))) continue;
      let start = m.index;
      if (r.backWord) {
        const w = WORD_BEFORE.exec(s.slice(Math.max(0, start - 20), start));
        if (!w) continue;
        start -= w[0].length;
      }
      let end = r.toEnd ? s.length : m.index + m[0].length;
      if (r.name === 'daily-newsletter') end = extendPolicyFooter(s, end, source);
      if (end > start) {
        found.push([start, end]);
        rules.push(r.name);
      }
      if (r.toEnd) break;
    }
  }
  if (found.length <= 1) return { ranges: found, rules };
  found.sort((a, b) => a[0] - b[0]);
  const merged: Range[] = [found[0]!];
  for (let i = 1; i < found.length; i++) {
    const cur = found[i]!;
    const last = merged[merged.length - 1]!;
    if (cur[0] <= last[1]) last[1] = Math.max(last[1], cur[1]);
    else merged.push(cur);
  }
  return { ranges: merged, rules };
}

/** After "Policy |": the outlet's name and one more word ("Fast Company Editorial"), else one capitalised word. */
function extendPolicyFooter(s: string, end: number, source: string | null): number {
  const rest = s.slice(end, end + 200);
  if (source) {
    const m = new RegExp(`^ ${escapeRe(source)}(?: \\p{L}{1,20})?`, 'u').exec(rest);
    if (m) return end + m[0].length;
  }
  const m = CAPITALISED_WORD_AFTER.exec(rest);
  return m ? end + m[0].length : end;
}

/** Text kept in a body that looks like publisher boilerplate the rules do not know. */
export function isSuspectBoilerplate(s: string, ctx: NoiseContext = ALL): boolean {
  return ctx.suspect && s.length <= 300 && SUSPECT_BOILERPLATE.test(s);
}
