/**
 * API benchmarks on a real PostgreSQL, side by side in one run:
 * - import through the API (importDumps over HTTP to a copydesk server process) vs a plain COPY
 *   of the same rows into an empty copy of the schema;
 * - enrichment (topics, SAME_STORY, TOPICAL) throughput of one queue worker;
 * - load on loopback with autocannon (8 connections, bounded in time): Q1 one article with its
 *   topics and the headlines of its related articles; Q2 a page of 20 articles with bodies and topics.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { openDatabase } from '../../server/src/db/client.ts';
import { migrateDatabase } from '../../server/src/db/migrate.ts';
import { runQueuedJobs } from '../../server/src/enrich/queue.ts';
import { startPostgres } from '../helpers/postgres.ts';
import { REPO_ROOT } from '../helpers/paths.ts';
import { buildApiCorpus } from './corpus.ts';

const TOKEN = 'bench-editor-token-0123456789';

export interface ApiBench {
  corpus: { dumps: number; articlesDerived: number; mb: number };
  import: { seconds: number; dumpsPerSec: number; articlesPerSec: number; articleRows: number; failed: number };
  copy: { seconds: number; articlesPerSec: number; rows: number };
  importVsCopy: number;
  enrichment: { seconds: number; jobsPerSec: number; articlesPerSec: number };
  q1: Load;
  q2: Load;
}

export interface Load {
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

function withDb(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function startServer(databaseUrl: string, port: number): Promise<ChildProcess> {
  const child = spawn(join(REPO_ROOT, 'node_modules/.bin/tsx'), [join(REPO_ROOT, 'server/src/main.ts')], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      COPYDESK_WORKERS: '0',
      COPYDESK_SEED_SAMPLES: 'false',
      COPYDESK_EDITOR_TOKEN: TOKEN,
      NODE_ENV: 'production',
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

async function gql(url: string, query: string, variables: Record<string, unknown> = {}) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: JSON.stringify({ query, variables }) });
  const json = (await res.json()) as { data?: any; errors?: { message: string }[] };
  if (json.errors?.length) throw new Error(json.errors[0]!.message);
  return json.data;
}

function load(url: string, body: string, seconds: number): Promise<Load> {
  return new Promise((ok, fail) => {
    autocannon(
      { url, method: 'POST', connections: 8, duration: seconds, headers: { 'content-type': 'application/json' }, body },
      (err, r) => {
        if (err) return fail(err);
        ok({ reqPerSec: Math.round(r.requests.average), p50Ms: r.latency.p50, p99Ms: r.latency.p99, errors: r.errors, non2xx: r.non2xx });
      },
    );
  });
}

const TABLES = ['dumps', 'segmentation_revisions', 'sources', 'articles', 'appearances', 'story_edges', 'jobs'];

export async function benchApi({ articles = 100_000, loadSeconds = 10, log = (s: string) => console.error(s) } = {}): Promise<ApiBench> {
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
  const copyUrl = withDb(adminUrl, dbs[1]!);
  let child: ChildProcess | null = null;
  const tmp = mkdtempSync(join(tmpdir(), 'copydesk-bench-'));
  try {
    log(`building a corpus of ${articles} articles...`);
    const corpus = buildApiCorpus(articles);
    log(`  ${corpus.dumps.length} dumps, ${(corpus.bytes / 1e6).toFixed(1)} MB`);

    const port = 40000 + Math.floor(Math.random() * 20000);
    child = await startServer(apiUrl, port);
    const url = `http://127.0.0.1:${port}/graphql`;

    // import through the API: batches of 50 dumps, 4 requests in flight
    log('importing through the API...');
    const batches: (typeof corpus.dumps)[] = [];
    for (let i = 0; i < corpus.dumps.length; i += 50) batches.push(corpus.dumps.slice(i, i + 50));
    let failed = 0;
    let next = 0;
    const t0 = performance.now();
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
    const importSec = (performance.now() - t0) / 1000;
    const probe = new pg.Client({ connectionString: apiUrl });
    await probe.connect();
    const articleRows = Number((await probe.query('select count(*) from articles')).rows[0].count);
    const appearanceRows = Number((await probe.query('select count(*) from appearances')).rows[0].count);

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

    // enrichment: one worker in this process, for a bounded time
    log('enrichment (one worker, 20 s)...');
    const database = await openDatabase({ databaseUrl: apiUrl, poolSize: 2 });
    const e0 = performance.now();
    let jobs = 0;
    while (performance.now() - e0 < 20_000) jobs += await runQueuedJobs(database.db, { max: 20 });
    const enrichSec = (performance.now() - e0) / 1000;
    await database.close();

    // load
    const some = await gql(url, `{ articles(first: 1, filter: { role: MAIN }) { edges { node { id } } } }`);
    const id = some.articles.edges[0].node.id;
    const Q1 = JSON.stringify({ query: `query($id: ID!) { article(id: $id) { headline byline published body topics { weight topic { name } } related(first: 10) { edges { node { kind weight to { headline } } } } } }`, variables: { id } });
    const Q2 = JSON.stringify({ query: `{ articles(first: 20) { edges { node { id headline byline published body source { name } topics { weight topic { name } } } } } }` });
    for (const q of [Q1, Q2]) await gql(url, JSON.parse(q).query, JSON.parse(q).variables);
    log(`load: Q1 for ${loadSeconds} s...`);
    const q1 = await load(url, Q1, loadSeconds);
    log(`load: Q2 for ${loadSeconds} s...`);
    const q2 = await load(url, Q2, loadSeconds);

    const appearancesPerArticle = appearanceRows / Math.max(1, corpus.articles);
    return {
      corpus: { dumps: corpus.dumps.length, articlesDerived: corpus.articles, mb: Math.round(corpus.bytes / 1e5) / 10 },
      import: {
        seconds: round(importSec),
        dumpsPerSec: Math.round(corpus.dumps.length / importSec),
        articlesPerSec: Math.round(corpus.articles / importSec),
        articleRows,
        failed,
      },
      copy: { seconds: round(copySec), articlesPerSec: Math.round((corpus.articles / copySec) * Math.min(1, appearancesPerArticle)), rows: articleRows },
      importVsCopy: round(copySec / importSec),
      enrichment: { seconds: round(enrichSec), jobsPerSec: round(jobs / enrichSec), articlesPerSec: round((jobs * (corpus.articles / corpus.dumps.length)) / enrichSec) },
      q1,
      q2,
    };
  } finally {
    child?.kill('SIGTERM');
    rmSync(tmp, { recursive: true, force: true });
    for (const d of dbs) await admin.query(`DROP DATABASE IF EXISTS ${d} WITH (FORCE)`).catch(() => {});
    await admin.end();
    await server?.stop();
  }
}

const round = (x: number) => Math.round(x * 100) / 100;
