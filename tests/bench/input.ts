/**
 * What checking input at the edge costs and buys, on the embedded database (PGlite, which cannot
 * cancel a statement, so input bounds are what keep it answering):
 * - the edge check (graphql/input.ts) per request, on a typical page read and a nested one;
 * - a hostile search (`"zephyrine " x 8000`) answered with a typed error, and the largest search
 *   accepted (32 terms) over the corpus, ranked and highlighted, both end to end in process.
 */
import { parse } from 'graphql';
import { openDatabase } from '@copydesk/server/db/client.ts';
import { migrateDatabase } from '@copydesk/server/db/migrate.ts';
import { checkOperationInput } from '@copydesk/server/graphql/input.ts';
import { schema } from '@copydesk/server/graphql/schema.ts';
import { DEFAULT_LIMITS } from '@copydesk/server/graphql/limits.ts';
import { createApp } from '@copydesk/server/yoga.ts';
import { buildApiCorpus } from './corpus.ts';

export interface InputBench {
  /** microseconds per edge check, median of 5 runs of 20,000 */
  checkMicros: { page: number; nested: number };
  articles: number;
  /** wall milliseconds, median of 5 requests */
  hostileSearchMs: number;
  widestSearchMs: number;
  widestSearchTotal: number;
}

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function perCheck(query: string, variables: Record<string, unknown>): number {
  const doc = parse(query);
  const runs: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    for (let i = 0; i < 20_000; i++) checkOperationInput(schema, doc, undefined, variables);
    runs.push(((performance.now() - t0) * 1000) / 20_000);
  }
  return Math.round(median(runs) * 100) / 100;
}

export async function benchInput({ articles = 2000, log = (s: string) => console.error(s) } = {}): Promise<InputBench> {
  const cursor = Buffer.from('articles.ID_ASC|DC:N:10').toString('base64');
  const checkMicros = {
    page: perCheck(`query($c: String) { articles(first: 20, after: $c) { edges { cursor node { id headline } } pageInfo { endCursor } } }`, { c: cursor }),
    nested: perCheck(
      `query($id: ID!, $s: String) { article(id: $id) { headline topics { topic { name } } related(first: 5, kinds: [SAME_STORY]) { edges { node { to { id headline } } } } } articles(first: 10, filter: { search: $s, publishedAfter: "2024-01-01T00:00:00Z" }) { edges { node { id searchSnippet } } } }`,
      { id: Buffer.from('Article:12').toString('base64'), s: 'harbour ferry' },
    ),
  };
  log(`edge check: ${JSON.stringify(checkMicros)} µs per request`);

  const database = await openDatabase({ dataDir: 'memory://' });
  await migrateDatabase(database);
  const token = 'bench-editor-token-0123456789';
  const app = createApp({ db: database.db, config: { maxDumpBytes: 5 * 1024 * 1024, editorToken: token, readRequiresToken: false, limits: DEFAULT_LIMITS, responseCacheTtlMs: 0, compiledReads: true } });
  const post = async (query: string, variables: Record<string, unknown>, auth = false) => {
    const res = await app.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] };
  };
  const corpus = buildApiCorpus(articles);
  for (const d of corpus.dumps) await post(`mutation($i: ImportDumpInput!) { importDump(input: $i) { __typename } }`, { i: d }, true);
  log(`imported ${corpus.dumps.length} dumps (${corpus.articles} articles) into PGlite`);

  const timed = async (s: string) => {
    const ms: number[] = [];
    let last: Awaited<ReturnType<typeof post>> | undefined;
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      last = await post(`query($s: String) { articles(first: 20, filter: { search: $s }) { totalCount edges { node { id searchSnippet } } } }`, { s });
      ms.push(performance.now() - t0);
    }
    return { ms: Math.round(median(ms) * 10) / 10, last: last! };
  };
  const hostile = await timed('zephyrine '.repeat(8000));
  if (hostile.last.errors?.[0]?.extensions?.code !== 'INVALID_INPUT') throw new Error(`hostile search was not refused: ${JSON.stringify(hostile.last).slice(0, 300)}`);
  // the corpus's 16 most frequent words joined with "or" (31 terms, inside the bound of 32): most
  // articles match, and every match is ranked
  const freq = new Map<string, number>();
  for (const d of corpus.dumps) for (const w of d.text.toLowerCase().match(/[a-z]{5,}/g) ?? []) freq.set(w, (freq.get(w) ?? 0) + 1);
  const words = [...freq].sort((a, b) => b[1] - a[1]).slice(0, 16).map(([w]) => w);
  const widest = await timed(words.join(' or '));
  if (widest.last.errors) throw new Error(`widest search failed: ${JSON.stringify(widest.last.errors).slice(0, 300)}`);
  await database.close();
  const out = { checkMicros, articles: corpus.articles, hostileSearchMs: hostile.ms, widestSearchMs: widest.ms, widestSearchTotal: widest.last.data.articles.totalCount };
  log(JSON.stringify(out));
  return out;
}
