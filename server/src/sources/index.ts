/**
 * Sources (outlets): one canonical row per outlet, with every name it goes by kept as an alias.
 * The importer folds obvious variants by key (see key.ts); editors merge and rename the rest.
 */
import { and, eq, exists, isNull, notExists, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { articles, sourceAliases, sources } from '@copydesk/schema';
import type { Executor } from '../db/client.ts';
import { anyOf } from '../db/rows.ts';
import { InvalidInputError, quoteInput } from '../errors.ts';
import { followRenamedKey, mergeFromIds, requireLive } from '../editor-checks.ts';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { aliasKey, sourceKey } from './key.ts';
import { containsKey } from '../db/like.ts';

export { aliasKey, sourceKey } from './key.ts';

/** longest canonical source name (characters, trimmed) */
export const MAX_SOURCE_NAME = 200;

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
 * files later articles under `into`. Throws NotFoundError when an id is unknown, InvalidInputError
 * when `from` is empty or holds `into`, or a source named was merged away (editor-checks.ts).
 * Run inside a transaction.
 */
export async function mergeSources(tx: Executor, into: number, fromIds: number[]): Promise<void> {
  const from = mergeFromIds(into, fromIds, 'source');
  await requireLive(tx, sources, [into], 'Source', 'into');
  await requireLive(tx, sources, from, 'Source', 'from');
  await tx.update(articles).set({ sourceId: into, updatedAt: sql`now()` }).where(anyOf(articles.sourceId, from));
  await tx.update(sourceAliases).set({ sourceId: into }).where(anyOf(sourceAliases.sourceId, from));
  await tx.update(sources).set({ mergedIntoId: into }).where(or(anyOf(sources.id, from), anyOf(sources.mergedIntoId, from)));
}

/**
 * Gives a source a new canonical name (1 to MAX_SOURCE_NAME characters); the name becomes an
 * alias too, and the old names stay aliases. A name that is another source's (its canonical
 * key, as the importer files pages by it, or one of its aliases: "THE Harbor Herald:" is Harbor
 * Herald's) is refused: the two are one outlet, to merge. Returns the name before and after.
 * Throws InvalidInputError (a bad name, another source's name, a source merged away),
 * NotFoundError.
 */
export async function renameSource(tx: Executor, id: number, rawName: string): Promise<{ from: string; to: string }> {
  const name = rawName.trim().replace(/\s+/g, ' ');
  if (!sourceKey(name) || name.length > MAX_SOURCE_NAME) throw new InvalidInputError('name', `a source name is 1 to ${MAX_SOURCE_NAME} characters, with a letter or digit`);
  await requireLive(tx, sources, [id], 'Source', 'id');
  const owner = await sourceNamed(tx, name);
  if (owner && owner.id !== id) {
    throw new InvalidInputError('name', `that name belongs to source ${owner.id} ("${quoteInput(owner.name)}", ${encodeGlobalID('Source', owner.id)}); merge the two sources (mergeSources) instead`);
  }
  const [old] = await tx.select({ name: sources.name, key: sources.key }).from(sources).where(eq(sources.id, id));
  await tx.update(sources).set({ name }).where(eq(sources.id, id));
  // the importer files pages naming the new name here, and those naming the old one still (editor-checks.ts)
  await followRenamedKey(tx, sources, id, old!, sourceKey(name));
  // never another source's alias: the check above leaves only this source's own
  await tx.insert(sourceAliases).values({ key: aliasKey(name), sourceId: id, name }).onConflictDoNothing();
  return { from: old!.name, to: name };
}

/**
 * The live source a name belongs to, or null: the one whose canonical key is the name's
 * sourceKey (a source merged away resolved to where it went), else the one holding the name's
 * spelling (aliasKey) as an alias.
 */
async function sourceNamed(tx: Executor, name: string): Promise<{ id: number; name: string } | null> {
  const [byKey] = await tx.select({ id: sql<number>`coalesce(${sources.mergedIntoId}, ${sources.id})` }).from(sources).where(eq(sources.key, sourceKey(name)));
  const [byAlias] = await tx.select({ id: sourceAliases.sourceId }).from(sourceAliases).where(eq(sourceAliases.key, aliasKey(name)));
  const id = byKey?.id ?? byAlias?.id;
  if (id == null) return null;
  const [row] = await tx.select({ id: sources.id, name: sources.name }).from(sources).where(eq(sources.id, Number(id)));
  return row ?? null;
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
