/**
 * What the parser learns, applied to a segmentation: lines remembered from earlier dumps (the
 * line memory) and editors' rules. Pure: both arrive as values in ParseOptions; the caller
 * (import, re-parse, CLI) loads them. Only whole body lines of article segments change: such a
 * line becomes a "noise" span (publisher boilerplate) naming the rule that took it.
 */
import type { FieldSpan, LearnedRule, LineMemory, ParseOptions, Segment } from './types.ts';
import { foldText, hash53 } from '../derive/fingerprint.ts';
import { LETTER, LINE_KEY_MIN_LETTERS, LINE_MEMORY_MAX, LINE_MEMORY_MIN, LINE_MEMORY_MIN_STORIES, LINE_MEMORY_SHORT, RULE_MAX_LINE } from './patterns.ts';

/** The rule name on spans the line memory produced. */
export const LINE_MEMORY_RULE = 'line-memory';

/** bound once: a namespace import's getter would run on every character */
const IS_LETTER = LETTER;

/**
 * A line's memory key: a 64-bit hash (cyrb53's mixing, two 32-bit lanes) of its letters,
 * lower-cased, e.g. "l:9f86d081.2c26b46b": "Show all 7 photos" and "show  all 12 photos", curly and
 * straight quotes, dashes and spacing give one key. One pass, no allocation but the key (it runs
 * on every body line of every parse with learned inputs). A line with fewer than
 * LINE_KEY_MIN_LETTERS letters keys on its whole folded text. Shared by the parser, the importer
 * (it counts lines) and rules.
 */
export function lineKey(line: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  let letters = 0;
  for (let i = 0; i < line.length; i++) {
    let c = line.charCodeAt(i);
    if (c < 128) {
      if (c >= 65 && c <= 90) c += 32;
      else if (c < 97 || c > 122) continue;
    } else {
      // general punctuation (curly quotes, dashes, "…") is never a letter: no regex for it
      if ((c >= 0x2000 && c <= 0x206f) || c === 0xa0) continue;
      const ch = line[i]!;
      if (!IS_LETTER.test(ch)) continue;
      c = ch.toLowerCase().charCodeAt(0);
    }
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
    letters++;
  }
  if (letters < LINE_KEY_MIN_LETTERS) {
    const f = foldText(line);
    return `l:${hash53(f).toString(36)}:${hash53(f, 1).toString(36)}`;
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `l:${(h1 >>> 0).toString(16)}.${(h2 >>> 0).toString(16)}`;
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
 * Applies rules and the line memory to `segments` (in place) and returns them. For each main or
 * related segment, each body span that is a whole line becomes a noise span when
 * - an editor's rule names its key (everywhere, or for the segment's source): `rule` is the rule's
 *   name, `reason` its description; or
 * - the memory knows its key from at least storiesNeeded(length, edge) distinct stories and no
 *   editor vetoed it: `rule` is "line-memory", `reason` "repeated in N articles". A line is at
 *   the edge when every body line between it and the body's start (or end) is marked too, so a
 *   promo block peels off a body's end line by line while a repeated sentence inside it does not.
 * A subhead span on a line that became noise is dropped.
 */
export function applyLearned(text: string, segments: Segment[], opts: ParseOptions): Segment[] {
  const rules = opts.rules ?? [];
  const memory = opts.memory;
  const k = memory?.minStories ?? LINE_MEMORY_MIN_STORIES;
  // longer lines can match nothing: their keys (the costly part) are never computed
  const maxLength = rules.length ? RULE_MAX_LINE : LINE_MEMORY_MAX;
  for (const seg of segments) {
    if (seg.kind !== 'main' && seg.kind !== 'related') continue;
    const src = seg.fields.find((f) => f.field === 'source');
    const source = src ? sourceKey(text.slice(src.start, src.end)) : null;
    const body: Candidate[] = [];
    for (const f of seg.fields) {
      if (f.field !== 'body') continue;
      const length = f.end - f.start;
      // a piece of a line (inline noise cut it) or a line too long for any rule: it keeps its place in the body, with no key
      const key = length <= maxLength && isWholeLine(text, f.start, f.end) ? lineKey(text.slice(f.start, f.end)) : null;
      body.push({ span: f, key, length });
    }
    if (!body.some((c) => c.key !== null)) continue;
    const marked = new Set<FieldSpan>();
    for (const c of body) {
      const rule = c.key === null ? null : matchRule(rules, c.key, source);
      if (rule) {
        mark(c.span, rule.name, rule.description ?? `editor rule ${rule.name}`);
        marked.add(c.span);
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
        mark(c.span, LINE_MEMORY_RULE, `repeated in ${count(c)} articles`);
        marked.add(c.span);
      }
    }
    if (marked.size) {
      const gone = new Set([...marked].map((f) => `${f.start}:${f.end}`));
      seg.fields = seg.fields.filter((f) => f.field !== 'subhead' || !gone.has(`${f.start}:${f.end}`));
    }
  }
  return segments;
}

function matchRule(rules: readonly LearnedRule[], key: string, source: string | null): LearnedRule | null {
  for (const r of rules) if (r.key === key && (r.source === null || r.source === source)) return r;
  return null;
}

function mark(span: FieldSpan, rule: string, reason: string): void {
  span.field = 'noise';
  span.rule = rule;
  span.reason = reason;
}

export type { LearnedRule, LineMemory };
