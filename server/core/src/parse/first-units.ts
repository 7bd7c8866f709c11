/**
 * The code units a match of an anchored rule can start with, read from the rule's own source: a
 * cheap test of a line's first code unit before the regex runs (a table look-up instead of a
 * regex call), which can never disagree with the rule because it is derived from it.
 *
 * The reading is conservative: whatever it does not follow ("\p{...}", ".", a negated class, a
 * back-reference, an alternative or a group that may match nothing, a case-insensitive
 * non-ASCII letter) admits every code unit, so the table only ever rejects a line the regex
 * cannot match at position 0.
 */

/** A table over UTF-16 code units: 1 where a match may start with that code unit. */
export type FirstUnits = Uint8Array;

const SIZE = 0x10000;

/** What a piece of pattern may start with: `units` (null: any code unit) and whether it may match nothing. */
interface Start {
  units: Set<number> | null;
  empty: boolean;
}

class Unknown extends Error {}

/**
 * The first-unit table of `re`, which must be anchored at "^" (at the start of every
 * alternative or of the whole source), or null when any code unit may start a match (the test
 * would reject nothing). Flags read: "i" (ASCII letters in both cases); "m" and "y" are refused
 * (null), as is a source not anchored at its start.
 */
export function firstUnits(re: RegExp): FirstUnits | null {
  if (re.multiline || re.sticky) return null;
  try {
    const p = new Reader(re.source, re.ignoreCase, re.unicode || re.unicodeSets);
    const s = p.alternation(true);
    if (p.i !== re.source.length) throw new Unknown();
    if (s.units === null || s.empty) return null;
    const t = new Uint8Array(SIZE);
    for (const u of s.units) t[u] = 1;
    return t;
  } catch (e) {
    if (e instanceof Unknown) return null;
    throw e;
  }
}

const DIGITS = [...'0123456789'].map((c) => c.charCodeAt(0));
const WORD = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_'].map((c) => c.charCodeAt(0));

class Reader {
  i = 0;
  constructor(
    readonly src: string,
    readonly ignoreCase: boolean,
    readonly unicode: boolean,
  ) {}

  /** alternatives up to ")" or the end; `top`: each must open with "^" */
  alternation(top: boolean): Start {
    const out: Start = { units: new Set(), empty: false };
    for (;;) {
      if (top) {
        if (this.src[this.i] !== '^') throw new Unknown();
        this.i++;
      }
      merge(out, this.sequence());
      if (this.src[this.i] !== '|') return out;
      this.i++;
    }
  }

  /** atoms up to "|", ")" or the end: their first units while the atoms before may match nothing */
  sequence(): Start {
    const units = new Set<number>();
    let open = true; // every atom so far may match nothing
    let any = false;
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const a = this.quantified();
      if (!open) continue;
      if (a.units === null) any = true;
      else for (const u of a.units) units.add(u);
      if (!a.empty) open = false;
    }
    return { units: any ? null : units, empty: open };
  }

  /** one atom and its quantifier */
  quantified(): Start {
    const a = this.atom();
    const c = this.src[this.i];
    if (c === '*' || c === '?') {
      this.i++;
      a.empty = true;
    } else if (c === '+') {
      this.i++;
    } else if (c === '{') {
      const m = /^\{(\d+)(?:,(\d*))?\}/u.exec(this.src.slice(this.i));
      if (!m) throw new Unknown();
      this.i += m[0].length;
      if (Number(m[1]) === 0) a.empty = true;
    } else return a;
    if (this.src[this.i] === '?') this.i++; // lazy
    return a;
  }

  atom(): Start {
    const c = this.src[this.i]!;
    if (c === '(') {
      this.i++;
      let look = false;
      if (this.src.startsWith('?:', this.i)) this.i += 2;
      else if (this.src.startsWith('?=', this.i) || this.src.startsWith('?!', this.i)) {
        this.i += 2;
        look = true;
      } else if (this.src.startsWith('?<=', this.i) || this.src.startsWith('?<!', this.i)) {
        this.i += 3;
        look = true;
      } else if (this.src.startsWith('?<', this.i)) {
        const e = this.src.indexOf('>', this.i);
        if (e < 0) throw new Unknown();
        this.i = e + 1;
      } else if (this.src[this.i] === '?') throw new Unknown();
      const inner = this.alternation(false);
      if (this.src[this.i] !== ')') throw new Unknown();
      this.i++;
      // a look-around consumes nothing: it adds no first unit and may "match nothing"
      return look ? { units: new Set(), empty: true } : inner;
    }
    if (c === '[') return this.cls();
    if (c === '.') {
      this.i++;
      return { units: null, empty: false };
    }
    if (c === '^' || c === '$') {
      this.i++;
      return { units: new Set(), empty: true };
    }
    if (c === '\\') return this.escape(false);
    if (c === ')' || c === '|' || c === '*' || c === '+' || c === '?' || c === '{') throw new Unknown();
    const u = this.src.codePointAt(this.i)!;
    this.i += u > 0xffff ? 2 : 1;
    return { units: this.cased(u), empty: false };
  }

  /** "\x": inside a class (`inClass`) "\b" is a backspace */
  escape(inClass: boolean): Start {
    const e = this.src[this.i + 1];
    if (e === undefined) throw new Unknown();
    this.i += 2;
    switch (e) {
      case 'd':
        return { units: new Set(DIGITS), empty: false };
      case 'w':
        return { units: new Set(WORD), empty: false };
      case 'b':
        if (inClass) return { units: new Set([8]), empty: false };
        return { units: new Set(), empty: true };
      case 'B':
        if (inClass) throw new Unknown();
        return { units: new Set(), empty: true };
      case 't':
        return { units: new Set([9]), empty: false };
      case 'n':
        return { units: new Set([10]), empty: false };
      case 'r':
        return { units: new Set([13]), empty: false };
      case 'u': {
        const m = /^[0-9a-fA-F]{4}/u.exec(this.src.slice(this.i));
        if (!m) throw new Unknown();
        this.i += 4;
        return { units: this.cased(parseInt(m[0], 16)), empty: false };
      }
      case 'x': {
        const m = /^[0-9a-fA-F]{2}/u.exec(this.src.slice(this.i));
        if (!m) throw new Unknown();
        this.i += 2;
        return { units: this.cased(parseInt(m[0], 16)), empty: false };
      }
      case 'p':
      case 'P': {
        // a Unicode property: any code unit (the braces skipped)
        if (this.src[this.i] !== '{') throw new Unknown();
        const end = this.src.indexOf('}', this.i);
        if (end < 0) throw new Unknown();
        this.i = end + 1;
        return { units: null, empty: false };
      }
      case 's':
      case 'S':
      case 'D':
      case 'W':
        return { units: null, empty: false };
      default:
        // an escaped punctuation mark stands for itself; anything else (a back-reference "\1", "\k<...>", "\c") is not followed
        if (/^[\\^$.*+?()[\]{}|/\-:,'"’&!@#%=<>~`;]$/u.test(e)) return { units: new Set([e.charCodeAt(0)]), empty: false };
        throw new Unknown();
    }
  }

  /** "[...]" (not negated) */
  cls(): Start {
    this.i++;
    const negated = this.src[this.i] === '^';
    if (negated) this.i++;
    let units: Set<number> | null = new Set<number>();
    let prev: number | null = null;
    while (this.i < this.src.length && this.src[this.i] !== ']') {
      let single: number | null = null;
      if (this.src[this.i] === '\\') {
        const s = this.escape(true);
        if (s.units === null) units = null;
        else if (s.units.size === 1) single = [...s.units][0]!;
        else if (units) for (const u of s.units) units.add(u);
      } else if (this.src[this.i] === '-' && prev !== null && this.src[this.i + 1] !== ']') {
        this.i++;
        let hi: number;
        if (this.src[this.i] === '\\') {
          const s = this.escape(true);
          if (s.units === null || s.units.size !== 1) throw new Unknown();
          hi = [...s.units][0]!;
        } else {
          hi = this.src.codePointAt(this.i)!;
          this.i += hi > 0xffff ? 2 : 1;
        }
        if (hi > 0xffff || hi < prev) throw new Unknown();
        if (units) for (let u = prev; u <= hi; u++) for (const v of this.cased(u)) units.add(v);
        prev = null;
        continue;
      } else {
        single = this.src.codePointAt(this.i)!;
        this.i += single > 0xffff ? 2 : 1;
      }
      if (single !== null && units) for (const v of this.cased(single)) units.add(v);
      prev = single;
    }
    if (this.src[this.i] !== ']') throw new Unknown();
    this.i++;
    // a negated class may start with almost anything: not followed
    return { units: negated ? null : units, empty: false };
  }

  /** A code point as the code units a match may start with: both ASCII cases under "i"; a code point past the BMP by its high surrogate. */
  cased(u: number): Set<number> {
    if (!this.ignoreCase) return new Set([u > 0xffff ? 0xd800 + ((u - 0x10000) >> 10) : u]);
    if (u > 0xffff) throw new Unknown();
    const c = String.fromCharCode(u);
    const lo = c.toLowerCase();
    const up = c.toUpperCase();
    if (u >= 128 || lo.length !== 1 || up.length !== 1 || lo.charCodeAt(0) >= 128 || up.charCodeAt(0) >= 128) {
      // case folding beyond ASCII ("K" and the Kelvin sign, "s" and "ſ"): not followed
      if (lo === up && u >= 128 && !/\p{L}/u.test(c)) return new Set([u]);
      throw new Unknown();
    }
    const out = new Set([u, lo.charCodeAt(0), up.charCodeAt(0)]);
    // with "u", "k" and "s" also match the Kelvin sign and the long s (their Unicode case folds)
    if (this.unicode && lo === 'k') out.add(0x212a);
    if (this.unicode && lo === 's') out.add(0x17f);
    return out;
  }
}

function merge(out: Start, s: Start): void {
  if (s.empty) out.empty = true;
  if (out.units === null) return;
  if (s.units === null) out.units = null;
  else for (const u of s.units) out.units.add(u);
}

/**
 * An anchored rule and its first-unit table: `test(s)` is `re.test(s)`, the table tried first (a
 * line whose first code unit no match can start with is refused without running the regex).
 */
export class Gated {
  /** firstUnits(re), or null (every code unit may start a match) */
  readonly first: FirstUnits | null;
  constructor(readonly re: RegExp) {
    if (re.global || re.sticky) throw new Error(`first-units: ${re.source.slice(0, 40)} is global or sticky (test would move lastIndex)`);
    this.first = firstUnits(re);
  }

  test(s: string): boolean {
    const t = this.first;
    return (t === null || t[s.charCodeAt(0)] === 1) && this.re.test(s);
  }

  /** `re.exec(s)`, null at once for a refused line. */
  exec(s: string): RegExpExecArray | null {
    const t = this.first;
    return t === null || t[s.charCodeAt(0)] === 1 ? this.re.exec(s) : null;
  }
}
