/**
 * What the parser learns, applied to a segmentation: lines remembered from earlier dumps (the
 * line memory) and editors' rules. Pure: both arrive as values in ParseOptions; the caller
 * (import, re-parse, CLI) loads them. Line rules and the memory change only whole body lines of
 * article segments: such a line becomes a "noise" span (publisher boilerplate) naming the rule
 * that took it. Shape rules (shape.ts) mark the byline or the published date on credit lines
 * shaped like one an editor fixed.
 */
import type { FieldSpan, LearnedRule, LineMemory, ParseOptions, Segment } from './types.ts';
import { foldText, hash53 } from '../derive/fingerprint.ts';
import {
  KEY_PREFIX_LETTERS,
  LETTER,
  LINE_KEY_MIN_LETTERS,
  LINE_MEMORY_MAX,
  LINE_MEMORY_MIN,
  LINE_MEMORY_MIN_STORIES,
  LINE_MEMORY_SHORT,
  memoryKeepsSentence,
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

/** An ASCII code unit's letter lower-cased, or -1 (one load instead of branches that mispredict on running text). */
const ASCII_LETTER = (() => {
  const a = new Int16Array(128).fill(-1);
  for (let c = 97; c <= 122; c++) a[c] = c;
  for (let c = 65; c <= 90; c++) a[c] = c + 32;
  return a;
})();

/** The letter at text[i] lower-cased, or -1 for anything else (see lineKey). */
function letterAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return ASCII_LETTER[c]!;
  // general punctuation (curly quotes, dashes, "…") is never a letter: no regex for it
  if ((c >= 0x2000 && c <= 0x206f) || c === 0xa0) return -1;
  // other code units: decided once each (the answer depends on the code unit alone)
  let v = NON_ASCII_LETTER[c]!;
  if (v === UNKNOWN) {
    const ch = String.fromCharCode(c);
    v = NON_ASCII_LETTER[c] = IS_LETTER.test(ch) ? ch.toLowerCase().charCodeAt(0) : -1;
  }
  return v;
}
const UNKNOWN = -2;
/** letterAt's answers for code units from 128 on, filled in as they are met (UNKNOWN: not yet). */
const NON_ASCII_LETTER = new Int32Array(0x10000).fill(UNKNOWN);

const hex = (h: number) => (h >>> 0).toString(16);
const finish = (h: number) => Math.imul(h ^ (h >>> 16), 2246822507) ^ Math.imul(h ^ (h >>> 13), 3266489909);

/** The hash linePrefix prints: of the first KEY_PREFIX_LETTERS letters of text[start, end), as an unsigned 32-bit number. */
function prefixHash(text: string, start: number, end: number): number {
  let h = 0xdeadbeef;
  let n = 0;
  for (let i = start; i < end && n < KEY_PREFIX_LETTERS; i++) {
    const c = letterAt(text, i);
    if (c < 0) continue;
    h = Math.imul(h ^ c, 2654435761);
    n++;
  }
  return finish(h) >>> 0;
}

/**
 * The first part of a line's key: a hash of its first KEY_PREFIX_LETTERS letters. Computed from
 * a few characters, it lets applyLearned skip at once the lines no remembered line or rule can be.
 */
export function linePrefix(text: string, start = 0, end = text.length): string {
  return prefixHash(text, start, end).toString(16);
}

/**
 * A line's memory key, "l:PREFIX.H1.H2": linePrefix, then a 64-bit hash (cyrb53's mixing, two
 * 32-bit lanes) of all its letters, lower-cased: "Show all 7 photos" and "show  all 12 photos",
 * curly and straight quotes, dashes and spacing give one key. A line with fewer than
 * LINE_KEY_MIN_LETTERS letters hashes its whole folded text instead. Shared by the parser, the
 * importer (it counts lines) and rules.
 */
export function lineKey(line: string): string {
  return keyOf(line, 0, line.length, prefixHash(line, 0, line.length));
}

/** lineKey(text.slice(start, end)), given its prefixHash: the text is sliced only for a line of few letters. */
function keyOf(text: string, start: number, end: number, prefix: number): string {
  const letters = hashLetters(text, start, end);
  const p = prefix.toString(16);
  if (letters < LINE_KEY_MIN_LETTERS) {
    const f = foldText(text.slice(start, end));
    return `l:${p}.${hash53(f).toString(16)}.${hash53(f, 1).toString(16)}`;
  }
  return `l:${p}.${hex(H1)}.${hex(H2)}`;
}

/** The two lanes of the last hashLetters call (final, unsigned). */
let H1 = 0;
let H2 = 0;

/** Hashes the letters of text[start, end) into H1 / H2 (lineKey's two lanes); returns how many letters there are. */
function hashLetters(text: string, start: number, end: number): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  let letters = 0;
  for (let i = start; i < end; i++) {
    const c = letterAt(text, i);
    if (c < 0) continue;
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
    letters++;
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  H1 = h1 >>> 0;
  H2 = h2 >>> 0;
  return letters;
}

/**
 * The keys that can mark a line (a marking memory entry's, a rule's) as numbers, so that a line
 * is looked up from its hashes without building its key: `prefixes` holds every key's prefix
 * (the cheap first test), `byHash` maps H1 to the keys [prefix, H2, key] with that first lane, and
 * `all` holds every key as a string (a line with fewer than LINE_KEY_MIN_LETTERS letters is looked
 * up by its key string: that key hashes the folded text, not the letters). A string that is no lineKey (no "l:", a hex part not as
 * lineKey prints it) can match no line and is left out.
 */
export class KeyIndex {
  readonly prefixes = new Set<number>();
  readonly byHash = new Map<number, [number, number, string][]>();
  readonly all = new Set<string>();

  add(key: string): void {
    if (!key.startsWith('l:')) return;
    const parts = key.slice(2).split('.');
    if (parts.length !== 3) return;
    const [p, a, b] = parts.map((x) => parseInt(x, 16)) as [number, number, number];
    if (p.toString(16) !== parts[0]) return;
    this.prefixes.add(p);
    // a key whose lanes print as hashLetters' would: a line with enough letters can have it
    if (a.toString(16) === parts[1] && b.toString(16) === parts[2] && a <= 0xffffffff && b <= 0xffffffff) {
      const same = this.byHash.get(a);
      if (same) same.push([p, b, key]);
      else this.byHash.set(a, [[p, b, key]]);
    }
    this.all.add(key);
  }

  /** Both indexes' keys in a new one. */
  static union(x: KeyIndex, y: KeyIndex): KeyIndex {
    const u = new KeyIndex();
    for (const i of [x, y]) {
      for (const p of i.prefixes) u.prefixes.add(p);
      for (const [a, list] of i.byHash) {
        const same = u.byHash.get(a);
        if (same) same.push(...list);
        else u.byHash.set(a, [...list]);
      }
      for (const k of i.all) u.all.add(k);
    }
    return u;
  }

  /**
   * The key of the line text[start, end) (its prefixHash is `prefix`) when this index holds it,
   * else null; only a line of few letters builds its key string.
   */
  find(text: string, start: number, end: number, prefix: number): string | null {
    const letters = hashLetters(text, start, end);
    if (letters < LINE_KEY_MIN_LETTERS) {
      const key = keyOf(text, start, end, prefix);
      return this.all.has(key) ? key : null;
    }
    const same = this.byHash.get(H1);
    if (same) for (const [p, b, key] of same) if (p === prefix && b === H2) return key;
    return null;
  }
}

/**
 * Learned inputs compiled for matching, once per input value (the memory object, the rules
 * array) and kept while that value lives: a batch that passes the same memory and rules to every
 * parse compiles them once. Built by compileLearned; applyLearned uses it. The values are taken
 * as immutable: a caller that changes its memory or rules passes a new object (loadMemory,
 * loadRules and MemoryCollector.memory() build a new one per call).
 */
export interface CompiledLearned {
  /** every key that can mark a line (a marking memory entry, a rule) */
  keys: KeyIndex;
  /** rule key -> the rules with that key, in the rules' order (the first that applies names the line) */
  rulesByKey: ReadonlyMap<string, readonly LearnedRule[]>;
}

const COMPILED_MEMORY = new WeakMap<LineMemory, KeyIndex>();
const COMPILED_RULES = new WeakMap<readonly LearnedRule[], CompiledLearned>();
const NO_RULES: ReadonlyMap<string, readonly LearnedRule[]> = new Map();
const NO_KEYS = new KeyIndex();

/** The memory's keys that can mark a line (stories at least K, not vetoed). */
function memoryKeys(memory: LineMemory): KeyIndex {
  let index = COMPILED_MEMORY.get(memory);
  if (!index) {
    index = new KeyIndex();
    const k = memory.minStories ?? LINE_MEMORY_MIN_STORIES;
    for (const [key, e] of memory.lines) if (!e.vetoed && e.stories >= k) index.add(key);
    COMPILED_MEMORY.set(memory, index);
  }
  return index;
}

function compiledRules(rules: readonly LearnedRule[]): CompiledLearned {
  let c = COMPILED_RULES.get(rules);
  if (!c) {
    const keys = new KeyIndex();
    const rulesByKey = new Map<string, LearnedRule[]>();
    for (const r of rules) {
      keys.add(r.key);
      const same = rulesByKey.get(r.key);
      if (same) same.push(r);
      else rulesByKey.set(r.key, [r]);
    }
    c = { keys, rulesByKey };
    COMPILED_RULES.set(rules, c);
  }
  return c;
}

/**
 * `opts`' memory and rules compiled for matching (CompiledLearned): the keys that can mark a line,
 * as numbers, and the rules by key. Cached per memory object and per rules array, so calling it
 * (or parsing) again with the same values costs a few WeakMap lookups; a caller that parses a
 * batch may call it once before the batch to keep the first parse's cost down. Pure.
 */
export function compileLearned(opts: Pick<ParseOptions, 'memory' | 'rules'>): CompiledLearned {
  const mem = opts.memory?.lines.size ? memoryKeys(opts.memory) : null;
  const rules = opts.rules?.length ? compiledRules(opts.rules) : null;
  if (!rules) return { keys: mem ?? NO_KEYS, rulesByKey: NO_RULES };
  if (!mem?.prefixes.size) return rules;
  return { keys: unionOf(mem, rules.keys), rulesByKey: rules.rulesByKey };
}

/** Both indexes' keys, once per pair of input values. */
const UNIONS = new WeakMap<KeyIndex, WeakMap<KeyIndex, KeyIndex>>();
function unionOf(a: KeyIndex, b: KeyIndex): KeyIndex {
  let byB = UNIONS.get(a);
  if (!byB) UNIONS.set(a, (byB = new WeakMap()));
  let u = byB.get(b);
  if (!u) {
    u = KeyIndex.union(a, b);
    byB.set(b, u);
  }
  return u;
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
 * or "published") mark their field on credit lines of their shape (applyShapeRules). Returns the new noise spans, in text
 * order (segments are changed in place; [] when no line changed).
 */
export function applyLearned(text: string, segments: Segment[], opts: ParseOptions): FieldSpan[] {
  const { lineRules, shapeRules, scoped } = splitRules(opts.rules);
  // shape rules first: a credit line they take is no longer body for the line rules and the memory
  const shaped = shapeRules.length ? applyShapeRules(text, segments, shapeRules, scoped) : null;
  const taken = applyLineRules(text, segments, lineRules === opts.rules ? opts : { ...opts, rules: lineRules });
  return shaped?.length ? [...shaped, ...taken].sort((a, b) => a.start - b.start) : taken;
}

/** A shape rule ready to match: the rule and its compiled shape. */
interface ShapeRule {
  rule: LearnedRule;
  field: ShapeField;
  shape: CompiledShape;
  /**
   * The code unit every matching line starts with (its shape opens with a literal), or -1: a line
   * that starts otherwise is passed over without calling quickReject (which would reject it).
   */
  lead: number;
}

/** ShapeRule.lead of a compiled shape. */
function leadOf(shape: CompiledShape): number {
  const first = shape.elements[0];
  return first?.t === 'lit' && first.v !== '-' && first.v.length > 0 ? first.v.charCodeAt(0) : -1;
}

/** Each rules input split once (a batch parses many dumps with one array): line rules, and shape rules compiled. */
interface SplitRules {
  lineRules: readonly LearnedRule[];
  shapeRules: readonly ShapeRule[];
  /** some shape rule is for one source only */
  scoped: boolean;
}
const SPLIT = new WeakMap<readonly LearnedRule[], SplitRules>();
const NO_SPLIT: SplitRules = { lineRules: [], shapeRules: [], scoped: false };
function splitRules(rules: readonly LearnedRule[] | undefined): SplitRules {
  if (!rules?.length) return NO_SPLIT;
  let split = SPLIT.get(rules);
  if (!split) {
    const lineRules: LearnedRule[] = [];
    const shapeRules: ShapeRule[] = [];
    for (const r of rules) {
      if (r.action === 'byline' || r.action === 'published') {
        // a malformed shape (hand-edited row) marks nothing rather than failing every parse
        try {
          const shape = compileShape(r.key);
          shapeRules.push({ rule: r, field: r.action, shape, lead: leadOf(shape) });
        } catch (e) {
          if (!(e instanceof ShapeError)) throw e;
        }
      } else lineRules.push(r);
    }
    split = { lineRules: lineRules.length === rules.length ? rules : lineRules, shapeRules, scoped: shapeRules.some(isScoped) };
    SPLIT.set(rules, split);
  }
  return split;
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
function applyShapeRules(text: string, segments: Segment[], rules: readonly ShapeRule[], scoped: boolean): FieldSpan[] {
  const taken: FieldSpan[] = [];
  for (const seg of segments) {
    if (seg.kind !== 'main' && seg.kind !== 'related') continue;
    // the rules for this segment's outlet (and everywhere): none, and its lines are never cut into tokens
    let applicable = rules;
    if (scoped) {
      const source = sourceOfSegment(text, seg);
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
      const c0 = text.charCodeAt(s);
      for (const r of applicable) {
        if ((r.field === 'byline' ? doneByline : donePublished) || (r.lead >= 0 && r.lead !== c0) || quickReject(r.shape, text, s, e)) continue;
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

/** applyLearned's line rules and line memory (see applyLearned); `opts.rules` holds line rules only. */
function applyLineRules(text: string, segments: Segment[], opts: ParseOptions): FieldSpan[] {
  const memory = opts.memory?.lines.size ? opts.memory : null;
  const k = memory?.minStories ?? LINE_MEMORY_MIN_STORIES;
  // longer lines can match nothing: their keys (the costly part) are never computed
  const maxLength = opts.rules?.length ? RULE_MAX_LINE : LINE_MEMORY_MAX;
  const { keys: index, rulesByKey } = compileLearned(opts);
  const prefixes = index.prefixes;
  const taken: FieldSpan[] = [];
  // nothing remembered often enough and no rule: no line can change
  if (!prefixes.size) return taken;
  for (const seg of segments) {
    if (seg.kind !== 'main' && seg.kind !== 'related') continue;
    const fields = seg.fields;
    // first the cheap test (prefixHash) on each body line; only a segment with a known prefix goes on
    let firstKnown = -1;
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i]!;
      if (f.field === 'body' && f.end - f.start <= maxLength && prefixes.has(prefixHash(text, f.start, f.end))) {
        firstKnown = i;
        break;
      }
    }
    if (firstKnown < 0) continue;
    // the body lines, in order: each span and its key (null: no key that can mark a line)
    const spans: FieldSpan[] = [];
    const keys: (string | null)[] = [];
    // some line had a key to look up (a known prefix, a whole line)
    let keyed = false;
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i]!;
      if (f.field !== 'body') continue;
      const length = f.end - f.start;
      // a piece of a line (inline noise cut it) or a line too long for any rule: it keeps its place in the body, with no key
      let key: string | null = null;
      if (length <= maxLength && i >= firstKnown) {
        const p = i === firstKnown ? -1 : prefixHash(text, f.start, f.end);
        if ((p < 0 || prefixes.has(p)) && isWholeLine(text, f.start, f.end)) {
          key = index.find(text, f.start, f.end, p < 0 ? prefixHash(text, f.start, f.end) : p);
          keyed = true;
        }
      }
      spans.push(f);
      keys.push(key);
    }
    if (!keyed) continue;
    const n = spans.length;
    // body line -> its replacement (a new noise span: the parser's spans keep one shape), or null
    const marked: (FieldSpan | null)[] = new Array<FieldSpan | null>(n).fill(null);
    let marks = 0;
    if (rulesByKey.size) {
      // the segment's source, folded: only a rule for one source needs it
      let source: string | null | undefined;
      for (let i = 0; i < n; i++) {
        const same = keys[i] === null ? undefined : rulesByKey.get(keys[i]!);
        if (!same) continue;
        for (const r of same) {
          if (r.source !== null) {
            if (source === undefined) source = sourceOfSegment(text, seg);
            if (r.source !== source) continue;
          }
          marked[i] = noiseSpan(spans[i]!, r.name, r.description ?? `editor rule ${r.name}`);
          marks++;
          break;
        }
      }
    }
    if (memory) {
      // stories each line was remembered in (0: unknown or vetoed)
      const counts = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        const e = keys[i] === null ? undefined : memory.lines.get(keys[i]!);
        counts[i] = e && !e.vetoed && !memoryKeepsSentence(text.slice(spans[i]!.start, spans[i]!.end)) ? e.stories : 0;
      }
      // edge runs: from each end, while lines are already marked or remembered often enough
      let head = 0;
      while (head < n && (marked[head] !== null || remembered(counts, spans, head, true, k))) head++;
      let tail = n - 1;
      while (tail >= 0 && (marked[tail] !== null || remembered(counts, spans, tail, true, k))) tail--;
      for (let i = 0; i < n; i++) {
        if (marked[i] !== null || !remembered(counts, spans, i, i < head || i > tail, k)) continue;
        marked[i] = noiseSpan(spans[i]!, LINE_MEMORY_RULE, `repeated in ${counts[i]!} articles`);
        marks++;
      }
    }
    if (marks) {
      // body spans are in text order, and so are their replacements
      const gone = new Map<number, number>();
      for (let i = 0; i < n; i++) {
        const m = marked[i];
        if (m) {
          gone.set(m.start, m.end);
          taken.push(m);
        }
      }
      const out: FieldSpan[] = [];
      let b = 0;
      for (const f of fields) {
        if (f.field === 'body') {
          out.push(marked[b++] ?? f);
        } else if (!(f.field === 'subhead' && gone.get(f.start) === f.end)) out.push(f);
      }
      seg.fields = out;
    }
  }
  return taken;
}

/** Body line i was remembered in enough stories to be marked (storiesNeeded; `edge`: it is at the body's edge). */
function remembered(counts: Int32Array, spans: readonly FieldSpan[], i: number, edge: boolean, k: number): boolean {
  return counts[i]! >= storiesNeeded(spans[i]!.end - spans[i]!.start, edge, k);
}

/** A segment's source field, folded (sourceKey), or null. */
function sourceOfSegment(text: string, seg: Segment): string | null {
  const src = seg.fields.find((f) => f.field === 'source');
  return src ? sourceKey(text.slice(src.start, src.end)) : null;
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

function noiseSpan(span: FieldSpan, rule: string, reason: string): FieldSpan {
  return { field: 'noise', start: span.start, end: span.end, confidence: span.confidence, rule, reason };
}

export type { LearnedRule, LineMemory };
