/**
 * The enrichment job queue under failure: jobs whose worker is gone are taken back and retried
 * with backoff, a job that fails every try ends as failed with its error visible through the API,
 * and a big dump is imported and enriched while the server keeps answering.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENRICH_POLICY, startEnrichWorkers } from '@copydesk/server/enrich/jobs.ts';
import { DEFAULT_LIMITS } from '@copydesk/server/graphql/limits.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { flatDump } from '../helpers/dumps.ts';
import { probeLiveness } from '../helpers/liveness.ts';

const IMPORT = `mutation($i: ImportDumpInput!) { importDump(input: $i) { __typename ... on ImportDumpPayload { dump { id } articles { id } } } }`;
const PROGRESS = `{ enrichment { queued running done failed failures { dump { id } error attempts failedAt } } }`;
const TOPICS = `query($id: ID!) { article(id: $id) { enrichedAt topics { topic { name } } } }`;

const BODY =
  'Chancellor Olaf Scholz met President Emmanuel Macron in Paris on Tuesday to discuss a freight rail link between Hamburg and Lyon. ' +
  'Scholz said the line would carry goods from the North Sea ports to the Rhone valley within five years, and Macron promised funding.';

/**
 * A worker claimed the due job (as pg-boss's fetch does: a try after the first counts as a retry)
 * and died: the job stays active, its lease long run out.
 */
const dieWhileRunning = (t: TestApp) =>
  t.sql(`update pgboss.job set state = 'active', retry_count = case when started_on is not null then retry_count + 1 else retry_count end,
         started_on = now() - interval '1 hour' where name = 'enrich' and state in ('created', 'retry') and start_after <= now()`);
/** the backoff has passed */
const waitOutBackoff = (t: TestApp) => t.sql(`update pgboss.job set start_after = now() where name = 'enrich' and state = 'retry'`);

describe('enrichment jobs whose worker is gone', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('takes back a job left running by a dead worker, retries it after a backoff, and enriches the dump', async () => {
    const imported = await t.gql(IMPORT, { i: { text: flatDump('Scholz and Macron plan a rail link', BODY), filename: 'dead-worker.txt' } });
    const articleId = imported.data.importDump.articles[0].id;
    await dieWhileRunning(t);
    expect((await t.gql(PROGRESS)).data.enrichment).toMatchObject({ queued: 0, running: 1, done: 0, failed: 0 });

    // the next worker takes the job back; it waits out its backoff before it runs again
    expect(await t.drain()).toBe(0);
    expect((await t.gql(PROGRESS)).data.enrichment).toMatchObject({ queued: 1, running: 0, done: 0, failed: 0 });
    const [job] = await t.sql<{ start_after: Date; retry_count: number }>(`select start_after, retry_count from pgboss.job where name = 'enrich'`);
    expect(new Date(job!.start_after).getTime()).toBeGreaterThan(Date.now());

    await waitOutBackoff(t);
    expect(await t.drain()).toBe(1);
    expect((await t.gql(PROGRESS)).data.enrichment).toMatchObject({ queued: 0, running: 0, done: 1, failed: 0 });
    const read = await t.gql(TOPICS, { id: articleId });
    expect(read.data.article.enrichedAt).not.toBeNull();
    expect(read.data.article.topics.map((x: any) => x.topic.name)).toContain('Olaf Scholz');
  });

  it('ends a job as failed after its last try, with its error and tries visible through the API', async () => {
    const imported = await t.gql(IMPORT, { i: { text: flatDump('Scholz and Macron fund the rail link', `${BODY} A second report.`), filename: 'always-dies.txt' } });
    const dumpId = imported.data.importDump.dump.id;
    const tries = 1 + ENRICH_POLICY.retryLimit;
    for (let i = 0; i < tries; i++) {
      await dieWhileRunning(t);
      expect(await t.drain()).toBe(0);
      await waitOutBackoff(t);
    }
    const progress = (await t.gql(PROGRESS)).data.enrichment;
    expect(progress).toMatchObject({ queued: 0, running: 0, failed: 1 });
    expect(progress.failures).toHaveLength(1);
    expect(progress.failures[0]).toMatchObject({ dump: { id: dumpId }, attempts: tries });
    expect(progress.failures[0].error).toMatch(/timeout/i);
    expect(Date.parse(progress.failures[0].failedAt)).not.toBeNaN();
    // a failed job is not tried again
    expect(await t.drain()).toBe(0);
  });

  it('records the error a job throws, and retries it', async () => {
    // the dump's article is gone under the job: its topic links cannot be written
    const imported = await t.gql(IMPORT, { i: { text: flatDump('Macron visits the Hamburg port', `${BODY} A third report.`), filename: 'throws.txt' } });
    const articleId = Number(Buffer.from(imported.data.importDump.articles[0].id, 'base64').toString().split(':')[1]);
    await t.sql(`alter table article_topics add constraint test_refuse_topics check (article_id <> ${articleId}) not valid`);
    try {
      expect(await t.drain()).toBe(1);
      const [job] = await t.sql<{ state: string; retry_count: number; output: { message: string } }>(
        `select state, retry_count, output from pgboss.job where name = 'enrich' and data->>'dumpId' = '${Buffer.from(imported.data.importDump.dump.id, 'base64').toString().split(':')[1]}'`,
      );
      expect(job!.state).toBe('retry');
      expect(job!.output.message).toMatch(/test_refuse_topics/);
      // the message is the database's, not the statement with its parameters
      expect(job!.output.message).not.toMatch(/insert into/i);
    } finally {
      await t.sql(`alter table article_topics drop constraint test_refuse_topics`);
    }
    await waitOutBackoff(t);
    expect(await t.drain()).toBe(1);
    const read = await t.gql(TOPICS, { id: imported.data.importDump.articles[0].id });
    expect(read.data.article.enrichedAt).not.toBeNull();
  });
});

describe('liveness while a big dump is imported and enriched', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ maxDumpBytes: 4 * 1024 * 1024, limits: { ...DEFAULT_LIMITS, maxRequestBytes: 4 * 1024 * 1024 } });
  });
  afterAll(() => t.close());

  it('answers { __typename } within 1 s while a 1 MB dump is imported and enriched by the server\'s worker', async () => {
    // a 200 KB one-line headline and an 800 KB body of sentences with names: the NLP step's worst case
    const headline = 'Scholz Macron Hamburg Lyon '.repeat(7_500);
    const body = `${BODY} `.repeat(Math.ceil(800_000 / (BODY.length + 1)));
    const text = flatDump(headline, body);
    expect(text.length).toBeGreaterThan(1_000_000);
    const workers = await startEnrichWorkers(t.database.db, { concurrency: 1, pollingIntervalSeconds: 0.5 });
    expect((await t.gql(`{ __typename }`, {}, { token: null })).data).toEqual({ __typename: 'Query' });
    const probe = probeLiveness(t);
    let importedAt = Infinity;
    try {
      const imported = await t.gql(IMPORT, { i: { text, filename: 'big.txt' } });
      importedAt = performance.now();
      expect(imported.data.importDump.__typename).toBe('ImportDumpPayload');
      const until = Date.now() + 50_000;
      let progress: any;
      do {
        await new Promise((ok) => setTimeout(ok, 200));
        progress = (await t.gql(PROGRESS)).data.enrichment;
      } while (progress.done + progress.failed < 1 && Date.now() < until);
      expect(progress).toMatchObject({ done: 1, failed: 0 });
      const read = await t.gql(TOPICS, { id: imported.data.importDump.articles[0].id });
      expect(read.data.article.enrichedAt).not.toBeNull();
      expect(read.data.article.topics.length).toBeGreaterThan(0);
    } finally {
      await probe.stop();
      await workers.stop();
    }
    // the probe ran while the job did (it runs on until stop()); a thread held during the job shows
    // as the wait of the probe due in the hold, not as fewer probes, so one is enough: counting them
    // measured the machine's speed (a fast run finishes the job before a fourth probe is due)
    expect(probe.during(importedAt, Infinity).length).toBeGreaterThan(0);
    // enrichment: topics and MinHash run in worker threads, on both databases
    expect(probe.slowest(importedAt, Infinity)).toBeLessThan(1000);
    // the import's own statements: on PGlite they run in the database's worker thread (to_tsvector
    // of the body in WebAssembly), so both databases are held to the bound while they run too
    expect(probe.slowest(0, importedAt)).toBeLessThan(1000);
  });
});
