import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { appearances, articleBands, articles, articleTopics, storyEdges } from '@copydesk/schema';
import { type Db, type Executor, rowsOf } from '../db/client.ts';
import { bandKeys, SAME_STORY_THRESHOLD, shingleJaccard, similarity } from './minhash.ts';
import { BOILERPLATE_BODY_READ, sourceBoilerplate, withoutLines } from './boilerplate.ts';
import type { ArticleAnalysis } from './analyse.ts';
import { analyseOffThread } from './pool.ts';
import { linkExtractedTopics } from '../topics/store.ts';
import { assignStories } from '../stories/assign.ts';

/** TOPICAL edges need this many shared topics, and keep the strongest few per article */
export const TOPICAL_MIN_SHARED = 2;
export const TOPICAL_MAX_EDGES = 10;

export interface EnrichResult {
  articles: number;
  topicLinks: number;
  sameStory: number;
  topical: number;
  /** stories the articles joined, started, merged or left */
  stories: number;
}

/**
 * Enriches the articles a dump shows: reads their text, analyses it in a worker thread (topics,
 * MinHash; see pool.ts for the time limit), then writes the result in one transaction, in which
 * `inTransaction` runs too (the job queue completes the job there). Throws what the analysis or
 * the write throws; nothing is written then.
 */
export async function enrichDump(db: Db, dumpId: number, inTransaction: (tx: Executor, result: EnrichResult) => Promise<void> = async () => {}): Promise<EnrichResult> {
  const ids = await articlesOfDump(db, dumpId);
  const texts = ids.length
    ? await db.select({ id: articles.id, headline: articles.headline, body: articles.body }).from(articles).where(inArray(articles.id, ids))
    : [];
  const analyses = await analyseOffThread(texts);
  return db.transaction(async (tx) => {
    const result = await storeEnrichment(tx, analyses);
    await inTransaction(tx, result);
    return result;
  });
}

/**
 * Writes analysed articles' topics, MinHash signature and LSH bands, then their SAME_STORY and
 * TOPICAL edges (both directions), then assigns them to stories (stories/assign.ts). Idempotent: recomputes what it replaces. An article deleted
 * since it was analysed is skipped.
 */
export async function storeEnrichment(tx: Executor, analyses: ArticleAnalysis[]): Promise<EnrichResult> {
  const result: EnrichResult = { articles: 0, topicLinks: 0, sameStory: 0, topical: 0, stories: 0 };
  if (!analyses.length) return result;
  const alive = new Set((await tx.select({ id: articles.id }).from(articles).where(inArray(articles.id, analyses.map((a) => a.id)))).map((r) => r.id));
  const rows = analyses.filter((a) => alive.has(a.id));
  const boilerplate = new Map<number, Set<string>>();
  for (const a of rows) {
    result.articles++;
    // topics
    result.topicLinks += await linkExtractedTopics(tx, a.id, a.topics);

    // SAME_STORY: MinHash + LSH candidates
    await tx.delete(storyEdges).where(and(inArray(storyEdges.kind, ['SAME_STORY', 'TOPICAL']), sql`(${storyEdges.fromArticleId} = ${a.id} or ${storyEdges.toArticleId} = ${a.id})`));
    await tx.delete(articleBands).where(eq(articleBands.articleId, a.id));
    const sig = a.signature;
    await tx.update(articles).set({ minhash: sig, enrichedAt: sql`now()` }).where(eq(articles.id, a.id));
    if (sig) {
      const keys = bandKeys(sig);
      await tx.insert(articleBands).values(keys.map((key, band) => ({ articleId: a.id, band, key })));
      const candidates = await tx
        .selectDistinct({ id: articles.id, minhash: articles.minhash })
        .from(articleBands)
        .innerJoin(articles, eq(articles.id, articleBands.articleId))
        .where(and(ne(articleBands.articleId, a.id), sql`(${articleBands.band}, ${articleBands.key}) in (${sql.join(keys.map((k, b) => sql`(${b}::int, ${k}::bigint)`), sql`, `)})`));
      const edges = await withoutSourceBoilerplate(
        tx,
        a.id,
        candidates.map((c) => ({ id: c.id, w: c.minhash ? similarity(sig, c.minhash) : 0 })).filter((c) => c.w >= SAME_STORY_THRESHOLD),
        boilerplate,
      );
      if (edges.length) {
        await linkBothWays(tx, a.id, edges, 'SAME_STORY');
        result.sameStory += edges.length;
      }
    }

    // TOPICAL: articles sharing topics, weighted by the Jaccard index of the topic sets
    const shared = await tx.execute<{ article_id: number; shared: number; total: number }>(sql`
      with mine as (select topic_id from ${articleTopics} where article_id = ${a.id})
      select o.article_id, count(*)::int as shared,
             ((select count(*) from mine) + (select count(*) from ${articleTopics} x where x.article_id = o.article_id) - count(*))::int as total
      from ${articleTopics} o join mine using (topic_id)
      where o.article_id <> ${a.id}
      group by o.article_id
      having count(*) >= ${TOPICAL_MIN_SHARED}
      order by count(*) desc, o.article_id
      limit ${TOPICAL_MAX_EDGES}`);
    const topical = rowsOf<{ article_id: number; shared: number; total: number }>(shared).map((r) => ({ id: Number(r.article_id), w: Math.round((Number(r.shared) / Math.max(1, Number(r.total))) * 1000) / 1000 }));
    if (topical.length) {
      await linkBothWays(tx, a.id, topical, 'TOPICAL');
      result.topical += topical.length;
    }
  }
  // stories: once every article's topics and edges are in, so articles of one dump find each other
  result.stories = (await assignStories(tx, rows.map((a) => a.id))).length;
  return result;
}


/**
 * Near-duplicate candidates of article `id` checked again without their outlet's boilerplate: a
 * candidate from the same source keeps its edge only if the bodies, without the lines the source
 * prints under every story (boilerplate.ts), still share SAME_STORY_THRESHOLD of their shingles
 * (exact Jaccard, which becomes the edge's weight). Candidates from other sources pass unchanged.
 */
async function withoutSourceBoilerplate(tx: Executor, id: number, candidates: { id: number; w: number }[], cache: Map<number, Set<string>>) {
  if (!candidates.length) return candidates;
  const texts = new Map(
    (
      await tx
        .select({ id: articles.id, sourceId: articles.sourceId, body: sql<string>`left(${articles.body}, ${BOILERPLATE_BODY_READ})` })
        .from(articles)
        .where(inArray(articles.id, [id, ...candidates.map((c) => c.id)]))
    ).map((r) => [r.id, r]),
  );
  const mine = texts.get(id);
  if (!mine || mine.sourceId === null) return candidates;
  const lines = await sourceBoilerplate(tx, mine.sourceId, cache);
  const out: { id: number; w: number }[] = [];
  for (const c of candidates) {
    const other = texts.get(c.id);
    if (!other || other.sourceId !== mine.sourceId) {
      out.push(c);
      continue;
    }
    const w = Math.round(shingleJaccard(withoutLines(mine.body ?? '', lines), withoutLines(other.body ?? '', lines)) * 1000) / 1000;
    if (w >= SAME_STORY_THRESHOLD) out.push({ id: c.id, w });
  }
  return out;
}

/** Upserts weighted edges from `id` to each target and back (similarity is symmetric). */
async function linkBothWays(tx: Executor, id: number, targets: { id: number; w: number }[], kind: 'SAME_STORY' | 'TOPICAL') {
  await tx
    .insert(storyEdges)
    .values(targets.flatMap((c) => [
      { fromArticleId: id, toArticleId: c.id, kind, weight: c.w },
      { fromArticleId: c.id, toArticleId: id, kind, weight: c.w },
    ]))
    .onConflictDoUpdate({ target: [storyEdges.fromArticleId, storyEdges.toArticleId, storyEdges.kind], set: { weight: sql`excluded.weight` } });
}

/** the articles a dump's current revision shows */
export async function articlesOfDump(tx: Executor, dumpId: number): Promise<number[]> {
  const rows = await tx.select({ id: appearances.articleId }).from(appearances).where(eq(appearances.dumpId, dumpId));
  return [...new Set(rows.map((r) => r.id))];
}
