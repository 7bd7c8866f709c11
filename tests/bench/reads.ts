/**
 * Reads side by side with PostGraphile v4 (defaults), over one PostgreSQL database in one run:
 * copydesk's executors (compiled reads, the general executor, graphql-jit on it, and both) and
 * PostGraphile answer equivalent queries, each server in its own process, response cache off.
 *   Q1 one article with its topics and the headlines of 10 related articles (story edges from it);
 *   Q2 a page of 20 articles with bodies, source and topics (the first 50 pages, in turn);
 *   Q3 one source's articles, newest first, 20 (the 20 largest sources, in turn);
 *   Q4 a full-text search page of 20, best match first (50 words of middling frequency, in turn).
 * For each query the servers take turns: a short unmeasured warm-up, then a measured run
 * (autocannon, 8 connections, from a process of its own). Knobs (environment):
 *   COPYDESK_BENCH_READS_ARTICLES (default 5000)    articles imported through the API
 *   COPYDESK_BENCH_READS_SECONDS (4), COPYDESK_BENCH_READS_WARMUP (2), COPYDESK_BENCH_READS_ROUNDS (1)
 *   COPYDESK_BENCH_READS_ENRICH_SECONDS (20)        enrichment (topics, story edges) before the load
 *   COPYDESK_BENCH_READS_SERVERS                    a comma list of SERVERS' names (all by default)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../../server/src/db/client.ts';
import { migrateDatabase } from '../../server/src/db/migrate.ts';
import { freePort, startPostgres } from '../helpers/postgres.ts';
import { REPO_ROOT } from '../helpers/paths.ts';
import { enrichmentRate, gql, importThroughApi, load, Q1_QUERY, Q2_QUERY, startServer, withDb, type Load } from './api.ts';
import { buildApiCorpus } from './corpus.ts';

const Q3_QUERY = `query($sourceId: ID!) { articles(first: 20, filter: { sourceId: $sourceId }, orderBy: PUBLISHED_DESC) { edges { node { id headline published publishedAt source { name } } } pageInfo { endCursor hasNextPage } } }`;
const Q4_QUERY = `query($q: String!) { articles(first: 20, filter: { search: $q }) { edges { node { id headline published source { name } } } pageInfo { endCursor hasNextPage } } }`;

/** PostGraphile's equivalents, in its default naming (tables, foreign keys, orderBy enums) */
const PG_QUERIES = {
  q1: `query($id: Int!) { articleById(id: $id) { headline byline published body articleTopicsByArticleId(orderBy: [WEIGHT_DESC, TOPIC_ID_ASC]) { nodes { weight topicByTopicId { name } } } storyEdgesByFromArticleId(first: 10, orderBy: [WEIGHT_DESC, ID_ASC]) { edges { node { kind weight articleByToArticleId { headline } } } } } }`,
  q2: `query($after: Cursor) { allArticles(first: 20, after: $after, orderBy: ID_ASC) { edges { node { id headline byline published body sourceBySourceId { name } articleTopicsByArticleId(orderBy: [WEIGHT_DESC, TOPIC_ID_ASC]) { nodes { weight topicByTopicId { name } } } } } pageInfo { endCursor } } }`,
  q3: `query($sourceId: Int!) { allArticles(first: 20, condition: { sourceId: $sourceId }, orderBy: [PUBLISHED_AT_DESC, ID_DESC]) { edges { node { id headline published publishedAt sourceBySourceId { name } } } pageInfo { endCursor hasNextPage } } }`,
  q4: `query($q: String!) { searchArticles(q: $q, first: 20) { edges { node { id headline published sourceBySourceId { name } } } pageInfo { endCursor hasNextPage } } }`,
};

/** PostGraphile has no full-text filter of its own: a set-returning function is its way (ranked as copydesk ranks) */
const PG_SEARCH_SCHEMA = 'bench_postgraphile';
const PG_SEARCH_FUNCTION = `
  create schema if not exists ${PG_SEARCH_SCHEMA};
  create or replace function ${PG_SEARCH_SCHEMA}.search_articles(q text) returns setof public.articles language sql stable as $$
    select a.* from public.articles a where a.search @@ websearch_to_tsquery('english', q)
    order by ts_rank_cd(a.search, websearch_to_tsquery('english', q))::real desc, a.id
  $$;`;

/** the servers compared: copydesk with each executor (response cache off), and PostGraphile */
const SERVERS = {
  compiled: { label: 'copydesk, compiled reads', env: {} },
  general: { label: 'copydesk, general executor', env: { COPYDESK_COMPILED_READS: 'false' } },
  jit: { label: 'copydesk, general + graphql-jit', env: { COPYDESK_COMPILED_READS: 'false', COPYDESK_GRAPHQL_JIT: 'true' } },
  compiledJit: { label: 'copydesk, compiled + graphql-jit', env: { COPYDESK_GRAPHQL_JIT: 'true' } },
  postgraphile: { label: 'PostGraphile v4 (defaults)', env: null },
} as const;
type ServerName = keyof typeof SERVERS;
const QUERIES = ['q1', 'q2', 'q3', 'q4'] as const;
type QueryName = (typeof QUERIES)[number];
const QUERY_LABELS: Record<QueryName, string> = {
  q1: 'Q1 article + topics + 10 related',
  q2: 'Q2 page of 20, bodies, source, topics',
  q3: "Q3 one source's 20 newest",
  q4: 'Q4 full-text search page of 20',
};

export interface ReadsBench {
  articles: number;
  enrichedArticles: number;
  seconds: number;
  rounds: number;
  /** per query, per server: each round's figures */
  load: Record<QueryName, Partial<Record<ServerName, Load[]>>>;
  /** per query, per copydesk server: best round's req/s over PostGraphile's best round */
  ratio: Record<QueryName, Partial<Record<ServerName, number>>>;
}

const envNumber = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);

/** Pothos's global id (base64 of `Type:id`), to ask copydesk for the rows PostGraphile is asked for by key */
const globalId = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');

/** PostGraphile v4 in a process of its own; resolves once it answers */
async function startPostgraphile(databaseUrl: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'tests/bench/postgraphile-server.ts'), databaseUrl, String(port), `public,${PG_SEARCH_SCHEMA}`], {
    cwd: REPO_ROOT,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error('postgraphile did not start in 60 s')), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('postgraphile is running')) {
        clearTimeout(timer);
        ok();
      }
    });
    child.once('exit', (code) => fail(new Error(`postgraphile exited with ${code}`)));
  });
  return child;
}

/** the number of rows a response carries (edges, nodes, topics), to check that both sides answer alike */
function rowsIn(data: unknown): number {
  if (Array.isArray(data)) return data.length + data.reduce((n: number, x) => n + rowsIn(x), 0);
  if (data && typeof data === 'object') return Object.values(data).reduce((n: number, x) => n + rowsIn(x), 0);
  return 0;
}

export async function benchReads({ log = (s: string) => console.error(s) } = {}): Promise<ReadsBench> {
  const articles = envNumber('COPYDESK_BENCH_READS_ARTICLES', 5_000);
  const seconds = envNumber('COPYDESK_BENCH_READS_SECONDS', 4);
  const warmup = envNumber('COPYDESK_BENCH_READS_WARMUP', 2);
  const rounds = envNumber('COPYDESK_BENCH_READS_ROUNDS', 1);
  const enrichSeconds = envNumber('COPYDESK_BENCH_READS_ENRICH_SECONDS', 20);
  const names = (process.env.COPYDESK_BENCH_READS_SERVERS?.split(',') ?? Object.keys(SERVERS)) as ServerName[];
  for (const n of names) if (!(n in SERVERS)) throw new Error(`COPYDESK_BENCH_READS_SERVERS: no server ${n} (${Object.keys(SERVERS).join(', ')})`);

  const server = process.env.DATABASE_URL ? null : await startPostgres();
  const adminUrl = process.env.DATABASE_URL ?? server!.url;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const dbName = 'copydesk_bench_reads';
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = withDb(adminUrl, dbName);
  const loadUrl = server ? withDb(server.socketUrl, dbName) : url;
  const children: ChildProcess[] = [];
  const tmp = mkdtempSync(join(tmpdir(), 'copydesk-bench-reads-'));
  const probe = new pg.Client({ connectionString: url });
  try {
    const database = await openDatabase({ databaseUrl: url, poolSize: 1 });
    await migrateDatabase(database);
    await database.close();

    const t0 = performance.now();
    const since = () => `${Math.round((performance.now() - t0) / 1000)} s`;
    log(`reads: importing ${articles} articles through the API...`);
    const corpus = buildApiCorpus(articles);
    const importPort = await freePort();
    const writer = await startServer(url, importPort);
    children.push(writer);
    const failed = await importThroughApi(`http://127.0.0.1:${importPort}/graphql`, corpus.dumps, log);
    if (failed) log(`  ${failed} dumps failed to import`);
    corpus.dumps.length = 0;
    writer.kill('SIGTERM');
    await new Promise((r) => writer.once('exit', r));
    log(`reads: enrichment (2 workers, ${enrichSeconds} s; ${since()})...`);
    await enrichmentRate(url, 2, enrichSeconds);

    await probe.connect();
    await probe.query(PG_SEARCH_FUNCTION);
    await probe.query('analyze');
    const count = async (q: string) => Number((await probe.query(q)).rows[0].n);
    const totalArticles = await count('select count(*)::int as n from articles');
    const enrichedArticles = await count('select count(*)::int as n from articles where enriched_at is not null');
    // Q1: articles with topics and edges (enriched), Q3: the largest sources, Q4: words in 20 to 2,000 articles
    const q1Ids = (await probe.query(`select a.id from articles a where exists (select 1 from story_edges e where e.from_article_id = a.id) order by a.enriched_at is null, a.id limit 1000`)).rows.map((r) => Number(r.id));
    const sourceIds = (await probe.query(`select source_id as id from articles where source_id is not null group by source_id order by count(*) desc, source_id limit 20`)).rows.map((r) => Number(r.id));
    const words = (await probe.query(`select word from ts_stat('select search from articles') where ndoc between 20 and 2000 and length(word) >= 5 order by word limit 50`)).rows.map((r) => String(r.word));
    log(`  ${totalArticles} articles (${enrichedArticles} enriched), ${q1Ids.length} for Q1, ${sourceIds.length} sources, ${words.length} search words`);

    // every server over the socket (a same-host deployment), all started at once, loaded in turn
    const ports = {} as Record<ServerName, number>;
    for (const n of names) ports[n] = await freePort();
    await Promise.all(
      names.map(async (n) => {
        const spec = SERVERS[n];
        children.push(spec.env ? await startServer(loadUrl, ports[n], { COPYDESK_RESPONSE_CACHE_TTL_MS: '0', ...spec.env }) : await startPostgraphile(loadUrl, ports[n]));
      }),
    );
    log(`reads: ${names.length} servers up (${since()})`);
    const endpoint = (n: ServerName) => `http://127.0.0.1:${ports[n]}/graphql`;

    // the request bodies, the same rows for every server; Q2's cursors come from each side's own pages
    const bodies = {} as Record<QueryName, Record<'copydesk' | 'postgraphile', { query: string; variables: Record<string, unknown> }[]>>;
    bodies.q1 = {
      copydesk: q1Ids.map((id) => ({ query: Q1_QUERY, variables: { id: globalId('Article', id) } })),
      postgraphile: q1Ids.map((id) => ({ query: PG_QUERIES.q1, variables: { id } })),
    };
    bodies.q3 = {
      copydesk: sourceIds.map((id) => ({ query: Q3_QUERY, variables: { sourceId: globalId('Source', id) } })),
      postgraphile: sourceIds.map((id) => ({ query: PG_QUERIES.q3, variables: { sourceId: id } })),
    };
    bodies.q4 = {
      copydesk: words.map((q) => ({ query: Q4_QUERY, variables: { q } })),
      postgraphile: words.map((q) => ({ query: PG_QUERIES.q4, variables: { q } })),
    };
    const pages = async (side: 'copydesk' | 'postgraphile', query: string, endpointUrl: string) => {
      const out: { query: string; variables: Record<string, unknown> }[] = [];
      let after: string | null = null;
      for (let p = 0; p < 50; p++) {
        out.push({ query, variables: { after } });
        const data: any = await gql(endpointUrl, query, { after });
        const conn = side === 'copydesk' ? data.articles : data.allArticles;
        after = conn.pageInfo.endCursor;
        if (!after) break;
      }
      return out;
    };
    const copydeskServer = names.find((n) => n !== 'postgraphile');
    bodies.q2 = {
      copydesk: copydeskServer ? await pages('copydesk', Q2_QUERY, endpoint(copydeskServer)) : [],
      postgraphile: names.includes('postgraphile') ? await pages('postgraphile', PG_QUERIES.q2, endpoint('postgraphile')) : [],
    };
    const files = {} as Record<QueryName, Record<'copydesk' | 'postgraphile', string>>;
    for (const q of QUERIES) {
      files[q] = { copydesk: join(tmp, `${q}-copydesk.json`), postgraphile: join(tmp, `${q}-postgraphile.json`) };
      for (const side of ['copydesk', 'postgraphile'] as const) writeFileSync(files[q][side], JSON.stringify(bodies[q][side].map((b) => JSON.stringify(b))));
    }
    const sideOf = (n: ServerName) => (n === 'postgraphile' ? 'postgraphile' : 'copydesk');

    // every server answers the first bodies without errors, with as many rows as the others
    for (const q of QUERIES) {
      const sizes: string[] = [];
      for (const n of names) {
        let rows = 0;
        for (const b of bodies[q][sideOf(n)].slice(0, 5)) rows += rowsIn(await gql(endpoint(n), b.query, b.variables));
        sizes.push(`${n} ${rows}`);
      }
      if (new Set(sizes.map((s) => s.split(' ')[1])).size > 1) log(`  note: ${q} rows in the first 5 answers differ: ${sizes.join(', ')}`);
    }

    log(`reads: load (${since()})`);
    const loadOut = { q1: {}, q2: {}, q3: {}, q4: {} } as ReadsBench['load'];
    for (let round = 0; round < rounds; round++) {
      for (const q of QUERIES) {
        for (const n of names) {
          const file = files[q][sideOf(n)];
          if (warmup > 0) await load(endpoint(n), file, warmup);
          const l = await load(endpoint(n), file, seconds);
          (loadOut[q][n] ??= []).push(l);
          log(`  round ${round + 1} ${q} ${SERVERS[n].label}: ${l.reqPerSec} req/s, p99 ${l.p99Ms} ms${l.errors || l.non2xx ? `, errors ${l.errors} non-2xx ${l.non2xx}` : ''}`);
        }
      }
    }

    const best = (ls: Load[] | undefined) => (ls?.length ? ls.reduce((a, b) => (b.reqPerSec > a.reqPerSec ? b : a)) : null);
    const ratio = { q1: {}, q2: {}, q3: {}, q4: {} } as ReadsBench['ratio'];
    const lines = [`reads: ${totalArticles} articles, 8 connections, ${seconds} s runs after ${warmup} s warm-up, ${rounds} round(s), response cache off; best round; ratio = req/s over PostGraphile's`];
    const header = ['query'.padEnd(38), ...names.map((n) => SERVERS[n].label.padEnd(34))].join(' | ');
    lines.push(header);
    for (const q of QUERIES) {
      const ref = best(loadOut[q].postgraphile);
      const cells = names.map((n) => {
        const l = best(loadOut[q][n]);
        if (!l) return ''.padEnd(34);
        const r = ref && n !== 'postgraphile' ? Math.round((l.reqPerSec / ref.reqPerSec) * 100) / 100 : null;
        if (r !== null) ratio[q][n] = r;
        return `${l.reqPerSec} req/s p99 ${l.p99Ms} ms${r !== null ? ` (${r}x)` : ''}`.padEnd(34);
      });
      lines.push([QUERY_LABELS[q].padEnd(38), ...cells].join(' | '));
    }
    lines.push(`(${since()} in all)`);
    log(lines.join('\n'));
    return { articles: totalArticles, enrichedArticles, seconds, rounds, load: loadOut, ratio };
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await Promise.all(children.map((c) => (c.exitCode === null && c.signalCode === null ? new Promise((r) => c.once('exit', r)) : null)));
    await probe.end().catch(() => {});
    rmSync(tmp, { recursive: true, force: true });
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => {});
    await admin.end();
    await server?.stop();
  }
}
