import { and, eq, inArray, notExists, sql, type SQL } from 'drizzle-orm';
import { appearances, articles, jobs, sourceAliases, sources, storyEdges } from '@copydesk/schema';
import type { DerivedArticle } from '../derive/types.ts';
import { articleFingerprint } from '../derive/fingerprint.ts';
import { rowsOf, type Db } from '../db/client.ts';
import { aliasKey, sourceKey } from '../sources/key.ts';

/** A database handle or an open transaction on it. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Executor = Db | Tx;

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
  /** enqueue the dump's enrichment job in the same statement */
  enqueueEnrich?: boolean;
}


const byKey = <T>([a]: [string, T], [b]: [string, T]) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Writes what a dump's current segmentation derives: sources, articles (deduplicated by story
 * fingerprint), appearances and LISTED edges, replacing what an earlier revision of the same dump
 * derived. Run it inside the caller's transaction. A fresh dump takes two statements: sources
 * with articles, then appearances with edges (and the enrichment job).
 */
export async function writeDerived(tx: Executor, dumpId: number, derived: DerivedArticle[], opts: WriteOptions = {}): Promise<WriteResult> {
  const { authoritative = false, fresh = false } = opts;
  let previous: number[] = [];
  if (!fresh) {
    previous = (await tx.select({ articleId: appearances.articleId }).from(appearances).where(eq(appearances.dumpId, dumpId))).map((r) => r.articleId);
    if (previous.length) {
      await tx.delete(appearances).where(eq(appearances.dumpId, dumpId));
      await tx.delete(storyEdges).where(and(eq(storyEdges.dumpId, dumpId), eq(storyEdges.kind, 'LISTED')));
    }
  }

  // one row per story fingerprint (the longest body wins), in key order: concurrent imports lock
  // shared rows in the same order and cannot deadlock
  const keys = derived.map((a) => articleFingerprint(a) ?? `dump:${dumpId}:${a.position}`);
  const rowsByKey = new Map<string, DerivedArticle>();
  derived.forEach((a, i) => {
    const seen = rowsByKey.get(keys[i]!);
    if (!seen || a.body.length > seen.body.length) rowsByKey.set(keys[i]!, a);
  });
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

  const ids = new Map<string, number>();
  let articlesCreated = 0;
  if (rowsByKey.size) {
    const sourceCte = sourceNames.size
      ? sql`with s as (
          insert into ${sources} (key, name) values ${sql.join([...sourceNames].sort(byKey).map(([k, n]) => sql`(${k}, ${n})`), sql`, `)}
          on conflict (key) do update set key = excluded.key
          returning coalesce(merged_into_id, id) as id, key
        ), sa as (
          insert into ${sourceAliases} (key, source_id, name)
          select v.alias_key, s.id, v.name from (values ${sql.join([...aliases].sort(byKey).map(([k, v]) => sql`(${k}, ${v.key}, ${v.name})`), sql`, `)}) as v(alias_key, source_key, name)
          join s on s.key = v.source_key
          on conflict (key) do nothing
        ) `
      : sql`with s as (select null::int as id, null::text as key where false) `;
    const values = sql.join(
      [...rowsByKey].sort(byKey).map(
        ([fingerprint, a]) =>
          sql`(${fingerprint}, ${a.headline}, ${a.byline}, ${sourceKey(a.source) || null}, ${a.published}, ${a.publishedAt}::timestamptz, ${a.section}, ${a.body}, ${a.copyright}, ${JSON.stringify(a.subheads)}::jsonb)`,
      ),
      sql`, `,
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
      from (values ${values}) as v(fingerprint, headline, byline, source_key, published, published_at, section, body, copyright, subheads)
      left join s on s.key = v.source_key
      on conflict (fingerprint) do update set ${update}
      returning id, fingerprint, (xmax = 0) as inserted`);
    for (const r of rowsOf<{ id: number; fingerprint: string; inserted: boolean }>(result)) {
      ids.set(r.fingerprint, Number(r.id));
      if (r.inserted) articlesCreated++;
    }
  }
  const articleIds = keys.map((k) => ids.get(k)!);

  // appearances, LISTED edges (the page's main article lists each related one) and the job
  const mainIdx = derived.findIndex((a) => a.role === 'main');
  const from = mainIdx >= 0 ? articleIds[mainIdx]! : null;
  const targets = from === null ? [] : [...new Set(derived.flatMap((a, i) => (a.role === 'related' && articleIds[i] !== from ? [articleIds[i]!] : [])))];
  const parts: SQL[] = [];
  if (derived.length) {
    parts.push(sql`a as (insert into ${appearances} (article_id, dump_id, role, position, start, "end", confidence) values ${sql.join(
      derived.map((a, i) => sql`(${articleIds[i]!}, ${dumpId}, ${a.role}, ${a.position}, ${a.start}, ${a.end}, ${a.confidence})`),
      sql`, `,
    )})`);
  }
  if (targets.length) {
    parts.push(sql`e as (insert into ${storyEdges} (from_article_id, to_article_id, kind, weight, dump_id) values ${sql.join(
      targets.map((to) => sql`(${from}, ${to}, 'LISTED', 1, ${dumpId})`),
      sql`, `,
    )} on conflict do nothing returning 1)`);
  }
  if (opts.enqueueEnrich) parts.push(sql`j as (insert into ${jobs} (kind, payload) values ('enrich', ${JSON.stringify({ dumpId })}::jsonb))`);
  let edgesAdded = 0;
  if (parts.length) {
    const result = await tx.execute(sql`with ${sql.join(parts, sql`, `)} select ${targets.length ? sql`(select count(*) from e)` : sql`0`}::int as edges`);
    edgesAdded = Number(rowsOf<{ edges: number }>(result)[0]?.edges ?? 0);
  }

  // articles that only this dump's earlier revision showed are gone now
  const dropped = [...new Set(previous)].filter((id) => !articleIds.includes(id));
  if (dropped.length) {
    await tx
      .delete(articles)
      .where(and(inArray(articles.id, dropped), notExists(tx.select({ one: sql`1` }).from(appearances).where(eq(appearances.articleId, articles.id)))));
  }
  return { articleIds, articlesCreated, edgesAdded };
}
