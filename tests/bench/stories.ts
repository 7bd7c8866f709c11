/**
 * Story membership quality: the labelled set (tests/bench/stories/set.ts) goes through what an
 * enrichment job does (topics and MinHash off-thread code, storeEnrichment with its story
 * assignment, one article per job in time order) on an in-memory PGlite; then pairwise precision
 * and recall of "same story" against the labels. Run alone: `pnpm bench --only stories`.
 */
import { sql } from 'drizzle-orm';
import { articles, sources } from '@copydesk/schema';
import { openDatabase } from '@copydesk/server/db/client.ts';
import { migrateDatabase } from '@copydesk/server/db/migrate.ts';
import { analyseArticle } from '@copydesk/server/enrich/analyse.ts';
import { storeEnrichment } from '@copydesk/server/enrich/enrich.ts';
import { rowsOf } from '@copydesk/server/db/client.ts';
import { STORY_SET } from './stories/set.ts';

const START = Date.parse('2026-03-02T06:00:00Z');

export async function benchStories() {
  const database = await openDatabase({ dataDir: 'memory://' });
  const round = (x: number) => Math.round(x * 1000) / 1000;
  try {
    await migrateDatabase(database);
    const db = database.db;
    const sourceIds = new Map<string, number>();
    for (const name of new Set(STORY_SET.map((a) => a.source))) {
      const [row] = await db.insert(sources).values({ name, key: name.toLowerCase() } as never).returning({ id: sources.id });
      sourceIds.set(name, row!.id);
    }
    const ordered = [...STORY_SET].sort((a, b) => a.hour - b.hour);
    const label = new Map<number, string>();
    for (const [i, a] of ordered.entries()) {
      const [row] = await db
        .insert(articles)
        .values({ fingerprint: `bench-story-${i}`, headline: a.headline, body: a.body, sourceId: sourceIds.get(a.source)!, publishedAt: new Date(START + a.hour * 3_600_000).toISOString() })
        .returning({ id: articles.id });
      label.set(row!.id, a.story);
      const analysis = analyseArticle({ id: row!.id, headline: a.headline, body: a.body });
      await db.transaction((tx) => storeEnrichment(tx, [analysis]));
    }
    const assigned = new Map(rowsOf<{ article_id: number; story_id: number }>(await db.execute(sql`select article_id, story_id from story_articles`)).map((r) => [Number(r.article_id), Number(r.story_id)]));
    const ids = [...label.keys()];
    const score = (groupOf: Map<number, number>) => {
      let tp = 0;
      let fp = 0;
      let fn = 0;
      const wrong: string[] = [];
      for (let i = 0; i < ids.length; i++)
        for (let j = i + 1; j < ids.length; j++) {
          const truth = label.get(ids[i]!) === label.get(ids[j]!);
          const got = groupOf.get(ids[i]!) !== undefined && groupOf.get(ids[i]!) === groupOf.get(ids[j]!);
          if (truth && got) tp++;
          else if (got) fp++;
          else if (truth) fn++;
          if (truth !== got) wrong.push(`${got ? 'joined' : 'missed'}: ${label.get(ids[i]!)} #${ids[i]} / ${label.get(ids[j]!)} #${ids[j]}`);
        }
      return { precision: round(tp + fp ? tp / (tp + fp) : 1), recall: round(tp + fn ? tp / (tp + fn) : 1), wrong };
    };
    // the baseline: stories as connected components of SAME_STORY edges alone (shingling)
    const parent = new Map(ids.map((id) => [id, id]));
    const find = (x: number): number => (parent.get(x) === x ? x : find(parent.get(x)!));
    for (const e of rowsOf<{ a: number; b: number }>(await db.execute(sql`select from_article_id as a, to_article_id as b from story_edges where kind = 'SAME_STORY'`))) parent.set(find(Number(e.a)), find(Number(e.b)));
    const shingling = score(new Map(ids.map((id) => [id, find(id)])));
    const stories = score(assigned);
    const nearDuplicateEdges = rowsOf<{ n: number }>(
      await db.execute(sql`select count(*)::int as n from story_edges e join articles a on a.id = e.from_article_id join articles b on b.id = e.to_article_id
        where e.kind = 'SAME_STORY' and e.from_article_id < e.to_article_id and a.source_id = b.source_id`),
    )[0]!.n;
    return {
      articles: ids.length,
      stories: new Set(STORY_SET.map((a) => a.story)).size,
      storiesFound: new Set(assigned.values()).size,
      samePairs: ids.reduce((n, a, i) => n + ids.slice(i + 1).filter((b) => label.get(a) === label.get(b)).length, 0),
      precision: stories.precision,
      recall: stories.recall,
      wrong: stories.wrong,
      /** same-outlet pairs that shingling alone calls one story (boilerplate) */
      sameOutletNearDuplicatePairs: Number(nearDuplicateEdges),
      /** stories from SAME_STORY edges alone, for comparison */
      shinglingOnly: { precision: shingling.precision, recall: shingling.recall },
    };
  } finally {
    await database.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await benchStories(), null, 2));
