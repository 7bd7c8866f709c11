/**
 * Line splitting with exact UTF-16 offsets. A line ends at "\n", "\r\n", or, in a text whose first
 * line ends so, at a "\r" alone (old Mac line ends) or at a Unicode LINE SEPARATOR / PARAGRAPH
 * SEPARATOR (U+2028, U+2029: text copied out of some editors and JSON): the terminator is never part
 * of the content, so CR, CRLF, LF and U+2028 dumps give the same content offsets. In an LF text a
 * stray U+2028 stays inside its line (it is white space there, as String.prototype.trim has it).
 * A missing final newline leaves the last line without a terminator (next === text.length).
 */

/** What a line is, filled in by blocks.ts `classify` ("blank" until then). */
export type LineKind = 'blank' | 'strong' | 'weak' | 'listing' | 'url' | 'time' | 'echo' | 'other';

export interface Line {
  /** first code unit of the line */
  start: number;
  /** end of the content (before "\r\n" / "\n") */
  end: number;
  /** start of the following line (after the terminator), or text.length */
  next: number;
  /** content trimmed of white space: [ts, te); ts === te for a blank line */
  ts: number;
  te: number;
  kind: LineKind;
  /** trimmed content, filled in by `classify` */
  text: string;
}

/**
 * What String.prototype.trim strips, and the invisible format characters a page leaves at a line's
 * edges (ZERO WIDTH SPACE, NON-JOINER, JOINER U+200B-U+200D, WORD JOINER U+2060): a line of
 * nothing else is blank, and none of them starts or ends a field. Inside a line they stay (a
 * joiner inside a word or an emoji sequence is part of it).
 */
function isWs(c: number): boolean {
  if (c > 32 && c < 0xa0) return false; // printable ASCII and C1: the usual case, decided at once
  return (
    c === 32 || c === 9 || c === 10 || c === 11 || c === 12 || c === 13 || c === 0xa0 ||
    c === 0xfeff || c === 0x2028 || c === 0x2029 || c === 0x1680 || (c >= 0x2000 && c <= 0x200d) ||
    c === 0x202f || c === 0x205f || c === 0x2060 || c === 0x3000
  );
}

/** [s, e) narrowed to its non-white-space content. */
export function trimRange(text: string, s: number, e: number): [number, number] {
  s = trimStart(text, s, e);
  return [s, trimEnd(text, s, e)];
}

/** First non-white-space position in [s, e), or e. */
export function trimStart(text: string, s: number, e: number): number {
  while (s < e && isWs(text.charCodeAt(s))) s++;
  return s;
}

/** One past the last non-white-space position in [s, e), or s. */
export function trimEnd(text: string, s: number, e: number): number {
  while (e > s && isWs(text.charCodeAt(e - 1))) e--;
  return e;
}

export function splitLines(text: string): Line[] {
  return usesOtherLineEnds(text) ? splitAny(text) : splitLf(text);
}

/** U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR */
const isUnicodeLineEnd = (c: number) => c === 0x2028 || c === 0x2029;

/**
 * Whether the text's first line ends in a "\r" alone (an old Mac text: CR line ends throughout) or
 * in U+2028 / U+2029. Only the first line is read, so an LF or CRLF dump pays nothing for the other
 * line ends; an LF text with a stray lone "\r" or U+2028 inside a later line keeps it in that
 * line's content.
 */
function usesOtherLineEnds(text: string): boolean {
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return false;
    if (c === 13) return i + 1 >= n || text.charCodeAt(i + 1) !== 10;
    if (isUnicodeLineEnd(c)) return true;
  }
  return false;
}

/** LF and CRLF texts: a line ends at "\n"; a "\r" right before it belongs to the terminator. */
function splitLf(text: string): Line[] {
  const lines: Line[] = [];
  const n = text.length;
  let pos = 0;
  while (pos < n) {
    let nl = text.indexOf('\n', pos);
    let next: number;
    if (nl === -1) {
      nl = n;
      next = n;
    } else {
      next = nl + 1;
    }
    let end = nl;
    if (end > pos && text.charCodeAt(end - 1) === 13) end--;
    const ts = trimStart(text, pos, end);
    const te = trimEnd(text, ts, end);
    lines.push({ start: pos, end, next, ts, te, kind: 'blank', text: '' });
    pos = next;
  }
  return lines;
}

/** Texts with lone "\r" or Unicode line ends: "\r", "\r\n", "\n", U+2028 and U+2029 all end a line. */
function splitAny(text: string): Line[] {
  const lines: Line[] = [];
  const n = text.length;
  let pos = 0;
  while (pos < n) {
    let end = pos;
    for (; end < n; end++) {
      const c = text.charCodeAt(end);
      if (c === 10 || c === 13 || isUnicodeLineEnd(c)) break;
    }
    let next = end < n ? end + 1 : n;
    if (end < n && text.charCodeAt(end) === 13 && next < n && text.charCodeAt(next) === 10) next++;
    const ts = trimStart(text, pos, end);
    const te = trimEnd(text, ts, end);
    lines.push({ start: pos, end, next, ts, te, kind: 'blank', text: '' });
    pos = next;
  }
  return lines;
}

/** A line's trimmed content. */
export function lineText(text: string, l: Line): string {
  return text.slice(l.ts, l.te);
}

export function isBlank(l: Line): boolean {
  return l.ts === l.te;
}
