import { describe, expect, it } from 'vitest';
import { lineEndOf, lineStartOf, nextLineStartOf, step } from './text-nav.ts';

describe('line arithmetic at the edges of the text', () => {
  it('offset 0 is the start of the first line, even when that line is empty', () => {
    const text = '\nHeadline\nBody\n';
    expect(lineStartOf(text, 0)).toBe(0);
    expect(lineEndOf(text, 0)).toBe(0);
    expect(nextLineStartOf(text, 0)).toBe(1);
    expect(lineStartOf(text, 1)).toBe(1);
    expect(lineStartOf(text, 5)).toBe(1);
    // Home on the first (empty) line and Up from the second line both stay on line 1
    expect(step(text, 3, 'line', -1)).toBe(0);
    expect(lineStartOf('\r\nx', 0)).toBe(0);
    expect(lineStartOf('', 0)).toBe(0);
  });
});
