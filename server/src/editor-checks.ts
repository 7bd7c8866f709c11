/**
 * The checks every editor's rename and merge shares, whatever it renames or merges (stories,
 * topics, sources): one rule in one place, so the three answer alike.
 */
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
