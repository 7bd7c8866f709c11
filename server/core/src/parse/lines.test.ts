import { describe, expect, it } from 'vitest';
import { splitLines } from './lines.ts';

describe('splitLines', () => {
  it('keeps exact offsets with LF, CRLF, tabs and no final newline', () => {
    const text = 'a\r\n\tb \nc';
    const ls = splitLines(text);
    expect(ls.map((l) => [l.start, l.end, l.next, l.ts, l.te])).toEqual([
      [0, 1, 3, 0, 1],
      [3, 6, 7, 4, 5],
      [7, 8, 8, 7, 8],
    ]);
  });
  it('gives no lines for empty text and one per newline otherwise', () => {
    expect(splitLines('')).toEqual([]);
    expect(splitLines('\n\n').length).toBe(2);
  });
  it('counts UTF-16 code units (surrogate pairs are two)', () => {
    const ls = splitLines('😀x\ny');
    expect(ls[0]!.end).toBe(3);
    expect(ls[1]!.start).toBe(4);
  });
});

describe('CR-only line ends', () => {
  it('ends a line at a lone "\\r", with offsets into the raw text', () => {
    const text = 'a\rb \r\rc\r';
    const ls = splitLines(text);
    expect(ls.map((l) => [l.start, l.end, l.next, l.ts, l.te])).toEqual([
      [0, 1, 2, 0, 1],
      [2, 4, 5, 2, 3],
      [5, 5, 6, 5, 5],
      [6, 7, 8, 6, 7],
    ]);
  });
  it('mixes CR, CRLF and LF in one text', () => {
    const ls = splitLines('a\rb\r\nc\nd');
    expect(ls.map((l) => [l.start, l.end, l.next])).toEqual([
      [0, 1, 2],
      [2, 3, 5],
      [5, 6, 7],
      [7, 8, 8],
    ]);
  });
});
