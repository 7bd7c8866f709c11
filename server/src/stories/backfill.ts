/**
 * Story backfill: articles enriched before stories existed (or whose assignment was lost) get a
 * story, as the enrichment job would have given them, oldest first so that each joins the stories
 * of the articles seen before it. Idempotent: only articles with no story are taken, so a second
 * run does nothing. Run by `copydesk stories backfill`.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../db/client.ts';
import { assignStories } from './assign.ts';

/** articles assigned per transaction (each transaction holds the story lock) */
export const BACKFILL_BATCH = 200;

/**
 * Assigns every enriched article (enriched_at set) that is in no story, in order of its time
 * (published, else first imported), BACKFILL_BATCH per transaction. Returns the number of
 * articles assigned and of stories touched; `onBatch` is told the running count after each batch.
 */
export async function backfillStories(db: Db, opts: { batch?: number; onBatch?: (assigned: number) => void } = {}): Promise<{ assigned: number; stories: number }> {
  const batch = Math.max(1, opts.batch ?? BACKFILL_BATCH);
  let assigned = 0;
  const touched = new Set<number>();
  for (;;) {
    const ids = rowsOf<{ id: number }>(
      await db.execute(sql`select a.id from articles a
        where a.enriched_at is not null and not exists (select 1 from story_articles m where m.article_id = a.id)
        order by coalesce(a.published_at, a.created_at), a.id limit ${batch}`),
    ).map((r) => Number(r.id));
    if (!ids.length) break;
    const stories = await db.transaction((tx) => assignStories(tx, ids));
    for (const s of stories) touched.add(s);
    assigned += ids.length;
    opts.onBatch?.(assigned);
  }
  return { assigned, stories: touched.size };
}
