/**
 * Stories kept incrementally: each enrichment job assigns its dump's articles (after their topics
 * and SAME_STORY edges are written, in the same transaction) — no recomputation of the corpus.
 *
 * For an article not pinned by an editor, its candidates are the articles seen within the window
 * that share an entity topic with it or a SAME_STORY edge; `sameStory` (rule.ts) decides each
 * pair. The stories of the linked candidates, less those an editor moved the article out of, are
 * (articles an editor moved out of the article's story do not count) then:
 * - none: the article keeps a story it has alone, or starts one;
 * - one or more: it joins its current story if that is one of them, else the largest (oldest on
 *   ties), and the others merge into that one (the article bridges them), unless an editor moved
 *   a member of one out of the other.
 * An article that leaves a story does not split what remains (a later editor decision can).
 * Editors' decisions (edit.ts) pin memberships and record exclusions, which this respects.
 * Assignments are serialised by a transaction-level advisory lock, so two jobs never both start
 * a story for one event.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { stories, storyArticles } from '@copydesk/schema';
import { type Executor, rowsOf } from '../db/client.ts';
import { anyOf } from '../db/rows.ts';
import { sameStory, STORY_RULE } from './rule.ts';
import { eventTerms } from './terms.ts';
import { BOILERPLATE_BODY_READ as BODY_READ, sourceBoilerplate } from '../enrich/boilerplate.ts';

/** the advisory lock key story assignment holds (any constant no other lock uses) */
const STORY_LOCK = 0x5709e5;
/** candidates read per article, most shared entities first */
const MAX_CANDIDATES = 200;

/** SQL for an article's time on a timeline: published, else first imported */
const seenSql = (a: string) => sql.raw(`coalesce(${a}.published_at, ${a}.created_at)`);

interface Candidate {
  id: number;
  source_id: number | null;
  story_id: number | null;
  similarity: number | null;
  shared: number;
  entities: number;
  hours: number | null;
}

/**
 * What assigning keeps between articles (and between the transactions of one enrichment job):
 * each source's boilerplate lines and each article's event terms, which no assignment changes.
 */
export interface StoryCache {
  boilerplate: Map<number, Set<string>>;
  terms: Map<number, Set<string>>;
}

/** An empty cache (sharing `boilerplate`, source id -> lines, when given). */
export function storyCache(boilerplate = new Map<number, Set<string>>()): StoryCache {
  return { boilerplate, terms: new Map() };
}

/**
 * Assigns each of `articleIds` (in order) to a story; returns the ids of the stories it touched.
 * Run after the articles' topics and edges are written (enrichment runs it in chunks, one
 * transaction each, with one `cache` for the whole job).
 */
export async function assignStories(tx: Executor, articleIds: number[], cache: StoryCache = storyCache()): Promise<number[]> {
  if (!articleIds.length) return [];
  await tx.execute(sql`select pg_advisory_xact_lock(${STORY_LOCK})`);
  const touched = new Set<number>();
  // the event terms of the articles to assign, in one read
  await termsOf(tx, articleIds, cache);
  for (const id of articleIds) {
    // the article's outlet, its story (if any) and that story's size, and the stories an editor moved it out of
    const [me] = rowsOf<{ source_id: number | null; story_id: number | null; pinned: boolean | null; story_size: number | null; excluded: number[] }>(
      await tx.execute(sql`select a.source_id, sa.story_id, sa.pinned, (select count(*) from story_articles m where m.story_id = sa.story_id)::int as story_size,
        array(select x.story_id from story_exclusions x where x.article_id = a.id) as excluded
        from articles a left join story_articles sa on sa.article_id = a.id where a.id = ${id}`),
    );
    const link = me && me.story_id !== null ? { storyId: Number(me.story_id), pinned: me.pinned === true } : undefined;
    if (link?.pinned) {
      await setSeenAt(tx, id);
      touched.add(link.storyId);
      continue;
    }
    const excluded = new Set((me?.excluded ?? []).map(Number));
    const linked = me ? await linkedStories(tx, id, me.source_id === null ? null : Number(me.source_id), cache) : [];
    const options = linked.filter((s) => !excluded.has(s));
    let target: number;
    if (!options.length) {
      // the size read with the article: nothing was written since
      if (link && Number(me!.story_size) === 1) target = link.storyId;
      else target = await newStory(tx);
    } else if (link && options.includes(link.storyId)) {
      target = link.storyId;
    } else {
      target = await largest(tx, options);
    }
    for (const other of options) if (other !== target && (await mayMerge(tx, other, target))) await moveMembers(tx, other, target, false);
    await putIn(tx, id, target, false);
    if (link && link.storyId !== target) touched.add(link.storyId);
    for (const s of options) touched.add(s);
    touched.add(target);
  }
  await refreshStories(tx, [...touched]);
  return [...touched];
}

/** the event terms of each of `ids` (eventTerms, the source's boilerplate left out), read once per cache */
async function termsOf(tx: Executor, ids: number[], cache: StoryCache): Promise<Map<number, Set<string>>> {
  const missing = [...new Set(ids)].filter((id) => !cache.terms.has(id));
  for (let i = 0; i < missing.length; i += 500) {
    const part = missing.slice(i, i + 500);
    const rows = rowsOf<{ id: number; source_id: number | null; headline: string | null; body: string | null }>(
      await tx.execute(sql`select id, source_id, headline, left(body, ${BODY_READ}) as body from articles where ${anyOf(sql`id`, part)}`),
    );
    for (const r of rows) {
      const lines = await sourceBoilerplate(tx, r.source_id === null ? null : Number(r.source_id), cache.boilerplate);
      cache.terms.set(Number(r.id), eventTerms(r.headline, r.body ?? '', lines));
    }
  }
  return cache.terms;
}

/** the stories of the articles `sameStory` links article `id` (of source `sourceId`) to, less articles an editor moved out of its story */
async function linkedStories(tx: Executor, id: number, sourceId: number | null, cache: StoryCache): Promise<number[]> {
  const window = sql`${`${STORY_RULE.windowHours} hours`}::interval`;
  const rows = rowsOf<Candidate & { mine: number }>(
    await tx.execute(sql`
      with mine as (select at.topic_id from article_topics at join topics t on t.id = at.topic_id where at.article_id = ${id} and t.kind <> 'subject'),
      me as (select ${seenSql('a')} as seen from articles a where a.id = ${id}),
      -- within the window and already in a story, most shared entities first: the limit never
      -- drops an article of the window for one outside it
      cand as (
        (select o.article_id as id from article_topics o join mine using (topic_id)
          join articles oa on oa.id = o.article_id join story_articles os on os.article_id = o.article_id
          where o.article_id <> ${id} and ${seenSql('oa')} between (select seen from me) - ${window} and (select seen from me) + ${window}
          group by o.article_id order by count(*) desc, o.article_id limit ${MAX_CANDIDATES})
        union select e.to_article_id from story_edges e where e.from_article_id = ${id} and e.kind = 'SAME_STORY'
      )
      select c.id, sa.story_id, a.source_id,
        (select e.weight from story_edges e where e.from_article_id = ${id} and e.to_article_id = c.id and e.kind = 'SAME_STORY')::float8 as similarity,
        (select count(*) from article_topics x join mine using (topic_id) where x.article_id = c.id)::int as shared,
        (select count(*) from article_topics x join topics t on t.id = x.topic_id where x.article_id = c.id and t.kind <> 'subject')::int as entities,
        (select count(*) from mine)::int as mine,
        (extract(epoch from (${seenSql('a')} - (select seen from me))) / 3600)::float8 as hours
      from cand c join articles a on a.id = c.id join story_articles sa on sa.article_id = c.id
      -- an article an editor moved out of this one's story is not evidence for joining it again
      where not exists (select 1 from story_exclusions x join story_articles mine_s on mine_s.story_id = x.story_id and mine_s.article_id = ${id} where x.article_id = c.id)`),
  );
  const out = new Set<number>();
  const terms = await termsOf(tx, [id, ...rows.map((r) => Number(r.id))], cache);
  const myTerms = terms.get(id) ?? new Set<string>();
  for (const r of rows) {
    let sharedTerms = 0;
    for (const t of terms.get(Number(r.id)) ?? []) if (myTerms.has(t)) sharedTerms++;
    const evidence = {
      similarity: r.similarity === null ? null : Number(r.similarity),
      sharedEntities: Number(r.shared),
      entitiesA: Number(r.mine),
      entitiesB: Number(r.entities),
      hoursApart: r.hours === null ? null : Number(r.hours),
      sameSource: sourceId !== null && r.source_id !== null && sourceId === Number(r.source_id),
      sharedTerms,
    };
    if (sameStory(evidence)) out.add(Number(r.story_id));
  }
  return [...out];
}

/** the stories `articleIds` are in */
export async function storiesOf(tx: Executor, articleIds: number[]): Promise<number[]> {
  if (!articleIds.length) return [];
  const rows = await tx.selectDistinct({ id: storyArticles.storyId }).from(storyArticles).where(anyOf(storyArticles.articleId, articleIds));
  return rows.map((r) => r.id);
}

/** Starts an empty story; returns its id (refreshStories fills it in). */
export async function newStory(tx: Executor): Promise<number> {
  const [row] = await tx.insert(stories).values({}).returning({ id: stories.id });
  return row!.id;
}

/** of `ids`, the story with most articles, the oldest on ties */
async function largest(tx: Executor, ids: number[]): Promise<number> {
  if (ids.length === 1) return ids[0]!;
  const rows = rowsOf<{ id: number }>(
    await tx.execute(sql`select s.id from stories s left join story_articles m on m.story_id = s.id where ${anyOf(sql`s.id`, ids)} group by s.id order by count(m.article_id) desc, s.id limit 1`),
  );
  return Number(rows[0]!.id);
}

/** false when an editor moved a member of one of the two stories out of the other */
async function mayMerge(tx: Executor, a: number, b: number): Promise<boolean> {
  const rows = rowsOf<{ n: number }>(
    await tx.execute(sql`select count(*)::int as n from story_exclusions x join story_articles m on m.article_id = x.article_id
      where (x.story_id = ${a} and m.story_id = ${b}) or (x.story_id = ${b} and m.story_id = ${a})`),
  );
  return Number(rows[0]!.n) === 0;
}

/**
 * Moves every article of story `from` to `into` and marks `from` merged into it. `pin`: the
 * moved memberships become editors' (the assigner leaves them).
 */
export async function moveMembers(tx: Executor, from: number, into: number, pin: boolean): Promise<void> {
  await tx.update(storyArticles).set(pin ? { storyId: into, pinned: true } : { storyId: into }).where(eq(storyArticles.storyId, from));
  await tx.update(stories).set({ mergedIntoId: into, size: 0 }).where(eq(stories.id, from));
  // stories merged into `from` earlier now point at `into`
  await tx.update(stories).set({ mergedIntoId: into }).where(eq(stories.mergedIntoId, from));
}

/** Puts article `id` in story `storyId` (moving it out of any other), with its time. */
export async function putIn(tx: Executor, id: number, storyId: number, pinned: boolean): Promise<void> {
  await tx.execute(sql`insert into story_articles (article_id, story_id, seen_at, pinned)
    select a.id, ${storyId}, ${seenSql('a')}, ${pinned} from articles a where a.id = ${id}
    on conflict (article_id) do update set story_id = excluded.story_id, seen_at = excluded.seen_at, pinned = excluded.pinned`);
}

async function setSeenAt(tx: Executor, id: number): Promise<void> {
  await tx.execute(sql`update story_articles m set seen_at = ${seenSql('a')} from articles a where a.id = m.article_id and m.article_id = ${id}`);
}

/**
 * Recomputes size, first and last seen and the representative headline of `ids` (the headline of
 * the member with most SAME_STORY / TOPICAL edges inside the story, earliest first on ties), and
 * deletes those left empty (merged ones stay, pointing at where their articles went).
 */
export async function refreshStories(tx: Executor, ids: number[]): Promise<void> {
  if (!ids.length) return;
  await tx.execute(sql`update stories s set size = x.n, first_seen_at = x.first, last_seen_at = x.last,
      headline = (select a.headline from story_articles m join articles a on a.id = m.article_id
        where m.story_id = s.id and a.headline is not null
        order by (select count(*) from story_edges e join story_articles m2 on m2.article_id = e.to_article_id
          where e.from_article_id = m.article_id and m2.story_id = s.id and e.kind <> 'LISTED') desc, m.seen_at, m.article_id limit 1)
    from (select story_id, count(*)::int as n, min(seen_at) as first, max(seen_at) as last from story_articles where ${anyOf(sql`story_id`, ids)} group by story_id) x
    where s.id = x.story_id`);
  await tx
    .delete(stories)
    .where(and(anyOf(stories.id, ids), isNull(stories.mergedIntoId), sql`not exists (select 1 from story_articles m where m.story_id = ${stories.id})`));
}

