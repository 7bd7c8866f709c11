import { DOMAIN_SUFFIX, ECHO_LINE, GLUED_SOURCE_DATE, MAX_SOURCE_LINE, SENTENCE_LIKE_END, SOURCE_NAME, TIME_LINE, TIME_PREFIX } from '../patterns.ts';
import type { Range } from './byline.ts';
import { DATE_LABEL_LINE } from './credit.ts';

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
  // "Updated 3 hours ago", "Published: 2 days ago": a date label, not an outlet (a labelled date line)
  const label = DATE_LABEL_LINE.exec(s);
  if (label && label[0].length === srcTrim.length) return null;
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

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Hours east of UTC of the zone names credit lines print (unknown zones read as UTC). */
const ZONE_HOURS: Readonly<Record<string, number>> = {
  GMT: 0, UTC: 0, BST: 1, CET: 1, CEST: 2, EET: 2, EEST: 3, EST: -5, EDT: -4, ET: -5, CST: -6, CDT: -5, MST: -7, MDT: -6, PST: -8, PDT: -7, PT: -8,
  IST: 5.5, JST: 9, KST: 9, HKT: 8, SGT: 8, AEST: 10, AEDT: 11, SAST: 2, WAT: 1, EAT: 3,
};

/**
 * An absolute date text with a month name or in ISO / numeric order ("09:30 GMT, 12 March 2024",
 * "March 12, 2024 at 9:30 a.m. ET", "2024-03-12", "12/03/2024" read day first) -> ISO 8601 UTC
 * timestamp; the clock time and zone where given, else midnight UTC. Null when the text has no
 * year or is no calendar date.
 */
export function absoluteDateIso(text: string): string | null {
  const t = text.trim();
  if (t.length > 80) return null;
  let y = -1;
  let mo = -1;
  let d = -1;
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/u.exec(t);
  const num = /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/u.exec(t);
  const named = /\b(?:(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]{3,9})\.?,? (\d{4})|([A-Za-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4}))\b/u.exec(t);
  if (iso) [y, mo, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (num) [d, mo, y] = [Number(num[1]), Number(num[2]), Number(num[3])];
  else if (named) {
    const name = (named[2] ?? named[4] ?? '').slice(0, 3).toLowerCase();
    mo = MONTHS.indexOf(name) + 1;
    d = Number(named[1] ?? named[5]);
    y = Number(named[3] ?? named[6]);
  }
  if (y < 1000 || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  let minutes = 0;
  const clock = /\b(\d{1,2})[:.](\d{2})(?:[:.]\d{2})?(?: ?([ap])\.?m\.?)?|\b(\d{1,2}) ?([ap])\.?m\.?/iu.exec(t.replace(/\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{4}\b/gu, ''));
  if (clock) {
    let h = Number(clock[1] ?? clock[4]);
    const min = clock[2] !== undefined ? Number(clock[2]) : 0;
    const ap = (clock[3] ?? clock[5] ?? '').toLowerCase();
    if (ap === 'p' && h < 12) h += 12;
    if (ap === 'a' && h === 12) h = 0;
    if (h > 23 || min > 59) return null;
    minutes = h * 60 + min;
    const zone = /\b([A-Z]{2,4})\b/u.exec(t.slice(clock.index + clock[0].length, clock.index + clock[0].length + 8));
    const off = zone ? ZONE_HOURS[zone[1]!] : undefined;
    if (off !== undefined) minutes -= off * 60;
  }
  const ms = Date.UTC(y, mo - 1, d) + minutes * 60_000;
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCDate() !== d) return null;
  return new Date(ms).toISOString();
}
