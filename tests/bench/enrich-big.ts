/**
 * One dump with thousands of related blocks, enriched on the embedded database (PGlite in its
 * worker thread, as the server runs it): how long the enrichment job takes, and how long an
 * ordinary read (`{ dumps(first: 5) { totalCount } }`) waits at worst while it runs.
 *   pnpm bench --only enrich-big        (or: pnpm exec tsx tests/bench/enrich-big.ts [blocks,...])
 */
import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf } from '@copydesk/server/db/client.ts';
import { migrateDatabase } from '@copydesk/server/db/migrate.ts';
import { DEFAULT_LIMITS } from '@copydesk/server/graphql/limits.ts';
import { runDueJobs } from '@copydesk/server/enrich/jobs.ts';
import { closeAnalysePool } from '@copydesk/server/enrich/pool.ts';
import { createApp } from '@copydesk/server/yoga.ts';
import { manyRelatedDump } from '../helpers/dumps.ts';

export interface EnrichBigRun {
  blocks: number;
  /** the dump's size in bytes */
  bytes: number;
  /** wall milliseconds of the enrichment job (read, analyse in worker threads, write) */
  enrichMs: number;
  /** reads answered while the job ran, and the longest one's wait (ms) */
  reads: number;
  slowestReadMs: number;
  sameStoryEdges: number;
  topicalEdges: number;
}

/** Imports `manyRelatedDump(blocks)` into a fresh PGlite and runs its enrichment job while reading. */
export async function benchEnrichBigOne(blocks: number): Promise<EnrichBigRun> {
  const database = await openDatabase({ dataDir: 'memory://' });
  try {
    await migrateDatabase(database);
    const token = 'bench-editor-token-0123456789';
    const limits = { ...DEFAULT_LIMITS, maxRequestBytes: 4 * 1024 * 1024 };
    const app = createApp({ db: database.db, config: { maxDumpBytes: 4 * 1024 * 1024, editorToken: token, readRequiresToken: false, limits, responseCacheTtlMs: 0, compiledReads: true } });
    const post = async (query: string, variables: Record<string, unknown> = {}) => {
      const res = await app.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as { data?: any; errors?: unknown[] };
    };
    const { text } = manyRelatedDump(blocks);
    const imported = await post(`mutation($i: ImportDumpInput!) { importDump(input: $i) { __typename } }`, { i: { text, filename: `many-${blocks}.txt` } });
    if (imported.data?.importDump?.__typename !== 'ImportDumpPayload') throw new Error(`import refused: ${JSON.stringify(imported).slice(0, 300)}`);
    let running = true;
    const waits: number[] = [];
    const reader = (async () => {
      while (running) {
        const t0 = performance.now();
        const r = await post(`{ dumps(first: 5) { totalCount } }`);
        if (r.errors) throw new Error(`read failed: ${JSON.stringify(r.errors).slice(0, 300)}`);
        waits.push(performance.now() - t0);
        await new Promise((ok) => setTimeout(ok, 20));
      }
    })();
    const t0 = performance.now();
    await runDueJobs(database.db);
    const enrichMs = Math.round(performance.now() - t0);
    running = false;
    await reader;
    const [edges] = rowsOf<{ same: number; topical: number }>(
      await database.db.execute(sql`select count(*) filter (where kind = 'SAME_STORY')::int as same, count(*) filter (where kind = 'TOPICAL')::int as topical from story_edges`),
    );
    return {
      blocks,
      bytes: Buffer.byteLength(text),
      enrichMs,
      reads: waits.length,
      slowestReadMs: Math.round(Math.max(0, ...waits)),
      sameStoryEdges: edges!.same,
      topicalEdges: edges!.topical,
    };
  } finally {
    await database.close();
  }
}

export async function benchEnrichBig({ blocks = [500, 2000], log = (s: string) => console.error(s) } = {}): Promise<EnrichBigRun[]> {
  const out: EnrichBigRun[] = [];
  for (const n of blocks) {
    const run = await benchEnrichBigOne(n);
    log(JSON.stringify(run));
    out.push(run);
  }
  await closeAnalysePool();
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const blocks = process.argv[2] ? process.argv[2].split(',').map(Number) : undefined;
  console.log(JSON.stringify(await benchEnrichBig(blocks ? { blocks } : {}), null, 2));
}
