/**
 * A statement the server gave up on leaves no work behind on the database (hostile-user report:
 * on PGlite a burst of timed-out reads kept the embedded database busy long after every request
 * had its QUERY_TIMEOUT, and each later request waited behind them). PostgreSQL cancels a
 * statement at its statement_timeout; the embedded database drops a statement that timed out, or
 * whose request went away, before it starts (db/pglite-thread.ts).
 */
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '@copydesk/server/db/client.ts';
import { createApp } from '@copydesk/server/yoga.ts';
import { createTestApp, DEFAULT_CONFIG, type TestApp } from '../helpers/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, { statementTimeoutMs: 2000 });
  await t.sql('create table probe_work (n int)');
});
afterAll(() => t?.close());

/** holds an exclusive lock on probe_work in a transaction until the returned release is called */
async function holdProbe(): Promise<{ release: () => void; done: Promise<void> }> {
  let release!: () => void;
  const gate = new Promise<void>((ok) => (release = ok));
  let locked!: () => void;
  const held = new Promise<void>((ok) => (locked = ok));
  const done = t.database.db.transaction(async (tx) => {
    await tx.execute(sql`lock table probe_work in access exclusive mode`);
    locked();
    await gate;
  });
  await held;
  return { release, done };
}

describe('statements the server gave up on', () => {
  it('a burst of statements that time out waiting never runs afterwards', async () => {
    const { release, done } = await holdProbe();
    const burst = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => t.database.db.execute(sql`insert into probe_work values (${i})`)));
    expect(burst.map((r) => (r.status === 'rejected' ? (r.reason as { code?: string; cause?: { code?: string } }).cause?.code ?? (r.reason as { code?: string }).code : 'ran'))).toEqual(Array(12).fill('57014'));
    release();
    await done;
    // the count is answered after anything still queued: on the embedded database the dropped inserts would run first
    expect(await t.sql('select count(*)::int as n from probe_work')).toEqual([{ n: 0 }]);
  });
});

/** the read the tests abandon: one count over the dumps table */
const COUNT_QUERY = JSON.stringify({ query: '{ reviewCounts { total } }' });

/**
 * Asks `{ reviewCounts }` of an app on `databaseUrl` (pool of `poolSize`, statement timeout 120 s)
 * while a writer holds the dumps table, so that the read waits on the lock, running; then aborts
 * the request and expects the read (as `running` finds it in pg_stat_activity) gone within 30 s,
 * the writer still holding the table: cancelled, not timed out. Returns the app's answer to a
 * read once the writer let go (the pool still answers).
 */
async function abandonRunningRead(databaseUrl: string, poolSize: number, running: () => Promise<unknown[]>): Promise<unknown> {
  const database = await openDatabase({ databaseUrl, poolSize, statementTimeoutMs: 120_000, onPoolError: () => {} });
  const app = createApp({ db: database.db, config: DEFAULT_CONFIG });
  const ask = (signal?: AbortSignal) => app.fetch('http://localhost/graphql', { method: 'POST', ...(signal ? { signal } : {}), headers: { 'content-type': 'application/json' }, body: COUNT_QUERY });
  const writer = new pg.Client({ connectionString: t.databaseUrl! });
  await writer.connect();
  try {
    await writer.query('begin');
    await writer.query('lock table dumps in access exclusive mode');
    const client = new AbortController();
    const answer = Promise.resolve(ask(client.signal))
      .then((r) => r.text())
      .catch((e: unknown) => e);
    await expect.poll(async () => (await running()).length, { timeout: 20_000 }).toBe(1);
    client.abort();
    await answer;
    await expect.poll(async () => (await running()).length, { timeout: 30_000, interval: 100 }).toBe(0);
    await writer.query('rollback');
    return await (await ask()).json();
  } finally {
    await writer.end().catch(() => {});
    await database.close();
  }
}

describe('reads whose client went away', () => {
  // PGlite cannot cancel a running statement (its queued ones are dropped, above); PostgreSQL can
  it.runIf(inject('dbKind') === 'postgres')('on PostgreSQL, a read running when its request is aborted is cancelled, long before its statement timeout', async () => {
    const running = () =>
      t.sql(`select pid from pg_stat_activity where datname = current_database() and state = 'active' and query like '%count(*)%' and query not like '%pg_stat_activity%'`);
    const after = (await abandonRunningRead(t.databaseUrl!, 2, running)) as { data: { reviewCounts: { total: unknown } } };
    // the pool still answers (the cancelled connection was replaced)
    expect(after.data.reviewCounts.total).toBeTypeOf('number');
  });

  it.runIf(inject('dbKind') === 'postgres')('on PostgreSQL, the cancel needs no login: it works when the role may open no more connections', async () => {
    // a role allowed one connection, which the read holds: a cancel that logs in (a session of its
    // own) is refused "too many connections for role" and the read runs on to its statement timeout
    const role = `cdk_one_conn_${process.pid}`;
    await t.sql(`create role ${role} login connection limit 1`);
    await t.sql(`grant pg_read_all_data to ${role}`);
    const url = new URL(t.databaseUrl!);
    url.username = role;
    try {
      await abandonRunningRead(url.toString(), 1, () => t.sql(`select pid from pg_stat_activity where usename = '${role}' and state = 'active' and query like '%count(*)%'`));
    } finally {
      await t.sql(`drop owned by ${role}`).catch(() => {});
      await t.sql(`drop role ${role}`).catch(() => {});
    }
  });
});
