import { and, eq, inArray, sql } from 'drizzle-orm';
import { appearances, articleBands, articles, articleTopics, storyEdges } from '@copydesk/schema';
import { type Db, type Executor, rowsOf } from '../db/client.ts';
import { bandKeys, SAME_STORY_THRESHOLD, shingleJaccard, similarity } from './minhash.ts';
import { BOILERPLATE_BODY_READ, sourceBoilerplate, withoutLines } from './boilerplate.ts';
import type { ArticleAnalysis } from './analyse.ts';
import { analyseOffThread } from './pool.ts';
import { linkExtractedTopics } from '../topics/store.ts';
import { assignStories, storyCache, type StoryCache } from '../stories/assign.ts';

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

/** how many articles one transaction of `enrichDump` writes: each chunk commits on its own, so that reads run between chunks on PGlite (one statement at a time) */
export const ENRICH_CHUNK = 25;

/**
 * What one enrichment keeps from chunk to chunk: the position of each of its articles (in the
 * order they are written), each source's boilerplate lines and the story assigner's cache.
 */
export interface EnrichRun {
  position: Map<number, number>;
  boilerplate: Map<number, Set<string>>;
  stories: StoryCache;
}

/** A run over `analyses`, in their order. */
export function enrichRun(analyses: readonly ArticleAnalysis[]): EnrichRun {
  const boilerplate = new Map<number, Set<string>>();
  return { position: new Map(analyses.map((a, i) => [a.id, i])), boilerplate, stories: storyCache(boilerplate) };
}

/** `xs` cut into consecutive pieces of at most `size` */
function chunked<T>(xs: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

/**
 * Enriches the articles a dump shows: reads their text, analyses it in a worker thread (topics,
 * MinHash; see pool.ts for the time limit), then writes the result in short transactions of
 * ENRICH_CHUNK articles each: first every article's topics, signature and edges, then their story
 * assignment; `inTransaction` runs in the last one (the job queue completes the job there). The
 * topics, edges and story memberships written equal `storeEnrichment` of all the articles in one
 * transaction (a story merged away keeps the headline it had when last refreshed). Throws what the
 * analysis or a write throws; the chunks committed before stay (each is whole: an article's topics,
 * edges or story), and a retry recomputes them. `heartbeat` runs at the start of every chunk's
 * transaction; an aborted `signal` stops the enrichment between steps (never inside a transaction).
 */
export async function enrichDump(
  db: Db,
  dumpId: number,
  inTransaction: (tx: Executor, result: EnrichResult) => Promise<void> = async () => {},
  {
    heartbeat,
    signal,
  }: {
    /** runs in every chunk's transaction (the job queue renews the job's lease there) */
    heartbeat?: (tx: Executor) => Promise<void>;
    /** once aborted, the enrichment stops before its next read, analysis or transaction and throws the signal's reason (a worker shutting down) */
    signal?: AbortSignal;
  } = {},
): Promise<EnrichResult> {
  signal?.throwIfAborted();
  const ids = await articlesOfDump(db, dumpId);
  signal?.throwIfAborted();
  const texts = ids.length
    ? await db.select({ id: articles.id, headline: articles.headline, body: articles.body }).from(articles).where(inArray(articles.id, ids))
    : [];
  const analyses = await analyseOffThread(texts, { signal });
  const run = enrichRun(analyses);
  const result: EnrichResult = { articles: 0, topicLinks: 0, sameStory: 0, topical: 0, stories: 0 };
  const stored: number[] = [];
  for (const chunk of chunked(analyses, ENRICH_CHUNK)) {
    signal?.throwIfAborted();
    const ids = await db.transaction(async (tx) => {
      await heartbeat?.(tx);
      return storeArticles(tx, chunk, run, result);
    });
    stored.push(...ids);
  }
  const touched = new Set<number>();
  const parts = stored.length ? chunked(stored, ENRICH_CHUNK) : [[]];
  for (const [i, part] of parts.entries()) {
    signal?.throwIfAborted();
    await db.transaction(async (tx) => {
      await heartbeat?.(tx);
      for (const s of await assignStories(tx, part, run.stories)) touched.add(s);
      if (i < parts.length - 1) return;
      result.stories = touched.size;
      await inTransaction(tx, result);
    });
  }
  return result;
}

/**
 * Writes analysed articles' topics, MinHash signature and LSH bands, then their SAME_STORY and
 * TOPICAL edges (both directions), then assigns them to stories (stories/assign.ts), all in `tx`.
 * Idempotent: recomputes what it replaces. An article deleted since it was analysed is skipped.
 */
export async function storeEnrichment(tx: Executor, analyses: ArticleAnalysis[]): Promise<EnrichResult> {
  const result: EnrichResult = { articles: 0, topicLinks: 0, sameStory: 0, topical: 0, stories: 0 };
  if (!analyses.length) return result;
  const run = enrichRun(analyses);
  const stored = await storeArticles(tx, analyses, run, result);
  // stories: once every article's topics and edges are in, so articles of one dump find each other
  result.stories = (await assignStories(tx, stored, run.stories)).length;
  return result;
}

/** an edge as written: from, to, kind, weight */
interface Edge {
  from: number;
  to: number;
  kind: 'SAME_STORY' | 'TOPICAL';
  w: number;
}

/**
 * Writes the topics, signature, bands and SAME_STORY / TOPICAL edges of `chunk` (articles of
 * `run`, in its order; those deleted since their analysis are skipped), adds to `result` and
 * returns the ids written. The same as taking the articles one by one, each replacing its edges:
 * - SAME_STORY (MinHash + LSH): one query of the shared band keys for the whole chunk, through the
 *   band index (no pairwise comparison); an article's candidates are the articles outside the run
 *   and those of the run written before it (the others' signatures are stale or missing).
 * - TOPICAL: per article, after its topics and those of the articles before it are written.
 * - Edges: each article drops the SAME_STORY / TOPICAL edges that touch it and writes its own;
 *   that is followed in memory, and the chunk's edges are replaced in two statements.
 */
async function storeArticles(tx: Executor, chunk: readonly ArticleAnalysis[], run: EnrichRun, result: EnrichResult): Promise<number[]> {
  if (!chunk.length) return [];
  const alive = new Set((await tx.select({ id: articles.id }).from(articles).where(inArray(articles.id, chunk.map((a) => a.id)))).map((r) => r.id));
  const rows = chunk.filter((a) => alive.has(a.id));
  if (!rows.length) return [];
  const ids = rows.map((a) => a.id);
  result.articles += rows.length;

  // signatures and bands of the whole chunk: the candidate rule below never reads one too early
  await tx.execute(sql`update ${articles} set minhash = v.sig, enriched_at = now()
    from (values ${sql.join(rows.map((a) => sql`(${a.id}::int, ${a.signature ? sql`${`{${a.signature.join(',')}}`}::int[]` : sql`null::int[]`})`), sql`, `)}) as v(id, sig)
    where ${articles.id} = v.id`);
  await tx.delete(articleBands).where(inArray(articleBands.articleId, ids));
  const keys = new Map(rows.filter((a) => a.signature).map((a) => [a.id, bandKeys(a.signature!)]));
  const bandRows = [...keys].flatMap(([articleId, ks]) => ks.map((key, band) => ({ articleId, band, key })));
  for (const part of chunked(bandRows, 2000)) await tx.insert(articleBands).values(part);
  const sameStory = await sameStoryCandidates(tx, rows, keys, run);

  const edges = new Map<string, Edge>();
  const put = (e: Edge) => edges.set(`${e.from}:${e.to}:${e.kind}`, e);
  for (const a of rows) {
    result.topicLinks += await linkExtractedTopics(tx, a.id, a.topics);
    for (const [k, e] of edges) if (e.from === a.id || e.to === a.id) edges.delete(k);
    const similar = sameStory.get(a.id) ?? [];
    for (const c of similar) put({ from: a.id, to: c.id, kind: 'SAME_STORY', w: c.w }), put({ from: c.id, to: a.id, kind: 'SAME_STORY', w: c.w });
    result.sameStory += similar.length;
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
    for (const c of topical) put({ from: a.id, to: c.id, kind: 'TOPICAL', w: c.w }), put({ from: c.id, to: a.id, kind: 'TOPICAL', w: c.w });
    result.topical += topical.length;
  }
  const list = sql.join(ids.map((id) => sql`${id}`), sql`, `);
  await tx.delete(storyEdges).where(and(inArray(storyEdges.kind, ['SAME_STORY', 'TOPICAL']), sql`(${storyEdges.fromArticleId} in (${list}) or ${storyEdges.toArticleId} in (${list}))`));
  for (const part of chunked([...edges.values()], 1000)) {
    await tx
      .insert(storyEdges)
      .values(part.map((e) => ({ fromArticleId: e.from, toArticleId: e.to, kind: e.kind, weight: e.w })))
      .onConflictDoUpdate({ target: [storyEdges.fromArticleId, storyEdges.toArticleId, storyEdges.kind], set: { weight: sql`excluded.weight` } });
  }
  return ids;
}

/**
 * The SAME_STORY targets of each of `rows` (by id, with their weights): the articles sharing an
 * LSH band key with it (`keys`), found in one query through the band index, whose signatures agree
 * on SAME_STORY_THRESHOLD of their slots, checked again without their outlet's boilerplate
 * (withoutSourceBoilerplate). Of `run`'s own articles only those written before it count.
 */
async function sameStoryCandidates(tx: Executor, rows: readonly ArticleAnalysis[], keys: Map<number, number[]>, run: EnrichRun): Promise<Map<number, { id: number; w: number }[]>> {
  const out = new Map<number, { id: number; w: number }[]>();
  if (!keys.size) return out;
  const wanted = [...keys].flatMap(([id, ks]) => ks.map((key, band) => sql`(${id}::int, ${band}::int, ${key}::bigint)`));
  const found = rowsOf<{ article_id: number; id: number; minhash: number[] | null }>(
    await tx.execute(sql`select distinct q.article_id, b.article_id as id, a.minhash
      from (values ${sql.join(wanted, sql`, `)}) as q(article_id, band, key)
      join ${articleBands} b on b.band = q.band and b.key = q.key
      join ${articles} a on a.id = b.article_id
      where b.article_id <> q.article_id`),
  );
  const signatures = new Map(rows.map((a) => [a.id, a.signature]));
  const similar = new Map<number, { id: number; w: number }[]>();
  for (const r of found) {
    const mine = Number(r.article_id);
    const other = Number(r.id);
    const at = run.position.get(other);
    if (at !== undefined && at >= run.position.get(mine)!) continue;
    const w = r.minhash ? similarity(signatures.get(mine)!, r.minhash.map(Number)) : 0;
    if (w < SAME_STORY_THRESHOLD) continue;
    const list = similar.get(mine) ?? [];
    list.push({ id: other, w });
    similar.set(mine, list);
  }
  if (!similar.size) return out;
  const involved = new Set<number>();
  for (const [id, cs] of similar) {
    involved.add(id);
    for (const c of cs) involved.add(c.id);
  }
  const texts = new Map(
    (
      await tx
        .select({ id: articles.id, sourceId: articles.sourceId, body: sql<string>`left(${articles.body}, ${BOILERPLATE_BODY_READ})` })
        .from(articles)
        .where(inArray(articles.id, [...involved]))
    ).map((r) => [r.id, r]),
  );
  for (const [id, cs] of similar) {
    cs.sort((x, y) => x.id - y.id);
    const kept = await withoutSourceBoilerplate(tx, id, cs, texts, run.boilerplate);
    if (kept.length) out.set(id, kept);
  }
  return out;
}

/**
 * Near-duplicate candidates of article `id` checked again without their outlet's boilerplate: a
 * candidate from the same source keeps its edge only if the bodies, without the lines the source
 * prints under every story (boilerplate.ts), still share SAME_STORY_THRESHOLD of their shingles
 * (exact Jaccard, which becomes the edge's weight). Candidates from other sources pass unchanged.
 */
async function withoutSourceBoilerplate(
  tx: Executor,
  id: number,
  candidates: { id: number; w: number }[],
  texts: Map<number, { sourceId: number | null; body: string }>,
  cache: Map<number, Set<string>>,
) {
  if (!candidates.length) return candidates;
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

/** the articles a dump's current revision shows */
export async function articlesOfDump(tx: Executor, dumpId: number): Promise<number[]> {
  const rows = await tx.select({ id: appearances.articleId }).from(appearances).where(eq(appearances.dumpId, dumpId));
  return [...new Set(rows.map((r) => r.id))];
}
