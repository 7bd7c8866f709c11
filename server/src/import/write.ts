import { and, eq, inArray, notExists, sql } from 'drizzle-orm';
import { appearances, articles, sources, storyEdges } from '@copydesk/schema';
import type { DerivedArticle } from '../derive/types.ts';
import { articleFingerprint, foldText } from '../derive/fingerprint.ts';
import type { Db } from '../db/client.ts';

/** A database handle or an open transaction on it. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Executor = Db | Tx;

export interface WriteResult {
  /** article id per derived article, in order */
  articleIds: number[];
  articlesCreated: number;
  edgesAdded: number;
}

/**
 * Writes what a dump's current segmentation derives: sources, articles (deduplicated by story
 * fingerprint), appearances and LISTED edges. Replaces what an earlier revision of the same dump
 * derived. Run it inside the caller's transaction.
 *
 * `authoritative`: an editor's revision overwrites the article's fields; the parser's only fills
 * them in or lengthens a shorter body (a related excerpt never shortens a full article).
 */
export async function writeDerived(
  tx: Executor,
  dumpId: number,
  derived: DerivedArticle[],
  { authoritative = false }: { authoritative?: boolean } = {},
): Promise<WriteResult> {
  const previous = await tx.select({ articleId: appearances.articleId }).from(appearances).where(eq(appearances.dumpId, dumpId));
  if (previous.length) {
    await tx.delete(appearances).where(eq(appearances.dumpId, dumpId));
    await tx.delete(storyEdges).where(and(eq(storyEdges.dumpId, dumpId), eq(storyEdges.kind, 'LISTED')));
  }

  // sources
  const sourceNames = new Map<string, string>();
  for (const a of derived) {
    const key = foldText(a.source);
    if (key && !sourceNames.has(key)) sourceNames.set(key, a.source!.trim());
  }
  const sourceIds = new Map<string, number>();
  if (sourceNames.size) {
    const rows = await tx
      .insert(sources)
      .values([...sourceNames].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, name]) => ({ key, name })))
      .onConflictDoUpdate({ target: sources.key, set: { key: sql`excluded.key` } })
      .returning({ id: sources.id, key: sources.key });
    for (const r of rows) sourceIds.set(r.key, r.id);
  }

  // articles, one row per fingerprint
  const keys = derived.map((a) => articleFingerprint(a) ?? `dump:${dumpId}:${a.position}`);
  const byKey = new Map<string, DerivedArticle>();
  derived.forEach((a, i) => {
    const k = keys[i]!;
    const seen = byKey.get(k);
    if (!seen || a.body.length > seen.body.length) byKey.set(k, a);
  });
  const ids = new Map<string, number>();
  let articlesCreated = 0;
  if (byKey.size) {
    // rows in key order: concurrent imports lock shared rows in the same order and cannot deadlock
    const values = [...byKey].sort(([a], [b]) => (a < b ? -1 : 1)).map(([fingerprint, a]) => ({
      fingerprint,
      headline: a.headline,
      byline: a.byline,
      sourceId: sourceIds.get(foldText(a.source)) ?? null,
      published: a.published,
      publishedAt: a.publishedAt,
      section: a.section,
      body: a.body,
      copyright: a.copyright,
      subheads: a.subheads,
    }));
    const keep = (col: string) => sql.raw(`coalesce(excluded.${col}, "articles"."${col}")`);
    const set = authoritative
      ? {
          headline: sql`excluded.headline`,
          byline: sql`excluded.byline`,
          sourceId: sql`excluded.source_id`,
          published: sql`excluded.published`,
          publishedAt: sql`excluded.published_at`,
          section: sql`excluded.section`,
          body: sql`excluded.body`,
          copyright: sql`excluded.copyright`,
          subheads: sql`excluded.subheads`,
          updatedAt: sql`now()`,
        }
      : {
          byline: keep('byline'),
          sourceId: keep('source_id'),
          published: keep('published'),
          publishedAt: keep('published_at'),
          section: keep('section'),
          copyright: keep('copyright'),
          body: sql`case when length(excluded.body) > length("articles"."body") then excluded.body else "articles"."body" end`,
          subheads: sql`case when length(excluded.body) > length("articles"."body") then excluded.subheads else "articles"."subheads" end`,
          updatedAt: sql`now()`,
        };
    const rows = await tx
      .insert(articles)
      .values(values)
      .onConflictDoUpdate({ target: articles.fingerprint, set })
      .returning({ id: articles.id, fingerprint: articles.fingerprint, inserted: sql<boolean>`(xmax = 0)` });
    for (const r of rows) {
      ids.set(r.fingerprint, r.id);
      if (r.inserted) articlesCreated++;
    }
  }
  const articleIds = keys.map((k) => ids.get(k)!);

  if (derived.length) {
    await tx.insert(appearances).values(
      derived.map((a, i) => ({
        articleId: articleIds[i]!,
        dumpId,
        role: a.role,
        position: a.position,
        start: a.start,
        end: a.end,
        confidence: a.confidence,
      })),
    );
  }

  // LISTED: the page's main article lists each related one
  let edgesAdded = 0;
  const mainIdx = derived.findIndex((a) => a.role === 'main');
  if (mainIdx >= 0) {
    const from = articleIds[mainIdx]!;
    const targets = [...new Set(derived.flatMap((a, i) => (a.role === 'related' && articleIds[i] !== from ? [articleIds[i]!] : [])))];
    if (targets.length) {
      const rows = await tx
        .insert(storyEdges)
        .values(targets.map((to) => ({ fromArticleId: from, toArticleId: to, kind: 'LISTED' as const, weight: 1, dumpId })))
        .onConflictDoNothing()
        .returning({ id: storyEdges.id });
      edgesAdded = rows.length;
    }
  }

  // articles that only this dump's earlier revision showed are gone now
  const dropped = [...new Set(previous.map((p) => p.articleId))].filter((id) => !articleIds.includes(id));
  if (dropped.length) {
    await tx
      .delete(articles)
      .where(
        and(
          inArray(articles.id, dropped),
          notExists(tx.select({ one: sql`1` }).from(appearances).where(eq(appearances.articleId, articles.id))),
        ),
      );
  }
  return { articleIds, articlesCreated, edgesAdded };
}
