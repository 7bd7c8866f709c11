/**
 * The server's enrichment workers when the queue's own statements fail (the database's statement
 * bound fires while a job is completed or failed): the process keeps running, nothing is left as
 * an unhandled rejection, and the job's outcome is recorded once the database answers again.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEnrichWorkers } from '@copydesk/server/enrich/jobs.ts';
import type { Db } from '@copydesk/server/db/client.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { flatDump } from '../helpers/dumps.ts';

const IMPORT = `mutation($i: ImportDumpInput!) { importDump(input: $i) { __typename ... on ImportDumpPayload { dump { id } articles { id } } } }`;
const BODY =
  'Chancellor Olaf Scholz met President Emmanuel Macron in Paris on Tuesday to discuss a freight rail link between Hamburg and Lyon. ' +
  'Scholz said the line would carry goods from the North Sea ports to the Rhone valley within five years, and Macron promised funding.';

/** the raw id behind a global ID */
const rawId = (id: string) => Number(Buffer.from(id, 'base64').toString().split(':')[1]);

/**
 * The database handle with its driver's job-settling statements (pg-boss's complete and fail,
 * sent outside a transaction; or those matching `statement`) rejected the first `times` times,
 * as the statement bound does.
 */
function settlingTimesOut(db: Db, times: number, statement = /state = 'completed'|state < 'completed'/): { db: Db; rejected: () => number } {
  const client = (db as unknown as { $client: { query(text: string, values?: unknown[]): Promise<unknown> } }).$client;
  let rejected = 0;
  const query = (text: string, values?: unknown[]) => {
    if (statement.test(text) && rejected < times) {
      rejected++;
      return Promise.reject(Object.assign(new Error('canceling statement due to statement timeout'), { name: 'StatementTimeoutError' }));
    }
    return client.query(text, values);
  };
  const wrapped = Object.create(client, { query: { value: query } });
  return { db: Object.create(db, { $client: { value: wrapped } }) as Db, rejected: () => rejected };
}

async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  let v = await read();
  while (!done(v) && Date.now() < end) {
    await new Promise((ok) => setTimeout(ok, 200));
    v = await read();
  }
  return v;
}

describe('enrichment workers whose queue statements time out', () => {
  let t: TestApp;
  const unhandled: unknown[] = [];
  const onUnhandled = (e: unknown) => unhandled.push(e);
  beforeAll(async () => {
    t = await createTestApp();
    process.on('unhandledRejection', onUnhandled);
  });
  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await t.close();
  });
  afterEach(() => {
    unhandled.length = 0;
  });

  const jobOf = async (dumpId: number) =>
    (await t.sql<{ state: string; retry_count: number; output: any }>(`select state::text, retry_count, output from pgboss.job where name = 'enrich' and data->>'dumpId' = '${dumpId}'`))[0];

  it('completes a job and stays up when the completing statements time out', async () => {
    const imported = await t.gql(IMPORT, { i: { text: flatDump('Scholz and Macron plan a rail link', BODY), filename: 'complete-times-out.txt' } });
    const dumpId = rawId(imported.data.importDump.dump.id);
    const flaky = settlingTimesOut(t.database.db, 3);
    const workers = await startEnrichWorkers(flaky.db, { concurrency: 1, pollingIntervalSeconds: 0.5 });
    try {
      const job = await until(() => jobOf(dumpId), (j) => j?.state === 'completed');
      expect(job?.state).toBe('completed');
      // give any un-awaited settling statement the time to fail
      await new Promise((ok) => setTimeout(ok, 1_000));
    } finally {
      await workers.stop();
    }
    expect(unhandled).toEqual([]);
  });

  it('records a failed try once the failing statement is answered, and stays up meanwhile', async () => {
    const imported = await t.gql(IMPORT, { i: { text: flatDump('Macron visits the Hamburg port', `${BODY} A third report.`), filename: 'fail-times-out.txt' } });
    const dumpId = rawId(imported.data.importDump.dump.id);
    const articleId = rawId(imported.data.importDump.articles[0].id);
    await t.sql(`alter table article_topics add constraint test_refuse_topics check (article_id <> ${articleId}) not valid`);
    const flaky = settlingTimesOut(t.database.db, 2);
    const workers = await startEnrichWorkers(flaky.db, { concurrency: 1, pollingIntervalSeconds: 0.5 });
    try {
      const job = await until(() => jobOf(dumpId), (j) => j?.state === 'retry');
      expect(flaky.rejected()).toBe(2);
      expect(job).toMatchObject({ state: 'retry', retry_count: 0 });
      expect(job!.output.message).toMatch(/test_refuse_topics/);
      await new Promise((ok) => setTimeout(ok, 1_000));
    } finally {
      await workers.stop();
      await t.sql(`alter table article_topics drop constraint test_refuse_topics`);
    }
    expect(unhandled).toEqual([]);
  });

  it('polls again after the claiming statement times out, and runs the job', async () => {
    const imported = await t.gql(IMPORT, { i: { text: flatDump('Scholz opens the Lyon depot', `${BODY} A fourth report.`), filename: 'fetch-times-out.txt' } });
    const dumpId = rawId(imported.data.importDump.dump.id);
    const flaky = settlingTimesOut(t.database.db, 2, /SKIP LOCKED/i);
    const workers = await startEnrichWorkers(flaky.db, { concurrency: 2, pollingIntervalSeconds: 0.5 });
    try {
      const job = await until(() => jobOf(dumpId), (j) => j?.state === 'completed');
      expect(flaky.rejected()).toBe(2);
      expect(job?.state).toBe('completed');
    } finally {
      await workers.stop();
    }
    expect(unhandled).toEqual([]);
  });
});
