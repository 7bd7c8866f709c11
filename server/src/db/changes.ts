/**
 * A change feed: "committed data changed" announced to every copydesk process on one database,
 * so that what a process keeps in memory (the anonymous response cache) is dropped everywhere.
 * On PostgreSQL it is LISTEN/NOTIFY on one channel (a connection of its own per process); PGlite
 * lives in one process, so there it stays in process.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { Database } from './client.ts';

export const CHANGES_CHANNEL = 'copydesk_changes';
/** how long an announcement waits for its own notification to come back (a lost connection) */
const ECHO_WAIT_MS = 1000;

export interface ChangeFeed {
  /**
   * Tells this process's subscribers at once and every other process on the database; resolves
   * once PostgreSQL has handed the notification to every listener (its own copy came back, 1 s at
   * most). Call it after the change committed. Never throws: a failed NOTIFY is logged.
   */
  announce(): Promise<void>;
  /** `fn` runs on each announcement, this process's or another's; returns the unsubscribe */
  subscribe(fn: () => void): () => void;
  close(): Promise<void>;
}

/** A feed for one process only (PGlite, tests, a single server). */
export function localChangeFeed(): ChangeFeed {
  const subscribers = new Set<() => void>();
  return {
    async announce() {
      for (const fn of subscribers) fn();
    },
    subscribe(fn) {
      subscribers.add(fn);
      return () => void subscribers.delete(fn);
    },
    async close() {
      subscribers.clear();
    },
  };
}

/**
 * The feed of `database`: LISTEN/NOTIFY when it is PostgreSQL (`databaseUrl`), in process on
 * PGlite. If the listening connection is lost, subscribers are called (nothing cached can be
 * trusted) and it reconnects every `retryMs` until it listens again.
 */
export async function openChangeFeed(database: Database, databaseUrl: string | undefined, { retryMs = 1000 } = {}): Promise<ChangeFeed> {
  const local = localChangeFeed();
  if (database.kind !== 'postgres' || !databaseUrl) return local;
  const origin = randomUUID();
  let serial = 0;
  /** announcements of this process waiting for their own notification to come back */
  const echoes = new Map<string, () => void>();
  let client: pg.Client | null = null;
  let closed = false;
  let timer: NodeJS.Timeout | null = null;
  const everyone = () => void local.announce();
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: databaseUrl });
    c.on('notification', (n) => {
      if (n.channel !== CHANGES_CHANNEL) return;
      const echo = n.payload ? echoes.get(n.payload) : undefined;
      if (echo) echo();
      else if (!n.payload?.startsWith(`${origin}:`)) everyone();
    });
    c.on('error', () => {
      if (client !== c || closed) return;
      client = null;
      everyone();
      void c.end().catch(() => {});
      timer = setTimeout(() => void connect().catch(() => {}), retryMs);
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${CHANGES_CHANNEL}`);
    } catch (e) {
      void c.end().catch(() => {});
      if (!closed) timer = setTimeout(() => void connect().catch(() => {}), retryMs);
      throw e;
    }
    if (closed) return void (await c.end().catch(() => {}));
    client = c;
    // what changed while nobody listened
    everyone();
  };
  await connect();
  return {
    async announce() {
      await local.announce();
      // PostgreSQL hands a notification to every listener at once: once ours is back, the other
      // processes have theirs in hand too, before this change's answer reaches its client
      const payload = `${origin}:${++serial}`;
      const back = client
        ? new Promise<void>((ok) => {
            const timer = setTimeout(() => (echoes.delete(payload), ok()), ECHO_WAIT_MS);
            echoes.set(payload, () => (clearTimeout(timer), echoes.delete(payload), ok()));
          })
        : Promise.resolve();
      try {
        await database.db.execute(sql`select pg_notify(${CHANGES_CHANNEL}, ${payload})`);
        await back;
      } catch (e) {
        echoes.get(payload)?.();
        console.warn(`copydesk: could not tell other processes of a change (${(e as Error).message})`);
      }
    },
    subscribe: local.subscribe,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      await local.close();
      await client?.end().catch(() => {});
      client = null;
    },
  };
}
