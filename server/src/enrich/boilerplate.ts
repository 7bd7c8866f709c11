/**
 * An outlet's boilerplate as enrichment sees it: the lines (trimmed, non-empty) that
 * BOILERPLATE_MIN_ARTICLES or more of its latest articles print word for word (a newsletter plug, a membership appeal, standing
 * paragraphs about the paper). The parser removes the page furniture it recognises; these are the
 * lines it kept because they read as prose. SAME_STORY edges (enrich.ts) and story event terms
 * (stories/terms.ts) leave them out, so that two stories of one outlet are not alike by them.
 */
import { sql } from 'drizzle-orm';
import { rowsOf } from '../db/client.ts';
import type { Executor } from '../db/client.ts';

/** a source's boilerplate is read from its latest BOILERPLATE_SAMPLE articles */
export const BOILERPLATE_SAMPLE = 30;
/** a line is boilerplate once this many of the source's articles print it (as the parser's line memory counts: one
 * article printed twice is a republished story, not boilerplate) */
export const BOILERPLATE_MIN_ARTICLES = 3;
/** characters of each body read (UTF-16 code units) */
export const BOILERPLATE_BODY_READ = 4000;

/** the lines (trimmed, non-empty) that BOILERPLATE_MIN_ARTICLES or more of `bodies` print word for word */
export function boilerplateLines(bodies: readonly string[]): Set<string> {
  const seen = new Map<string, number>();
  for (const b of bodies) for (const l of new Set(b.split('\n').map((x) => x.trim()).filter(Boolean))) seen.set(l, (seen.get(l) ?? 0) + 1);
  return new Set([...seen].filter(([, n]) => n >= BOILERPLATE_MIN_ARTICLES).map(([l]) => l));
}

/** `body` without the lines in `lines` (compared trimmed) */
export function withoutLines(body: string, lines: ReadonlySet<string>): string {
  return lines.size ? body.split('\n').filter((l) => !lines.has(l.trim())).join('\n') : body;
}

/**
 * The boilerplate lines of source `sourceId` (none for an article without a source). `cache`
 * keeps each source's lines for the rest of one job (pass a new Map per transaction).
 */
export async function sourceBoilerplate(tx: Executor, sourceId: number | null, cache: Map<number, Set<string>>): Promise<Set<string>> {
  if (sourceId === null) return new Set();
  let lines = cache.get(sourceId);
  if (!lines) {
    const rows = rowsOf<{ body: string | null }>(
      await tx.execute(sql`select left(body, ${BOILERPLATE_BODY_READ}) as body from articles where source_id = ${sourceId} order by id desc limit ${BOILERPLATE_SAMPLE}`),
    );
    lines = boilerplateLines(rows.map((r) => r.body ?? ''));
    cache.set(sourceId, lines);
  }
  return lines;
}
