/**
 * Pure caret arithmetic over the raw dump text (UTF-16 offsets, like the segmentation).
 * A "line" is [start, contentEnd) where contentEnd stops before "\r\n" or "\n"; the newline
 * belongs to no line's content. A caret never sits between "\r" and "\n" or inside a surrogate pair.
 */

export type Step = 'char' | 'word' | 'line';
export type Direction = -1 | 1;

/** Start of the line holding offset o. */
export function lineStartOf(text: string, o: number): number {
  // lastIndexOf reads a negative position as 0: at offset 0 a leading "\n" would count as before it
  if (o <= 0) return 0;
  const i = text.lastIndexOf('\n', o - 1);
  return i + 1;
}

/** End of the content of the line holding o (before "\r\n" / "\n"), or text.length. */
export function lineEndOf(text: string, o: number): number {
  let i = text.indexOf('\n', o);
  if (i < 0) return text.length;
  if (i > 0 && text.charCodeAt(i - 1) === 13 && i - 1 >= lineStartOf(text, o)) i -= 1;
  return i;
}

/** Start of the line after the one holding o, or text.length. */
export function nextLineStartOf(text: string, o: number): number {
  const i = text.indexOf('\n', o);
  return i < 0 ? text.length : i + 1;
}

/** Keeps a caret off the middle of "\r\n" and of surrogate pairs. */
export function normalizeCaret(text: string, o: number): number {
  o = Math.max(0, Math.min(text.length, o));
  if (o > 0 && o < text.length) {
    const prev = text.charCodeAt(o - 1);
    const cur = text.charCodeAt(o);
    if (prev === 13 && cur === 10) return o - 1;
    if (prev >= 0xd800 && prev <= 0xdbff && cur >= 0xdc00 && cur <= 0xdfff) return o - 1;
  }
  return o;
}

function charStep(text: string, o: number, dir: Direction): number {
  if (dir < 0) {
    if (o <= 0) return 0;
    let n = o - 1;
    const c = text.charCodeAt(n);
    if (c === 10 && n > 0 && text.charCodeAt(n - 1) === 13) n -= 1;
    else if (c >= 0xdc00 && c <= 0xdfff && n > 0) {
      const h = text.charCodeAt(n - 1);
      if (h >= 0xd800 && h <= 0xdbff) n -= 1;
    }
    return n;
  }
  if (o >= text.length) return text.length;
  let n = o + 1;
  const c = text.charCodeAt(o);
  if (c === 13 && text.charCodeAt(n) === 10) n += 1;
  else if (c >= 0xd800 && c <= 0xdbff) {
    const l = text.charCodeAt(n);
    if (l >= 0xdc00 && l <= 0xdfff) n += 1;
  }
  return n;
}

const isWordChar = (ch: string) => /[\p{L}\p{N}_'’-]/u.test(ch);

function wordStep(text: string, o: number, dir: Direction): number {
  if (dir > 0) {
    let i = o;
    // skip what is not a word, then the word
    while (i < text.length && !isWordChar(text[i]!)) {
      if (text[i] === '\n' && i !== o) return i; // stop at a line end
      i++;
    }
    while (i < text.length && isWordChar(text[i]!)) i++;
    return normalizeCaret(text, i);
  }
  let i = o;
  while (i > 0 && !isWordChar(text[i - 1]!)) {
    if (text[i - 1] === '\n' && i !== o) return i;
    i--;
  }
  while (i > 0 && isWordChar(text[i - 1]!)) i--;
  return normalizeCaret(text, i);
}

/**
 * The previous/next line. A caret at a line start goes to the other line's start, one at a line
 * end to the other line's end (what a boundary handle wants); otherwise the column is kept.
 */
function lineStep(text: string, o: number, dir: Direction): number {
  const start = lineStartOf(text, o);
  const end = lineEndOf(text, o);
  if (dir < 0) {
    if (start === 0) return 0;
    const pStart = lineStartOf(text, start - 1);
    const pEnd = lineEndOf(text, pStart);
    if (o === start) return pStart;
    if (o === end) return pEnd;
    return Math.min(pStart + (o - start), pEnd);
  }
  const nStart = nextLineStartOf(text, o);
  const nEnd = lineEndOf(text, nStart);
  if (o === start) return nStart;
  if (o === end) return nEnd;
  return Math.min(nStart + (o - start), nEnd);
}

/** Moves a caret by one character, word or line. */
export function step(text: string, o: number, by: Step, dir: Direction): number {
  o = normalizeCaret(text, o);
  if (by === 'char') return charStep(text, o, dir);
  if (by === 'word') return wordStep(text, o, dir);
  return lineStep(text, o, dir);
}

/** The lines (content ranges, trimmed of surrounding white space, never empty) that [start, end) touches. */
export function linePieces(text: string, start: number, end: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let ls = lineStartOf(text, start);
  for (;;) {
    const le = lineEndOf(text, ls);
    let s = Math.max(ls, start);
    let e = Math.min(le, end);
    while (s < e && /\s/u.test(text[s]!)) s++;
    while (e > s && /\s/u.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e });
    const next = nextLineStartOf(text, ls);
    if (next >= end || next >= text.length || next <= ls) break;
    ls = next;
  }
  return out;
}

/** [lineStart, nextLineStart) of the line holding o: the whole line with its newline. */
export function wholeLine(text: string, o: number): { start: number; end: number } {
  return { start: lineStartOf(text, o), end: nextLineStartOf(text, o) };
}
