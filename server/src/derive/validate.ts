import type { FieldName, Segment, SegmentKind } from '../parse/types.ts';

export const SEGMENT_KINDS: readonly SegmentKind[] = ['main', 'related', 'boilerplate', 'residue'];
export const FIELD_NAMES: readonly FieldName[] = ['headline', 'byline', 'source', 'published', 'section', 'body', 'copyright', 'subhead', 'noise'];

export interface SegmentationProblem {
  reason: string;
  /** index of the offending segment */
  index: number;
  start: number;
  end: number;
}

type SegmentLike = Pick<Segment, 'start' | 'end'> & { kind: string; fields: { field: string; start: number; end: number }[] };

/**
 * Pure check that segments are a partition of [0, length) (sorted, contiguous, non-empty) and
 * that fields are known, lie inside article segments, and do not overlap (a subhead lies inside
 * a body span). Returns the first problem, or null. The dashboard runs the same check before saving.
 */
export function checkSegmentation(length: number, segments: readonly SegmentLike[]): SegmentationProblem | null {
  if (length === 0) return segments.length ? { reason: 'an empty text has no segments', index: 0, start: 0, end: 0 } : null;
  if (!segments.length) return { reason: 'the segments must cover the text', index: 0, start: 0, end: length };
  let pos = 0;
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    const at = (reason: string, start = s.start, end = s.end): SegmentationProblem => ({ reason, index: i, start, end });
    if (!SEGMENT_KINDS.includes(s.kind as SegmentKind)) return at(`unknown segment kind "${s.kind}"`);
    if (!Number.isInteger(s.start) || !Number.isInteger(s.end)) return at('offsets must be integers');
    if (s.start !== pos) return at(s.start > pos ? `gap before this segment (text ${pos}-${s.start} belongs to none)` : 'this segment overlaps the previous one', Math.min(pos, s.start), Math.max(pos, s.start));
    if (s.end <= s.start) return at('a segment must not be empty');
    if (s.end > length) return at(`the segment runs past the end of the text (${length})`);
    pos = s.end;
    const article = s.kind === 'main' || s.kind === 'related';
    if (!article && s.fields.length) return at(`a ${s.kind} segment has no fields`);
    // at equal offsets a subhead comes after the body span that holds it
    const sorted = [...s.fields].sort((a, b) => a.start - b.start || b.end - a.end || Number(a.field === 'subhead') - Number(b.field === 'subhead'));
    let last = s.start;
    const bodies: { start: number; end: number }[] = [];
    for (const f of sorted) {
      if (!FIELD_NAMES.includes(f.field as FieldName)) return at(`unknown field "${f.field}"`, f.start, f.end);
      if (!Number.isInteger(f.start) || !Number.isInteger(f.end) || f.end <= f.start) return at(`the ${f.field} span is empty or malformed`, f.start, f.end);
      if (f.start < s.start || f.end > s.end) return at(`the ${f.field} span lies outside its segment`, f.start, f.end);
      if (f.field === 'subhead') {
        if (!bodies.some((b) => b.start <= f.start && f.end <= b.end)) return at('a subhead must lie inside a body span', f.start, f.end);
        continue;
      }
      if (f.start < last) return at(`the ${f.field} span overlaps another field`, f.start, f.end);
      last = f.end;
      if (f.field === 'body') bodies.push(f);
    }
  }
  if (pos !== length) return { reason: `the segments stop at ${pos}, before the end of the text (${length})`, index: segments.length - 1, start: pos, end: length };
  return null;
}
