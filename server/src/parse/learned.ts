/**
 * What the parser learns, applied to a segmentation: lines remembered from earlier dumps (the
 * line memory) and editors' rules. Pure: both arrive as values in ParseOptions; the caller
 * (import, re-parse, CLI) loads them. Line rules and the memory change only whole body lines of
 * article segments: such a line becomes a "noise" span (publisher boilerplate) naming the rule
 * that took it. Shape rules (shape.ts) mark the byline or the published date on credit lines
 * shaped like one an editor fixed.
 */
import type { FieldSpan, LearnedRule, LineMemory, LineMemoryEntry, ParseOptions, Segment } from './types.ts';
import { foldText, hash53 } from '../derive/fingerprint.ts';
import {
  KEY_PREFIX_LETTERS,
  LETTER,
  LINE_KEY_MIN_LETTERS,
  LINE_MEMORY_MAX,
  LINE_MEMORY_MIN,
  LINE_MEMORY_MIN_STORIES,
  LINE_MEMORY_SHORT,
  PARAGRAPH_MIN_CHARS,
  RULE_MAX_LINE,
  SENTENCE_LIKE_END,
  SHAPE_LEAD_LINES,
  SHAPE_MAX_LINE,
} from './patterns.ts';
import { compileShape, matchShape, quickReject, shapeTokens, ShapeError, type CompiledShape, type ShapeField } from './shape.ts';

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
 * A subhead span on a line that became noise is dropped. Before them, shape rules (action "byline"
 * or "published") mark their field on credit lines of their shape (applyShapeRules). Returns the
 * spans of the lines that changed, in text order (segments are changed in place; [] when no line changed).
 */
export function applyLearned(text: string, segments: Segment[], opts: ParseOptions): FieldSpan[] {
  const { lineRules, shapeRules } = splitRules(opts.rules);
  // shape rules first: a credit line they take is no longer body for the line rules and the memory
  const shaped = shapeRules.length ? applyShapeRules(text, segments, shapeRules) : null;
  const taken = applyLineRules(text, segments, lineRules, opts.memory);
  return shaped?.length ? [...shaped, ...taken].sort((a, b) => a.start - b.start) : taken;
}

/** A shape rule ready to match: the rule and its compiled shape. */
interface ShapeRule {
  rule: LearnedRule;
  field: ShapeField;
  shape: CompiledShape;
}

/** Each rules input split once (a batch parses many dumps with one array): line rules, and shape rules compiled. */
const SPLIT = new WeakMap<readonly LearnedRule[], { lineRules: readonly LearnedRule[]; shapeRules: readonly ShapeRule[] }>();
const NO_RULES = { lineRules: [] as readonly LearnedRule[], shapeRules: [] as readonly ShapeRule[] };
function splitRules(rules: readonly LearnedRule[] | undefined) {
  if (!rules?.length) return NO_RULES;
  let split = SPLIT.get(rules);
  if (!split) {
    const lineRules: LearnedRule[] = [];
    const shapeRules: ShapeRule[] = [];
    for (const r of rules) {
      if (r.action === 'byline' || r.action === 'published') {
        // a malformed shape (hand-edited row) marks nothing rather than failing every parse
        try {
          shapeRules.push({ rule: r, field: r.action, shape: compileShape(r.key) });
        } catch (e) {
          if (!(e instanceof ShapeError)) throw e;
        }
      } else lineRules.push(r);
    }
    split = { lineRules: lineRules.length === rules.length ? rules : lineRules, shapeRules };
    SPLIT.set(rules, split);
  }
  return split;
}

/** The segment's outlet (its source field), folded; null when it names none. */
function segmentSource(text: string, seg: Segment): string | null {
  const src = seg.fields.find((f) => f.field === 'source');
  return src ? sourceKey(text.slice(src.start, src.end)) : null;
}

/**
 * Applies shape rules to `segments` (in place). In each main or related segment, the credit zone
 * is the first SHAPE_LEAD_LINES non-blank lines after the headline, up to the first line of
 * article text (a body line of PARAGRAPH_MIN_CHARS or more, or one ending like a sentence). The first line there whose whole trimmed text has a
 * rule's shape (shape.ts matchShape), for a rule that applies to the segment's source, gets the
 * rule's field on the span the shape marks: every other span on that line goes (the rest of the
 * line, its label or a job title, is in no field, as with a built-in credit line), and the new
 * span names the rule. The segment's other span of that field, if the built-in rules read one
 * elsewhere, goes (an article has one byline span and one published span).
 * Returns one span per changed line (the whole trimmed line, for outsideTaken), in text order.
 */
function applyShapeRules(text: string, segments: Segment[], rules: readonly ShapeRule[]): FieldSpan[] {
  const taken: FieldSpan[] = [];
  for (const seg of segments) {
    if (seg.kind !== 'main' && seg.kind !== 'related') continue;
    // the rules for this segment's outlet (and everywhere): none, and its lines are never cut into tokens
    let applicable = rules;
    if (rules.some(isScoped)) {
      const source = segmentSource(text, seg);
      applicable = rules.filter((r) => r.rule.source === null || r.rule.source === source);
      if (!applicable.length) continue;
    }
    let from = seg.start;
    // the headline comes before the body (spans are in text order): no need to look further
    for (const f of seg.fields) {
      if (f.field === 'body') break;
      if (f.field === 'headline' && f.end > from) from = f.end;
    }
    let lines = 0;
    // the fields a rule already marked in this segment (one byline, one date)
    let doneByline = false;
    let donePublished = false;
    for (let at = from; at < seg.end && lines < SHAPE_LEAD_LINES && !(doneByline && donePublished); ) {
      let nl = text.indexOf('\n', at);
      if (nl < 0 || nl > seg.end) nl = seg.end;
      let s = at;
      let e = nl;
      at = nl + 1;
      while (s < e && isSpace(text.charCodeAt(s))) s++;
      while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
      if (s === e) continue;
      lines++;
      if (e - s > SHAPE_MAX_LINE) {
        if (hasBodyOn(seg, s, e)) break;
        continue;
      }
      // copied and cut into tokens only when some rule's quick test lets the line through
      let line: string | null = null;
      let tokens: ReturnType<typeof shapeTokens> | null = null;
      for (const r of applicable) {
        if ((r.field === 'byline' ? doneByline : donePublished) || quickReject(r.shape, text, s, e)) continue;
        line ??= text.slice(s, e);
        const m = matchShape(r.shape, line, (tokens ??= shapeTokens(line)));
        if (!m) continue;
        const span: FieldSpan = { field: r.field, start: s + m.start, end: s + m.end, confidence: 0.9, rule: r.rule.name, reason: r.rule.description ?? `editor rule ${r.rule.name}` };
        // the editor's shape wins over the field the built-in rules read elsewhere (one byline, one date per article)
        const kept = seg.fields.filter((f) => f.field !== r.field).flatMap((f) => outside(f, s, e));
        seg.fields = [...kept, span].sort((a, b) => a.start - b.start || b.end - a.end);
        taken.push({ field: r.field, start: s, end: e, confidence: span.confidence, rule: r.rule.name });
        if (r.field === 'byline') doneByline = true;
        else donePublished = true;
        break;
      }
      // article text has begun: a body line that reads as a sentence or a paragraph ends the credit zone
      if ((e - s >= PARAGRAPH_MIN_CHARS || endsSentence(text, e)) && hasBodyOn(seg, s, e)) break;
    }
  }
  return taken;
}

const isScoped = (r: ShapeRule) => r.rule.source !== null;

/** Whether the line ending at `e` ends like a sentence (SENTENCE_LIKE_END), read from its last two characters. */
function endsSentence(text: string, e: number): boolean {
  return SENTENCE_LIKE_END.test(text.slice(Math.max(0, e - 2), e));
}

/** Whether a body span of `seg` overlaps [s, e). */
function hasBodyOn(seg: Segment, s: number, e: number): boolean {
  for (const f of seg.fields) if (f.field === 'body' && f.start < e && f.end > s) return true;
  return false;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 13 || c === 0xa0;

/** The parts of a span outside [s, e) (none, one or two; a subhead wholly inside goes). */
function outside(f: FieldSpan, s: number, e: number): FieldSpan[] {
  if (f.end <= s || f.start >= e) return [f];
  const out: FieldSpan[] = [];
  if (f.start < s && f.field !== 'subhead') out.push({ ...f, end: s });
  if (f.end > e && f.field !== 'subhead') out.push({ ...f, start: e });
  return out;
}

/** applyLearned's line rules and line memory (see applyLearned). */
function applyLineRules(text: string, segments: Segment[], rules: readonly LearnedRule[], memory: LineMemory | undefined): FieldSpan[] {
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
    const sourceOf = (): string | null => (source === undefined ? (source = segmentSource(text, seg)) : source);
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
