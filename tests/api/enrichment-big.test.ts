/**
 * One dump with thousands of related blocks, enriched by the server's worker, must not hold the
 * database: on PGlite (one statement at a time) ordinary reads keep being answered, without
 * QUERY_TIMEOUT, while its enrichment runs, and the enrichment ends with the edges its text implies.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startEnrichWorkers } from '@copydesk/server/enrich/jobs.ts';
import { DEFAULT_LIMITS } from '@copydesk/server/graphql/limits.ts';
import { createTestApp, type GqlResponse, type TestApp } from '../helpers/app.ts';
import { manyRelatedDump } from '../helpers/dumps.ts';
import { probeLiveness, type ProbeRead } from '../helpers/liveness.ts';

const IMPORT = `mutation($i: ImportDumpInput!) { importDump(input: $i) { __typename ... on ImportDumpPayload { dump { id } articles { id } } } }`;
const PROGRESS = `{ enrichment { queued running done failed failures { error } } }`;
/** the server's own statement bound (COPYDESK_STATEMENT_TIMEOUT_MS's default): a read held longer gets QUERY_TIMEOUT */
const STATEMENT_BOUND_MS = 10_000;
const BLOCKS = 2000;

const noErrors = (res: GqlResponse) => expect(res.errors ?? []).toEqual([]);

// PGlite runs one statement at a time, so a job that held it in one long transaction stopped every
// read; PostgreSQL reads beside a writer (its enrichment is the same code, tested by the other files)
describe.runIf(inject('dbKind') === 'pglite')('a dump with thousands of related blocks, on the embedded database', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ maxDumpBytes: 4 * 1024 * 1024, limits: { ...DEFAULT_LIMITS, maxRequestBytes: 4 * 1024 * 1024 } }, { statementTimeoutMs: STATEMENT_BOUND_MS });
  });
  afterAll(() => t.close());

  it(`is enriched by the server's worker while ordinary reads keep answering, without QUERY_TIMEOUT, and ends with its SAME_STORY pairs`, async () => {
    const { text, pairs } = manyRelatedDump(BLOCKS);
    const imported = await t.gql(IMPORT, { i: { text, filename: 'many-related.txt' } });
    expect(imported.data.importDump.__typename).toBe('ImportDumpPayload');
    expect(imported.data.importDump.articles).toHaveLength(BLOCKS + 1);
    const articleId = imported.data.importDump.articles[BLOCKS].id;

    const reads: ProbeRead[] = [
      { query: `{ dumps(first: 5) { totalCount } }`, check: (res) => (noErrors(res), expect(res.data.dumps.totalCount).toBe(1)) },
      { query: `query($id: ID!) { article(id: $id) { id headline } }`, variables: { id: articleId }, check: (res) => (noErrors(res), expect(res.data.article.id).toBe(articleId)) },
    ];
    const workers = await startEnrichWorkers(t.database.db, { concurrency: 1, pollingIntervalSeconds: 0.5 });
    const probe = probeLiveness(t, 100, reads);
    /** the running job's lease start (pgboss.job.started_on) as seen while it ran */
    const leases = new Set<string>();
    const started = performance.now();
    let ended = Infinity;
    try {
      // until the job ends or a read fails (a read held past the bound gets QUERY_TIMEOUT)
      const until = Date.now() + 400_000;
      let progress: any;
      do {
        await new Promise((ok) => setTimeout(ok, 500));
        // an ordinary read too: held past the bound, it would get QUERY_TIMEOUT
        const res = await t.gql(PROGRESS);
        noErrors(res);
        progress = res.data.enrichment;
        for (const r of await t.sql<{ started_on: Date }>(`select started_on from pgboss.job where name = 'enrich' and state = 'active'`)) leases.add(new Date(r.started_on).toISOString());
      } while (!probe.failure && progress.done + progress.failed < 1 && Date.now() < until);
      ended = performance.now();
      expect(probe.failure).toBeUndefined();
      expect(progress).toMatchObject({ queued: 0, running: 0, done: 1, failed: 0 });
    } finally {
      await workers.stop();
      await probe.stop().catch(() => {});
    }
    // reads were answered while the job ran (every one without an error, checked as it came)
    expect(probe.during(started, ended).length).toBeGreaterThan(0);
    // the job renewed its lease as it committed: a long job is not taken back as dead (expireInSeconds)
    expect(leases.size).toBeGreaterThan(1);

    // every article enriched; SAME_STORY links the two blocks of each story both ways, and nothing else
    expect(await t.sql(`select count(*)::int as n from articles where enriched_at is null`)).toEqual([{ n: 0 }]);
    const same = await t.sql<{ a: string; b: string }>(
      `select fa.headline as a, ta.headline as b from story_edges e join articles fa on fa.id = e.from_article_id join articles ta on ta.id = e.to_article_id where e.kind = 'SAME_STORY'`,
    );
    const expected = pairs.flatMap(([x, y]) => [`${x} | ${y}`, `${y} | ${x}`]).sort();
    expect(same.map((r) => `${r.a} | ${r.b}`).sort()).toEqual(expected);
    // the stories' people and places repeat: articles that share two of them are TOPICAL neighbours
    const [topical] = await t.sql<{ n: number }>(`select count(*)::int as n from story_edges where kind = 'TOPICAL'`);
    expect(topical!.n).toBeGreaterThan(0);
    // each pair is one story
    const apart = await t.sql<{ n: number }>(
      `select count(*)::int as n from story_edges e join story_articles x on x.article_id = e.from_article_id join story_articles y on y.article_id = e.to_article_id
       where e.kind = 'SAME_STORY' and x.story_id <> y.story_id`,
    );
    expect(apart).toEqual([{ n: 0 }]);
  }, 600_000);
});
