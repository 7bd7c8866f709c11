import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkPartition } from '@copydesk/core';
import {
  applyOp,
  clearFields,
  createHistory,
  diffSegmentations,
  markField,
  merge,
  moveBoundary,
  moveFieldEdge,
  opsSinceBase,
  perform,
  present,
  redo,
  relabel,
  replay,
  split,
  undo,
  type EditOp,
  type EditSegment,
} from './segmentation-edit.ts';
import { linePieces, step } from './text-nav.ts';

// 0: headline, 1: By line, 2-3: body, 4: copyright, 5: boilerplate, 6-8: related block
const lines = ['Big headline', 'By Jane Doe', 'First paragraph.', 'Second paragraph.', '© Agency 2025.', 'Hashtags', 'Outlet', 'Related headline', 'Related body line.'];
const text = lines.join('\n') + '\n';
const at = (n: number) => lines.slice(0, n).reduce((o, l) => o + l.length + 1, 0);
const lineRange = (n: number) => ({ start: at(n), end: at(n) + lines[n]!.length });
const f = (field: EditSegment['fields'][number]['field'], n: number) => ({ field, ...lineRange(n) });

const base: EditSegment[] = [
  { kind: 'main', start: 0, end: at(5), fields: [f('headline', 0), { field: 'byline', start: at(1) + 3, end: lineRange(1).end }, f('body', 2), f('body', 3), f('copyright', 4)] },
  { kind: 'boilerplate', start: at(5), end: at(6), fields: [] },
  { kind: 'related', start: at(6), end: text.length, fields: [f('source', 6), f('headline', 7), f('body', 8)] },
];

const valid = (segs: EditSegment[]) => expect(checkPartition(text.length, segs)).toBeNull();
const must = (r: ReturnType<typeof applyOp>) => {
  if (!r.ok) throw new Error(r.reason);
  valid(r.segments);
  return r.segments;
};

describe('segmentation edits', () => {
  it('starts from a valid partition', () => valid(base));

  it('moves a segment boundary up a line and clips the fields it crosses', () => {
    const segs = must(moveBoundary(base, at(5), at(4)));
    expect(segs[0]!.end).toBe(at(4));
    expect(segs[0]!.fields.some((x) => x.field === 'copyright')).toBe(false);
    expect(segs[1]!.start).toBe(at(4));
  });

  it('never lets a boundary empty a segment', () => {
    const segs = must(moveBoundary(base, at(6), 0));
    expect(segs[1]!.end - segs[1]!.start).toBe(1);
    expect(moveBoundary(base, 5, 7).ok).toBe(false);
  });

  it('moves the end of the body up one line', () => {
    const segs = must(moveFieldEdge(text, base, 0, 'body', 'end', lineRange(2).end));
    const bodies = segs[0]!.fields.filter((x) => x.field === 'body');
    expect(bodies).toEqual([f('body', 2)]);
  });

  it('extends a field edge only up to the next field', () => {
    const segs = must(moveFieldEdge(text, base, 0, 'body', 'end', text.length));
    const last = segs[0]!.fields.filter((x) => x.field === 'body').at(-1)!;
    expect(last.end).toBeLessThanOrEqual(at(4));
  });

  it('splits a segment at the caret and merges it back', () => {
    const split1 = must(split(base, at(8)));
    expect(split1).toHaveLength(4);
    expect(split1[3]!.fields).toEqual([f('body', 8)]);
    const merged = must(merge(split1, at(7)));
    expect(merged).toEqual(base);
    expect(split(base, at(6)).ok).toBe(false);
  });

  it('relabels one line as boilerplate, splitting around it', () => {
    const segs = must(relabel(base, at(3), at(4), 'boilerplate'));
    expect(segs.map((s) => s.kind)).toEqual(['main', 'boilerplate', 'main', 'boilerplate', 'related']);
    expect(segs[0]!.fields.filter((x) => x.field === 'body')).toEqual([f('body', 2)]);
  });

  it('relabels a whole segment and merges neighbouring boilerplate', () => {
    const segs = must(relabel(base, at(6), at(6), 'boilerplate'));
    expect(segs.map((s) => s.kind)).toEqual(['main', 'boilerplate']);
    expect(segs[1]!.fields).toEqual([]);
  });

  it('marks a line as noise, cutting it out of the body', () => {
    const segs = must(markField(text, base, at(3), at(3), 'noise'));
    expect(segs[0]!.fields.filter((x) => x.field === 'noise')).toEqual([f('noise', 3)]);
    expect(segs[0]!.fields.filter((x) => x.field === 'body')).toEqual([f('body', 2)]);
  });

  it('drops the leading "By" from a marked byline, and refuses fields outside articles', () => {
    const cleared = must(clearFields(text, base, at(1), at(2)));
    const segs = must(markField(text, cleared, at(1), at(2), 'byline'));
    expect(text.slice(segs[0]!.fields[1]!.start, segs[0]!.fields[1]!.end)).toBe('Jane Doe');
    expect(markField(text, base, at(5), at(6), 'headline').ok).toBe(false);
  });

  it('keeps a subhead after the body span it shares offsets with', () => {
    const withSub = must(markField(text, base, at(3), at(3), 'subhead'));
    const moved = must(moveFieldEdge(text, withSub, 0, 'body', 'start', lineRange(2).end));
    expect(moved[0]!.fields.filter((x) => x.field === 'subhead')).toEqual([f('subhead', 3)]);
  });

  it('needs a body around a subhead', () => {
    must(markField(text, base, at(2), at(3), 'subhead'));
    expect(markField(text, base, at(0), at(0) + 3, 'subhead').ok).toBe(false);
  });

  it('undoes, redoes and replays', () => {
    let h = createHistory(base);
    h = perform(text, h, { op: 'split', at: at(8) }).history;
    h = perform(text, h, { op: 'relabel', start: at(3), end: at(4), kind: 'boilerplate' }).history;
    h = perform(text, h, { op: 'markField', start: at(8), end: at(8), field: 'noise' }).history;
    expect(present(h)).toHaveLength(6);
    h = undo(h);
    expect(present(h).flatMap((s) => s.fields).some((x) => x.field === 'noise')).toBe(false);
    h = redo(h);
    const ops = opsSinceBase(h);
    expect(ops.map((o) => o.op)).toEqual(['split', 'relabel', 'markField']);
    // "theirs" turned the related block into boilerplate: my noise mark no longer applies
    const theirs = must(relabel(base, at(6), at(6), 'boilerplate'));
    const r = replay(text, theirs, ops);
    valid(present(r.history));
    expect(r.skipped.map((s) => s.op.op)).toEqual(['markField']);
    expect(present(r.history).map((s) => s.kind)).toEqual(['main', 'boilerplate', 'main', 'boilerplate']);
  });

  it('diffs two segmentations', () => {
    const changed = must(split(base, at(8)));
    const d = diffSegmentations(base, changed);
    expect(d.map((c) => c.type).sort()).toEqual(['added', 'added', 'removed']);
    expect(diffSegmentations(base, base)).toEqual([]);
  });

  it('keeps a partition under any sequence of edits (property)', () => {
    const kinds = ['main', 'related', 'boilerplate', 'residue'] as const;
    const fields = ['headline', 'byline', 'body', 'noise', 'subhead', 'copyright'] as const;
    const off = fc.integer({ min: 0, max: text.length });
    const op: fc.Arbitrary<EditOp> = fc.oneof(
      fc.record({ op: fc.constant('moveBoundary' as const), from: off, to: off }),
      fc.record({ op: fc.constant('moveFieldEdge' as const), at: off, field: fc.constantFrom(...fields), edge: fc.constantFrom('start' as const, 'end' as const), to: off }),
      fc.record({ op: fc.constant('split' as const), at: off }),
      fc.record({ op: fc.constant('merge' as const), at: off }),
      fc.record({ op: fc.constant('relabel' as const), start: off, end: off, kind: fc.constantFrom(...kinds) }),
      fc.record({ op: fc.constant('markField' as const), start: off, end: off, field: fc.constantFrom(...fields) }),
      fc.record({ op: fc.constant('clearFields' as const), start: off, end: off }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
        let segs = base;
        for (const o of ops) {
          const r = applyOp(text, segs, o);
          if (r.ok) {
            expect(checkPartition(text.length, r.segments)).toBeNull();
            segs = r.segments;
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('caret steps', () => {
  it('moves by line keeping line starts and ends', () => {
    expect(step(text, at(3), 'line', -1)).toBe(at(2));
    expect(step(text, lineRange(3).end, 'line', -1)).toBe(lineRange(2).end);
    expect(step(text, at(2), 'line', 1)).toBe(at(3));
  });
  it('moves by word and character, treating CRLF as one', () => {
    const t = 'ab cd\r\nef';
    expect(step(t, 0, 'word', 1)).toBe(2);
    expect(step(t, 5, 'char', 1)).toBe(7);
    expect(step(t, 7, 'char', -1)).toBe(5);
    expect(linePieces(t, 0, t.length)).toEqual([{ start: 0, end: 5 }, { start: 7, end: 9 }]);
  });
});
