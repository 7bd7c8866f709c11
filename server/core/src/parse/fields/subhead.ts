import {
  DATELINE,
  DATELINE_END,
  LETTER,
  LOWER,
  UPPER_ALL,
  UPPER_START,
  LEADING_OPENERS,
  LIST_ITEM,
  NOT_SUBHEAD_CHARS,
  CREDIT_LABEL_LINE,
  PARAGRAPH_MIN_CHARS,
  SENTENCE_END,
  SHORT_LINE_CHARS,
  SUBHEAD_MAX_CHARS,
  SUBHEAD_MAX_WORDS,
  TITLE_MINOR_WORDS,
  TITLE_SUBHEAD_MAX_WORDS,
  TRAILING_CLOSERS,
} from '../patterns.ts';
import { Gated } from '../first-units.ts';

/** LIST_ITEM, refused by its first code unit before the regex (first-units.ts). */
export const LIST_ITEM_LINE = new Gated(LIST_ITEM);


function wordCount(s: string): number {
  let n = 1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c === 32 || c === 9) && i + 1 < s.length && s.charCodeAt(i + 1) !== 32) n++;
  }
  return n;
}

/** An ASCII letter: what LETTER matches, decided without the regex. */
function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** A character TRAILING_CLOSERS strips: a line ending in anything else keeps its end. */
function isCloser(c: number): boolean {
  return c === 39 || c === 34 || c === 0x2019 || c === 0x201d || c === 41 || c === 93 || c === 0xbb || c === 0x203a;
}

/** A short line without sentence punctuation: the shape every subhead has. */
export function isSubheadShape(s: string): boolean {
  if (!s || s.length > SUBHEAD_MAX_CHARS) return false;
  const lastC = s.charCodeAt(s.length - 1);
  if (lastC === 46 /* . */ || lastC === 44 /* , */ || lastC === 58 /* : */ || lastC === 63 /* ? */ || lastC === 33 /* ! */) return false;
  if (!isAsciiLetter(s.charCodeAt(0)) && !LETTER.test(s)) return false;
  const core = isCloser(lastC) ? s.replace(TRAILING_CLOSERS, '') : s;
  if (!core || SENTENCE_END.test(core)) return false;
  if (LIST_ITEM_LINE.test(s) || NOT_SUBHEAD_CHARS.test(s) || CREDIT_LABEL_LINE.test(s)) return false;
  if (DATELINE_END.test(core) && DATELINE.test(s)) return false;
  return wordCount(s) <= SUBHEAD_MAX_WORDS;
}

/** "DIPLOMATIC CONFUSION": letters all upper case. */
export function isAllCaps(s: string): boolean {
  if (LOWER.test(s)) return false;
  const letters = s.match(UPPER_ALL);
  return !!letters && letters.length >= 3;
}

/** "Why This Matters", "Further Reading": every word capitalised, bar small words. */
export function isTitleCase(s: string): boolean {
  let n = 0;
  let i = 0;
  while (i < s.length) {
    let j = s.indexOf(' ', i);
    if (j < 0) j = s.length;
    if (j > i) {
      const c0 = s.charCodeAt(i);
      if (c0 >= 65 && c0 <= 90) {
        // a capitalised ASCII word: has a letter, no opener, UPPER_START matches
        n++;
        if (n > TITLE_SUBHEAD_MAX_WORDS) return false;
        i = j + 1;
        continue;
      }
      const w = s.slice(i, j);
      if (LETTER.test(w)) {
        n++;
        if (n > TITLE_SUBHEAD_MAX_WORDS) return false;
        const c = w.replace(LEADING_OPENERS, '');
        if (!UPPER_START.test(c) && !(n > 1 && TITLE_MINOR_WORDS.has(c.toLowerCase()))) return false;
      }
    }
    i = j + 1;
  }
  return n > 0;
}

/**
 * Which of a body's lines (trimmed texts, noise already removed, in order) are subheads.
 * A subhead has the subhead shape and is ALL-CAPS, or is followed by a paragraph (a long line
 * of sentences), or is a title-case line standing alone (not one of a run of short title-case
 * lines, e.g. a list of newspaper names). `cutLast`: the capture stops inside the last line, so
 * a line of text there that is cut short (more words than a title, no sentence end) is the
 * paragraph the line before it introduces.
 */
export function subheadIndexes(lines: readonly string[], cutLast = false): number[] {
  const n = lines.length;
  const shape: boolean[] = new Array<boolean>(n);
  const title: boolean[] = new Array<boolean>(n);
  for (let i = 0; i < n; i++) {
    shape[i] = isSubheadShape(lines[i]!);
    title[i] = shape[i]! && isTitleCase(lines[i]!);
  }
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!shape[i]) continue;
    const s = lines[i]!;
    if (isAllCaps(s)) {
      out.push(i);
      continue;
    }
    const next = lines[i + 1];
    const cutParagraph = cutLast && i + 1 === n - 1 && next !== undefined && next.length > SHORT_LINE_CHARS && wordCount(next) > TITLE_SUBHEAD_MAX_WORDS && !SENTENCE_END.test(next);
    if (next !== undefined && ((next.length >= PARAGRAPH_MIN_CHARS && !shape[i + 1]) || cutParagraph)) {
      out.push(i);
      continue;
    }
    if (title[i] && !(i > 0 && title[i - 1]) && !(i + 1 < n && title[i + 1])) out.push(i);
  }
  return out;
}
