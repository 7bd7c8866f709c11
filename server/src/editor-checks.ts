/**
 * The checks every editor's rename and merge shares, whatever it renames or merges (stories,
 * topics, sources): one rule in one place, so the three answer alike.
 */
import { eq } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './db/client.ts';
import { anyOf } from './db/rows.ts';
import { InvalidInputError, NotFoundError } from './errors.ts';

/** A table of things editors merge: an integer id and the id of the row it was merged into (null while live). */
export type MergeableTable = PgTable & { id: PgColumn; mergedIntoId: PgColumn };

/**
 * The distinct ids of a merge's `from`, checked: INVALID_INPUT (field `from`) when it names
 * nothing, or names `into` itself. `noun` names what is merged ("story", "topic", "source").
 */
export function mergeFromIds(into: number, from: readonly number[], noun: string): number[] {
  const ids = [...new Set(from)];
  if (!ids.length) throw new InvalidInputError('from', `name at least one ${noun} to merge`);
  if (ids.includes(into)) throw new InvalidInputError('from', `a ${noun} cannot be merged into itself`);
  return ids;
}

/**
 * Checks that every id of `ids` (given for argument `arg`) is a live row of `table`: NotFoundError
 * (`entity`, the id) for one that does not exist, InvalidInputError(arg) naming where one that was
 * merged away went ("Topic 3 was merged into Topic 1; use that one"). One query.
 */
export async function requireLive(tx: Executor, table: MergeableTable, ids: readonly number[], entity: string, arg: string): Promise<void> {
  const rows = (await tx
    .select({ id: table.id, mergedIntoId: table.mergedIntoId })
    .from(table as PgTable)
    .where(anyOf(table.id, [...ids]))) as { id: number; mergedIntoId: number | null }[];
  const byId = new Map(rows.map((r) => [r.id, r.mergedIntoId]));
  for (const id of ids) {
    if (!byId.has(id)) throw new NotFoundError(entity, String(id));
    const target = byId.get(id);
    if (target != null) throw new InvalidInputError(arg, `${entity} ${id} was merged into ${entity} ${target}; use that one`);
  }
}

/** A mergeable table whose rows the importer files by a unique folded `key` (sources, topics). */
export type KeyedTable = MergeableTable & { key: PgColumn; name: PgColumn };

/**
 * Makes the key the importer (and enrichment) files new pages under follow a rename of row `id`
 * of `table` (sources by sourceKey, topics by topicKey): the row takes `newKey`, and its key before
 * the rename stays as a row merged into it (name: the old name), so pages still naming the old name
 * file under the renamed item too, as pages of a merged-away item do (the importer's upsert by key
 * resolves `merged_into_id`). When `newKey` is already held, the holder is a row merged into `id`
 * (an earlier name's, or a merged item's: the caller refused another live item's name), and the two
 * swap keys. Nothing to do when the key does not change. Run inside the rename's transaction.
 */
export async function followRenamedKey(tx: Executor, table: KeyedTable, id: number, old: { key: string; name: string }, newKey: string): Promise<void> {
  if (!newKey || newKey === old.key) return;
  const t = table as PgTable & { id: PgColumn; key: PgColumn };
  const [holder] = (await tx.select({ id: table.id, mergedIntoId: table.mergedIntoId }).from(t).where(eq(table.key, newKey))) as { id: number; mergedIntoId: number | null }[];
  if (holder && holder.mergedIntoId !== id) throw new InvalidInputError('name', `that name's key is held by another item (${holder.id}); merge the two instead`);
  const setKey = (rowId: number, values: Record<string, unknown>) => tx.update(t).set(values as never).where(eq(table.id, rowId));
  if (holder) {
    // keys are folded to lower case, so an upper-case one is never a real key: a free slot for the swap
    await setKey(id, { key: `RENAMING ${id}` });
    await setKey(holder.id, { key: old.key, name: old.name });
    await setKey(id, { key: newKey });
  } else {
    await setKey(id, { key: newKey });
    await tx.insert(t).values({ key: old.key, name: old.name, mergedIntoId: id } as never);
  }
}
