/**
 * Credit lines and labelled date lines at the top of an article: "By Tobias Fenwright · 3 hours
 * ago", "By X | 12 March 2024", "12 March 2024 09:30 by Jane Doe", "Posted 09:30 GMT, 12 March
 * 2024 - last modified ...". They give the byline (names only) and the published date (the first,
 * original one) and are not body.
 */
import { CREDIT_DATE_NAMES, CREDIT_NAMES_DATE, LABELLED_DATE } from '../patterns.ts';
import { bylineFromLine, namesIn } from './byline.ts';
import type { Range } from './byline.ts';

/** What a credit line gives: the names' and the date's ranges within the (trimmed) line. */
export interface Credit {
  names: Range | null;
  date: Range | null;
}

/** Longest line read as a credit line. */
const MAX_CREDIT_LINE = 220;

/**
 * A (trimmed) line that is a byline, a credit line or a labelled date line -> its names and date
 * ranges; null for anything else (body text). "By June 11, 1968, ..." stays body.
 */
export function creditLine(s: string): Credit | null {
  if (s.length === 0 || s.length > MAX_CREDIT_LINE) return null;
  const c = s.charCodeAt(0);
  if (c === 66 /* B */ && s.charCodeAt(1) === 121 /* y */) {
    const m = CREDIT_NAMES_DATE.exec(s);
    if (m && m[1] !== undefined && m[2] !== undefined) {
      const at = 3 + s.slice(3).indexOf(m[1]);
      const names = namesIn(s, at, at + m[1].length);
      if (names) {
        const d = s.lastIndexOf(m[2]);
        return { names, date: [d, d + m[2].length] };
      }
    }
    const r = bylineFromLine(s);
    return r ? { names: r, date: null } : null;
  }
  const l = LABELLED_DATE.exec(s);
  if (l && l[1] !== undefined) {
    const d = s.indexOf(l[1]);
    return { names: null, date: [d, d + l[1].length] };
  }
  const dn = CREDIT_DATE_NAMES.exec(s);
  if (dn && dn[1] !== undefined && dn[2] !== undefined) {
    const at = s.length - dn[2].length;
    const names = namesIn(s, at, s.length);
    const d = s.indexOf(dn[1]);
    if (names) return { names, date: [d, d + dn[1].length] };
  }
  return null;
}
