import { describe, expect, it } from 'vitest';
import { findAll, lineOffset, marksOf, nextMark } from './marks.ts';

const text = 'Headline\nBy Someone\nBody one.\nBody two.\nStray line\n';
const seg = (confidence: number, fields: { field: string; start: number; end: number; confidence: number }[] = []) => ({ kind: 'main', start: 0, end: text.length, confidence, fields });

describe('marks', () => {
  it('marks warnings and low-confidence spans at their line, one per line, warnings first', () => {
    const w = { code: 'UNATTRIBUTED_TEXT', message: 'stray', start: text.indexOf('Stray') + 2, end: text.length - 1 };
    const marks = marksOf(text, [w], [seg(0.9, [{ field: 'byline', start: 9, end: 19, confidence: 0.3 }, { field: 'body', start: text.indexOf('Stray'), end: text.length - 1, confidence: 0.2 }])]);
    expect(marks.map((m) => [m.line, m.kind])).toEqual([
      [9, 'suspect'],
      [text.indexOf('Stray'), 'warning'],
    ]);
  });

  it('marks a suspect span at its first non-blank line, and not at all when a warning covers it or it is blank', () => {
    const t = 'Head\n\n\nStray words\nBody\n';
    const residue = { kind: 'residue', start: 5, end: 19, confidence: 0.2, fields: [] };
    expect(marksOf(t, [], [residue]).map((m) => [m.line, m.start])).toEqual([[7, 7]]);
    expect(marksOf(t, [{ code: 'UNATTRIBUTED_TEXT', message: '', start: 7, end: 18 }], [residue]).map((m) => m.kind)).toEqual(['warning']);
    expect(marksOf(t, [], [{ ...residue, end: 7 }])).toEqual([]);
  });

  it('n and N go to the next and previous mark across the dump, wrapping', () => {
    const marks = marksOf(text, [{ code: 'A', message: '', start: 20, end: 25 }, { code: 'B', message: '', start: 40, end: 45 }], []);
    expect(nextMark(text, marks, 0, 1)?.line).toBe(20);
    expect(nextMark(text, marks, 22, 1)?.line).toBe(40);
    expect(nextMark(text, marks, 42, 1)?.line).toBe(20);
    expect(nextMark(text, marks, 42, -1)?.line).toBe(20);
    expect(nextMark(text, marks, 0, -1)?.line).toBe(40);
    expect(nextMark(text, [], 0, 1)).toBeNull();
  });

  it('finds every match case-insensitively, and line starts by number', () => {
    expect(findAll(text, 'body')).toEqual([{ start: 20, end: 24 }, { start: 30, end: 34 }]);
    expect(findAll(text, '')).toEqual([]);
    expect(lineOffset(text, 1)).toBe(0);
    expect(lineOffset(text, 3)).toBe(20);
    expect(lineOffset(text, 99)).toBe(text.length);
  });
});
