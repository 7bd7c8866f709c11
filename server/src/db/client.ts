import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { relations } from '@copydesk/schema';
import type { PgAsyncDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { Logger } from 'drizzle-orm';
import pg from 'pg';
import { PgliteThread } from './pglite-thread.ts';
import { StatementAbandonedError, statementSignal } from './statement-scope.ts';

export type Db = PgAsyncDatabase<PgQueryResultHKT, typeof relations>;

/** An open transaction on a Db. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** A database handle or an open transaction on it: what a function that only runs statements takes. */
export type Executor = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** PGlite only: whether it runs in a worker thread (the default) or on this thread (opened with `pglite`) */
  threaded?: boolean;
  /** where the data lives, for the start banner: a folder or a URL without password */
  location: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL URL; when absent, PGlite in `dataDir` (or in memory when dataDir is "memory://") */
  databaseUrl?: string | undefined;
  dataDir?: string;
  /** an already-open PGlite instance on this thread (the test setup that migrates its template); without it PGlite runs in a worker thread */
  pglite?: PGlite;
  /** a PGlite data-dir tarball (dumpDataDir) the worker thread's database starts from (tests: the migrated template) */
  pgliteLoadDataDir?: Uint8Array;
  logger?: Logger;
  poolSize?: number;
  /**
   * PostgreSQL cancels any statement running longer than this (ms; `statement_timeout`), and the
   * request gets a typed QUERY_TIMEOUT. On PGlite in its worker thread the request gets the same
   * error when its statement is not answered within the bound; PGlite cannot cancel a statement,
   * which runs to its end in the worker, its result dropped (pglite-thread.ts). Not applied to an
   * in-thread PGlite (`pglite`).
   */
  statementTimeoutMs?: number;
  /** an idle connection died (server restart, admin command): pg emits it on the pool, which must not crash the process */
  onPoolError?: (e: Error) => void;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  const logger = opts.logger;
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10, ...(opts.statementTimeoutMs ? { statement_timeout: opts.statementTimeoutMs } : {}) });
    pool.on('error', opts.onPoolError ?? ((e) => console.warn(`copydesk: a database connection was lost (${e.message}); it will be replaced`)));
    routeStatements(pool);
    const db = drizzlePg({ client: pool, relations, ...(logger ? { logger } : {}) }) as unknown as Db;
    if (logger) loggers.set(db, logger);
    const url = new URL(opts.databaseUrl);
    url.password = url.password ? '***' : '';
    return { db, kind: 'postgres', location: url.toString(), close: () => pool.end() };
  }
  const dataDir = opts.dataDir ?? 'memory://';
  let client: PGlite;
  if (opts.pglite) client = opts.pglite;
  else {
    if (!dataDir.startsWith('memory://')) {
      mkdirSync(dataDir, { recursive: true });
      // A new folder is initialised (initdb) in a thread of its own that ends at once: initdb grows
      // PGlite's WebAssembly memory to about 950 MB, which a thread keeps for its whole life (the
      // server sat at ~940 MB RSS after a first start, ~400 MB after a restart).
      if (!opts.pgliteLoadDataDir && !holdsDatabase(dataDir)) await (await PgliteThread.create({ dataDir })).close();
    }
    const thread = await PgliteThread.create({
      dataDir,
      ...(opts.pgliteLoadDataDir ? { loadDataDir: opts.pgliteLoadDataDir } : {}),
      ...(opts.statementTimeoutMs ? { statementTimeoutMs: opts.statementTimeoutMs } : {}),
    });
    client = thread.asPglite();
  }
  const owned = !opts.pglite;
  const db = drizzlePglite({ client, relations, ...(logger ? { logger } : {}) }) as unknown as Db;
  if (logger) loggers.set(db, logger);
  return {
    db,
    kind: 'pglite',
    threaded: owned,
    location: dataDir,
    close: async () => {
      if (owned) await client.close();
    },
  };
}

/** Whether `dataDir` holds an embedded database (PGlite's, as initdb leaves it): `PG_VERSION` at its top. */
export function holdsDatabase(dataDir: string): boolean {
  return existsSync(join(dataDir, 'PG_VERSION'));
}

/** The rows of a raw `db.execute(sql...)`, whichever driver answered (node-postgres and PGlite give `{ rows }`). */
export function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows?: T[] }).rows ?? []);
}

/** the logger a handle was opened with: raw statements are logged like drizzle's */
const loggers = new WeakMap<Db, Logger>();

/** Statements prepared by name per connection (node-postgres keeps them for the connection's life); beyond this many, run unnamed. */
const MAX_NAMED_STATEMENTS = 500;
const statementNames = new Map<string, string>();

/** the name a statement text runs under (the same text, the same name), or undefined once MAX_NAMED_STATEMENTS are named */
function statementName(text: string): string | undefined {
  let name = statementNames.get(text);
  if (!name && statementNames.size < MAX_NAMED_STATEMENTS) statementNames.set(text, (name = `cdk_${statementNames.size + 1}`));
  return name;
}

/**
 * Routes every statement drizzle sends through the pool (one wrapper of `pool.query`):
 * - **Named**: a statement text is run as a named prepared statement, as queryRows does: a read's
 *   relational query is a long text that PostgreSQL would otherwise parse and plan on every
 *   request, and the driver would send whole each time.
 * - **Cancelled when abandoned** (db/statement-scope.ts): a statement sent in a scope (a read whose
 *   client may go away) runs on a connection of its own, and when the scope's signal aborts while it
 *   runs, PostgreSQL is asked to cancel it (cancelBackend), so it stops at once instead of holding its
 *   connection and the database until statement_timeout; it rejects with StatementAbandonedError.
 *   The connection it ran on is then closed, never reused: a cancel that lands late must not hit the
 *   next statement. A scoped statement whose signal aborted before it got a connection is not sent
 *   (StatementAbandonedError).
 * Statements outside a scope, and those of a transaction (its own connection), are only named.
 * Callback-style calls (none in the project) are left alone.
 */
function routeStatements(pool: pg.Pool) {
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  (pool as { query: unknown }).query = (config: unknown, ...rest: unknown[]) => {
    if (typeof rest.at(-1) === 'function') return query(config, ...rest);
    let args = [config, ...rest];
    if (config && typeof config === 'object' && 'text' in config && !(config as { name?: string }).name) {
      const name = statementName((config as { text: string }).text);
      if (name) args = [{ ...config, name }, ...rest];
    }
    const signal = statementSignal();
    return signal ? cancellable(pool, signal, args) : query(...args);
  };
}

async function cancellable(pool: pg.Pool, signal: AbortSignal, args: unknown[]): Promise<unknown> {
  if (signal.aborted) throw new StatementAbandonedError();
  const client = await pool.connect();
  if (signal.aborted) {
    client.release();
    throw new StatementAbandonedError();
  }
  let cancelled: Promise<void> | null = null;
  const cancel = () => void (cancelled = cancelBackend(pool, client));
  signal.addEventListener('abort', cancel, { once: true });
  let failed = false;
  try {
    return await (client.query as (...a: unknown[]) => Promise<unknown>)(...args);
  } catch (e) {
    failed = true;
    // the statement we cancelled: the request it ran for was given up, no fault of the database's
    if (cancelled && (e as { code?: unknown }).code === '57014') throw new StatementAbandonedError(e);
    throw e;
  } finally {
    signal.removeEventListener('abort', cancel);
    // the cancel has been sent (or failed) before the connection goes; a cancelled connection (or
    // one whose statement failed, as pg's own pool.query does) is closed, not reused
    if (cancelled) await cancelled;
    client.release(Boolean(cancelled) || failed);
  }
}

/** How long a cancel request may take to be sent before it is given up (ms): it is a single packet on loopback or a LAN. */
const CANCEL_SEND_MS = 5_000;

/**
 * Asks PostgreSQL to cancel what `client` runs now, with the protocol's CancelRequest (the
 * backend's process id and secret key on a short-lived socket, as libpq's PQcancel): no login, no
 * backend process, no session, so it works when every connection the pool or its role may open is
 * in use (a login would be refused "too many connections"). Resolves once the server has closed
 * the cancel socket (it has read the request) or after CANCEL_SEND_MS; never rejects: a cancel
 * that cannot be sent leaves the statement to its statement_timeout.
 */
async function cancelBackend(pool: pg.Pool, client: pg.PoolClient): Promise<void> {
  const { processID, secretKey } = client as pg.PoolClient & { processID?: number | null; secretKey?: number | null };
  if (!processID || secretKey == null) return;
  // a Client is built only for the pool's resolved host and port (never connected); its
  // Connection sends the one packet, as pg's own Client.cancel does
  const params = new pg.Client(pool.options) as pg.Client & { host: string; port: number };
  const socket = new pg.Connection() as unknown as import('node:events').EventEmitter & {
    connect(port: number | string, host?: string): void;
    cancel(processID: number, secretKey: number): void;
    stream?: { destroy(): void };
  };
  await new Promise<void>((done) => {
    const timer = setTimeout(finish, CANCEL_SEND_MS);
    function finish() {
      clearTimeout(timer);
      socket.stream?.destroy();
      done();
    }
    socket.on('error', finish);
    socket.on('end', finish);
    socket.on('connect', () => socket.cancel(processID, secretKey));
    try {
      if (params.host.startsWith('/')) socket.connect(`${params.host}/.s.PGSQL.${params.port}`);
      else socket.connect(params.port, params.host);
    } catch {
      finish();
    }
  });
}

/**
 * Runs one parameterised statement on the driver itself, bypassing drizzle's query builder, and
 * returns its rows as arrays (the driver's own type parsing: json parsed, timestamptz a Date). On
 * PostgreSQL a statement seen before runs as a named prepared statement: each connection parses
 * and plans it once, and later runs send only the parameters.
 */
export async function queryRows(db: Db, text: string, params: unknown[]): Promise<unknown[][]> {
  loggers.get(db)?.logQuery(text, params);
  const client = (db as unknown as { $client: pg.Pool | PGlite }).$client;
  if (client instanceof pg.Pool) {
    const name = statementName(text);
    const result = await client.query<unknown[]>({ ...(name ? { name } : {}), text, values: params, rowMode: 'array' });
    return result.rows;
  }
  return (await client.query<unknown[]>(text, params, { rowMode: 'array' })).rows;
}
