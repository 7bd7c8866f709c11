import { DOMAIN_SUFFIX, ECHO_LINE, GLUED_SOURCE_DATE, MAX_SOURCE_LINE, SENTENCE_LIKE_END, SOURCE_NAME, TIME_LINE, TIME_PREFIX } from '../patterns.ts';
import type { Range } from './byline.ts';

/** First code unit a TIME_LINE can start with: "t" (time...), "a" (a/an ...) or a digit. */
function canStartTimeLine(c: number): boolean {
  return c === 116 || c === 97 || (c >= 48 && c <= 57);
}

/** Last code unit a date text can end with: "o" (... ago) or a digit (...2025). */
function canEndDate(c: number): boolean {
  return c === 111 || (c >= 48 && c <= 57);
}

/** "3 hours ago" / "time3 hours ago": the date text's range inside the (trimmed) line, or null. */
export function timeLine(s: string): Range | null {
  if (s.length > 40 || !canStartTimeLine(s.charCodeAt(0))) return null;
  const m = TIME_LINE.exec(s);
  if (!m) return null;
  const pre = m[1] ? m[1].length : 0;
  return [pre, s.length];
}

/** Whether a (trimmed) line is a time line. */
export function isTimeLine(s: string): boolean {
  return s.length <= 40 && canStartTimeLine(s.charCodeAt(0)) && canEndDate(s.charCodeAt(s.length - 1)) && TIME_LINE.test(s);
}

/** A capture cut inside a time line: "2 ho", "time3 da", "23-04-20", "tim". */
export function isTimePrefix(s: string): boolean {
  return s.length <= 40 && TIME_PREFIX.test(s);
}

/**
 * "Yahoo23-04-2025" -> source [0,5), date [5,15). "3 hours ago" -> source null.
 * Returns null when the line is not a (glued) source-and-date line.
 */
export function gluedSourceDate(s: string): { source: Range | null; date: Range } | null {
  if (s.length > 100 || !canEndDate(s.charCodeAt(s.length - 1))) return null;
  const m = GLUED_SOURCE_DATE.exec(s);
  if (!m || m[1] === undefined || m[2] === undefined) return null;
  const src = m[1];
  const dateStart = src.length;
  const srcTrim = src.trimEnd();
  if (!srcTrim) return { source: null, date: [dateStart, s.length] };
  if (!SOURCE_NAME.test(srcTrim)) return null;
  return { source: [0, srcTrim.length], date: [dateStart, s.length] };
}

/** "- Asahi Shimbun" / "• India.com": marker and the name's range, or null. */
export function echoLine(s: string): { marker: string; name: Range } | null {
  if (s.length > 200 || !isEchoMarker(s.charCodeAt(0))) return null;
  const m = ECHO_LINE.exec(s);
  if (!m || m[1] === undefined || m[2] === undefined) return null;
  return { marker: m[1], name: [s.length - m[2].length, s.length] };
}

/** First code unit of an ECHO_LINE: "-", "•" or "–". */
function isEchoMarker(c: number): boolean {
  return c === 45 || c === 0x2022 || c === 0x2013;
}

/** An ASCII letter or digit. */
function isAsciiAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/** A related block's source line: a short name, not a sentence. */
export function looksLikeSourceLine(s: string): boolean {
  if (s.length === 0 || s.length > MAX_SOURCE_LINE) return false;
  // the usual name ends in a letter or digit with no "." among its last 8 code units: then
  // DOMAIN_SUFFIX (a "." at most 7 from the end) removes nothing and SENTENCE_LIKE_END cannot match
  if (isAsciiAlnum(s.charCodeAt(s.length - 1)) && s.indexOf('.', s.length - 8) === -1) return true;
  return !SENTENCE_LIKE_END.test(s.replace(DOMAIN_SUFFIX, ''));
}
