import { describe, expect, it } from 'vitest';
import { checkName, controlCharacterAt, nameProblem } from './names.ts';

describe('nameProblem: the one rule for names (API and CLI)', () => {
  it('takes a plain name, accents, emoji and other scripts', () => {
    for (const n of ['Harbour Herald', 'Zoë Ferreira', 'Ferry 🚢 desk', 'جريدة', 'Ana-María O\'Neil']) expect(nameProblem(n), n).toBeNull();
  });

  it('refuses NUL, every other control character, and line breaks, naming the character and offset', () => {
    for (const [n, code, at] of [['a\u0000b', '0000', 1], ['bell\u0007', '0007', 4], ['\u001b[31mred', '001B', 0], ['Line1\nLine2', '000A', 5], ['tab\there', '0009', 3], ['del\u007f', '007F', 3], ['c1\u0085x', '0085', 2]] as const) {
      expect(nameProblem(n), JSON.stringify(n)).toBe(`holds the control character U+${code} at offset ${at}; a name is one line without control characters`);
    }
  });

  it('refuses every bidi control (U+202A-U+202E, U+2066-U+2069) and a lone surrogate', () => {
    for (const c of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]) {
      const n = `admin${String.fromCharCode(c)}nimda`;
      expect(nameProblem(n)).toMatch(new RegExp(`^holds the bidi control U\\+${c.toString(16).toUpperCase()} at offset 5`));
    }
    expect(nameProblem('x\uD83D')).toMatch(/lone UTF-16 surrogate at offset 1/);
    expect(nameProblem('\u200Bzero width')).toBeNull(); // not a control: only the listed characters are refused
  });

  it('checkName throws INVALID_INPUT naming the argument', () => {
    expect(() => checkName('--name', 'evil\u202Egnp.exe')).toThrow(/^--name: holds the bidi control U\+202E at offset 4/);
    expect(controlCharacterAt('a\nb\tc', 'text')).toBe(-1);
  });
});
