/**
 * A worker stopping while an enrichment job runs (the server's stop sequence: workers stop, then
 * the database pool ends): the job either finishes within the stop's grace or is put back in the
 * queue before `stop()` resolves, so that nothing runs on the pool once it has ended. On
 * PostgreSQL, where a second connection can hold the job up with a lock.
 */
import { setTimeout as delay } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { openDatabase } from '@copydesk/server/db/client.ts';
import { startEnrichWorkers } from '@copydesk/server/enrich/jobs.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { flatDump } from '../helpers/dumps.ts';

const IMPORT = `mutation($i: ImportDumpInput!) { importDump(input: $i) { __typename ... on ImportDumpPayload { dump { id } articles { id } } } }`;
const TOPICS = `query($id: ID!) { article(id: $id) { enrichedAt topics { topic { name } } } }`;
const BODY =
  'Chancellor Olaf Scholz met President Emmanuel Macron in Paris on Tuesday to discuss a freight rail link between Hamburg and Lyon. ' +
  'Scholz said the line would carry goods from the North Sea ports to the Rhone valley within five years, and Macron promised funding.';

/** waits (bounded) until `check` holds; throws with `what` when it never does */
async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  for (const end = Date.now() + 30_000; Date.now() < end; await delay(50)) if (await check()) return;
  throw new Error(`never happened: ${what}`);
}

describe.runIf(inject('dbKind') === 'postgres')('a worker stopping while a job runs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('puts the job back in the queue before stop() resolves, and nothing runs on the pool once it has ended', async () => {
    const imported = await t.gql(IMPORT, { i: { text: flatDump('Scholz and Macron plan a rail link', BODY), filename: 'stopped.txt' } });
    const articleId = imported.data.importDump.articles[0].id;
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    // the worker's own pool, ended after its stop as the server does
    const database = await openDatabase({ databaseUrl: t.databaseUrl!, poolSize: 3 });
    const locker = new pg.Client({ connectionString: t.databaseUrl! });
    await locker.connect();
    try {
      // the job's first read (outside any transaction: it holds no lock on its job's row) waits on
      // this lock, which lets go by itself after a while, longer than the old stop's fixed 5 s wait
      await locker.query('begin');
      await locker.query('lock table appearances in access exclusive mode');
      const released = locker.query('select pg_sleep(6.5)').then(() => locker.query('rollback'));
      const workers = await startEnrichWorkers(database.db, { concurrency: 1, pollingIntervalSeconds: 0.5, stopGraceSeconds: 0 });
      await until('the job waits on the lock', async () => {
        const [w] = await t.sql<{ n: number }>(`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid() and query ilike '%appearances%'`);
        return w!.n > 0;
      });
      await workers.stop();
      await database.close();
      await released;
      // a job that went on after the stop would run its next statement on the ended pool now
      await delay(500);
      expect(errors.mock.calls.map((c) => c.join(' ')).filter((line) => /pool|could not record/i.test(line))).toEqual([]);
      // back in the queue as it was (not a failed try), due at once
      const jobs = await t.sql<{ state: string; retry_count: number; output: unknown }>(`select state::text, retry_count, output from pgboss.job where name = 'enrich'`);
      expect(jobs).toEqual([{ state: 'created', retry_count: 0, output: null }]);
    } finally {
      errors.mockRestore();
      await locker.end().catch(() => {});
      await database.close().catch(() => {});
    }
    // the next worker runs it from the start
    expect(await t.drain()).toBe(1);
    const read = await t.gql(TOPICS, { id: articleId });
    expect(read.data.article.enrichedAt).not.toBeNull();
    expect(read.data.article.topics.map((x: any) => x.topic.name)).toContain('Olaf Scholz');
  });

  it('lets a job finish within the grace', async () => {
    const imported = await t.gql(IMPORT, { i: { text: flatDump('Macron visits the Hamburg port', `${BODY} A second report.`), filename: 'finished.txt' } });
    const dumpId = Buffer.from(imported.data.importDump.dump.id, 'base64').toString().split(':')[1];
    const database = await openDatabase({ databaseUrl: t.databaseUrl!, poolSize: 3 });
    const locker = new pg.Client({ connectionString: t.databaseUrl! });
    await locker.connect();
    try {
      await locker.query('begin');
      await locker.query('lock table appearances in access exclusive mode');
      const workers = await startEnrichWorkers(database.db, { concurrency: 1, pollingIntervalSeconds: 0.5, stopGraceSeconds: 50 });
      await until('the job waits on the lock', async () => {
        const [w] = await t.sql<{ n: number }>(`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid() and query ilike '%appearances%'`);
        return w!.n > 0;
      });
      const stopped = workers.stop();
      await locker.query('rollback');
      await stopped;
    } finally {
      await locker.end().catch(() => {});
      await database.close();
    }
    const [job] = await t.sql<{ state: string }>(`select state::text from pgboss.job where name = 'enrich' and data->>'dumpId' = '${dumpId}'`);
    expect(job!.state).toBe('completed');
  });
});
