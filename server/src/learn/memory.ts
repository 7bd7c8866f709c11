/**
 * The line memory in PostgreSQL: recorded on import (in the import's transaction), loaded before
 * a parse (one query for the dump's lines), listed and vetoed by editors.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { lineMemory, lineSightings } from '@copydesk/schema';
import { type Db, type Executor, rowsOf } from '../db/client.ts';
import { jsonRows } from '../db/rows.ts';
import type { LineMemory, LineMemoryEntry } from '@copydesk/core';
import { memorableLineKeys, type Sighting } from './sightings.ts';
import { NotFoundError } from '../errors.ts';

/**
 * Sightings one statement records at most: a 5 MB dump of distinct lines has ~40,000, and each
 * costs four index entries; in statements of this many none comes near the statement time bound
 * (COPYDESK_STATEMENT_TIMEOUT_MS) on the embedded database.
 */
export const SIGHTINGS_PER_STATEMENT = 5_000;

/**
 * Records a dump's sightings (in the caller's transaction): a line seen in a story it was not
 * seen in before gains one story, from an outlet it was not seen from before one outlet, so
 * importing the same story again changes nothing. Lines are locked in key order (concurrent
 * imports cannot deadlock). Statements of SIGHTINGS_PER_STATEMENT sightings, each taking its rows
 * as one bind parameter.
 */
export async function recordSightings(tx: Executor, dumpId: number, sightings: readonly Sighting[]): Promise<void> {
  const sorted = [...sightings].sort((a, b) => (a.lineKey < b.lineKey ? -1 : a.lineKey > b.lineKey ? 1 : a.storyKey < b.storyKey ? -1 : 1));
  // a later statement sees the earlier ones' sightings: a (line, story) pair counted in one is not counted again
  for (let i = 0; i < sorted.length; i += SIGHTINGS_PER_STATEMENT) await recordSome(tx, dumpId, sorted.slice(i, i + SIGHTINGS_PER_STATEMENT));
}

/**
 * One statement of recordSightings (`sorted` in key order): the statement's snapshot holds the
 * earlier sightings only, so a pair is new when no earlier statement or import recorded it.
 */
async function recordSome(tx: Executor, dumpId: number, sorted: readonly Sighting[]): Promise<void> {
  // a line's text is picked once per key (t) and joined: never a scan of v per line
  const rows = jsonRows(
    sorted.map((s) => ({ line_key: s.lineKey, story_key: s.storyKey, source_key: s.sourceKey, text: s.text })),
    'r(line_key text, story_key text, source_key text, text text)',
  );
  await tx.execute(sql`
    with v as (select * from ${rows}),
    t as (select line_key, min(text) as text from v group by line_key),
    ins as (
      insert into ${lineSightings} (line_key, story_key, source_key, dump_id)
      select line_key, story_key, source_key, ${dumpId}::int from v
      on conflict do nothing
      returning line_key, story_key, source_key
    ),
    agg as (
      select i.line_key,
        count(distinct i.story_key) filter (
          where not exists (select 1 from ${lineSightings} p where p.line_key = i.line_key and p.story_key = i.story_key)
        )::int as stories,
        count(distinct i.source_key) filter (
          where i.source_key <> '' and not exists (select 1 from ${lineSightings} p where p.line_key = i.line_key and p.source_key = i.source_key)
        )::int as sources
      from ins i group by i.line_key
    )
    insert into ${lineMemory} (key, text, stories, sources)
    select a.line_key, t.text, a.stories, a.sources from agg a join t on t.line_key = a.line_key order by a.line_key
    on conflict (key) do update set stories = ${lineMemory}.stories + excluded.stories, sources = ${lineMemory}.sources + excluded.sources, updated_at = now()`);
}

/**
 * What the memory knows of a dump's lines, as the parser takes it: one query for the keys of
 * its memorable lines. `countSelf`: the dump is about to be imported, so its own story counts
 * as one more (a line seen in 2 stored stories and this one is "repeated in 3 articles").
 */
export async function loadMemory(db: Executor, text: string, opts: { countSelf?: boolean; lineKeys?: string[] } = {}): Promise<LineMemory> {
  const keys = opts.lineKeys ?? memorableLineKeys(text);
  const lines = new Map<string, LineMemoryEntry>();
  if (!keys.length) return { lines };
  const rows = rowsOf<{ key: string; stories: number; sources: number; vetoed: boolean }>(
    await db.execute(sql`select key, stories, sources, vetoed_at is not null as vetoed from ${lineMemory} where key = any(${sql.param(keys)}::text[])`),
  );
  const self = opts.countSelf ? 1 : 0;
  for (const r of rows) lines.set(r.key, { stories: Number(r.stories) + self, sources: Number(r.sources), vetoed: r.vetoed === true });
  return { lines };
}

export interface RememberedLine {
  key: string;
  text: string;
  stories: number;
  sources: number;
  vetoedAt: string | null;
  vetoedBy: string | null;
}

/**
 * The most repeated lines, most stories first: overall, or seen from one outlet (`source`, a
 * folded name; `stories` then counts that outlet's stories). At most `limit` (1-100).
 */
export async function mostRepeatedLines(db: Db, opts: { source?: string | null; limit: number; includeVetoed?: boolean }): Promise<RememberedLine[]> {
  const limit = Math.max(1, Math.min(100, opts.limit));
  const vetoFilter = opts.includeVetoed === false ? sql`and m.vetoed_at is null` : sql``;
  if (opts.source) {
    const rows = rowsOf<{ key: string; text: string; stories: number; sources: number; vetoed_at: string | null; vetoed_by: string | null }>(
      await db.execute(sql`
        select m.key, m.text, s.n as stories, m.sources, m.vetoed_at, m.vetoed_by
        from (select line_key, count(distinct story_key)::int as n from ${lineSightings} where source_key = ${opts.source} group by line_key) s
        join ${lineMemory} m on m.key = s.line_key
        where true ${vetoFilter}
        order by s.n desc, m.key limit ${limit}`),
    );
    return rows.map((r) => ({ key: r.key, text: r.text, stories: Number(r.stories), sources: Number(r.sources), vetoedAt: r.vetoed_at, vetoedBy: r.vetoed_by }));
  }
  const rows = await db
    .select()
    .from(lineMemory)
    .where(opts.includeVetoed === false ? sql`${lineMemory.vetoedAt} is null` : undefined)
    .orderBy(desc(lineMemory.stories), lineMemory.key)
    .limit(limit);
  return rows.map((r) => ({ key: r.key, text: r.text, stories: r.stories, sources: r.sources, vetoedAt: r.vetoedAt, vetoedBy: r.vetoedBy }));
}

/** Vetoes a remembered line (never applied again) or lifts the veto. NOT_FOUND for an unknown key. */
export async function setLineVeto(db: Db, key: string, vetoed: boolean, editor: string): Promise<RememberedLine> {
  const [r] = await db
    .update(lineMemory)
    .set(vetoed ? { vetoedAt: sql`now()`, vetoedBy: editor } : { vetoedAt: null, vetoedBy: null })
    .where(and(eq(lineMemory.key, key)))
    .returning();
  if (!r) throw new NotFoundError('RememberedLine', key);
  return { key: r.key, text: r.text, stories: r.stories, sources: r.sources, vetoedAt: r.vetoedAt, vetoedBy: r.vetoedBy };
}
