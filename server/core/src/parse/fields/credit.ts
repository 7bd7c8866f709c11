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
  DATE_MONTH_OTHER,
  DATE_NUMERIC,
  DATE_PHRASE_FIRST,
  DATE_UNIT,
  DATE_WEEKDAY,
  DATE_YEAR,
  DATE_ZONE,
  LATER_DATE_LABEL,
  BRACKETED_DATE,
  NAME_PARTICLES,
  ORIGINAL_DATE_LABEL,
  UPDATE_DATE_LABEL,
  AGENCY_WORD,
  JOB_ROLE_NOUN,
  NAMES_DATE_SEPARATORS,
  OUTLET_NAME_WORD,
  READING_TIME_TAIL,
  CO_AUTHOR_JOINERS,
} from '../patterns.ts';
import { bylineFromLine, nameGroups, namesIn } from './byline.ts';
import type { Range } from './byline.ts';
import { Gated } from '../first-units.ts';

/**
 * What a credit line gives: the date's range and the names' ranges within the (trimmed) line,
 * one range per credited person or joined group ("Ana Ruiz and Tom Bell" is one range; "By Ana
 * Ruiz, Senior Writer, and Tom Bell, Staff" gives two), in page order.
 */
export interface Credit {
  names: Range[] | null;
  date: Range | null;
  /** the date is labelled as a later one ("Last updated X", "Modified X") and the line names no original date */
  later?: true;
}

/** Longest line read as a credit line. */
const MAX_CREDIT_LINE = 220;

/** Most tokens one date phrase has ("Tuesday, 12 March 2024 at 9:30 a.m. GMT" has 8). */
const MAX_DATE_TOKENS = 10;

/** DATE_PHRASE_FIRST as a table over ASCII (1: a date token may open with the code unit; none opens with a non-ASCII one). */
const DATE_FIRST: Uint8Array = Uint8Array.from({ length: 128 }, (_, c) => (DATE_PHRASE_FIRST.test(String.fromCharCode(c)) ? 1 : 0));

/** The date-token rules with their first-unit tables (first-units.ts): a token no rule can open with is refused without a regex call. */
const GATED_DAY_WORD = new Gated(DATE_DAY_WORD);
/** CREDIT_OPEN, refused by its first code unit before the regex (first-units.ts): the table is read from the rule, so that no label it knows ("Geschreven door") is refused. */
const CREDIT_OPEN_LINE = new Gated(CREDIT_OPEN);
/** DATE_LABEL, refused by its first code unit before the regex (first-units.ts). */
export const DATE_LABEL_LINE = new Gated(DATE_LABEL);
const GATED_COUNT_UNIT = new Gated(DATE_COUNT_UNIT);
const GATED_COUNT = new Gated(DATE_COUNT);
const GATED_UNIT = new Gated(DATE_UNIT);
const GATED_MONTH_OTHER = new Gated(DATE_MONTH_OTHER);
const GATED_MONTH = new Gated(DATE_MONTH);
const GATED_YEAR = new Gated(DATE_YEAR);
const GATED_DAY = new Gated(DATE_DAY);
const GATED_NUMERIC = new Gated(DATE_NUMERIC);
const GATED_CLOCK = new Gated(DATE_CLOCK);
const GATED_AMPM = new Gated(DATE_AMPM);
const GATED_WEEKDAY = new Gated(DATE_WEEKDAY);
const GATED_ZONE = new Gated(DATE_ZONE);

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
    if (GATED_DAY_WORD.test(w1)) return t1.end;
    if (w1 === 'just' && s.startsWith(' now', t1.end)) return t1.end + 4;
    // "3 hours ago", "an hour ago", "3h ago": only a count (a digit, "a", "an") opens one
    const t2 = (c0 >= 48 && c0 <= 57) || c0 === 97 || c0 === 65 ? token(s, t1.next) : null;
    if (t2) {
      const w2 = s.slice(t1.next, t2.end);
      if (GATED_COUNT_UNIT.test(w1) && w2 === 'ago') return t2.end;
      const t3 = token(s, t2.next);
      if (t3 && GATED_COUNT.test(w1) && GATED_UNIT.test(w2) && s.slice(t2.next, t3.end) === 'ago') return t3.end;
    }
  }
  while (n < MAX_DATE_TOKENS) {
    const t = token(s, i);
    if (!t) break;
    const w = s.slice(i, t.end);
    n++;
    let ok = true;
    if (GATED_MONTH.test(w) || (n > 1 && GATED_MONTH_OTHER.test(w))) month = true;
    else if (GATED_YEAR.test(w)) dayOrYear = true;
    else if (GATED_DAY.test(w)) dayOrYear = true;
    else if (GATED_NUMERIC.test(w)) numeric = true;
    else if (GATED_CLOCK.test(w)) clock = true;
    else if (GATED_AMPM.test(w) || GATED_WEEKDAY.test(w)) {
      // an am/pm mark or a weekday belongs to the phrase but makes no date on its own
    } else if (clock && GATED_ZONE.test(w)) {
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

/** The token at i (up to a space, a comma or a closing bracket ending it dropped: "2024)" in "(posted 12 March 2024)"): its end and where the next starts. */
function token(s: string, i: number): { end: number; next: number } | null {
  if (i >= s.length) return null;
  let j = i;
  while (j < s.length && s.charCodeAt(j) !== 32) j++;
  let end = j;
  if (end > i + 1 && s.charCodeAt(end - 1) === 41 /* ) */) end--;
  if (end > i && s.charCodeAt(end - 1) === 44 /* , */) end--;
  if (end === i) return null;
  let next = j;
  while (next < s.length && s.charCodeAt(next) === 32) next++;
  return { end, next };
}

/** "(3h)", "(2 days ago)", "(12 March 2024)" from `open` (its "(") to the end of s: the inside's range, or null (BRACKETED_DATE). */
function bracketedDate(s: string, open: number): Range | null {
  const m = BRACKETED_DATE.exec(s.slice(open));
  if (!m) return null;
  const inner = m[1]!;
  const from = open + 1;
  if (DATE_COUNT_UNIT.test(inner)) return [from, from + inner.length];
  // "(2 hrs)", "(5 mins)": a count and its unit (the brackets say "ago")
  const sp = inner.indexOf(' ');
  if (sp > 0 && DATE_COUNT.test(inner.slice(0, sp)) && DATE_UNIT.test(inner.slice(sp + 1))) return [from, from + inner.length];
  const e = datePhraseEnd(inner, 0);
  return e === inner.length ? [from, from + e] : null;
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

/** 1 at each code unit of `chars` (0 elsewhere): the characters are tested one code unit at a time, without a string search. */
function codeUnits(chars: string): Uint8Array {
  const t = new Uint8Array(65536);
  for (let i = 0; i < chars.length; i++) t[chars.charCodeAt(i)] = 1;
  return t;
}
/** CREDIT_SEPARATORS and NAMES_DATE_SEPARATORS by code unit. */
const CREDIT_SEPARATOR_AT = codeUnits(CREDIT_SEPARATORS);
const NAMES_DATE_SEPARATOR_AT = codeUnits(NAMES_DATE_SEPARATORS);

/**
 * A (trimmed) line that is a byline, a credit line or a labelled date line -> its names and date
 * ranges; null for anything else (body text). "By June 11, 1968, ..." stays body.
 */
export function creditLine(s: string): Credit | null {
  if (s.length === 0 || s.length > MAX_CREDIT_LINE) return null;
  // "By Jane Doe · 5 min read", "Mar 3, 2024 · 5 min read": the credit before a reading-time label (ranges index s all the same)
  if (s.endsWith('read') || s.endsWith('READ')) {
    const tail = READING_TIME_TAIL.exec(s);
    if (tail && tail.index > 0) return creditLine(s.slice(0, tail.index));
  }
  const open = CREDIT_OPEN_LINE.exec(s);
  if (open) {
    const from0 = open[0].length;
    // "By" may have a job title or an outlet after the names; "BY" and "Written by" run to the end
    const plainBy = s.charCodeAt(1) === 121 /* y */ && from0 <= 4;
    // "By NAMES <sep> [Published] DATE", "By NAMES on DATE"
    for (let p = from0; p < s.length; p++) {
      const c = s.charCodeAt(p);
      const dashSep = c === 45 /* - */ && s.charCodeAt(p - 1) === 32 && s.charCodeAt(p + 1) === 32;
      const onSep = c === 32 && s.startsWith(ON_DATE, p);
      if (!dashSep && !onSep && CREDIT_SEPARATOR_AT[c] === 0) continue;
      let from = onSep ? p + 4 : p + 1;
      const label = DATE_LABEL_LINE.exec(s.slice(from).trimStart());
      if (label) from = s.length - s.slice(from).trimStart().length + label[0].length;
      const date = dateToEnd(s, from);
      if (!date) continue;
      const names = creditNames(s, from0, p, plainBy);
      if (names) return { names, date };
    }
    // "By Jane Example (3h)", "By Ana Ruiz (12 March 2024)": the date in brackets at the end
    const paren = s.lastIndexOf(' (');
    if (paren > from0) {
      const date = bracketedDate(s, paren + 1);
      const names = date ? creditNames(s, from0, paren, plainBy) : null;
      if (date && names) return { names, date };
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
      if (names && names[names.length - 1]![1] === p) return { names, date };
    }
    if (plainBy) {
      if (!bylineFromLine(s)) return null;
      const g = nameGroups(s, from0, s.length);
      return g ? { names: g.groups, date: null } : null;
    }
    const r = creditNames(s, from0, s.length - trailingPunct(s), false);
    return r ? { names: r, date: null } : null;
  }
  // "Ana Ruiz, Senior Writer; Tom Bell, Staff": names, each with a job title, and no "By"
  const titled = titledNames(s);
  if (titled) return { names: titled, date: null };
  // "Jane Doe | 3 March 2024", "Jane Doe · 2 hours ago": names, a separator and a date, no "By"
  const namesDate = namesThenDate(s);
  if (namesDate) return namesDate;
  // "Posted 09:30 GMT, 12 March 2024 - last modified ...", "Published: March 12, 2024 | Updated: ..."
  const label = DATE_LABEL_LINE.exec(s);
  let from = label ? label[0].length : 0;
  while (from < s.length && s.charCodeAt(from) === 32) from++;
  const e = datePhraseEnd(s, from);
  if (e < 0) return null;
  const date: Range = [from, e];
  const rest = s.slice(e);
  // "Last updated X (posted Y)", "Updated: X | Published: Y": the original date, printed second
  if (label && UPDATE_DATE_LABEL.test(label[0])) {
    const orig = ORIGINAL_DATE_LABEL.exec(rest);
    const e2 = orig ? datePhraseEnd(s, e + orig[0].length) : -1;
    if (orig && e2 > 0) {
      const tail = s.slice(e2).trim();
      if (tail === '' || tail === '.' || tail === ')' || tail === ').') return { names: null, date: [e + orig[0].length, e2] };
    }
  }
  // a calendar date alone on its line ("12/03/2024", "2024-03-12T09:30:00Z", "3. März 2024") is a date line too (a bare "just now" or "3 hours ago" is not read here)
  if (rest.trim() === '' || rest.trim() === '.') {
    if (!label) return calendarDate(s, from, e) ? { names: null, date } : null;
    return UPDATE_DATE_LABEL.test(label[0]) ? { names: null, date, later: true } : { names: null, date };
  }
  if (label && LATER_DATE_LABEL.test(rest)) return { names: null, date };
  // a date, then "by" and the names: "12 March 2024 09:30 by Jane Doe", "3 hours ago | By X"
  const by = BY_AFTER_DATE.exec(rest);
  if (by) {
    const names = namesIn(s, e + by[0].length, s.length);
    if (names && names[1] === s.length - trailingPunct(s)) return { names: [names], date };
  }
  // "3 June 2025 | Ana Ruiz": two or more name words after a separator, to the end of the line
  const sep = NAMES_AFTER_DATE.exec(rest);
  if (sep) {
    const names = creditNames(s, e + sep[0].length, s.length - trailingPunct(s), false);
    if (names) return { names, date };
  }
  return null;
}

/**
 * "Jane Doe | 3 March 2024", "Jane Doe · 2 hours ago", "Ana Ruiz and Tom Bell – Updated 12/03/2024":
 * a capitalised start, names (two or more name words, none an outlet's) filling the text before a
 * separator (NAMES_DATE_SEPARATORS, or " - "), then a date phrase (a date label allowed) to the end.
 */
function namesThenDate(s: string): Credit | null {
  const c = s.charCodeAt(0);
  if (!(c >= 65 && c <= 90) && !(c > 127 && s[0] !== s[0]!.toLowerCase())) return null;
  for (let p = 3; p < Math.min(s.length, 80); p++) {
    const ch = s.charCodeAt(p);
    const dashSep = ch === 45 /* - */ && s.charCodeAt(p - 1) === 32 && s.charCodeAt(p + 1) === 32;
    if (!dashSep && NAMES_DATE_SEPARATOR_AT[ch] === 0) continue;
    let from = p + 1;
    const after = s.slice(from).trimStart();
    const label = DATE_LABEL_LINE.exec(after);
    from = s.length - after.length + (label ? label[0].length : 0);
    const date = dateToEnd(s, from);
    if (!date) return null;
    const names = creditNames(s, 0, p, false);
    if (!names || names.some((r) => s.slice(r[0], r[1]).split(/[ ,]+/u).some((w) => OUTLET_NAME_WORD.test(w) || AGENCY_WORD.test(w)))) return null;
    return { names, date };
  }
  return null;
}

/** s[from, to) is a calendar date, not a relative one: it holds a digit and does not end in "ago". */
function calendarDate(s: string, from: number, to: number): boolean {
  if (s.endsWith('ago', to)) return false;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/**
 * "Jane Doe", "Ana Ruiz and Tom Bell": a line of names alone (two to eight name words, no outlet
 * or agency word, nothing else), read as the byline only when a date line follows it under the
 * headline (index.ts). The names' ranges, or null.
 */
export function bareNames(s: string): Range[] | null {
  const c = s.charCodeAt(0);
  if (s.length > 60 || !((c >= 65 && c <= 90) || (c > 127 && s[0] !== s[0]!.toLowerCase()))) return null;
  const names = creditNames(s, 0, s.length, false);
  if (!names || names.length !== 1 || names[0]![0] !== 0 || names[0]![1] !== s.length) return null;
  const words = s.split(' ');
  if (words.length > 8 || words.some((w) => OUTLET_NAME_WORD.test(w) || AGENCY_WORD.test(w) || DIGIT_RE.test(w))) return null;
  return names;
}

const DIGIT_RE = /\d/u;

/**
 * The names of a credit in s[from, to), one range per person or joined group (nameGroups).
 * `plainBy` ("By ..."): the names may be followed by a job title or an outlet. Otherwise ("BY
 * ...", "Written by ...", names after a date) the names and their titles must fill the span and
 * hold two or more name words and no small title word ("BY THE NUMBERS" is a subhead).
 */
function creditNames(s: string, from: number, to: number, plainBy: boolean): Range[] | null {
  const g = nameGroups(s, from, to);
  if (!g || plainBy) return g ? g.groups : null;
  let end = to;
  while (end > from && (s.charCodeAt(end - 1) === 32 || s.charCodeAt(end - 1) === 44)) end--;
  if (g.end !== end && g.groups[g.groups.length - 1]![1] !== end) return null;
  let words = 0;
  for (const r of g.groups) {
    for (const w of s.slice(r[0], r[1]).split(/[ ,]+/u)) {
      const lower = w.toLowerCase();
      // ("Words by Jane Doe with Tom Bell": a co-author's "with" is a joiner, not a title's small word)
      if (CO_AUTHOR_JOINERS.has(w)) continue;
      if (TITLE_MINOR_WORDS.has(lower) && lower !== 'and') return null;
      if (w && !NAME_JOINERS.has(w)) words++;
    }
  }
  return words >= 2 ? g.groups : null;
}

/**
 * "Ana Ruiz, Senior Writer", "Ana Ruiz, Senior Writer; Tom Bell, Staff", "Ana Ruiz and Tom Bell,
 * Reuters": a credit line without "By": names, each followed by a job title ending in a role noun
 * or by an outlet of agency words, filling the line. The names' ranges, or null.
 */
function titledNames(s: string): Range[] | null {
  const c = s.charCodeAt(0);
  if (!(c >= 65 && c <= 90) || s.length > 160 || !namesBeforeComma(s)) return null;
  const to = s.length - trailingPunct(s);
  const g = nameGroups(s, 0, to);
  if (!g || g.end !== to) return null;
  let titled = 0;
  for (let k = 0; k < g.groups.length; k++) {
    const tailTo = k + 1 < g.groups.length ? g.groups[k + 1]![0] : to;
    if (creditTitle(s.slice(g.groups[k]![1], tailTo))) titled++;
  }
  return titled === g.groups.length && personWords(s, g.groups) ? g.groups : null;
}

/**
 * A cheap first test for titledNames: a comma within the first 40 code units, and every word
 * before it capitalised or a joiner ("Ana Ruiz," / "Ana Ruiz and Tom Bell,"; not "The council,").
 */
function namesBeforeComma(s: string): boolean {
  const comma = s.indexOf(',');
  if (comma < 3 || comma > 40) return false;
  for (let i = 0; i < comma; i++) {
    if (s.charCodeAt(i) !== 32) continue;
    const c = s.charCodeAt(i + 1);
    if (c >= 97 && c <= 122 && !s.startsWith('and ', i + 1) && !NAME_PARTICLES.has(s.slice(i + 1, s.indexOf(' ', i + 1) < 0 ? comma : Math.min(comma, s.indexOf(' ', i + 1))))) return false;
  }
  return true;
}

/** The text after a person's names holds a job title ending in a role noun, or only agency words (", Senior Writer; ", " (Reuters) and "). */
function creditTitle(t: string): boolean {
  const words = t.split(/[^\p{L}'’-]+/u).filter((w) => w && !NAME_JOINERS.has(w));
  if (!words.length) return false;
  if (words.every((w) => AGENCY_WORD.test(w))) return true;
  return words.some((w) => JOB_ROLE_NOUN.test(w));
}

/** Every group holds two or more name words and no small title word ("Reuters, Staff" and "The Ledger, Staff" are no credits). */
function personWords(s: string, groups: readonly Range[]): boolean {
  return groups.every((r) => {
    const words = s.slice(r[0], r[1]).split(/[ ,]+/u).filter((w) => w && !NAME_JOINERS.has(w));
    return words.length >= 2 && !words.some((w) => TITLE_MINOR_WORDS.has(w.toLowerCase()));
  });
}

/** How many "." end s (a credit line may end in one). */
function trailingPunct(s: string): number {
  return s.endsWith('.') ? 1 : 0;
}
