/**
 * A statement the server gave up on leaves no work behind on the database (hostile-user report:
 * on PGlite a burst of timed-out reads kept the embedded database busy long after every request
 * had its QUERY_TIMEOUT, and each later request waited behind them). PostgreSQL cancels a
 * statement at its statement_timeout; the embedded database drops a statement that timed out, or
 * whose request went away, before it starts (db/pglite-thread.ts).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';

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
