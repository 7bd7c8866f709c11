import type { DerivedArticle } from './types.ts';

/** cyrb53: a fast 53-bit string hash (pure JS, runs in the browser too). */
export function hash53(s: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** Zero-width characters and the soft hyphen: invisible, so two renderings differing only in them are one text. */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

/**
 * Folds case, quotes, dashes, white space and invisible characters (zero-width space/joiners,
 * word joiner, BOM, soft hyphen) so that trivially different renderings compare equal. Used for
 * keys only: stored text keeps every character.
 */
export function foldText(s: string | null | undefined): string {
  return (s ?? '')
    .replace(INVISIBLE, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201a\u201b\u2032`]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The story key of an article: the same headline from the same outlet is one article, however
 * many dumps show it. Without a headline, the body decides; with neither, null (the caller keys
 * the article to its one appearance).
 */
export function articleFingerprint(a: Pick<DerivedArticle, 'headline' | 'source' | 'body'>): string | null {
  const headline = foldText(a.headline);
  const source = foldText(a.source);
  if (headline) return `h:${hash53(headline).toString(36)}:${hash53(headline, 1).toString(36)}:${source}`.slice(0, 300);
  const body = foldText(a.body);
  if (body) return `b:${hash53(body).toString(36)}:${hash53(body, 1).toString(36)}:${source}`.slice(0, 300);
  return null;
}
