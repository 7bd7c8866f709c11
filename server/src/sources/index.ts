/**
 * Sources (outlets): one canonical row per outlet, with every name it goes by kept as an alias.
 * The importer folds obvious variants by key (see key.ts); editors merge and rename the rest.
 */
import { and, eq, exists, isNull, notExists, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { articles, sourceAliases, sources } from '@copydesk/schema';
import type { Executor } from '../db/client.ts';
import { anyOf } from '../db/rows.ts';
import { InvalidInputError, NotFoundError } from '../errors.ts';
import { aliasKey, sourceKey } from './key.ts';
import { containsKey } from '../db/like.ts';

export { aliasKey, sourceKey } from './key.ts';

/**
 * SQL true when the source `sourceId` goes by a name containing `query` (case-insensitive,
 * LIKE wildcards in `query` taken literally): any alias, or the canonical key ("the indep",
 * "Independent." and "INDEPENDENT" all find The Independent).
 */
export function sourceMatchSql(sourceId: SQL | AnyPgColumn, query: string): SQL {
  const spelled = containsKey(aliasKey(query));
  const canonical = containsKey(sourceKey(query));
  // own aliases: `sourceId` may be a column of the outer query's sources table
  return (
    or(
      canonical ? exists(sql`(select 1 from ${sources} as src_m where src_m.id = ${sourceId} and src_m.key like ${canonical})`) : undefined,
      spelled ? exists(sql`(select 1 from ${sourceAliases} as src_a where src_a.source_id = ${sourceId} and src_a.key like ${spelled})`) : undefined,
    ) ?? sql`false`
  );
}

/**
 * Merges the `from` sources into `into`: their articles and aliases move to it, and each merged
 * row (and any row merged into one of them earlier) points at `into` from then on, so the importer
 * files later articles under `into`. Throws NotFoundError when an id is unknown; ids equal to
 * `into` are ignored. Run inside a transaction.
 */
export async function mergeSources(tx: Executor, into: number, fromIds: number[]): Promise<void> {
  const from = [...new Set(fromIds)].filter((id) => id !== into);
  const found = await tx.select({ id: sources.id, mergedIntoId: sources.mergedIntoId }).from(sources).where(anyOf(sources.id, [into, ...from]));
  if (found.length !== from.length + 1) throw new NotFoundError('Source', 'one of the given ids');
  if (found.find((r) => r.id === into)?.mergedIntoId != null) throw new InvalidInputError('into', 'that source was merged into another; merge into that one');
  if (!from.length) return;
  await tx.update(articles).set({ sourceId: into, updatedAt: sql`now()` }).where(anyOf(articles.sourceId, from));
  await tx.update(sourceAliases).set({ sourceId: into }).where(anyOf(sourceAliases.sourceId, from));
  await tx.update(sources).set({ mergedIntoId: into }).where(or(anyOf(sources.id, from), anyOf(sources.mergedIntoId, from)));
}

/**
 * Gives a source a new canonical name (1 to 200 characters); the name becomes an alias too, and
 * the old names stay aliases. Throws InvalidInputError, NotFoundError.
 */
export async function renameSource(tx: Executor, id: number, rawName: string): Promise<void> {
  const name = rawName.trim().replace(/\s+/g, ' ');
  if (!sourceKey(name) || name.length > 200) throw new InvalidInputError('name', 'a source name is 1 to 200 characters, with a letter or digit');
  const rows = await tx.update(sources).set({ name }).where(and(eq(sources.id, id), isNull(sources.mergedIntoId))).returning({ id: sources.id });
  if (!rows.length) throw new NotFoundError('Source', String(id));
  await tx
    .insert(sourceAliases)
    .values({ key: aliasKey(name), sourceId: id, name })
    .onConflictDoUpdate({ target: sourceAliases.key, set: { sourceId: id } });
}

/**
 * Brings sources written before aliases existed up to date (idempotent, cheap when there is
 * nothing to do): each canonical source without an alias takes its canonical key, and one whose
 * key another source already holds ("The Independent" beside "Independent") is merged into it.
 * Returns how many sources were merged.
 */
export async function foldLegacySources(tx: Executor): Promise<number> {
  const pending = await tx
    .select({ id: sources.id, name: sources.name, key: sources.key })
    .from(sources)
    .where(and(isNull(sources.mergedIntoId), notExists(tx.select({ one: sql`1` }).from(sourceAliases).where(eq(sourceAliases.sourceId, sources.id)))))
    .orderBy(sources.id);
  let merged = 0;
  for (const p of pending) {
    const key = sourceKey(p.name) || p.key;
    const [holder] = await tx.select({ id: sources.id, mergedIntoId: sources.mergedIntoId }).from(sources).where(eq(sources.key, key));
    let target = p.id;
    if (holder && holder.id !== p.id) {
      target = holder.mergedIntoId ?? holder.id;
      await mergeSources(tx, target, [p.id]);
      merged++;
    } else if (key !== p.key) {
      await tx.update(sources).set({ key }).where(eq(sources.id, p.id));
    }
    await tx.insert(sourceAliases).values({ key: aliasKey(p.name), sourceId: target, name: p.name }).onConflictDoNothing();
  }
  return merged;
}
