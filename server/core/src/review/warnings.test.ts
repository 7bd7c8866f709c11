import { describe, expect, it } from 'vitest';
import { carryWarnings, editCovers, openWarnings, warningKey } from './warnings.ts';
import type { FieldRange, SegmentKind, SegmentShape } from '../parse/types.ts';

const seg = (kind: SegmentKind, start: number, end: number, fields: FieldRange[] = []): SegmentShape => ({ kind, start, end, fields });
const before = [seg('main', 0, 50, [{ field: 'headline', start: 0, end: 10 }, { field: 'body', start: 11, end: 50 }]), seg('residue', 50, 70), seg('related', 70, 100, [{ field: 'headline', start: 70, end: 80 }])];
const w = (code: string, start: number, end: number) => ({ code, message: code, start, end });

describe('warnings across revisions', () => {
  it('an edit covers a warning when it changes a kind, a boundary or a field inside the span, not elsewhere', () => {
    const relabel = [before[0]!, seg('boilerplate', 50, 70), before[2]!];
    expect(editCovers(w('UNATTRIBUTED_TEXT', 52, 68), before, relabel)).toBe(true);
    expect(editCovers(w('TRUNCATED', 85, 100), before, relabel)).toBe(false);
    const bodyEnd = [seg('main', 0, 50, [{ field: 'headline', start: 0, end: 10 }, { field: 'body', start: 11, end: 40 }]), before[1]!, before[2]!];
    expect(editCovers(w('X', 30, 45), before, bodyEnd)).toBe(true);
    expect(editCovers(w('X', 0, 8), before, bodyEnd)).toBe(false);
    // an empty span counts as its one character
    expect(editCovers(w('X', 55, 55), before, relabel)).toBe(true);
  });

  it('carries every warning, marks the covered ones resolved once, and leaves dismissed ones out of the open list', () => {
    const relabel = [before[0]!, seg('boilerplate', 50, 70), before[2]!];
    const carried = carryWarnings([w('A', 52, 68), w('B', 85, 100)], before, relabel, 2, 'alice');
    expect(carried).toEqual([
      { ...w('A', 52, 68), resolvedInRevision: 2, resolvedBy: 'alice' },
      w('B', 85, 100),
    ]);
    // a later revision keeps the first resolution
    expect(carryWarnings(carried, relabel, before, 3, 'bob')[0]).toMatchObject({ resolvedInRevision: 2, resolvedBy: 'alice' });
    expect(openWarnings(carried, new Set())).toEqual([w('B', 85, 100)]);
    expect(openWarnings(carried, new Set([warningKey(w('B', 85, 100))]))).toEqual([]);
  });
});
