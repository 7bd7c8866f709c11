/**
 * Warnings as a checklist that lives across revisions. A parser warning stays on every later
 * revision until an editor's edit covers its span (it is then marked resolved, with the revision
 * and editor) or an editor dismisses it (a row in warning_dismissals: who, when, why). A
 * revision's confidence is what its open warnings imply. Pure: no I/O.
 */
import { scoreDump } from '../parse/confidence.ts';
import type { Segment, SegmentShape, StoredWarning } from '../parse/types.ts';

/** A warning's identity across revisions: the text never changes, so code and span name it. */
export const warningKey = (w: { code: string; start: number; end: number }): string => `${w.code}:${w.start}:${w.end}`;

/** What a segmentation says about [start, end): kinds and field spans clipped to the range. */
function viewOf(segments: readonly SegmentShape[], start: number, end: number): string {
  const parts: string[] = [];
  for (const s of segments) {
    if (s.end <= start || s.start >= end) continue;
    parts.push(`${s.kind}[${Math.max(s.start, start)},${Math.min(s.end, end)})`);
    for (const f of s.fields) if (f.end > start && f.start < end) parts.push(`${f.field}[${Math.max(f.start, start)},${Math.min(f.end, end)})`);
  }
  return parts.join(' ');
}

/**
 * True when going from `before` to `after` changed what the segmentation says inside the
 * warning's span (a boundary, a kind or a field inside it): the editor looked there and fixed it.
 * An empty span counts as its one character.
 */
export function editCovers(w: Pick<StoredWarning, 'start' | 'end'>, before: readonly SegmentShape[], after: readonly SegmentShape[]): boolean {
  const end = Math.max(w.end, w.start + 1);
  return viewOf(before, w.start, end) !== viewOf(after, w.start, end);
}

/**
 * The warnings an editor's revision carries: every warning of the base revision, those whose
 * span the edit covered marked resolved in `revision` by `editor` (already resolved ones keep
 * their mark).
 */
export function carryWarnings(base: readonly StoredWarning[], before: readonly SegmentShape[], after: readonly SegmentShape[], revision: number, editor: string): StoredWarning[] {
  return base.map((w) => (w.resolvedInRevision !== undefined || !editCovers(w, before, after) ? { ...w } : { ...w, resolvedInRevision: revision, resolvedBy: editor }));
}

/** The warnings still to look at: neither resolved by an edit nor dismissed (`dismissed`: warningKey set). */
export function openWarnings(warnings: readonly StoredWarning[], dismissed: ReadonlySet<string>): StoredWarning[] {
  return warnings.filter((w) => w.resolvedInRevision === undefined && !dismissed.has(warningKey(w)));
}

/**
 * A revision's confidence in [0, 1] from its segments and its open warnings (the parser's
 * scoring: every open warning costs points). `template` is the dump's for a parser revision; an
 * editor's revision is not marked down for an unknown template beyond its open warnings.
 */
export function revisionConfidence(segments: readonly Segment[], open: readonly StoredWarning[], template: string, byEditor: boolean): number {
  return scoreDump(segments, open, byEditor ? 'reviewed' : template, 0);
}
