import { describe, expect, it } from 'vitest';
import { changedParagraphs, describeMove, summarizeMoves, textMoves } from './text-diff.ts';
import { applyOp, type EditOp, type EditSegment } from './segmentation-edit.ts';

// 0: headline, 1: By line, 2-3: body, 4: copyright, 5: boilerplate, 6-8: related block
const lines = ['Big headline', 'By Jane Doe', 'First paragraph here.', 'Second paragraph.', '© Agency 2025.', 'Hashtags', 'Outlet', 'Related headline', 'Related body line.'];
const text = lines.join('\n') + '\n';
const at = (n: number) => lines.slice(0, n).reduce((o, l) => o + l.length + 1, 0);
const lineRange = (n: number) => ({ start: at(n), end: at(n) + lines[n]!.length });
const f = (field: EditSegment['fields'][number]['field'], n: number) => ({ field, ...lineRange(n) });
const base: EditSegment[] = [
  { kind: 'main', start: 0, end: at(5), fields: [f('headline', 0), { field: 'byline', start: at(1) + 3, end: lineRange(1).end }, f('body', 2), f('body', 3), f('copyright', 4)] },
  { kind: 'boilerplate', start: at(5), end: at(6), fields: [] },
  { kind: 'related', start: at(6), end: text.length, fields: [f('source', 6), f('headline', 7), f('body', 8)] },
];
const edit = (...ops: EditOp[]) =>
  ops.reduce((segs, op) => {
    const r = applyOp(text, segs, op);
    if (!r.ok) throw new Error(r.reason);
    return r.segments;
  }, base);
const said = (a: EditSegment[], b: EditSegment[]) => textMoves(text, a, b).map(describeMove);

describe('text diff', () => {
  it('says nothing moved for the same segmentation', () => {
    expect(textMoves(text, base, base)).toEqual([]);
    expect(summarizeMoves([])).toBe('no text moved');
  });

  it('names lines moved out of the body into boilerplate when a boundary moves up', () => {
    const b = edit({ op: 'moveBoundary', from: at(5), to: at(3) });
    expect(said(base, b)).toEqual(['1 line moved from body of #1 to boilerplate', '1 line moved from copyright of #1 to boilerplate']);
    expect(summarizeMoves(textMoves(text, base, b))).toBe('2 lines moved in 2 places');
  });

  it('counts whole lines of a relabelled segment, and words of a part of a line', () => {
    const b = edit({ op: 'relabel', start: at(6), end: at(6), kind: 'residue' });
    expect(said(base, b)).toEqual(['1 line moved from source of #3 to residue', '1 line moved from headline of #3 to residue', '1 line moved from body of #3 to residue']);
    const cleared = edit({ op: 'clearFields', start: at(1), end: at(1) });
    // "By " was outside the byline: only the name moved
    expect(said(base, cleared)).toEqual(['2 words moved from byline of #1 to main #1']);
  });

  it('follows a split to the new article, and numbers by the segmentation each side belongs to', () => {
    const b = edit({ op: 'split', at: at(7) });
    expect(said(base, b)).toEqual(['1 line moved from headline of #3 to headline of #4', '1 line moved from body of #3 to body of #4']);
    // merged back: the reverse
    expect(said(b, base)).toEqual(['1 line moved from headline of #4 to headline of #3', '1 line moved from body of #4 to body of #3']);
    // lines in segments that only got a new number did not move
    const relabelFirst = edit({ op: 'split', at: at(2) });
    expect(textMoves(text, base, relabelFirst).every((m) => m.from.seg === 0)).toBe(true);
  });

  it('keeps the first moved offset and a sample line for each move', () => {
    const [m] = textMoves(text, base, edit({ op: 'relabel', start: at(4), end: at(5), kind: 'boilerplate' }));
    expect(m).toMatchObject({ lines: 1, words: 0, start: at(4), sample: '© Agency 2025.' });
  });

  it('marks the new and changed paragraphs of a body', () => {
    expect(changedParagraphs('a\nb\nc', 'a\nb2\nc\nd')).toEqual([false, true, false, true]);
    expect(changedParagraphs('', 'x')).toEqual([true]);
    expect(changedParagraphs('x', '')).toEqual([]);
  });
});
