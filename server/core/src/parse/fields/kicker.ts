/**
 * A section kicker above a main article's headline: "POLITICS", "EXCLUSIVE:", "World › Europe",
 * "Analysis". Rule "section-kicker": the first line of the main article is a short label and the
 * line under it is the real headline. The label is page furniture (taken out as noise), not the
 * headline, and not body.
 */
import type { LineInfo } from '../blocks.ts';
import { nextNonBlank } from '../blocks.ts';
import type { LineTable } from '../line-table.ts';
import {
  BREADCRUMB_MARKS,
  BREADCRUMB_ROW,
  ENDS_SENTENCE,
  KICKER_HEADLINE_MAX_CHARS,
  KICKER_HEADLINE_MIN_WORDS,
  KICKER_MAX_CHARS,
  KICKER_MAX_WORDS,
  KICKER_PARAGRAPH_MIN_CHARS,
  KICKER_SHAPE,
} from '../patterns.ts';
import { isAllCaps, isTitleCase } from './subhead.ts';

/** The rule's name and reason (for the noise span it leaves and for editors). */
export const KICKER_RULE = { name: 'section-kicker', reason: 'a section label above the headline, not the headline' } as const;

function words(s: string): number {
  let n = 1;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 32) n++;
  return n;
}

/**
 * Where the main article's headline is when line `lo` (its first line) is a section kicker: the
 * next non-blank line's index; else `lo`. A kicker is short (KICKER_MAX_CHARS, KICKER_MAX_WORDS),
 * ALL-CAPS, a breadcrumb, or one or two title-case words; the line under it reads as a headline
 * (KICKER_HEADLINE_MIN_WORDS or more words, no sentence end). A title-case kicker needs a credit
 * line under the headline ("Analysis" / headline / "By ..."); an ALL-CAPS or breadcrumb kicker a
 * credit line or a paragraph. Pure; reads only `ls[lo..end)` and the table's credit lines.
 */
export function headlineAfterKicker(ls: readonly LineInfo[], lo: number, end: number, table: LineTable): number {
  const k = ls[lo]!.text;
  if (k.length === 0 || k.length > KICKER_MAX_CHARS) return lo;
  const crumb = BREADCRUMB_MARKS.some((m) => k.includes(m)) && BREADCRUMB_ROW.test(k);
  if (!crumb && (!KICKER_SHAPE.test(k) || words(k) > KICKER_MAX_WORDS)) return lo;
  const caps = crumb || isAllCaps(k);
  if (!caps && !(words(k) <= 2 && isTitleCase(k))) return lo;
  const j = nextNonBlank(ls as LineInfo[], lo, end);
  if (j >= end) return lo;
  const h = ls[j]!.text;
  if (h.length > KICKER_HEADLINE_MAX_CHARS || words(h) < KICKER_HEADLINE_MIN_WORDS || ENDS_SENTENCE.test(h) || table.credit(j)) return lo;
  const m = nextNonBlank(ls as LineInfo[], j, end);
  if (m >= end) return lo;
  if (table.credit(m)) return j;
  return caps && ls[m]!.text.length >= KICKER_PARAGRAPH_MIN_CHARS ? j : lo;
}
