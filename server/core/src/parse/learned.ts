/**
 * What the parser learns, applied to a segmentation: lines remembered from earlier dumps (the
 * line memory) and editors' rules. Pure: both arrive as values in ParseOptions; the caller
 * (import, re-parse, CLI) loads them. Only whole body lines of article segments change: such a
 * line becomes a "noise" span (publisher boilerplate) naming the rule that took it.
 */
import type { FieldSpan, LearnedRule, LineMemory, LineMemoryEntry, ParseOptions, Segment } from './types.ts';
import { foldText, hash53 } from '../derive/fingerprint.ts';
import { KEY_PREFIX_LETTERS, LETTER, LINE_KEY_MIN_LETTERS, LINE_MEMORY_MAX, LINE_MEMORY_MIN, LINE_MEMORY_MIN_STORIES, LINE_MEMORY_SHORT, RULE_MAX_LINE } from './patterns.ts';

/** The rule name on spans the line memory produced. */
export const LINE_MEMORY_RULE = 'line-memory';

/** bound once: a namespace import's getter would run on every character */
const IS_LETTER = LETTER;

/** The letter at text[i] lower-cased, or -1 for anything else (see lineKey). */
function letterAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) {
    if (c >= 97 && c <= 122) return c;
    return c >= 65 && c <= 90 ? c + 32 : -1;
  }
  // general punctuation (curly quotes, dashes, "…") is never a letter: no regex for it
  if ((c >= 0x2000 && c <= 0x206f) || c === 0xa0) return -1;
  const ch = text[i]!;
  return IS_LETTER.test(ch) ? ch.toLowerCase().charCodeAt(0) : -1;
}

const hex = (h: number) => (h >>> 0).toString(16);
const finish = (h: number) => Math.imul(h ^ (h >>> 16), 2246822507) ^ Math.imul(h ^ (h >>> 13), 3266489909);

/**
 * The first part of a line's key: a hash of its first KEY_PREFIX_LETTERS letters. Computed from
 * a few characters, it lets applyLearned skip at once the lines no remembered line or rule can be.
 */
export function linePrefix(text: string, start = 0, end = text.length): string {
  let h = 0xdeadbeef;
  let n = 0;
  for (let i = start; i < end && n < KEY_PREFIX_LETTERS; i++) {
    const c = letterAt(text, i);
    if (c < 0) continue;
    h = Math.imul(h ^ c, 2654435761);
    n++;
  }
  return hex(finish(h));
}

/**
 * A line's memory key, "l:PREFIX.H1.H2": linePrefix, then a 64-bit hash (cyrb53's mixing, two
 * 32-bit lanes) of all its letters, lower-cased: "Show all 7 photos" and "show  all 12 photos",
 * curly and straight quotes, dashes and spacing give one key. A line with fewer than
 * LINE_KEY_MIN_LETTERS letters hashes its whole folded text instead. Shared by the parser, the
 * importer (it counts lines) and rules.
 */
export function lineKey(line: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  let letters = 0;
  for (let i = 0; i < line.length; i++) {
    const c = letterAt(line, i);
    if (c < 0) continue;
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
    letters++;
  }
  const prefix = linePrefix(line);
  if (letters < LINE_KEY_MIN_LETTERS) {
    const f = foldText(line);
    return `l:${prefix}.${hash53(f).toString(16)}.${hash53(f, 1).toString(16)}`;
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `l:${prefix}.${hex(h1)}.${hex(h2)}`;
}

/** The prefixes (linePrefix) of the keys that can mark a line, once per input value. */
const PREFIXES = new WeakMap<object, Set<string>>();
function prefixesOf(owner: object, keys: () => Iterable<string>): Set<string> {
  let set = PREFIXES.get(owner);
  if (!set) {
    set = new Set();
    for (const k of keys()) set.add(k.slice(2, k.indexOf('.')));
    PREFIXES.set(owner, set);
  }
  return set;
}

/** The keys of remembered lines seen in enough stories to mark a line somewhere (k at least, not vetoed). */
function* markingKeys(lines: ReadonlyMap<string, LineMemoryEntry>, k: number): Iterable<string> {
  for (const [key, e] of lines) if (!e.vetoed && e.stories >= k) yield key;
}

/** An outlet name as rules and the sources table key it ("The  Independent" -> "the independent"). */
export function sourceKey(name: string | null | undefined): string {
  return foldText(name);
}

/** Whether a trimmed line of this length can be remembered (and marked by the memory). */
export function isMemorable(length: number): boolean {
  return length >= LINE_MEMORY_MIN && length <= LINE_MEMORY_MAX;
}

/**
 * Stories a remembered line needs before it is publisher boilerplate: K at a body's edge for a
 * short line, doubled inside a body, doubled again for a line longer than LINE_MEMORY_SHORT;
 * Infinity for a line the memory never marks. `k` defaults to LINE_MEMORY_MIN_STORIES.
 */
export function storiesNeeded(length: number, atEdge: boolean, k = LINE_MEMORY_MIN_STORIES): number {
  if (!isMemorable(length)) return Infinity;
  return k * (atEdge ? 1 : 2) * (length > LINE_MEMORY_SHORT ? 2 : 1);
}

/** True when the options carry anything for applyLearned to do. */
export function hasLearned(opts: ParseOptions): boolean {
  return !!(opts.rules?.length || opts.memory?.lines.size);
}

/** Whether [s, e) is a whole line of `text` (only spaces, tabs, "\r" between it and the line ends). */
function isWholeLine(text: string, s: number, e: number): boolean {
  for (let i = s - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10) break;
    if (c !== 32 && c !== 9) return false;
  }
  for (let i = e; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) break;
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

interface Candidate {
  span: FieldSpan;
  /** null: never matched */
  key: string | null;
  length: number;
}

/**
 * Applies rules and the line memory to `segments` (in place). For each main or
 * related segment, each body span that is a whole line becomes a noise span when
 * - an editor's rule names its key (everywhere, or for the segment's source): `rule` is the rule's
 *   name, `reason` its description; or
 * - the memory knows its key from at least storiesNeeded(length, edge) distinct stories and no
 *   editor vetoed it: `rule` is "line-memory", `reason` "repeated in N articles". A line is at
 *   the edge when every body line between it and the body's start (or end) is marked too, so a
 *   promo block peels off a body's end line by line while a repeated sentence inside it does not.
 * A subhead span on a line that became noise is dropped. Returns the new noise spans, in text
 * order (segments are changed in place; [] when no line changed).
 */
export function applyLearned(text: string, segments: Segment[], opts: ParseOptions): FieldSpan[] {
  const rules = opts.rules ?? [];
  const memory = opts.memory;
  const k = memory?.minStories ?? LINE_MEMORY_MIN_STORIES;
  // longer lines can match nothing: their keys (the costly part) are never computed
  const maxLength = rules.length ? RULE_MAX_LINE : LINE_MEMORY_MAX;
  const memoryPrefixes = memory?.lines.size ? prefixesOf(memory, () => markingKeys(memory.lines, k)) : null;
  const rulePrefixes = rules.length ? prefixesOf(rules, () => rules.map((r) => r.key)) : null;
  const taken: FieldSpan[] = [];
  // nothing remembered often enough and no rule: no line can change
  if (!memoryPrefixes?.size && !rulePrefixes?.size) return taken;
  const known = (p: string) => !!(memoryPrefixes?.has(p) || rulePrefixes?.has(p));
  for (const seg of segments) {
    if (seg.kind !== 'main' && seg.kind !== 'related') continue;
    // the segment's source, folded: only a rule for one source needs it
    let source: string | null | undefined;
    const sourceOf = (): string | null => {
      if (source === undefined) {
        const src = seg.fields.find((f) => f.field === 'source');
        source = src ? sourceKey(text.slice(src.start, src.end)) : null;
      }
      return source;
    };
    // first the cheap test (linePrefix) on each body line; only a segment with a known prefix goes on
    let any = false;
    for (const f of seg.fields) {
      if (f.field === 'body' && f.end - f.start <= maxLength && known(linePrefix(text, f.start, f.end))) {
        any = true;
        break;
      }
    }
    if (!any) continue;
    const body: Candidate[] = [];
    for (const f of seg.fields) {
      if (f.field !== 'body') continue;
      const length = f.end - f.start;
      // a piece of a line (inline noise cut it) or a line too long for any rule: it keeps its place in the body, with no key
      const key = length <= maxLength && known(linePrefix(text, f.start, f.end)) && isWholeLine(text, f.start, f.end) ? lineKey(text.slice(f.start, f.end)) : null;
      body.push({ span: f, key, length });
    }
    if (!body.some((c) => c.key !== null)) continue;
    // span -> its replacement (a new noise span: the parser's spans keep one shape)
    const marked = new Map<FieldSpan, FieldSpan>();
    for (const c of body) {
      const rule = c.key === null ? null : matchRule(rules, c.key, sourceOf);
      if (rule) {
        marked.set(c.span, noiseSpan(c.span, rule.name, rule.description ?? `editor rule ${rule.name}`));
      }
    }
    if (memory?.lines.size) {
      const count = (c: Candidate): number => {
        const e = c.key === null ? undefined : memory.lines.get(c.key);
        return e && !e.vetoed ? e.stories : 0;
      };
      const hit = (c: Candidate, edge: boolean): boolean => count(c) >= storiesNeeded(c.length, edge, k);
      // edge runs: from each end, while lines are already marked or remembered often enough
      const edge = new Set<Candidate>();
      for (let i = 0; i < body.length && (marked.has(body[i]!.span) || hit(body[i]!, true)); i++) edge.add(body[i]!);
      for (let i = body.length - 1; i >= 0 && (marked.has(body[i]!.span) || hit(body[i]!, true)); i--) edge.add(body[i]!);
      for (const c of body) {
        if (marked.has(c.span) || !hit(c, edge.has(c))) continue;
        marked.set(c.span, noiseSpan(c.span, LINE_MEMORY_RULE, `repeated in ${count(c)} articles`));
      }
    }
    if (marked.size) {
      const gone = new Set([...marked.keys()].map((f) => `${f.start}:${f.end}`));
      seg.fields = seg.fields.flatMap((f) => (f.field === 'subhead' && gone.has(`${f.start}:${f.end}`) ? [] : [marked.get(f) ?? f]));
      // body spans are in text order, and so are their replacements
      for (const c of body) {
        const n = marked.get(c.span);
        if (n) taken.push(n);
      }
    }
  }
  return taken;
}

/**
 * The items (the parser's line suspicions or warnings, UTF-16 offsets) that lie inside none of
 * `taken` (applyLearned's noise spans: text order, no overlaps). A line an editor's rule or the
 * line memory took out is decided: the doubts the parser had about it as body (a prompt-like line,
 * a short line among paragraphs, an unread credit line) go with it, so the dump's confidence no
 * longer counts them. Structural warnings span more than one body line and stay.
 */
export function outsideTaken<T extends { start: number; end: number }>(items: T[], taken: readonly FieldSpan[]): T[] {
  if (!taken.length || !items.length) return items;
  return items.filter((x) => {
    // the last taken span starting at or before x
    let lo = 0;
    let hi = taken.length - 1;
    let at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (taken[mid]!.start <= x.start) {
        at = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return at < 0 || x.end > taken[at]!.end;
  });
}

function matchRule(rules: readonly LearnedRule[], key: string, sourceOf: () => string | null): LearnedRule | null {
  for (const r of rules) if (r.key === key && (r.source === null || r.source === sourceOf())) return r;
  return null;
}

function noiseSpan(span: FieldSpan, rule: string, reason: string): FieldSpan {
  return { field: 'noise', start: span.start, end: span.end, confidence: span.confidence, rule, reason };
}

export type { LearnedRule, LineMemory };
