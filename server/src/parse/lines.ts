/**
 * Line splitting with exact UTF-16 offsets. A line ends at "\n", "\r\n" or a "\r" alone (old Mac
 * line ends): the terminator is never part of the content, so CR, CRLF and LF dumps give the
 * same content offsets. A missing final newline leaves the last line without a terminator
 * (next === text.length).
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

function isWs(c: number): boolean {
  // matches what String.prototype.trim strips for the characters dumps contain
  if (c > 32 && c < 0xa0) return false; // printable ASCII and C1: the usual case, decided at once
  return (
    c === 32 || c === 9 || c === 10 || c === 11 || c === 12 || c === 13 || c === 0xa0 ||
    c === 0xfeff || c === 0x2028 || c === 0x2029 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x202f || c === 0x205f || c === 0x3000
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
  const lines: Line[] = [];
  const n = text.length;
  // no "\r" anywhere (the usual dump): "\n" alone ends lines, found with one indexOf per line
  let cr = text.indexOf('\r');
  let pos = 0;
  while (pos < n) {
    let nl = text.indexOf('\n', pos);
    if (nl === -1) nl = n;
    let end = nl;
    let next = nl < n ? nl + 1 : n;
    if (cr !== -1 && cr < pos) cr = text.indexOf('\r', pos);
    if (cr !== -1 && cr < nl) {
      // a "\r" before the next "\n": it ends the line, alone or as the first half of "\r\n"
      end = cr;
      next = cr + 1 === nl && nl < n ? nl + 1 : cr + 1;
    }
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
