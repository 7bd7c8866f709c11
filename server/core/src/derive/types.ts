import type { ArticleRole } from '../parse/types.ts';

/** An article as a segmentation derives it: every value is a (trimmed) slice of the raw text. */
export interface DerivedArticle {
  role: ArticleRole;
  /** index of the article among the dump's articles, in page order (main first) */
  position: number;
  /** index of the segment it derives from */
  segmentIndex: number;
  headline: string | null;
  byline: string | null;
  source: string | null;
  /** the page's date text, unparsed ("3 hours ago", "23-04-2025") */
  published: string | null;
  /** ISO timestamp derived from `published` and the capture time, where both are known */
  publishedAt: string | null;
  section: string | null;
  /** paragraphs separated by "\n"; "" for an empty body */
  body: string;
  copyright: string | null;
  subheads: string[];
  /** the segment's offsets */
  start: number;
  end: number;
  confidence: number;
}
