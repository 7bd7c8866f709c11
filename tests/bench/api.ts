/**
 * API benchmarks on a real PostgreSQL, side by side in one run:
 * - import through the API (importDumps over HTTP to a copydesk server process) vs a plain COPY
 *   of the same rows into an empty copy of the schema;
 * - enrichment (topics, SAME_STORY, TOPICAL) throughput of the queue's workers, with 1 and then 2
 *   jobs at once (each with its worker thread) in this process;
 * - load on loopback with autocannon (8 connections, bounded in time): Q1 one article with its
 *   topics and the headlines of its related articles; Q2 a page of 20 articles with bodies and topics.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '@copydesk/server/db/client.ts';
import { migrateDatabase } from '@copydesk/server/db/migrate.ts';
import { queueCounts, startEnrichWorkers } from '@copydesk/server/enrich/jobs.ts';
import { closeAnalysePool, setAnalyseThreads } from '@copydesk/server/enrich/pool.ts';
import { startPostgres } from '../helpers/postgres.ts';
import { REPO_ROOT, SERVER_NODE_ARGS } from '../helpers/paths.ts';
import { buildApiCorpus } from './corpus.ts';

/** Q1: one article with its topics and the headlines of 10 related articles (`$id`: an Article ID) */
export const Q1_QUERY = `query($id: ID!) { article(id: $id) { headline byline published body topics { weight topic { name } } related(first: 10) { edges { node { kind weight to { headline } } } } } }`;
/** Q2: a page of 20 articles with bodies, source and topics (`$after`: the previous page's endCursor) */
export const Q2_QUERY = `query($after: String) { articles(first: 20, after: $after) { edges { node { id headline byline published body source { name } topics { weight topic { name } } } } pageInfo { endCursor } } }`;

/** the bootstrap editor token of the servers the benchmarks start */
export const TOKEN = 'bench-editor-token-0123456789';

export interface ApiBench {
  corpus: { dumps: number; articlesDerived: number; mb: number };
  import: { seconds: number; dumpsPerSec: number; articlesPerSec: number; articleRows: number; failed: number };
  copy: { seconds: number; articlesPerSec: number; rows: number };
  importVsCopy: number;
  enrichment: Record<'workers1' | 'workers2', EnrichmentRate>;
  /** HTTP processes of the server under load */
  processes: number;
  /** how the server reached PostgreSQL under load */
  loadConnection: 'unix socket' | 'tcp';
  /** compiled reads, with the anonymous response cache (default, 5 s) */
  q1: Load;
  q2: Load;
  /** compiled reads, response cache off: every request runs its SQL */
  q1Uncached: Load;
  q2Uncached: Load;
  /** the general executor (COPYDESK_COMPILED_READS=false), response cache off */
  q1General: Load;
  q2General: Load;
  /** compiled reads, response cache off, over TCP loopback instead of the socket (null with DATABASE_URL) */
  q1Tcp: Load | null;
  q2Tcp: Load | null;
  /** compiled reads, response cache off, with `otherProcesses` HTTP processes */
  otherProcesses: number;
  q1OtherProcesses: Load;
  q2OtherProcesses: Load;
}

export interface Load {
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

/** `url` with its database name replaced by `name` */
export function withDb(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A copydesk server process on 127.0.0.1:`port` over `databaseUrl` (no worker, no samples, `extra` env on top); resolves once it listens. */
export async function startServer(databaseUrl: string, port: number, extra: Record<string, string> = {}): Promise<ChildProcess> {
  // node itself (not the tsx wrapper), so that a signal reaches the server
  // the same flags as `pnpm start` (a larger young generation: fewer GC pauses under load)
  const child = spawn(process.execPath, [...SERVER_NODE_ARGS, join(REPO_ROOT, 'server/src/main.ts')], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      COPYDESK_WORKERS: '0',
      COPYDESK_SEED_SAMPLES: 'false',
      COPYDESK_EDITOR_TOKEN: TOKEN,
      NODE_ENV: 'production',
      ...extra,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error('server did not start in 60 s')), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('copydesk is running')) {
        clearTimeout(timer);
        ok();
      }
    });
    child.once('exit', (code) => fail(new Error(`server exited with ${code}`)));
  });
  return child;
}

export async function gql(url: string, query: string, variables: Record<string, unknown> = {}) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: JSON.stringify({ query, variables }) });
  const json = (await res.json()) as { data?: any; errors?: { message: string }[] };
  if (json.errors?.length) throw new Error(json.errors[0]!.message);
  return json.data;
}

/** autocannon, 8 connections, for `seconds`, from a process of its own (load-client.ts); the bodies rotate (one per request, round robin) */
export function load(url: string, bodiesFile: string, seconds: number): Promise<Load> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'tests/bench/load-client.ts'), url, bodiesFile, String(seconds)], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.once('error', fail);
    child.once('exit', (code) => (code === 0 ? ok(JSON.parse(out) as Load) : fail(new Error(`load client exited with ${code}`))));
  });
}

/** unmeasured load on each fresh server before its measured runs */
const WARMUP_SECONDS = 3;

// the enrichment jobs (pg-boss's partitioned table) are not copied: COPY cannot read a partitioned table
const TABLES = ['dumps', 'segmentation_revisions', 'sources', 'articles', 'appearances', 'story_edges'];

export interface EnrichmentRate {
  seconds: number;
  jobsPerSec: number;
  articlesPerSec: number;
}

/** Runs the queue's workers (`concurrency` jobs at once) for `seconds`, counting finished jobs and newly enriched articles. */
export async function enrichmentRate(url: string, concurrency: number, seconds: number): Promise<EnrichmentRate> {
  const database = await openDatabase({ databaseUrl: url, poolSize: concurrency + 2 });
  const counter = new pg.Client({ connectionString: url });
  await counter.connect();
  const enriched = async () => Number((await counter.query('select count(*)::int as n from articles where enriched_at is not null')).rows[0].n);
  try {
    setAnalyseThreads(concurrency);
    const jobs0 = (await queueCounts(database.db)).done;
    const articles0 = await enriched();
    const t0 = performance.now();
    const workers = await startEnrichWorkers(database.db, { concurrency, pollingIntervalSeconds: 0.5 });
    await new Promise((ok) => setTimeout(ok, seconds * 1000));
    await workers.stop();
    const sec = (performance.now() - t0) / 1000;
    const jobs = (await queueCounts(database.db)).done - jobs0;
    return { seconds: round(sec), jobsPerSec: round(jobs / sec), articlesPerSec: round(((await enriched()) - articles0) / sec) };
  } finally {
    await closeAnalysePool();
    await counter.end();
    await database.close();
  }
}

/**
 * `processes`: HTTP processes under load. One is the default: on this 2-core machine the other
 * core runs PostgreSQL and the load generator (one more run measures two processes).
 */
export async function benchApi({ articles = 100_000, loadSeconds = 10, processes = 1, log = (s: string) => console.error(s) } = {}): Promise<ApiBench> {
  const server = process.env.DATABASE_URL ? null : await startPostgres();
  const adminUrl = process.env.DATABASE_URL ?? server!.url;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const dbs = ['copydesk_bench_api', 'copydesk_bench_copy'];
  for (const d of dbs) {
    await admin.query(`DROP DATABASE IF EXISTS ${d} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${d}`);
    const database = await openDatabase({ databaseUrl: withDb(adminUrl, d), poolSize: 1 });
    await migrateDatabase(database);
    await database.close();
  }
  const apiUrl = withDb(adminUrl, dbs[0]!);
  // under load the server connects the way a same-host deployment should: over the Unix socket
  const loadUrl = server ? withDb(server.socketUrl, dbs[0]!) : apiUrl;
  const copyUrl = withDb(adminUrl, dbs[1]!);
  let child: ChildProcess | null = null;
  const tmp = mkdtempSync(join(tmpdir(), 'copydesk-bench-'));
  try {
    log(`building a corpus of ${articles} articles...`);
    const corpus = buildApiCorpus(articles);
    log(`  ${corpus.dumps.length} dumps, ${(corpus.bytes / 1e6).toFixed(1)} MB`);

    let port = 40000 + Math.floor(Math.random() * 20000);
    child = await startServer(apiUrl, port);
    let url = `http://127.0.0.1:${port}/graphql`;

    log('importing through the API...');
    const t0 = performance.now();
    const failed = await importThroughApi(url, corpus.dumps, log);
    const importSec = (performance.now() - t0) / 1000;
    // the corpus is no longer needed: let it go before the load runs (a large live heap means long GC pauses here)
    const corpusDumps = corpus.dumps.length;
    corpus.dumps.length = 0;
    const probe = new pg.Client({ connectionString: apiUrl });
    await probe.connect();
    const articleRows = Number((await probe.query('select count(*) from articles')).rows[0].count);

    // the same rows by plain COPY into an empty schema
    log('COPY of the same rows...');
    const psql = (db: string, cmd: string) => execFileSync('psql', [db, '-v', 'ON_ERROR_STOP=1', '-q', '-c', cmd], { stdio: ['ignore', 'pipe', 'pipe'] });
    const cols: Record<string, string> = {};
    for (const t of TABLES) {
      const r = await probe.query(`select string_agg(quote_ident(column_name), ', ' order by ordinal_position) as c from information_schema.columns where table_name = $1 and is_generated = 'NEVER'`, [t]);
      cols[t] = r.rows[0].c;
      psql(apiUrl, `\\copy ${t} (${cols[t]}) to '${join(tmp, t)}.copy'`);
    }
    const c0 = performance.now();
    for (const t of TABLES) psql(copyUrl, `\\copy ${t} (${cols[t]}) from '${join(tmp, t)}.copy'`);
    const copySec = (performance.now() - c0) / 1000;
    await probe.end();

    // enrichment: the queue's workers in this process, 1 then 2 jobs at once, for a bounded time each
    log('enrichment (1 worker, then 2 workers, 15 s each)...');
    const enrichment = { workers1: await enrichmentRate(apiUrl, 1, 15), workers2: await enrichmentRate(apiUrl, 2, 15) };

    // load: Q1 over 1,000 different articles, Q2 over the first 50 pages
    const ids: string[] = [];
    let after: string | null = null;
    while (ids.length < 1000) {
      const page: any = await gqlRetry(url, port, `query($after: String) { articles(first: 100, after: $after, filter: { role: MAIN }) { pageInfo { hasNextPage endCursor } edges { node { id } } } }`, { after });
      ids.push(...page.articles.edges.map((e: any) => e.node.id));
      if (!page.articles.pageInfo.hasNextPage) break;
      after = page.articles.pageInfo.endCursor;
    }
    const q1Bodies = ids.map((id) => JSON.stringify({ query: Q1_QUERY, variables: { id } }));
    const q2Bodies: string[] = [];
    after = null;
    for (let p = 0; p < 50; p++) {
      q2Bodies.push(JSON.stringify({ query: Q2_QUERY, variables: { after } }));
      const page: any = await gqlRetry(url, port, `query($after: String) { articles(first: 20, after: $after) { pageInfo { endCursor hasNextPage } } }`, { after });
      if (!page.articles.pageInfo.hasNextPage) break;
      after = page.articles.pageInfo.endCursor;
    }
    const q1File = join(tmp, 'q1.json');
    const q2File = join(tmp, 'q2.json');
    writeFileSync(q1File, JSON.stringify(q1Bodies));
    writeFileSync(q2File, JSON.stringify(q2Bodies));
    child.kill('SIGTERM');
    await new Promise((r) => child!.once('exit', r));
    const runLoad = async (label: string, env: Record<string, string>, databaseUrl = loadUrl, httpProcesses = processes) => {
      child = await startServer(databaseUrl, ++port, { COPYDESK_HTTP_PROCESSES: String(httpProcesses), ...env });
      url = `http://127.0.0.1:${port}/graphql`;
      for (const b of [q1Bodies[0]!, q2Bodies[0]!]) await gql(url, JSON.parse(b).query, JSON.parse(b).variables);
      // a fresh server's first seconds run unoptimised code: warm both queries up, unmeasured
      await load(url, q1File, WARMUP_SECONDS);
      await load(url, q2File, WARMUP_SECONDS);
      log(`load (${label}, ${httpProcesses} processes): Q1 for ${loadSeconds} s...`);
      const a = await load(url, q1File, loadSeconds);
      log(`load (${label}): Q2 for ${loadSeconds} s...`);
      const b = await load(url, q2File, loadSeconds);
      child.kill('SIGTERM');
      await new Promise((r) => child!.once('exit', r));
      return [a, b] as const;
    };
    const [q1, q2] = await runLoad('compiled reads, response cache on', {});
    const [q1Uncached, q2Uncached] = await runLoad('compiled reads, response cache off', { COPYDESK_RESPONSE_CACHE_TTL_MS: '0' });
    const [q1General, q2General] = await runLoad('general executor, response cache off', { COPYDESK_RESPONSE_CACHE_TTL_MS: '0', COPYDESK_COMPILED_READS: 'false' });
    const [q1Tcp, q2Tcp] = loadUrl !== apiUrl ? await runLoad('compiled reads, response cache off, TCP', { COPYDESK_RESPONSE_CACHE_TTL_MS: '0' }, apiUrl) : [null, null];
    const otherProcesses = processes === 1 ? 2 : 1;
    const [q1OtherProcesses, q2OtherProcesses] = await runLoad('compiled reads, response cache off', { COPYDESK_RESPONSE_CACHE_TTL_MS: '0' }, loadUrl, otherProcesses);
    child = null;
    const row = (name: string, l: Load | null) => (l ? `  ${name.padEnd(44)} ${String(l.reqPerSec).padStart(6)} req/s   p50 ${l.p50Ms} ms   p99 ${l.p99Ms} ms${l.errors || l.non2xx ? `   errors ${l.errors} non-2xx ${l.non2xx}` : ''}` : '');
    log(
      [
        `load: 8 connections, ${loadSeconds} s each, ${processes} HTTP process(es) unless said, PostgreSQL over ${loadUrl !== apiUrl ? 'its Unix socket' : 'TCP'}`,
        row('Q1 compiled, cache on', q1),
        row('Q1 compiled, cache off', q1Uncached),
        row('Q1 general executor, cache off', q1General),
        row('Q1 compiled, cache off, TCP loopback', q1Tcp),
        row(`Q1 compiled, cache off, ${otherProcesses} HTTP processes`, q1OtherProcesses),
        row('Q2 compiled, cache on', q2),
        row('Q2 compiled, cache off', q2Uncached),
        row('Q2 general executor, cache off', q2General),
        row('Q2 compiled, cache off, TCP loopback', q2Tcp),
        row(`Q2 compiled, cache off, ${otherProcesses} HTTP processes`, q2OtherProcesses),
        `  compiled vs general executor (cache off): Q1 ${round(q1Uncached.reqPerSec / q1General.reqPerSec)}x, Q2 ${round(q2Uncached.reqPerSec / q2General.reqPerSec)}x`,
      ]
        .filter(Boolean)
        .join('\n'),
    );

    return {
      corpus: { dumps: corpusDumps, articlesDerived: corpus.articles, mb: Math.round(corpus.bytes / 1e5) / 10 },
      import: {
        seconds: round(importSec),
        dumpsPerSec: Math.round(corpusDumps / importSec),
        articlesPerSec: Math.round(corpus.articles / importSec),
        articleRows,
        failed,
      },
      copy: { seconds: round(copySec), articlesPerSec: Math.round(corpus.articles / copySec), rows: articleRows },
      importVsCopy: round(copySec / importSec),
      enrichment,
      processes,
      loadConnection: loadUrl !== apiUrl ? 'unix socket' : 'tcp',
      q1,
      q2,
      q1Uncached,
      q2Uncached,
      q1General,
      q2General,
      q1Tcp,
      q2Tcp,
      otherProcesses,
      q1OtherProcesses,
      q2OtherProcesses,
    };
  } finally {
    child?.kill('SIGTERM');
    rmSync(tmp, { recursive: true, force: true });
    for (const d of dbs) await admin.query(`DROP DATABASE IF EXISTS ${d} WITH (FORCE)`).catch(() => {});
    await admin.end();
    await server?.stop();
  }
}

/** Imports `dumps` through the API of the server at `url` (importDumps, batches of 50, 4 requests in flight); returns how many failed. */
export async function importThroughApi(url: string, dumps: { text: string; filename: string }[], log: (s: string) => void): Promise<number> {
  const batches: (typeof dumps)[] = [];
  for (let i = 0; i < dumps.length; i += 50) batches.push(dumps.slice(i, i + 50));
  let failed = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < batches.length) {
        const b = batches[next++]!;
        const d = await gql(url, `mutation($inputs: [ImportDumpInput!]!) { importDumps(inputs: $inputs) { ... on ImportBatchResult { failed } } }`, { inputs: b });
        failed += d.importDumps.failed;
        if (next % 100 === 0) log(`  ${next}/${batches.length} batches`);
      }
    }),
  );
  return failed;
}

/** a query against a server that may be restarting: wait for it */
export async function gqlRetry(url: string, _port: number, query: string, variables: Record<string, unknown>) {
  for (let i = 0; ; i++) {
    try {
      return await gql(url, query, variables);
    } catch (e) {
      if (i > 50) throw e;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

const round = (x: number) => Math.round(x * 100) / 100;
