import { describe, expect, it } from 'vitest';
import { allHandles, handleById } from './handles.ts';
import type { EditSegment } from './segmentation-edit.ts';

const segments: EditSegment[] = [
  { kind: 'boilerplate', start: 0, end: 10, fields: [] },
  { kind: 'main', start: 10, end: 80, fields: [{ field: 'headline', start: 10, end: 20 }, { field: 'body', start: 30, end: 50 }, { field: 'subhead', start: 52, end: 55 }, { field: 'body', start: 56, end: 80 }] },
  { kind: 'related', start: 80, end: 120, fields: [{ field: 'headline', start: 80, end: 90 }] },
];

describe('handleById', () => {
  it('finds every handle allHandles lists, from its own segment', () => {
    const all = allHandles(segments);
    expect(all.length).toBeGreaterThan(5);
    for (const h of all) expect(handleById(segments, h.id)).toEqual(h);
  });

  it('is null for ids that name no handle', () => {
    for (const id of ['s0', 's3', 's1x', 'f9:body:end', 'f1:copyright:start', 'f1:subhead:start', 'x1', '']) expect(handleById(segments, id), id).toBeNull();
  });
});
