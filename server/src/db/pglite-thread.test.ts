import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, rowsOf, type Database } from './client.ts';
import { PgliteThread, StatementTimeoutError } from './pglite-thread.ts';
import { StatementAbandonedError, withStatementScope } from './statement-scope.ts';

describe('PGlite in a worker thread', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({ dataDir: 'memory://', statementTimeoutMs: 1500 });
    await database.db.execute(sql`create table t (id int primary key, name text not null, at timestamptz default now())`);
  }, 60_000);
  afterAll(() => database?.close());

  it('runs in a worker thread by default and answers drizzle, raw rows and arrays', async () => {
    expect(database.threaded).toBe(true);
    await database.db.execute(sql`insert into t (id, name) values (${1}, ${'one'}), (${2}, ${'two'})`);
    expect(rowsOf(await database.db.execute(sql`select id, name from t order by id`))).toEqual([{ id: 1, name: 'one' }, { id: 2, name: 'two' }]);
    expect(await queryRows(database.db, 'select name, at from t where id = $1', [2])).toEqual([['two', expect.any(Date)]]);
  });

  it('commits a transaction that resolves and rolls back one that throws', async () => {
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`insert into t (id, name) values (10, 'kept')`);
    });
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`insert into t (id, name) values (11, 'dropped')`);
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect(rowsOf(await database.db.execute(sql`select id from t where id >= 10 order by id`))).toEqual([{ id: 10 }]);
  });

  it('keeps nested transactions (savepoints) and isolates a transaction from other statements until it commits', async () => {
    let seenDuring: unknown[] = [];
    let outside: Promise<unknown> | null = null;
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`insert into t (id, name) values (20, 'outer')`);
      await tx.transaction(async (inner) => {
        await inner.execute(sql`insert into t (id, name) values (21, 'inner')`).catch(() => {});
      }).catch(() => {});
      // a statement outside the transaction waits for it (PGlite's transaction lock)
      outside = database.db.execute(sql`select count(*)::int as n from t where id between 20 and 29`);
      seenDuring = rowsOf(await tx.execute(sql`select id from t where id between 20 and 29 order by id`));
    });
    expect(seenDuring).toEqual([{ id: 20 }, { id: 21 }]);
    expect(rowsOf(await outside!)).toEqual([{ n: 2 }]);
  });

  it("keeps PostgreSQL's error fields (code, constraint, detail) on the request thread", async () => {
    const e = await database.db.execute(sql`insert into t (id, name) values (1, 'again')`).catch((x: unknown) => x);
    const cause = (e as { cause?: Record<string, unknown> }).cause ?? (e as Record<string, unknown>);
    expect(cause).toMatchObject({ code: '23505', constraint: 't_pkey' });
    expect(String(cause.detail)).toContain('(id)=(1)');
  });

  it('a statement past the bound rejects with 57014 at once; the worker finishes it and goes on', async () => {
    const started = performance.now();
    const slow = database.db.execute(sql`select pg_sleep(2.2)`);
    // the request thread stays free while the worker runs it
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 50);
    const e = await slow.catch((x: unknown) => x);
    clearInterval(ticker);
    const cause = (e as { cause?: unknown }).cause ?? e;
    expect(cause).toBeInstanceOf(StatementTimeoutError);
    expect((cause as { code: string }).code).toBe('57014');
    // nothing else held the database: the statement's own cost ran out the bound
    expect((cause as StatementTimeoutError).busy).toBe(false);
    expect(performance.now() - started).toBeLessThan(2500);
    expect(ticks).toBeGreaterThan(5);
    expect(rowsOf(await database.db.execute(sql`select 1 as one`))).toEqual([{ one: 1 }]);
  }, 120_000);

  it("a statement that runs out the bound waiting behind another caller's transaction, or an earlier statement, is told apart (busy)", async () => {
    let release!: () => void;
    const held = new Promise<void>((ok) => (release = ok));
    let entered!: () => void;
    const inside = new Promise<void>((ok) => (entered = ok));
    // another caller's transaction holds the database (as an import or an enrichment chunk does)
    const holder = database.db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      entered();
      await held;
      await tx.execute(sql`insert into t (id, name) values (30, 'held')`);
    });
    await inside;
    const behindTx = await database.db.execute(sql`select count(*) from t`).catch((x: unknown) => x);
    release();
    await holder;
    const cause = (behindTx as { cause?: unknown }).cause ?? behindTx;
    expect(cause).toBeInstanceOf(StatementTimeoutError);
    expect((cause as StatementTimeoutError).busy).toBe(true);
    // behind an earlier statement that is still running
    const slow = database.db.execute(sql`select pg_sleep(3.4)`).catch((x: unknown) => x);
    const behindStatement = await database.db.execute(sql`select 2 as two`).catch((x: unknown) => x);
    const second = (behindStatement as { cause?: unknown }).cause ?? behindStatement;
    expect(second).toBeInstanceOf(StatementTimeoutError);
    expect((second as StatementTimeoutError).busy).toBe(true);
    await slow;
    await new Promise((ok) => setTimeout(ok, 2500));
    expect(rowsOf(await database.db.execute(sql`select id from t where id = 30`))).toEqual([{ id: 30 }]);
  }, 120_000);

  it('drops the statements of a request given up (its scope aborted) that have not started; statements outside the scope still run', async () => {
    await database.db.execute(sql`create table given_up (n int)`);
    let release!: () => void;
    const held = new Promise<void>((ok) => (release = ok));
    let entered!: () => void;
    const inside = new Promise<void>((ok) => (entered = ok));
    const holder = database.db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      entered();
      await held;
    });
    await inside;
    const request = new AbortController();
    const abandoned = withStatementScope(request.signal, () => Array.from({ length: 6 }, (_, i) => database.db.execute(sql`insert into given_up values (${i})`).catch((x: unknown) => x)));
    const kept = database.db.execute(sql`insert into given_up values (100)`);
    request.abort();
    const errors = await Promise.all(abandoned);
    expect(errors.map((e) => (e as { cause?: unknown }).cause ?? e).every((e) => e instanceof StatementAbandonedError && e.code === '57014')).toBe(true);
    // a statement sent in an aborted scope is refused without being sent
    const late = await withStatementScope(request.signal, () => database.db.execute(sql`insert into given_up values (7)`).catch((x: unknown) => x));
    expect((late as { cause?: unknown }).cause ?? late).toBeInstanceOf(StatementAbandonedError);
    release();
    await holder;
    await kept;
    expect(rowsOf(await database.db.execute(sql`select n from given_up order by n`))).toEqual([{ n: 100 }]);
  }, 60_000);

  it('refuses to open when the worker cannot open the database, with the cause', async () => {
    await expect(PgliteThread.create({ dataDir: 'memory://', loadDataDir: new Uint8Array([1, 2, 3]) })).rejects.toThrow();
  }, 60_000);
});
