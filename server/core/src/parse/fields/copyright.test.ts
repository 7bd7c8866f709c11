import { describe, expect, it } from 'vitest';
import { isCopyrightLine, trailingCopyright } from './copyright.ts';

describe('copyright', () => {
  it('recognises a notice line', () => {
    expect(isCopyrightLine('© Thomson Reuters 2025.')).toBe(true);
    expect(isCopyrightLine('Copyright 2025 The Associated Press. All rights reserved.')).toBe(true);
    expect(isCopyrightLine('© Reuters')).toBe(false);
  });
  it('finds a trailing notice but leaves a mid-body credit', () => {
    const s = "they said.'' © Copyright 2025 The Associated Press. All rights reserved. This material may not be published.";
    expect(s.slice(trailingCopyright(s))).toBe('© Copyright 2025 The Associated Press. All rights reserved. This material may not be published.');
    expect(trailingCopyright('A man walks past. (© Reuters) The market fell 2% in 2024 and rose again.')).toBe(-1);
    expect(trailingCopyright('A man walks past. © Reuters')).toBe(-1);
    expect(trailingCopyright('© Reuters 2025')).toBe(-1); // a whole line is isCopyrightLine's job
  });
});
