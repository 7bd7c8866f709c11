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
  port.on('message', (m: Request) => {
    const answer = async (): Promise<unknown> => {
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
    answer().then(
      (result) => reply({ id: m.id, result }),
      (e: unknown) => reply({ id: m.id, error: toWireError(e) }),
    );
  });
  reply({ id: 0, result: 'ready' });
}

main().catch((e: unknown) => reply({ id: 0, error: toWireError(e) }));
