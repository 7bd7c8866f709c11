import { and, eq, inArray, notExists, sql, type SQL } from 'drizzle-orm';
import { appearances, articles, sourceAliases, sources, storyEdges } from '@copydesk/schema';
import { articleFingerprint, type DerivedArticle } from '@copydesk/core';
import { rowsOf, type Executor } from '../db/client.ts';
import { anyOf, intArray, jsonRows, textArray } from '../db/rows.ts';
import { aliasKey, sourceKey } from '../sources/key.ts';
import { refreshStories, storiesOf } from '../stories/assign.ts';

export interface WriteResult {
  /** article id per derived article, in order */
  articleIds: number[];
  articlesCreated: number;
  edgesAdded: number;
}

export interface WriteOptions {
  /** an editor's revision overwrites the articles' fields; the parser's only fills them in or lengthens a shorter body */
  authoritative?: boolean;
  /** the dump was inserted in this transaction: there is nothing of an earlier revision to replace */
  fresh?: boolean;
}


const byKey = <T>([a]: [string, T], [b]: [string, T]) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Writes what a dump's current segmentation derives: sources, articles (deduplicated by story
 * fingerprint), appearances and LISTED edges, replacing what an earlier revision of the same dump
 * derived. Run it inside the caller's transaction. A fresh dump takes two statements: sources
 * with articles, then appearances with edges. Enrichment jobs are the caller's (enrich/jobs.ts).
 */
export async function writeDerived(tx: Executor, dumpId: number, derived: DerivedArticle[], opts: WriteOptions = {}): Promise<WriteResult> {
  const { authoritative = false, fresh = false } = opts;
  const keys = derived.map((a) => articleFingerprint(a) ?? `dump:${dumpId}:${a.position}`);
  // one source per canonical key ("The Independent" and "Independent" are one), every spelling an alias
  const sourceNames = new Map<string, string>();
  const aliases = new Map<string, { key: string; name: string }>();
  for (const a of derived) {
    const key = sourceKey(a.source);
    if (!key) continue;
    const name = a.source!.trim().replace(/\s+/g, ' ');
    if (!sourceNames.has(key)) sourceNames.set(key, name);
    if (!aliases.has(aliasKey(name))) aliases.set(aliasKey(name), { key, name });
  }
  let previous: number[] = [];
  if (!fresh) {
    previous = (await tx.select({ articleId: appearances.articleId }).from(appearances).where(eq(appearances.dumpId, dumpId))).map((r) => r.articleId);
    if (previous.length) {
      // An article this revision may drop is deleted below when nothing else shows it. Lock it
      // first (with the rows the upsert will lock, in the same fingerprint order as every import
      // locks them): a writer that is adding or dropping an appearance of it holds its row until it
      // commits, so the re-check below, a later statement, sees that writer's appearances.
      // Sources first: the upsert below (and every import) locks them before the articles.
      if (sourceNames.size) await tx.execute(sql`select 1 from ${sources} where ${anyOf(sources.key, [...sourceNames.keys()])} order by ${sources.key} for update`);
      await tx.execute(sql`select 1 from ${articles}
        where ${anyOf(articles.id, [...new Set(previous)])} or ${articles.fingerprint} = any(${textArray(keys)})
        order by ${articles.fingerprint} for update`);
      await tx.delete(appearances).where(eq(appearances.dumpId, dumpId));
      await tx.delete(storyEdges).where(and(eq(storyEdges.dumpId, dumpId), eq(storyEdges.kind, 'LISTED')));
    }
  }

  // one row per story fingerprint (the longest body wins), in key order: concurrent imports lock
  // shared rows in the same order and cannot deadlock
  const rowsByKey = new Map<string, DerivedArticle>();
  derived.forEach((a, i) => {
    const seen = rowsByKey.get(keys[i]!);
    if (!seen || a.body.length > seen.body.length) rowsByKey.set(keys[i]!, a);
  });
  const ids = new Map<string, number>();
  let articlesCreated = 0;
  if (rowsByKey.size) {
    const sourceCte = sourceNames.size
      ? sql`with s as (
          insert into ${sources} (key, name) select key, name from ${jsonRows([...sourceNames].sort(byKey).map(([key, name]) => ({ key, name })), 'x(key text, name text)')}
          on conflict (key) do update set key = excluded.key
          returning coalesce(merged_into_id, id) as id, key
        ), sa as (
          insert into ${sourceAliases} (key, source_id, name)
          select v.alias_key, s.id, v.name from ${jsonRows([...aliases].sort(byKey).map(([k, v]) => ({ alias_key: k, source_key: v.key, name: v.name })), 'v(alias_key text, source_key text, name text)')}
          join s on s.key = v.source_key
          on conflict (key) do nothing
        ) `
      : sql`with s as (select null::int as id, null::text as key where false) `;
    // every row in one parameter, however many the dump derives
    const values = jsonRows(
      [...rowsByKey].sort(byKey).map(([fingerprint, a]) => ({
        fingerprint,
        headline: a.headline,
        byline: a.byline,
        source_key: sourceKey(a.source) || null,
        published: a.published,
        published_at: a.publishedAt,
        section: a.section,
        body: a.body,
        copyright: a.copyright,
        subheads: a.subheads,
      })),
      'v(fingerprint text, headline text, byline text, source_key text, published text, published_at timestamptz, section text, body text, copyright text, subheads jsonb)',
    );
    const keep = (col: string) => sql.raw(`coalesce(excluded.${col}, articles.${col})`);
    const longer = (col: string) => sql.raw(`case when length(excluded.body) > length(articles.body) then excluded.${col} else articles.${col} end`);
    const update: SQL = authoritative
      ? sql`headline = excluded.headline, byline = excluded.byline, source_id = excluded.source_id, published = excluded.published,
            published_at = excluded.published_at, section = excluded.section, body = excluded.body, copyright = excluded.copyright,
            subheads = excluded.subheads, updated_at = now()`
      : sql`byline = ${keep('byline')}, source_id = ${keep('source_id')}, published = ${keep('published')}, published_at = ${keep('published_at')},
            section = ${keep('section')}, copyright = ${keep('copyright')}, body = ${longer('body')}, subheads = ${longer('subheads')}, updated_at = now()`;
    const result = await tx.execute(sql`${sourceCte}
      insert into ${articles} (fingerprint, headline, byline, source_id, published, published_at, section, body, copyright, subheads)
      select v.fingerprint, v.headline, v.byline, s.id, v.published, v.published_at, v.section, v.body, v.copyright, v.subheads
      from ${values}
      left join s on s.key = v.source_key
      on conflict (fingerprint) do update set ${update}
      returning id, fingerprint, (xmax = 0) as inserted`);
    for (const r of rowsOf<{ id: number; fingerprint: string; inserted: boolean }>(result)) {
      ids.set(r.fingerprint, Number(r.id));
      if (r.inserted) articlesCreated++;
    }
  }
  const articleIds = keys.map((k) => ids.get(k)!);

  // appearances and LISTED edges (the page's main article lists each related one)
  const mainIdx = derived.findIndex((a) => a.role === 'main');
  const from = mainIdx >= 0 ? articleIds[mainIdx]! : null;
  const targets = from === null ? [] : [...new Set(derived.flatMap((a, i) => (a.role === 'related' && articleIds[i] !== from ? [articleIds[i]!] : [])))];
  const parts: SQL[] = [];
  if (derived.length) {
    const rows = derived.map((a, i) => ({ article_id: articleIds[i]!, role: a.role, position: a.position, start: a.start, end: a.end, confidence: a.confidence }));
    parts.push(sql`a as (insert into ${appearances} (article_id, dump_id, role, position, start, "end", confidence)
      select article_id, ${dumpId}::int, role, position, start, "end", confidence from ${jsonRows(rows, 'x(article_id int, role text, position int, start int, "end" int, confidence float8)')})`);
  }
  if (targets.length) {
    parts.push(sql`e as (insert into ${storyEdges} (from_article_id, to_article_id, kind, weight, dump_id)
      select ${from}::int, to_id, 'LISTED', 1, ${dumpId}::int from unnest(${intArray(targets)}) as t(to_id)
      on conflict do nothing returning 1)`);
  }
  let edgesAdded = 0;
  if (parts.length) {
    const result = await tx.execute(sql`with ${sql.join(parts, sql`, `)} select ${targets.length ? sql`(select count(*) from e)` : sql`0`}::int as edges`);
    edgesAdded = Number(rowsOf<{ edges: number }>(result)[0]?.edges ?? 0);
  }

  // articles that only this dump's earlier revision showed are gone now (their rows are locked
  // above, so this statement's snapshot holds every other writer's appearances of them)
  const dropped = [...new Set(previous)].filter((id) => !articleIds.includes(id));
  if (dropped.length) {
    const storiesTouched = await storiesOf(tx, dropped);
    await tx
      .delete(articles)
      .where(and(anyOf(articles.id, dropped), notExists(tx.select({ one: sql`1` }).from(appearances).where(eq(appearances.articleId, articles.id)))));
    // the stories they were in lose them: size, times and headline follow (an emptied one goes)
    await refreshStories(tx, storiesTouched);
  }
  return { articleIds, articlesCreated, edgesAdded };
}
