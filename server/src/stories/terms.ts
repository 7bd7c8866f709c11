/// <reference path="./stopword.d.ts" />
/**
 * An article's event terms: what happened, in the stems of the content words of its headline and
 * lead (names, stop words and the outlet's boilerplate left out). Two reports of one event share
 * them ("strike", "walkout", "wildfire", "evacuate"); two stories about the same people or city do
 * not. Pure; the assigner (assign.ts) compares the terms of each candidate pair.
 */
import { stemmer } from 'stemmer';
import { eng } from 'stopword';
import { withoutLines } from '../enrich/boilerplate.ts';

/** how much of the body the terms come from: the lead tells the event */
export const EVENT_TEXT_LIMIT = 600;

// words every news story uses, which tell no event apart
const NEWS_WORDS = new Set(
  'its said says say told added asked according reported report reports news new year years day days week weeks month months time times today yesterday tomorrow morning evening night last next first second third one two three four five six seven eight nine ten hundred hundreds thousand thousands million billion per cent percent people officials official also would could may might will can still just around since ago monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december'.split(' '),
);
const STOP = new Set([...eng, ...NEWS_WORDS]);

/**
 * The event terms of a headline and body: Porter stems of the lower-case content words of the
 * headline and the first EVENT_TEXT_LIMIT characters of the body. A capitalised word is a name
 * (left out) unless the text also writes it in lower case. `skipLines`: body lines to leave out
 * (the outlet's boilerplate, enrich/boilerplate.ts).
 */
export function eventTerms(headline: string | null, body: string, skipLines: ReadonlySet<string> = new Set()): Set<string> {
  const lead = withoutLines(body, skipLines).slice(0, EVENT_TEXT_LIMIT);
  const text = `${headline ?? ''}\n${lead}`;
  const words = text.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  const lower = new Set(words.filter((w) => /^\p{Ll}/u.test(w)));
  const out = new Set<string>();
  for (const w of words) {
    const l = w.toLowerCase().replace(/['’]s$/, '');
    if (/^\p{Lu}/u.test(w) && !lower.has(l)) continue;
    if (l.length < 3 || STOP.has(l)) continue;
    out.add(stemmer(l));
  }
  return out;
}
