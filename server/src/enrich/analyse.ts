/**
 * The CPU part of enrichment: an article's topics (compromise) and MinHash signature. Pure; it
 * runs in the worker threads of `pool.ts`, never on the server's request thread.
 */
import { minhash } from './minhash.ts';
import { extractTopics, type ExtractedTopic } from './topics.ts';

/**
 * How much text is handed to the NLP step (topic extraction), in UTF-16 code units. Longer text
 * is cut before it reaches compromise, whose cost grows faster than the text: a page-long
 * "headline" must not cost minutes. The MinHash signature reads the whole body (linear time).
 */
export const NLP_TEXT_LIMITS = { headline: 500, body: 20_000 } as const;

export interface ArticleText {
  id: number;
  headline: string | null;
  body: string;
}

export interface ArticleAnalysis {
  id: number;
  topics: ExtractedTopic[];
  /** MinHash signature (SIGNATURE_SIZE numbers), null when the body is too short */
  signature: number[] | null;
}

/** Text cut to at most `limit` code units, never inside a surrogate pair. */
function cap(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const end = /[\uD800-\uDBFF]/.test(text[limit - 1]!) ? limit - 1 : limit;
  return text.slice(0, end);
}

/** Topics and signature of one article; the text handed to the NLP step is capped by NLP_TEXT_LIMITS. */
export function analyseArticle(a: ArticleText): ArticleAnalysis {
  const headline = a.headline === null ? null : cap(a.headline, NLP_TEXT_LIMITS.headline);
  return { id: a.id, topics: extractTopics(headline, cap(a.body, NLP_TEXT_LIMITS.body)), signature: minhash(a.body) };
}

/** The worker-thread entry (piscina calls the default export): a batch of articles in, their analyses out, in order. */
export default function analyseBatch(batch: ArticleText[]): ArticleAnalysis[] {
  return batch.map(analyseArticle);
}
