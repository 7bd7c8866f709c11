/**
 * The soak: a copydesk server on PostgreSQL, on loopback only, under `seconds` (60) of mixed work
 * from `clients` (8) clients (anonymous reads, imports that share related stories, editors' saves
 * that drop and restore them), plus one hostile request every `hostileEverySeconds` (3), each kind
 * of issue 9 in turn. Bounded: every request has a time limit, the load stops at `seconds`, the
 * queue gets at most 60 s to drain. Reports requests, error rate, p50/p99 of the reads, the
 * longest `{ __typename }` answer (a liveness probe every 250 ms), the peak RSS of the server, what
 * each hostile request got, and a row audit afterwards (all 0 when nothing went wrong).
 */
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import pg from 'pg';
import { openDatabase } from '@copydesk/server/db/client.ts';
import { migrateDatabase } from '@copydesk/server/db/migrate.ts';
import { flatDump, relatedBlock } from '../helpers/dumps.ts';
import { freePort, startPostgres } from '../helpers/postgres.ts';
import { startServer, TOKEN, withDb } from './api.ts';
import { rng } from './rng.ts';

export interface SoakOptions {
  seconds?: number;
  clients?: number;
  hostileEverySeconds?: number;
  log?: (s: string) => void;
}

export interface HostileOutcome {
  kind: string;
  /** HTTP status, or 0 when the request failed or hit its time limit */
  status: number;
  /** the first error's code, the first field's __typename, or what failed */
  answer: string;
  ms: number;
}

export interface SoakResult {
  seconds: number;
  clients: number;
  requests: { total: number; reads: number; imports: number; saves: number; refused: number; errors: number; errorRate: number };
  readsMs: { p50: number; p99: number; max: number };
  /** `{ __typename }` every 250 ms: the slowest answer and how many took over 1 s (or none came in 5 s) */
  liveness: { probes: number; maxMs: number; over1s: number };
  serverPeakRssMb: number;
  hostile: HostileOutcome[];
  audit: Audit;
  /** jobs still queued or running when the drain wait (60 s at most) ended */
  jobsLeft: number;
  firstErrors: string[];
}

export interface Audit {
  duplicateHashes: number;
  duplicateFingerprints: number;
  duplicateEdges: number;
  duplicateAppearances: number;
  orphanArticles: number;
  /** dumps whose current revision or appearances are missing */
  partialDumps: number;
  stuckJobs: number;
}

const AUDIT: Record<keyof Audit, string> = {
  duplicateHashes: `select count(*) from (select content_hash from dumps group by 1 having count(*) > 1) x`,
  duplicateFingerprints: `select count(*) from (select fingerprint from articles group by 1 having count(*) > 1) x`,
  duplicateEdges: `select count(*) from (select from_article_id, to_article_id, kind from story_edges group by 1, 2, 3 having count(*) > 1) x`,
  duplicateAppearances: `select count(*) from (select dump_id, position from appearances group by 1, 2 having count(*) > 1) x`,
  orphanArticles: `select count(*) from articles a where not exists (select 1 from appearances p where p.article_id = a.id)`,
  partialDumps: `select count(*) from dumps d where not exists (select 1 from segmentation_revisions r where r.dump_id = d.id and r.number = d.current_revision)
                   or (not exists (select 1 from appearances p where p.dump_id = d.id) and exists (select 1 from segmentation_revisions r where r.dump_id = d.id and r.number = d.current_revision and jsonb_path_exists(r.segments, '$[*] ? (@.kind == "main" || @.kind == "related")')))`,
  // pg-boss takes back a job active past its 120 s expiry: one still active after 3 minutes is stuck
  stuckJobs: `select count(*) from pgboss.job where state = 'active' and started_on < now() - interval '3 minutes'`,
};

const WORDS = 'harbour ferry council tram depot bridge river union strike budget mayor school library rail freight port storm flood market museum hospital court police election vote'.split(' ');

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0);
const round = (n: number) => Math.round(n * 10) / 10;

/** the server process's peak resident set (VmHWM), in MB; 0 where /proc is not there */
function peakRssMb(pid: number | undefined): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

/** a zip of one stored entry whose headers declare 100 bytes while it holds `bytes` */
function lyingZip(bytes: number): Uint8Array {
  const text = `\nZip headline that lies about its size\n${'A body line of the zip that lies. '.repeat(Math.ceil(bytes / 34))}\n`;
  const zip = zipSync({ 'liar.txt': [new TextEncoder().encode(text), { level: 0 }] });
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  // local file header: uncompressed size at 22; central directory header (0x02014b50): at 24
  if (view.getUint32(0, true) === 0x04034b50) view.setUint32(22, 100, true);
  for (let i = zip.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) === 0x02014b50) {
      view.setUint32(i + 24, 100, true);
      break;
    }
  }
  return zip;
}

export async function benchSoak({ seconds = 60, clients = 8, hostileEverySeconds = 3, log = (s: string) => console.error(s) }: SoakOptions = {}): Promise<SoakResult> {
  const pgServer = process.env.DATABASE_URL ? null : await startPostgres();
  const adminUrl = process.env.DATABASE_URL ?? pgServer!.url;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const dbName = 'copydesk_bench_soak';
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${dbName}`);
  const dbUrl = withDb(adminUrl, dbName);
  const database = await openDatabase({ databaseUrl: dbUrl, poolSize: 1 });
  await migrateDatabase(database);
  await database.close();
  let child: ChildProcess | null = null;
  const probeDb = new pg.Client({ connectionString: dbUrl });
  try {
    const port = await freePort();
    // loopback only, with its enrichment worker (the audit counts stuck jobs)
    child = await startServer(dbUrl, port, { COPYDESK_WORKERS: '1' });
    const url = `http://127.0.0.1:${port}/graphql`;
    const r = rng(9);
    const word = () => WORDS[Math.floor(r() * WORDS.length)]!;
    const sentence = (n: number) => Array.from({ length: n }, word).join(' ');
    /** related stories shared by many dumps: imports and saves touch the same article rows */
    const shared = Array.from({ length: 24 }, (_, i) => relatedBlock('Harbour Times', `${1 + (i % 9)} hours ago`, `Shared story ${i}: ${sentence(5)}`, `${sentence(18)} officials said on story ${i}.`));
    let dumpSerial = 0;
    const newDump = () => {
      const n = dumpSerial++;
      const related = Array.from({ length: 3 }, () => shared[Math.floor(r() * shared.length)]!).join('');
      return { text: flatDump(`Main story ${n}: ${sentence(6)}`, `${sentence(25)} on day ${n}.\n${sentence(20)}.`, related), filename: `soak_${n}.txt` };
    };

    const post = async (body: string, { token = true, timeoutMs = 20_000, headers = {} as Record<string, string> } = {}) => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${TOKEN}` } : {}), ...headers },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await res.text();
      let json: { data?: any; errors?: { message: string; extensions?: { code?: string } }[] } = {};
      try {
        json = JSON.parse(text);
      } catch {
        json = { errors: [{ message: `not JSON: ${text.slice(0, 80)}` }] };
      }
      return { status: res.status, json };
    };
    const gql = (query: string, variables: Record<string, unknown> = {}, opts: Parameters<typeof post>[1] = {}) => post(JSON.stringify({ query, variables }), opts);

    log('soak: seeding 40 dumps...');
    const IMPORT = `mutation($input: ImportDumpInput!) { importDump(input: $input) { __typename ... on ImportDumpPayload { dump { id } } ... on Error { code } } }`;
    const dumpIds: string[] = [];
    for (let i = 0; i < 40; i++) {
      const a = await gql(IMPORT, { input: newDump() });
      if (a.json.data?.importDump?.dump?.id) dumpIds.push(a.json.data.importDump.dump.id);
    }
    const realCursor: string = (await gql(`{ articles(first: 1) { edges { cursor } } }`)).json.data?.articles?.edges?.[0]?.cursor ?? 'x';
    // a dump long enough for a revision of 10,000 one-character segments
    const longDump = await gql(IMPORT, { input: { text: flatDump('A long dump for tiny segments', sentence(2500)), filename: 'long.txt' } });
    const longId: string | undefined = longDump.json.data?.importDump?.dump?.id;

    // the load
    const reads: number[] = [];
    const counts = { reads: 0, imports: 0, saves: 0, refused: 0, errors: 0 };
    const firstErrors: string[] = [];
    const fail = (what: string) => {
      counts.errors++;
      if (firstErrors.length < 10) firstErrors.push(what);
    };
    const READS = [
      () => [`{ articles(first: 20) { totalCount edges { node { id headline topics { topic { name } } } } } }`, {}],
      () => [`query($s: String!) { articles(first: 10, filter: { search: $s }, orderBy: RELEVANCE) { totalCount edges { node { id headline searchSnippet } } } }`, { s: `${word()} ${word()}` }],
      () => [`{ dumps(first: 10) { totalCount edges { node { id filename status } } } reviewCounts { total new inReview approved } enrichment { queued running done failed } }`, {}],
      () => [`query($id: ID!) { dump(id: $id) { id appearances { role article { id headline related(kinds: [LISTED, SAME_STORY, TOPICAL]) { __typename } } } } }`, { id: dumpIds[Math.floor(r() * dumpIds.length)] }],
      () => [`{ topics(first: 20) { totalCount edges { node { id name } } } }`, {}],
    ] as const;
    const deadline = performance.now() + seconds * 1000;
    const client = async () => {
      while (performance.now() < deadline) {
        const roll = r();
        try {
          if (roll < 0.7) {
            const [q, v] = READS[Math.floor(r() * READS.length)]!() as unknown as [string, Record<string, unknown>];
            const t0 = performance.now();
            const a = await gql(q, v, { token: false });
            reads.push(performance.now() - t0);
            counts.reads++;
            if (a.status !== 200 || a.json.errors) fail(`read ${a.status}: ${a.json.errors?.[0]?.message}`);
          } else if (roll < 0.9) {
            counts.imports++;
            const a = await gql(IMPORT, { input: newDump() });
            const id = a.json.data?.importDump?.dump?.id;
            if (id) dumpIds.push(id);
            else fail(`import ${a.status}: ${a.json.errors?.[0]?.message ?? a.json.data?.importDump?.code}`);
          } else {
            counts.saves++;
            const id = dumpIds[Math.floor(r() * dumpIds.length)];
            const cur = await gql(`query($id: ID!) { dump(id: $id) { currentRevision { number segments { kind start end fields { field start end } } } } }`, { id });
            const rev = cur.json.data?.dump?.currentRevision;
            if (!rev) {
              fail(`save read ${cur.status}: ${cur.json.errors?.[0]?.message}`);
              continue;
            }
            // drop one related story (relabel it boilerplate), or save as it is
            const related = rev.segments.filter((s: { kind: string }) => s.kind === 'related');
            const drop = related.length && r() < 0.7 ? related[Math.floor(r() * related.length)] : null;
            const segments = rev.segments.map((s: { kind: string }) => (s === drop ? { ...s, kind: 'boilerplate', fields: [] } : s));
            const a = await gql(`mutation($input: ReviseSegmentationInput!) { reviseSegmentation(input: $input) { __typename ... on Error { code } } }`, { input: { dumpId: id, baseRevision: rev.number, segments } });
            const type = a.json.data?.reviseSegmentation?.__typename;
            if (type === 'StaleRevisionError') counts.refused++;
            else if (type !== 'ReviseSegmentationPayload') fail(`save ${a.status}: ${a.json.errors?.[0]?.message ?? a.json.data?.reviseSegmentation?.code}`);
          }
        } catch (e) {
          fail(`${(e as Error).name}: ${(e as Error).message}`);
        }
      }
    };

    // hostile requests, one every few seconds, each kind in turn
    const b64 = (s: string) => Buffer.from(s).toString('base64');
    const forged = realCursor !== 'x' ? b64(Buffer.from(realCursor, 'base64').toString('utf8').replace(/\d+/g, 'x1')) : b64('id:abc');
    const upload = async (bytes: Uint8Array, name: string, token: boolean) => {
      const form = new FormData();
      form.set('operations', JSON.stringify({ query: `mutation($f: File!) { importDumpFile(file: $f) { __typename ... on Error { code } ... on ImportBatchResult { created failed } } }`, variables: { f: null } }));
      form.set('map', JSON.stringify({ 0: ['variables.f'] }));
      form.set('0', new File([bytes as Uint8Array<ArrayBuffer>], name));
      const res = await fetch(url, { method: 'POST', headers: { 'x-copydesk-csrf': '1', ...(token ? { authorization: `Bearer ${TOKEN}` } : {}) }, body: form, signal: AbortSignal.timeout(20_000) });
      const text = await res.text();
      try {
        return { status: res.status, json: JSON.parse(text) };
      } catch {
        return { status: res.status, json: { errors: [{ message: text.slice(0, 80) }] } };
      }
    };
    const pseudoWords = (n: number) => {
      const out: string[] = [];
      for (let i = 0; i < n; i++) out.push(`w${i.toString(36)}q`);
      return out.join(' ');
    };
    const HOSTILE: [string, () => Promise<{ status: number; json: any }>][] = [
      ['anonymous big upload (16 MB)', () => upload(new Uint8Array(16 * 1024 * 1024).fill(0x61), 'big.txt', false)],
      ['zip with a lying header (100 B declared, 2 MB held)', () => upload(lyingZip(2 * 1024 * 1024), 'liar.zip', true)],
      ['long search (8,000 words)', () => gql(`query($s: String!) { articles(first: 5, filter: { search: $s }, orderBy: RELEVANCE) { totalCount edges { node { id searchSnippet } } } }`, { s: 'zephyrine '.repeat(8000) }, { token: false })],
      ['cursor of another ordering', () => gql(`query($c: String!) { articles(first: 5, after: $c, orderBy: PUBLISHED_DESC) { edges { node { id } } } }`, { c: realCursor }, { token: false })],
      ['forged cursor (non-numeric value)', () => gql(`query($c: String!) { articles(first: 5, after: $c) { edges { node { id } } } }`, { c: forged }, { token: false })],
      ['NUL in a search', () => gql(`query($s: String!) { articles(first: 5, filter: { search: $s }) { totalCount } }`, { s: 'harbour\u0000ferry' }, { token: false })],
      ['deep variables (100k nesting)', () => post(`{"query":"query($v: String) { __typename }","variables":{"v":${'['.repeat(100_000)}${']'.repeat(100_000)}}}`, { token: false })],
      ['1,000 aliases of __typename', () => gql(`{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: __typename`).join(' ')} }`, {}, { token: false })],
      ['malformed and out-of-range node ids', () => gql(`query($a: ID!, $b: ID!) { a: node(id: $a) { id } b: node(id: $b) { id } }`, { a: 'RHVtcDp4', b: b64('Article:99999999999999') }, { token: false })],
      ['date out of PostgreSQL range', () => gql(IMPORT, { input: { text: flatDump(`Dated story ${sentence(4)}`, sentence(20)), fetchedAt: '0000-01-01T00:00:00Z' } })],
      ['120,000 distinct words', () => gql(IMPORT, { input: { text: `\nMany words\n${pseudoWords(120_000)}\n`, filename: 'words.txt' } }, { timeoutMs: 30_000 })],
      ['7,000 related blocks', () => gql(IMPORT, { input: { text: flatDump('Seven thousand related', sentence(20), Array.from({ length: 7000 }, (_, i) => relatedBlock('Wire', '1 hour ago', `R${i}`, `b${i}`)).join('')), filename: 'related.txt' } }, { timeoutMs: 30_000 })],
      ['revision of 10,000 one-character segments', async () => {
        const cur = await gql(`query($id: ID!) { dump(id: $id) { currentRevision { number } } }`, { id: longId });
        const segments = Array.from({ length: 10_000 }, (_, i) => ({ kind: 'residue', start: i, end: i + 1, fields: [] }));
        return gql(`mutation($input: ReviseSegmentationInput!) { reviseSegmentation(input: $input) { __typename ... on Error { code } } }`, { input: { dumpId: longId, baseRevision: cur.json.data?.dump?.currentRevision?.number ?? 1, segments } });
      }],
      ['LIKE wildcards in a topic search', () => gql(`{ topics(first: 5, search: "%") { totalCount } }`, {}, { token: false })],
      // last: on a server that enriches on its request thread it stalls everything after it
      ['huge single-line dump (900 KB)', () => gql(IMPORT, { input: { text: 'word '.repeat(180_000), filename: 'line.txt' } }, { timeoutMs: 30_000 })],
    ];
    const hostile: HostileOutcome[] = [];
    const hostileLoop = async () => {
      let k = 0;
      while (performance.now() < deadline) {
        const started = performance.now();
        const [kind, send] = HOSTILE[k++ % HOSTILE.length]!;
        try {
          const a = await send();
          const first = a.json?.data ? Object.values(a.json.data)[0] : null;
          const answer = a.json?.errors?.[0]?.extensions?.code ?? a.json?.errors?.[0]?.message?.slice(0, 60) ?? (first as { code?: string; __typename?: string } | null)?.code ?? (first as { __typename?: string } | null)?.__typename ?? 'data';
          hostile.push({ kind, status: a.status, answer: String(answer), ms: Math.round(performance.now() - started) });
        } catch (e) {
          hostile.push({ kind, status: 0, answer: `${(e as Error).name}: ${(e as Error).message.slice(0, 60)}`, ms: Math.round(performance.now() - started) });
        }
        log(`  hostile: ${JSON.stringify(hostile.at(-1))}`);
        const wait = hostileEverySeconds * 1000 - (performance.now() - started);
        if (wait > 0) await new Promise((ok) => setTimeout(ok, Math.min(wait, Math.max(0, deadline - performance.now()))));
      }
    };
    const liveness = { probes: 0, maxMs: 0, over1s: 0 };
    const probeLoop = async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        try {
          await post(`{"query":"{ __typename }"}`, { token: false, timeoutMs: 5000 });
        } catch {
          // no answer in 5 s: counted as 5 s
        }
        const ms = performance.now() - t0;
        liveness.probes++;
        liveness.maxMs = Math.max(liveness.maxMs, Math.round(ms));
        if (ms > 1000) liveness.over1s++;
        await new Promise((ok) => setTimeout(ok, 250));
      }
    };

    log(`soak: ${seconds} s, ${clients} clients, a hostile request every ${hostileEverySeconds} s...`);
    await Promise.all([...Array.from({ length: clients }, client), hostileLoop(), probeLoop()]);

    // let the queue drain (bounded), then audit the rows
    await probeDb.connect();
    const drainUntil = performance.now() + 60_000;
    let jobsLeft = 0;
    for (;;) {
      jobsLeft = Number((await probeDb.query(`select count(*) as n from pgboss.job where state in ('created', 'retry', 'active')`)).rows[0].n);
      if (!jobsLeft || performance.now() > drainUntil) break;
      await new Promise((ok) => setTimeout(ok, 1000));
    }
    const audit = {} as Audit;
    for (const [k, q] of Object.entries(AUDIT)) audit[k as keyof Audit] = Number((await probeDb.query(q)).rows[0].count);
    const sorted = reads.sort((a, b) => a - b);
    const total = counts.reads + counts.imports + counts.saves;
    return {
      seconds,
      clients,
      requests: { total, ...counts, errorRate: total ? round((1000 * counts.errors) / total) / 1000 : 0 },
      readsMs: { p50: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)), max: round(sorted.at(-1) ?? 0) },
      liveness,
      serverPeakRssMb: peakRssMb(child.pid),
      hostile,
      audit,
      jobsLeft,
      firstErrors,
    };
  } finally {
    await probeDb.end().catch(() => {});
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((ok) => {
        const t = setTimeout(() => (child!.kill('SIGKILL'), ok(null)), 10_000);
        child!.once('exit', () => (clearTimeout(t), ok(null)));
      });
    }
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => {});
    await admin.end();
    await pgServer?.stop();
  }
}
