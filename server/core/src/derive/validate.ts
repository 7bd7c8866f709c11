import type { FieldName, Segment, SegmentKind } from '../parse/types.ts';

export const SEGMENT_KINDS: readonly SegmentKind[] = ['main', 'related', 'boilerplate', 'residue'];
export const FIELD_NAMES: readonly FieldName[] = ['headline', 'byline', 'source', 'published', 'section', 'body', 'copyright', 'subhead', 'noise'];

/**
 * The rule a segmentation breaks, named for the editor and in INVALID_SEGMENTATION errors:
 * PARTITION (segments must cover the text exactly, in order), SEGMENT_KIND (a known kind),
 * FIELD (fields known, inside article segments, not overlapping), ONE_MAIN (a dump has at most one
 * main article), RELATED_HEADLINE (a related block needs a headline: CONVENTIONS.md), SIZE (at
 * most segmentationLimits(length) segments and field spans).
 */
export type SegmentationRule = 'PARTITION' | 'SEGMENT_KIND' | 'FIELD' | 'ONE_MAIN' | 'RELATED_HEADLINE' | 'SIZE';

/**
 * Most segments and field spans one revision of a text `length` UTF-16 code units long may hold:
 * segments: 1,000 + one per 16 characters; field spans: 4,000 + one per 8 characters. Real pages
 * stay far below (the shared dumps: at most 9 segments and 47 spans, one segment per 285 characters
 * or more, one span per 87 or more; a feed of 7,000 two-line related blocks one segment per 51
 * characters and one span per 25), while a list of one-character segments or spans, which costs
 * the server per item to store, derive and serve, is refused.
 */
export function segmentationLimits(length: number): { segments: number; fields: number } {
  return { segments: 1_000 + Math.floor(length / 16), fields: 4_000 + Math.floor(length / 8) };
}

/** The SIZE rule alone (counts only, no offsets read): a problem when `segments` hold more than segmentationLimits(length) allows. */
export function checkSegmentationSize(length: number, segments: readonly { fields: readonly unknown[] }[]): SegmentationProblem | null {
  const limit = segmentationLimits(length);
  if (segments.length > limit.segments)
    return { rule: 'SIZE', reason: `${segments.length} segments; a text of ${length} characters may have at most ${limit.segments} (1,000 + one per 16 characters)`, index: limit.segments, start: 0, end: length, field: null };
  let fields = 0;
  for (const s of segments) fields += s.fields.length;
  if (fields > limit.fields)
    return { rule: 'SIZE', reason: `${fields} field spans; a text of ${length} characters may have at most ${limit.fields} (4,000 + one per 8 characters)`, index: 0, start: 0, end: length, field: null };
  return null;
}

export interface SegmentationProblem {
  rule: SegmentationRule;
  reason: string;
  /** index of the offending segment */
  index: number;
  /** the offending span's UTF-16 offsets (end exclusive): the field span's when `field` is set */
  start: number;
  end: number;
  /** the field of the offending field span ("byline", or the unknown name given); null when the segment itself is at fault */
  field: string | null;
}

/**
 * A span of text offsets as every message gives it: "12 to 40" (UTF-16 offsets, `end` exclusive).
 * One form for the parser's, the server's and the dashboard's messages.
 */
export function offsetRange(start: number, end: number): string {
  return `${start} to ${end}`;
}

/** The UTF-16 offset of the first lone surrogate in `text` (a high one not followed by a low one, or a low one not after a high one), or -1 when it is well formed. */
export function loneSurrogateAt(text: string): number {
  if (text.isWellFormed()) return -1;
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.exec(text)?.index ?? -1;
}

/** Whether UTF-16 offset `offset` falls between the two halves of a surrogate pair of `text` (a boundary there cuts a character in two). */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const hi = text.charCodeAt(offset - 1);
  const lo = text.charCodeAt(offset);
  return hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff;
}

type SegmentLike = Pick<Segment, 'start' | 'end'> & { kind: string; fields: { field: string; start: number; end: number }[] };

/**
 * Pure check that segments are a partition of [0, length) (sorted, contiguous, non-empty), that
 * fields are known, lie inside article segments, and do not overlap (a subhead lies inside a body
 * span), and the editorial rules: at most one main article, a headline on every related block,
 * and first the SIZE rule (checkSegmentationSize).
 * Given the text itself (not only its length), no boundary of a segment or field may fall inside a
 * surrogate pair (PARTITION / FIELD: it would cut a character in two).
 * Returns the first problem (with the rule it breaks), or null. The dashboard runs the same check
 * before saving; the server refuses a revision that fails it (INVALID_SEGMENTATION).
 */
export function checkSegmentation(text: string | number, segments: readonly SegmentLike[]): SegmentationProblem | null {
  return checkSegmentationSize(typeof text === 'string' ? text.length : text, segments) ?? checkPartition(text, segments) ?? checkEditorialRules(segments);
}

/**
 * The editorial rules alone (segments assumed a partition): at most one main article
 * (ONE_MAIN), a headline field on every related block (RELATED_HEADLINE). First problem or null.
 */
export function checkEditorialRules(segments: readonly SegmentLike[]): SegmentationProblem | null {
  let main = -1;
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    if (s.kind === 'main') {
      if (main >= 0) return { rule: 'ONE_MAIN', reason: `a dump has at most one main article (segment ${main + 1} is main already): relabel one of them as related`, index: i, start: s.start, end: s.end, field: null };
      main = i;
    }
    if (s.kind === 'related' && !s.fields.some((f) => f.field === 'headline')) return { rule: 'RELATED_HEADLINE', reason: 'a related block needs a headline: mark its headline line (h) or relabel the block', index: i, start: s.start, end: s.end, field: null };
  }
  return null;
}

/**
 * What is wrong with the offsets of a span (`what`: "segment", "byline span") on their own, or
 * null: not integers, negative, ending before they start, or empty. Offsets are UTF-16 units,
 * `end` exclusive.
 */
function spanFault(what: string, start: number, end: number): string | null {
  if (!Number.isInteger(start) || !Number.isInteger(end)) return `the ${what}'s offsets must be integers`;
  if (start < 0 || end < 0) return `the ${what}'s offsets must not be negative (start ${start}, end ${end})`;
  if (end < start) return `the ${what} ends (${end}) before it starts (${start})`;
  if (end === start) return `the ${what} is empty (it starts and ends at ${start})`;
  return null;
}

/**
 * The structure alone: segments are a partition of [0, length) and fields are well placed
 * (PARTITION, SEGMENT_KIND, FIELD). Every editing operation keeps this; the editorial rules may
 * be broken in between edits and are checked on save.
 */
export function checkPartition(text: string | number, segments: readonly SegmentLike[]): SegmentationProblem | null {
  const length = typeof text === 'string' ? text.length : text;
  /** a boundary at `offset` cuts a character of the text in two (only known when given the text) */
  const cuts = (offset: number) => typeof text === 'string' && splitsSurrogatePair(text, offset);
  if (length === 0) return segments.length ? { rule: 'PARTITION', reason: 'an empty text has no segments', index: 0, start: 0, end: 0, field: null } : null;
  if (!segments.length) return { rule: 'PARTITION', reason: 'the segments must cover the text', index: 0, start: 0, end: length, field: null };
  let pos = 0;
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    const at = (rule: SegmentationRule, reason: string, start = s.start, end = s.end, field: string | null = null): SegmentationProblem => ({ rule, reason, index: i, start, end, field });
    if (!SEGMENT_KINDS.includes(s.kind as SegmentKind)) return at('SEGMENT_KIND', `unknown segment kind "${s.kind}"`);
    const bad = spanFault('segment', s.start, s.end);
    if (bad) return at('PARTITION', bad);
    if (s.start !== pos) {
      if (s.start > pos) return at('PARTITION', `gap before this segment (text ${offsetRange(pos, s.start)} belongs to none)`, pos, s.start);
      return at('PARTITION', i === 0 ? 'the first segment must start at 0' : `this segment overlaps the previous one (it starts at ${s.start}; the previous one ends at ${pos})`, s.start, pos);
    }
    if (s.end > length) return at('PARTITION', `the segment runs past the end of the text (${length})`);
    if (cuts(s.end)) return at('PARTITION', `the segment ends at ${s.end}, inside a surrogate pair (one character of the text): move the boundary by a whole character`);
    pos = s.end;
    const article = s.kind === 'main' || s.kind === 'related';
    if (!article && s.fields.length) return at('FIELD', `a ${s.kind} segment has no fields`);
    // at equal offsets a subhead comes after the body span that holds it
    const sorted = [...s.fields].sort((a, b) => a.start - b.start || b.end - a.end || Number(a.field === 'subhead') - Number(b.field === 'subhead'));
    let last = s.start;
    const bodies: { start: number; end: number }[] = [];
    for (const f of sorted) {
      if (!FIELD_NAMES.includes(f.field as FieldName)) return at('FIELD', `unknown field "${f.field}"`, f.start, f.end, f.field);
      const badField = spanFault(`${f.field} span`, f.start, f.end);
      if (badField) return at('FIELD', badField, f.start, f.end, f.field);
      if (f.start < s.start || f.end > s.end) return at('FIELD', `the ${f.field} span lies outside its segment`, f.start, f.end, f.field);
      if (cuts(f.start) || cuts(f.end)) return at('FIELD', `the ${f.field} span ${cuts(f.start) ? 'starts' : 'ends'} inside a surrogate pair (one character of the text): mark whole characters`, f.start, f.end, f.field);
      if (f.field === 'subhead') {
        if (!bodies.some((b) => b.start <= f.start && f.end <= b.end)) return at('FIELD', 'a subhead must lie inside a body span', f.start, f.end, f.field);
        continue;
      }
      if (f.start < last) return at('FIELD', `the ${f.field} span overlaps another field`, f.start, f.end, f.field);
      last = f.end;
      if (f.field === 'body') bodies.push(f);
    }
  }
  if (pos !== length) return { rule: 'PARTITION', reason: `the segments stop at ${pos}, before the end of the text (${length})`, index: segments.length - 1, start: pos, end: length, field: null };
  return null;
}
