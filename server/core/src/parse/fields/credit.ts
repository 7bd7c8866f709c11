/**
 * Credit lines and labelled date lines at the top of an article: "By Tobias Fenwright · 3 hours
 * ago", "By X | 12 March 2024", "12 March 2024 09:30 by Jane Doe", "Posted 09:30 GMT, 12 March
 * 2024 - last modified ...". They give the byline (names only) and the published date (the first,
 * original one) and are not body.
 */
import {
  BY_AFTER_DATE,
  CREDIT_OPEN,
  NAMES_AFTER_DATE,
  NAME_JOINERS,
  ON_DATE,
  TITLE_MINOR_WORDS,
  CREDIT_SEPARATORS,
  DATE_AMPM,
  DATE_CLOCK,
  DATE_COUNT,
  DATE_COUNT_UNIT,
  DATE_DAY,
  DATE_DAY_WORD,
  DATE_JOINERS,
  DATE_LABEL,
  DATE_MONTH,
  DATE_NUMERIC,
  DATE_PHRASE_FIRST,
  DATE_UNIT,
  DATE_WEEKDAY,
  DATE_YEAR,
  DATE_ZONE,
  LATER_DATE_LABEL,
} from '../patterns.ts';
import { bylineFromLine, namesIn } from './byline.ts';
import type { Range } from './byline.ts';

/** What a credit line gives: the names' and the date's ranges within the (trimmed) line. */
export interface Credit {
  names: Range | null;
  date: Range | null;
}

/** Longest line read as a credit line. */
const MAX_CREDIT_LINE = 220;

/** Most tokens one date phrase has ("Tuesday, 12 March 2024 at 9:30 a.m. GMT" has 8). */
const MAX_DATE_TOKENS = 10;

/** DATE_PHRASE_FIRST as a table over ASCII (1: a date token may open with the code unit; none opens with a non-ASCII one). */
const DATE_FIRST: Uint8Array = Uint8Array.from({ length: 128 }, (_, c) => (DATE_PHRASE_FIRST.test(String.fromCharCode(c)) ? 1 : 0));

/**
 * Where a date phrase starting at `from` (spaces skipped) ends in `s`, or -1 when no date phrase
 * starts there. A date phrase is a relative date ("3 hours ago", "an hour ago", "3h ago",
 * "yesterday") or a run of date tokens (weekday, day, month, year, clock time, am/pm, zone,
 * numeric date, joined by spaces, commas, "at", "on", "-") holding a calendar date (a month with
 * a day or year, or a numeric date). Trailing joiners and commas are not part of it.
 */
export function datePhraseEnd(s: string, from: number): number {
  let i = from;
  while (i < s.length && s.charCodeAt(i) === 32) i++;
  const start = i;
  // no date token opens with any other code unit (the usual header or body line stops here)
  const c0 = s.charCodeAt(i);
  if (!(c0 < 128 && DATE_FIRST[c0] === 1)) return -1;
  let end = -1;
  let month = false;
  let dayOrYear = false;
  let numeric = false;
  let clock = false;
  let n = 0;
  // relative dates first
  const t1 = token(s, i);
  if (t1) {
    const w1 = s.slice(i, t1.end);
    if (DATE_DAY_WORD.test(w1)) return t1.end;
    if (w1 === 'just' && s.startsWith(' now', t1.end)) return t1.end + 4;
    // "3 hours ago", "an hour ago", "3h ago": only a count (a digit, "a", "an") opens one
    const t2 = (c0 >= 48 && c0 <= 57) || c0 === 97 || c0 === 65 ? token(s, t1.next) : null;
    if (t2) {
      const w2 = s.slice(t1.next, t2.end);
      if (DATE_COUNT_UNIT.test(w1) && w2 === 'ago') return t2.end;
      const t3 = token(s, t2.next);
      if (t3 && DATE_COUNT.test(w1) && DATE_UNIT.test(w2) && s.slice(t2.next, t3.end) === 'ago') return t3.end;
    }
  }
  while (n < MAX_DATE_TOKENS) {
    const t = token(s, i);
    if (!t) break;
    const w = s.slice(i, t.end);
    n++;
    let ok = true;
    if (DATE_MONTH.test(w)) month = true;
    else if (DATE_YEAR.test(w)) dayOrYear = true;
    else if (DATE_DAY.test(w)) dayOrYear = true;
    else if (DATE_NUMERIC.test(w)) numeric = true;
    else if (DATE_CLOCK.test(w)) clock = true;
    else if (DATE_AMPM.test(w) || DATE_WEEKDAY.test(w)) {
      // an am/pm mark or a weekday belongs to the phrase but makes no date on its own
    } else if (clock && DATE_ZONE.test(w)) {
      // a zone after a clock time
    } else if (DATE_JOINERS.has(w) && n > 1) {
      i = t.next;
      continue; // joins two parts; never ends the phrase
    } else ok = false;
    if (!ok) break;
    if ((month && dayOrYear) || numeric) end = t.end;
    else if (end >= 0) end = t.end; // a time or zone after the date
    i = t.next;
  }
  return end > start ? end : -1;
}

/** The token at i (up to a space, a comma ending it dropped): its end and where the next starts. */
function token(s: string, i: number): { end: number; next: number } | null {
  if (i >= s.length) return null;
  let j = i;
  while (j < s.length && s.charCodeAt(j) !== 32) j++;
  let end = j;
  if (end > i && s.charCodeAt(end - 1) === 44 /* , */) end--;
  if (end === i) return null;
  let next = j;
  while (next < s.length && s.charCodeAt(next) === 32) next++;
  return { end, next };
}

/** A date phrase that runs to the end of s (a final "." allowed): its range, or null. */
function dateToEnd(s: string, from: number): Range | null {
  let i = from;
  while (i < s.length && s.charCodeAt(i) === 32) i++;
  const e = datePhraseEnd(s, i);
  if (e < 0) return null;
  const rest = s.slice(e).trim();
  return rest === '' || rest === '.' ? [i, e] : null;
}

/**
 * A (trimmed) line that is a byline, a credit line or a labelled date line -> its names and date
 * ranges; null for anything else (body text). "By June 11, 1968, ..." stays body.
 */
export function creditLine(s: string): Credit | null {
  if (s.length === 0 || s.length > MAX_CREDIT_LINE) return null;
  const open = startsCredit(s) ? CREDIT_OPEN.exec(s) : null;
  if (open) {
    const from0 = open[0].length;
    // "By" may have a job title or an outlet after the names; "BY" and "Written by" run to the end
    const plainBy = s.charCodeAt(1) === 121 /* y */ && from0 <= 4;
    // "By NAMES <sep> [Published] DATE", "By NAMES on DATE"
    for (let p = from0; p < s.length; p++) {
      const c = s[p]!;
      const dashSep = c === '-' && s.charCodeAt(p - 1) === 32 && s.charCodeAt(p + 1) === 32;
      const onSep = c === ' ' && s.startsWith(ON_DATE, p);
      if (!dashSep && !onSep && !CREDIT_SEPARATORS.includes(c)) continue;
      let from = onSep ? p + 4 : p + 1;
      const label = DATE_LABEL.exec(s.slice(from).trimStart());
      if (label) from = s.length - s.slice(from).trimStart().length + label[0].length;
      const date = dateToEnd(s, from);
      if (!date) continue;
      const names = creditNames(s, from0, p, plainBy);
      if (names) return { names, date };
    }
    // "By Jane Doe3 hours ago", "By Jane Doea day ago": the date glued to the last name
    for (let p = from0 + 1; p < s.length; p++) {
      const c = s.charCodeAt(p);
      const prev = s.charCodeAt(p - 1);
      if (prev === 32 || !((c >= 48 && c <= 57) || (c === 97 && (s.startsWith('a ', p) || s.startsWith('an ', p))))) continue;
      if (prev >= 48 && prev <= 57) continue;
      const date = dateToEnd(s, p);
      if (!date) continue;
      const names = creditNames(s, from0, p, plainBy);
      if (names && names[1] === p) return { names, date };
    }
    if (plainBy) {
      const r = bylineFromLine(s);
      return r ? { names: r, date: null } : null;
    }
    const r = creditNames(s, from0, s.length - trailingPunct(s), false);
    return r ? { names: r, date: null } : null;
  }
  // "Posted 09:30 GMT, 12 March 2024 - last modified ...", "Published: March 12, 2024 | Updated: ..."
  const label = DATE_LABEL.exec(s);
  let from = label ? label[0].length : 0;
  while (from < s.length && s.charCodeAt(from) === 32) from++;
  const e = datePhraseEnd(s, from);
  if (e < 0) return null;
  const date: Range = [from, e];
  const rest = s.slice(e);
  if (rest.trim() === '' || rest.trim() === '.') return label ? { names: null, date } : null;
  if (label && LATER_DATE_LABEL.test(rest)) return { names: null, date };
  // a date, then "by" and the names: "12 March 2024 09:30 by Jane Doe", "3 hours ago | By X"
  const by = BY_AFTER_DATE.exec(rest);
  if (by) {
    const names = namesIn(s, e + by[0].length, s.length);
    if (names && names[1] === s.length - trailingPunct(s)) return { names, date };
  }
  // "3 June 2025 | Ana Ruiz": two or more name words after a separator, to the end of the line
  const sep = NAMES_AFTER_DATE.exec(rest);
  if (sep) {
    const names = creditNames(s, e + sep[0].length, s.length - trailingPunct(s), false);
    if (names) return { names, date };
  }
  return null;
}

/** "B" opening "By", "BY" or a credit label ("Written by", "Posted by", ...): a cheap test before CREDIT_OPEN. */
function startsCredit(s: string): boolean {
  const c = s.charCodeAt(0);
  return c === 66 || c === 87 || c === 83 || c === 84 || c === 82 || c === 80;
}

/**
 * The names of a credit in s[from, to). `plainBy` ("By ..."): the names may be followed by a job
 * title or an outlet (namesIn). Otherwise ("BY ...", "Written by ...", names after a date) the
 * names must fill the span, hold two or more name words and no title word ("BY THE NUMBERS" is a
 * subhead).
 */
function creditNames(s: string, from: number, to: number, plainBy: boolean): Range | null {
  const names = namesIn(s, from, to);
  if (!names || plainBy) return names;
  let end = to;
  while (end > from && (s.charCodeAt(end - 1) === 32 || s.charCodeAt(end - 1) === 44)) end--;
  if (names[1] !== end) return null;
  let words = 0;
  for (const w of s.slice(names[0], names[1]).split(/[ ,]+/u)) {
    const lower = w.toLowerCase();
    if (TITLE_MINOR_WORDS.has(lower) && lower !== 'and') return null;
    if (w && !NAME_JOINERS.has(w)) words++;
  }
  return words >= 2 ? names : null;
}

/** How many "." end s (a credit line may end in one). */
function trailingPunct(s: string): number {
  return s.endsWith('.') ? 1 : 0;
}
