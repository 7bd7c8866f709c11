import {
  QUOTE_MARK,
  REPORTED_SPEECH,
  CAPITALISED_WORD_AFTER,
  MAX_NOISE_LINE,
  REGEXP_SPECIAL,
  WORD_BEFORE,
  NOISE_INLINE_RULES,
  NOISE_LINE_RULES,
  SUSPECT_BOILERPLATE,
  SUSPECT_CONTEXT,
  SUSPECT_HINTS,
} from '../patterns.ts';
import type { InlineNoiseRule } from '../patterns.ts';
import type { Range } from './byline.ts';
import { Gated } from '../first-units.ts';

/**
 * The noise rules that can match anywhere in one dump, and the suspect-prompt words it holds.
 * Deciding this once per dump (one fast `indexOf` per hint key over the whole text, the noise
 * rules' hints and SUSPECT_HINTS sharing keys) keeps the per-line cost near zero for the usual
 * dump, which contains none of the hints.
 */
export interface NoiseContext {
  /** the inline rules whose hints the dump contains */
  inlineRules: readonly ActiveInlineRule[];
  /** the hinted whole-line rules' hints that the dump contains (a line can contain no others) */
  lineHints: readonly string[];
  /** the SUSPECT_HINTS the dump contains (isSuspectBoilerplate searches a line for these only) */
  suspectHints: readonly string[];
}

/** An inline rule and a position in the dump no occurrence of its hints starts before. */
export interface ActiveInlineRule {
  rule: InlineNoiseRule;
  from: number;
}

function escapeRe(s: string): string {
  return s.replace(REGEXP_SPECIAL, '\\$&');
}

function hasAny(s: string, hints: readonly string[]): boolean {
  for (const h of hints) if (s.includes(h)) return true;
  return false;
}

export function noiseContext(text: string): NoiseContext {
  // where each hint first occurs (-1: nowhere), searching for the hints' keys
  const first = FIRST_AT.fill(-1);
  for (let j = 0; j < KEYS.length; j++) {
    const key = KEYS[j]!;
    const hints = KEY_HINTS[j]!;
    const off = KEY_OFFSET[j]!;
    for (let i = text.indexOf(key, off); i >= 0; i = text.indexOf(key, i + 1)) {
      // where the hint would start (its key is found `off` code units into it)
      const at = i - off;
      let pending = false;
      for (const k of hints) {
        if (first[k] !== -1) continue;
        if (HINTS[k]!.length === key.length || text.startsWith(HINTS[k]!, at)) first[k] = at;
        else pending = true;
      }
      if (!pending) break;
    }
  }
  const inlineRules: ActiveInlineRule[] = [];
  for (const { rule, hints } of INLINE_HINTS) {
    if (hints.length === 1) {
      const from = first[hints[0]!]!;
      if (from >= 0) inlineRules.push({ rule, from });
    } else if (hints.some((k) => first[k] !== -1)) {
      // several hints: as before, no position (a line anywhere may hold one)
      inlineRules.push({ rule, from: 0 });
    }
  }
  const lineHints: string[] = [];
  for (const k of LINE_HINTS) if (first[k] !== -1) lineHints.push(HINTS[k]!);
  const suspectHints: string[] = [];
  for (const k of SUSPECT_AT) if (first[k] !== -1) suspectHints.push(HINTS[k]!);
  return { inlineRules, lineHints, suspectHints };
}

/**
 * The hints, each searched for by its first KEY_LENGTH code units (a short pattern is found
 * faster) unless another hint's key starts it ("FREE " finds "FREE trial"); where a key occurs,
 * the whole hint is compared. KEY_HINTS[j]: the hints (indexes into HINTS) KEYS[j] stands for.
 * A hint opening with a common letter is searched from its rarest code unit instead
 * ("eporting by" by "by", "assistance from" by "from": a search stops at every occurrence of the
 * key's first code unit); KEY_OFFSET[j]: where in its hint KEYS[j] starts (0 for shared keys).
 */
const KEY_LENGTH = 6;
/** Code units by how often they occur in English text, most often first; any other is rarer than all of these. */
const COMMON_UNITS = ' etaoinshrdlcumwfgypbvkjxqz';
/** Where in `h` its search key starts: at its rarest code unit (by COMMON_UNITS), the first of equals. */
function keyOffset(h: string): number {
  let best = 0;
  let rank = -1;
  for (let i = 0; i < h.length; i++) {
    const r = COMMON_UNITS.indexOf(h[i]!);
    const q = r < 0 ? COMMON_UNITS.length : r;
    if (q > rank) {
      rank = q;
      best = i;
    }
    if (r < 0) break;
  }
  return best;
}
const HINTS: string[] = [...new Set([...NOISE_INLINE_RULES.flatMap((r) => r.hints), ...NOISE_LINE_RULES.flatMap((r) => r.hints ?? []), ...SUSPECT_HINTS])];
const KEYS: string[] = [];
const KEY_HINTS: number[][] = [];
const KEY_OFFSET: number[] = [];
{
  const prefixes = HINTS.map((h) => h.slice(0, KEY_LENGTH));
  HINTS.forEach((h, k) => {
    const off = keyOffset(h);
    if (off > 0) {
      KEYS.push(h.slice(off, off + KEY_LENGTH));
      KEY_HINTS.push([k]);
      KEY_OFFSET.push(off);
      return;
    }
    const key = prefixes.reduce((best, p) => (h.startsWith(p) && p.length < best.length ? p : best), prefixes[k]!);
    const j = KEYS.findIndex((x, i) => x === key && KEY_OFFSET[i] === 0);
    if (j >= 0) KEY_HINTS[j]!.push(k);
    else {
      KEYS.push(key);
      KEY_HINTS.push([k]);
      KEY_OFFSET.push(0);
    }
  });
}
const FIRST_AT = new Int32Array(HINTS.length);
const INLINE_HINTS = NOISE_INLINE_RULES.map((rule) => ({ rule, hints: rule.hints.map((h) => HINTS.indexOf(h)) }));
const LINE_HINTS = NOISE_LINE_RULES.flatMap((r) => r.hints ?? []).map((h) => HINTS.indexOf(h));
const SUSPECT_AT = SUSPECT_HINTS.map((h) => HINTS.indexOf(h));

/**
 * The anchored (hint-less) whole-line rules as one alternation: one test per line instead of one
 * per rule. The "^" is hoisted out of the alternatives so that the engine sees the whole pattern
 * anchored and tries only position 0 (not every position of a long line). A line whose first
 * code unit none of them can open with is refused before the regex (first-units.ts).
 */
const ANCHORED = NOISE_LINE_RULES.filter((r) => !r.hints);
const ANCHORED_ANY = new Gated(new RegExp(`^(?:${ANCHORED.map((r) => `(?:${unanchored(r)})`).join('|')})`, 'u'));

/** A hint-less rule's source without its leading "^" (every such rule must have one). */
function unanchored(r: { name: string; re: RegExp }): string {
  if (!r.re.source.startsWith('^')) throw new Error(`noise line rule ${r.name} has no hints and is not anchored at ^`);
  return r.re.source.slice(1);
}

/** The hinted whole-line rules and all their hints. */
const HINTED = NOISE_LINE_RULES.filter((r) => r.hints);
const HINTED_HINTS = HINTED.flatMap((r) => r.hints!);

const ALL: NoiseContext = { inlineRules: NOISE_INLINE_RULES.map((rule) => ({ rule, from: 0 })), lineHints: HINTED_HINTS, suspectHints: SUSPECT_HINTS };

/**
 * Name of the whole-line publisher-boilerplate rule a (trimmed) body line matches, or null.
 * `ctx` (the dump's) narrows the per-line hint check to the hints the dump contains.
 */
export function noiseLineRule(s: string, ctx: NoiseContext = ALL): string | null {
  if (s.length > MAX_NOISE_LINE) return null;
  if (ANCHORED_ANY.test(s)) {
    for (const r of ANCHORED) if (r.re.test(s)) return r.name;
  }
  // the hinted rules are tried on a line holding any of their hints (one fast `includes` each)
  if (ctx.lineHints.length && hasAny(s, ctx.lineHints)) {
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
  const rules: string[] = [];
  const ranges = inlineNoiseRanges(s, source, ctx, -1, rules);
  return { ranges: [...ranges], rules };
}

const NO_RANGES: readonly Range[] = [];

/**
 * inlineNoise's ranges (the names of the rules that matched go to `names`, when given). A line
 * without inline boilerplate (the usual case) allocates nothing: a shared empty array comes back.
 * `at` is where `s` starts in the dump (-1: unknown).
 */
export function inlineNoiseRanges(s: string, source: string | null, ctx: NoiseContext, at = -1, names?: string[]): readonly Range[] {
  let found: Range[] | null = null;
  for (const { rule: r, from } of ctx.inlineRules) {
    // every match contains one of the rule's hints: a line that ends before `from` (no hint
    // occurs earlier in the dump), or holds none, cannot match
    if (at >= 0 && at + s.length <= from) continue;
    if (!hasAny(s, r.hints)) continue;
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
        (found ??= []).push([start, end]);
        names?.push(r.name);
      }
      if (r.toEnd) break;
    }
  }
  if (!found) return NO_RANGES;
  if (found.length === 1) return found;
  found.sort((a, b) => a[0] - b[0]);
  const merged: Range[] = [found[0]!];
  for (let i = 1; i < found.length; i++) {
    const cur = found[i]!;
    const last = merged[merged.length - 1]!;
    if (cur[0] <= last[1]) last[1] = Math.max(last[1], cur[1]);
    else merged.push(cur);
  }
  return merged;
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

/**
 * Text kept in a body that looks like publisher boilerplate the rules do not know. A match
 * contains a SUSPECT_HINTS word: the dump (`ctx`, `s` being part of its dump) was searched for
 * them with the noise hints, and a line is searched only for those found.
 */
export function isSuspectBoilerplate(s: string, ctx: NoiseContext = ALL): boolean {
  if (s.length > 300) return false;
  const hints = ctx.suspectHints;
  // a quoted sentence someone said ('"Subscribe to nothing you cannot cancel," the director warned') is the article's
  return hints.length > 0 && hasAny(s, hints) && SUSPECT_BOILERPLATE.test(s) && SUSPECT_CONTEXT.test(s) && !(QUOTE_MARK.test(s) && REPORTED_SPEECH.test(s));
}
