/**
 * Worker thread that owns the embedded database (PGlite): every statement runs here, off the
 * thread that answers requests. pglite-thread.ts is the other end.
 * In:  workerData `{ dataDir, loadDataDir? }` (a folder or "memory://"; a data-dir tarball to start from);
 *      messages `Request` (see pglite-thread.ts): query, exec, begin, end (commit or roll back), close.
 * Out: `{ ready: true }` or `{ failed: WireError }` once, then one `Reply` per request, by id.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { toWireError, type Reply, type Request } from './pglite-thread.ts';

const { dataDir, loadDataDir } = workerData as { dataDir: string; loadDataDir?: Uint8Array };
const port = parentPort!;

/** identity parsers for the type OIDs the main thread wants as text (drizzle keeps dates as PostgreSQL prints them) */
const textParsers = (oids: number[] | undefined) => (oids?.length ? Object.fromEntries(oids.map((oid) => [oid, (v: string) => v])) : undefined);

/** an open transaction: its PGlite handle and how to end it */
interface OpenTx {
  tx: Transaction;
  end(commit: boolean): void;
  /** settles when PGlite has committed (or rolled back) */
  done: Promise<unknown>;
}
const open = new Map<number, OpenTx>();
let serial = 0;

class Rollback extends Error {}

function reply(m: Reply) {
  port.postMessage(m);
}

async function main() {
  const pg = await PGlite.create(dataDir, loadDataDir ? { loadDataDir: new Blob([loadDataDir as Uint8Array<ArrayBuffer>]) } : {});
  const on = (txId: number | undefined) => {
    if (txId === undefined) return pg;
    const t = open.get(txId);
    if (!t) throw new Error(`transaction ${txId} is not open`);
    return t.tx;
  };
  const answer = async (m: Exclude<Request, { op: 'cancel' }>): Promise<unknown> => {
    switch (m.op) {
      case 'query': {
        const parsers = textParsers(m.textTypes);
        const r = await on(m.tx).query(m.text, m.params, { ...(m.rowMode ? { rowMode: m.rowMode } : {}), ...(parsers ? { parsers } : {}) });
        return { rows: r.rows, fields: r.fields, ...(r.affectedRows !== undefined ? { affectedRows: r.affectedRows } : {}) };
      }
      case 'exec':
        return (await on(m.tx).exec(m.text)).map((r) => ({ rows: r.rows, fields: r.fields, ...(r.affectedRows !== undefined ? { affectedRows: r.affectedRows } : {}) }));
      case 'begin': {
        const txId = ++serial;
        // PGlite's transaction holds its lock (no other statement runs) until the callback settles: until `end`
        return new Promise<number>((started, failed) => {
          let end!: (commit: boolean) => void;
          const decided = new Promise<boolean>((ok) => (end = ok));
          const done = pg.transaction(async (tx) => {
            open.set(txId, { tx, end, done });
            started(txId);
            if (!(await decided)) throw new Rollback();
          });
          done.catch((e) => (open.has(txId) ? undefined : failed(e)));
        });
      }
      case 'end': {
        const t = open.get(m.tx);
        if (!t) throw new Error(`transaction ${m.tx} is not open`);
        t.end(m.commit);
        try {
          await t.done;
        } catch (e) {
          if (!(e instanceof Rollback)) throw e;
        } finally {
          open.delete(m.tx);
        }
        return null;
      }
      case 'close':
        await pg.close();
        return null;
    }
  };
  const run = (m: Exclude<Request, { op: 'cancel' }>) =>
    answer(m).then(
      (result) => (reply({ id: m.id, result }), result),
      (e: unknown) => (reply({ id: m.id, error: toWireError(e) }), undefined),
    );
  /**
   * Statements outside a transaction (and `begin`, `close`) wait here, in order, and go to PGlite
   * one at a time (a `begin` holds the line until its transaction ends, as PGlite's lock does):
   * one the other end has given up on (`cancel`: timed out, or its request went away) before it
   * started is dropped, never run. A statement of an open transaction runs at once (its
   * transaction holds the database).
   */
  const waiting: Exclude<Request, { op: 'cancel' }>[] = [];
  const cancelled = new Set<number>();
  let running = false;
  const pump = async () => {
    if (running) return;
    running = true;
    try {
      for (let m = waiting.shift(); m; m = waiting.shift()) {
        if (cancelled.delete(m.id)) {
          reply({ id: m.id, error: toWireError(Object.assign(new Error('statement dropped before it started: its caller gave up'), { code: '57014' })) });
          continue;
        }
        const result = await run(m);
        if (m.op === 'begin' && typeof result === 'number') await open.get(result)?.done.catch(() => {});
      }
    } finally {
      running = false;
    }
  };
  port.on('message', (m: Request) => {
    if (m.op === 'cancel') {
      // only a statement still waiting can be dropped; a running one finishes (PGlite cannot stop it)
      if (waiting.some((w) => w.id === m.of)) cancelled.add(m.of);
      return;
    }
    if ((m.op === 'query' || m.op === 'exec') && m.tx !== undefined) return void run(m);
    if (m.op === 'end') return void run(m);
    waiting.push(m);
    void pump();
  });
  reply({ id: 0, result: 'ready' });
}

main().catch((e: unknown) => reply({ id: 0, error: toWireError(e) }));
