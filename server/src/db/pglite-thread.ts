/**
 * The embedded database (PGlite) in a worker thread of its own (pglite-worker.ts): this thread only
 * sends statements and receives rows, so a long write (a multi-MB import) no longer stops every
 * other request. `PgliteThread` implements the part of PGlite's interface copydesk uses (drizzle's
 * PGlite driver, `queryRows`, the pg-boss adapter, the migrator): `query` (params, rowMode,
 * parsers), `exec`, `transaction(fn)` with a transaction object, `close`.
 *
 * - Transactions: `begin` takes PGlite's own transaction lock in the worker (no other statement
 *   runs until it ends), statements of `fn` name the transaction by id, and `fn`'s outcome commits
 *   or rolls back. Nested transactions are drizzle's savepoints, plain statements here.
 * - Errors keep PostgreSQL's fields (`code` 23505, 40001, ..., `detail`, `constraint`, ...) so that
 *   retries and typed errors work as with an in-thread PGlite.
 * - Statement time bound (`statementTimeoutMs`, PostgreSQL's statement_timeout setting): a
 *   statement not answered within the bound rejects with code 57014 (query_canceled), which the
 *   API answers as QUERY_TIMEOUT. It counts from when the statement is sent, so time spent waiting
 *   behind other statements counts too (as a lock wait does on PostgreSQL); the error says whether
 *   it ran out while the database was busy with other work (`busy`: the API then advises a retry). A
 *   statement that times out before it started is dropped in the worker, never run (as is one whose
 *   request was given up: statement-scope.ts), so a burst of timed-out reads leaves no work queued.
 *   PGlite cannot cancel a running statement: it runs to its end in the worker and its result is
 *   dropped; statements sent meanwhile wait for it. Inside a transaction (imports, saves, enrichment) the caller then rolls
 *   back, which runs after it, so nothing of it stays; a lone statement outside a transaction
 *   keeps its effect although its caller was told it timed out.
 * - LISTEN/NOTIFY is not forwarded: the change feed (changes.ts) stays in process on PGlite.
 */
import type { PGlite, Results, Transaction } from '@electric-sql/pglite';
import type { Worker } from 'node:worker_threads';
import { spawnWorker } from '../threads/spawn.ts';
import { StatementAbandonedError, statementSignal } from './statement-scope.ts';

/** a request to the worker, without its id */
type Body<R> = R extends unknown ? Omit<R, 'id'> : never;

/** a request to the worker */
export type Request =
  | { id: number; op: 'query'; tx?: number; text: string; params?: unknown[]; rowMode?: 'array' | 'object'; textTypes?: number[] }
  | { id: number; op: 'exec'; tx?: number; text: string }
  | { id: number; op: 'begin' }
  | { id: number; op: 'end'; tx: number; commit: boolean }
  | { id: number; op: 'close' }
  /** the caller gave up on request `of` (timed out, or its request went away): dropped if it has not started; no reply */
  | { id: number; op: 'cancel'; of: number };

/** the worker's answer to request `id` (id 0: the worker is ready, or failed to open the database) */
export type Reply = { id: number; result: unknown; error?: undefined } | { id: number; error: WireError };

/** an error as it crosses threads: its message, name and PostgreSQL's fields (code, detail, constraint, ...) */
export type WireError = { message: string; name: string; stack?: string; fields: Record<string, string | number | boolean> };

/** `e` as a WireError: every own string, number or boolean field is kept */
export function toWireError(e: unknown): WireError {
  const err = e instanceof Error ? e : new Error(String(e));
  const fields: WireError['fields'] = {};
  for (const [k, v] of Object.entries(err)) if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') fields[k] = v;
  return { message: err.message, name: err.name, ...(err.stack ? { stack: err.stack } : {}), fields };
}

/** An error of the database worker, with PostgreSQL's fields (`code`, `detail`, `constraint`, ...) as own properties. */
export class PgliteThreadError extends Error {
  [field: string]: unknown;
  constructor(wire: WireError) {
    super(wire.message);
    Object.assign(this, wire.fields);
    this.name = wire.name;
    if (wire.stack) this.stack = wire.stack;
  }
}

/**
 * A statement not answered within the bound: PostgreSQL's query_canceled, as statement_timeout
 * gives it. `busy`: when the bound ran out, the statement was still waiting behind other work
 * (an earlier statement not yet answered, or another caller's open transaction, such as an
 * import or an enrichment chunk), so the wait need not be the statement's own cost.
 */
export class StatementTimeoutError extends Error {
  readonly code = '57014';
  constructor(
    ms: number,
    readonly busy: boolean,
  ) {
    super(`canceling statement due to statement timeout (${ms} ms${busy ? ', waiting behind other work' : ''}; the embedded database finishes it in the background)`);
  }
}

export interface PgliteThreadOptions {
  /** a folder, or "memory://" */
  dataDir: string;
  /** a data-dir tarball (PGlite's dumpDataDir) to start from, e.g. a migrated template in tests */
  loadDataDir?: Uint8Array;
  /** statements answered later than this (ms) reject with code 57014; 0 or absent: no bound */
  statementTimeoutMs?: number;
}

type QueryOptions = { rowMode?: 'array' | 'object'; parsers?: Record<number, unknown> };

export class PgliteThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { ok(v: unknown): void; fail(e: Error): void }>();
  private serial = 0;
  private broken: Error | null = null;
  /** transactions begun and not yet ended, by id */
  private readonly openTx = new Set<number>();
  /** requests the worker has not answered yet, those timed out included (they still run there) */
  private readonly unanswered = new Set<number>();
  private readonly timeoutMs: number;
  readonly ready: Promise<void>;

  private constructor(opts: PgliteThreadOptions) {
    this.timeoutMs = opts.statementTimeoutMs ?? 0;
    this.worker = spawnWorker('pglite', { workerData: { dataDir: opts.dataDir, ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}) } });
    this.ready = new Promise<void>((ok, fail) => this.pending.set(0, { ok: () => ok(), fail }));
    this.worker.on('message', (m: Reply) => {
      this.unanswered.delete(m.id);
      const p = this.pending.get(m.id);
      if (!p) return; // answered too late: its caller already got a timeout
      this.pending.delete(m.id);
      if (m.error) p.fail(new PgliteThreadError(m.error));
      else p.ok(m.result);
    });
    const gone = (e: Error) => {
      this.broken = e;
      for (const p of this.pending.values()) p.fail(e);
      this.pending.clear();
      this.unanswered.clear();
    };
    this.worker.on('error', (e) => gone(new Error(`the embedded database's thread failed: ${e.message}`, { cause: e })));
    this.worker.on('exit', (code) => gone(new Error(`the embedded database's thread stopped (exit code ${code})`)));
  }

  /** Starts the worker and opens the database in it; rejects with the database's error when it cannot be opened. */
  static async create(opts: PgliteThreadOptions): Promise<PgliteThread> {
    const t = new PgliteThread(opts);
    try {
      await t.ready;
    } catch (e) {
      void t.worker.terminate();
      throw e;
    }
    return t;
  }

  private send<T>(req: Body<Request>, bounded = false): Promise<T> {
    if (this.broken) return Promise.reject(this.broken);
    const id = ++this.serial;
    const ownTx = 'tx' in req ? req.tx : undefined;
    // a statement outside a transaction, sent for a request that has been given up (statement-scope.ts)
    const signal = req.op === 'query' || req.op === 'exec' ? (ownTx === undefined ? statementSignal() : undefined) : undefined;
    if (signal?.aborted) return Promise.reject(new StatementAbandonedError());
    return new Promise<T>((ok, fail) => {
      let timer: NodeJS.Timeout | undefined;
      const abandon = () => {
        if (!this.pending.delete(id)) return;
        clearTimeout(timer);
        fail(new StatementAbandonedError());
        this.cancel(id);
      };
      signal?.addEventListener('abort', abandon, { once: true });
      if (bounded && this.timeoutMs > 0) {
        timer = setTimeout(() => {
          this.pending.delete(id);
          signal?.removeEventListener('abort', abandon);
          // still behind an earlier request, or another caller's transaction holds the database
          const busy = [...this.unanswered].some((other) => other < id) || [...this.openTx].some((tx) => tx !== ownTx);
          fail(new StatementTimeoutError(this.timeoutMs, busy));
          this.cancel(id);
        }, this.timeoutMs);
      }
      this.unanswered.add(id);
      const settled = () => (clearTimeout(timer), signal?.removeEventListener('abort', abandon));
      this.pending.set(id, {
        ok: (v) => (settled(), ok(v as T)),
        fail: (e) => (settled(), fail(e)),
      });
      this.worker.postMessage({ ...req, id });
    });
  }

  /** tells the worker that request `id` is given up: dropped there unless it has started */
  private cancel(id: number): void {
    if (this.unanswered.has(id) && !this.broken) this.worker.postMessage({ op: 'cancel', id: 0, of: id } satisfies Request);
  }

  private runQuery<T>(tx: number | undefined, text: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
    // parsers are functions, which cannot cross threads; drizzle's only ask to keep a type's text as is
    const textTypes = options?.parsers ? Object.keys(options.parsers).map(Number) : undefined;
    return this.send({ op: 'query', ...(tx !== undefined ? { tx } : {}), text, ...(params?.length ? { params } : {}), ...(options?.rowMode ? { rowMode: options.rowMode } : {}), ...(textTypes ? { textTypes } : {}) }, true);
  }

  /** One statement with `$n` parameters; `rowMode: 'array'` gives rows as arrays. */
  query<T>(text: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
    return this.runQuery<T>(undefined, text, params, options);
  }

  /** Several statements without parameters; one result per statement. */
  exec(text: string): Promise<Results[]> {
    return this.send({ op: 'exec', text }, true);
  }

  /**
   * Runs `fn` in a transaction: commits when it resolves, rolls back when it throws (and rethrows).
   * No other statement runs on the database meanwhile (PGlite's transaction lock, held in the worker).
   */
  async transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
    const id = await this.send<number>({ op: 'begin' });
    this.openTx.add(id);
    try {
      return await this.inTransaction(id, fn);
    } finally {
      this.openTx.delete(id);
    }
  }

  private async inTransaction<T>(id: number, fn: (tx: Transaction) => Promise<T>): Promise<T> {
    let closed = false;
    const tx = {
      query: <R>(text: string, params?: unknown[], options?: QueryOptions) => this.runQuery<R>(id, text, params, options),
      sql: () => Promise.reject(new Error('tx.sql is not available on the database thread')),
      exec: (text: string) => this.send<Results[]>({ op: 'exec', tx: id, text }, true),
      rollback: async () => {
        closed = true;
        await this.send({ op: 'end', tx: id, commit: false });
      },
      listen: () => Promise.reject(new Error('LISTEN is not available on the database thread')),
      get closed() {
        return closed;
      },
    } as unknown as Transaction;
    let result: T;
    try {
      result = await fn(tx);
    } catch (e) {
      if (!closed) {
        closed = true;
        await this.send({ op: 'end', tx: id, commit: false }).catch(() => {});
      }
      throw e;
    }
    if (!closed) {
      closed = true;
      await this.send({ op: 'end', tx: id, commit: true });
    }
    return result;
  }

  /** Closes the database (PGlite writes its data folder) and ends the worker. */
  async close(): Promise<void> {
    if (!this.broken) await this.send({ op: 'close' }).catch(() => {});
    await this.worker.terminate();
  }

  /** this handle where drizzle and the pg-boss adapter expect a PGlite */
  asPglite(): PGlite {
    return this as unknown as PGlite;
  }
}
