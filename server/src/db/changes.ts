/**
 * A change feed: events announced to every copydesk process on one database. "Committed data
 * changed" drops what a process keeps in memory (the anonymous response cache) everywhere and
 * wakes the live subscriptions; presence events tell who has a dump open. On PostgreSQL it is
 * LISTEN/NOTIFY on one channel (a connection of its own per process); PGlite lives in one
 * process, so there it stays in process. The channel's payload format lives here only
 * (`encode` / `decode`).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { Database } from './client.ts';

export const CHANGES_CHANNEL = 'copydesk_changes';

/**
 * What the feed carries. `changed`: a committed write (anything may have changed: the response
 * cache empties, the subscriptions read again). `presence`: an editor's session
 * on a dump opened (`join`), is still open (`here`, repeated as a heartbeat) or closed (`leave`);
 * `session` is unique per open editor window.
 */
export type FeedEvent =
  | { kind: 'changed' }
  | { kind: 'presence'; state: 'join' | 'here' | 'leave'; dumpId: number; session: string; editor: string };

/** where an event came from: this process (`local`) or another process on the database */
export interface FeedMeta {
  local: boolean;
  /** the announcing process's id (unique per process and feed) */
  origin: string;
}

/** NOTIFY payloads are at most 8000 bytes: an event that would not fit is sent as `changed` */
const MAX_PAYLOAD = 7000;

interface Wire {
  o: string;
  s: number;
  e: FeedEvent;
}

/** The channel's payload: origin, serial (for the echo) and the event, as JSON. */
function encode(origin: string, serial: number, event: FeedEvent): string {
  const text = JSON.stringify({ o: origin, s: serial, e: event } satisfies Wire);
  return text.length <= MAX_PAYLOAD ? text : JSON.stringify({ o: origin, s: serial, e: { kind: 'changed' } } satisfies Wire);
}

/** A payload read back, or null for one this version does not understand. */
function decode(payload: string | undefined): Wire | null {
  if (!payload) return null;
  try {
    const w = JSON.parse(payload) as Wire;
    return typeof w?.o === 'string' && typeof w.s === 'number' && (w.e?.kind === 'changed' || w.e?.kind === 'presence') ? w : null;
  } catch {
    return null;
  }
}

const CHANGED: FeedEvent = { kind: 'changed' };
/** how long an announcement waits for its own notification to come back (a lost connection) */
const ECHO_WAIT_MS = 1000;

export interface ChangeFeed {
  /**
   * Tells this process's subscribers at once and every other process on the database; resolves
   * once PostgreSQL has handed the notification to every listener (its own copy came back, 1 s at
   * most). Call it after the change committed. Never throws: a failed NOTIFY is logged.
   * `event` defaults to `{ kind: 'changed' }`.
   */
  announce(event?: FeedEvent): Promise<void>;
  /**
   * `fn` runs on each announcement, this process's or another's; returns the unsubscribe. After
   * a lost connection to the database it gets `{ kind: 'changed' }` (anything may have changed).
   */
  subscribe(fn: (event: FeedEvent, meta: FeedMeta) => void): () => void;
  /** this process's id in `FeedMeta.origin` */
  readonly origin: string;
  close(): Promise<void>;
}

/** A feed for one process only (PGlite, tests, a single server); `deliver` hands an event to its subscribers without announcing it. */
export function localChangeFeed(origin: string = randomUUID()): ChangeFeed & { deliver(event: FeedEvent, meta: FeedMeta): void } {
  const subscribers = new Set<(event: FeedEvent, meta: FeedMeta) => void>();
  const deliver = (event: FeedEvent, meta: FeedMeta) => {
    for (const fn of [...subscribers]) {
      try {
        fn(event, meta);
      } catch (e) {
        console.warn(`copydesk: a change subscriber failed (${(e as Error).message})`);
      }
    }
  };
  return {
    origin,
    deliver,
    async announce(event = CHANGED) {
      deliver(event, { local: true, origin });
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
  const origin = randomUUID();
  const local = localChangeFeed(origin);
  if (database.kind !== 'postgres' || !databaseUrl) return local;
  let serial = 0;
  /** announcements of this process waiting for their own notification to come back */
  const echoes = new Map<string, () => void>();
  let client: pg.Client | null = null;
  let closed = false;
  let timer: NodeJS.Timeout | null = null;
  const everyone = () => local.deliver(CHANGED, { local: true, origin });
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: databaseUrl });
    c.on('notification', (n) => {
      if (n.channel !== CHANGES_CHANNEL) return;
      const wire = decode(n.payload);
      if (!wire) return everyone();
      if (wire.o === origin) return echoes.get(`${wire.s}`)?.();
      local.deliver(wire.e, { local: false, origin: wire.o });
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
    origin,
    async announce(event = CHANGED) {
      await local.announce(event);
      // PostgreSQL hands a notification to every listener at once: once ours is back, the other
      // processes have theirs in hand too, before this change's answer reaches its client
      const id = `${++serial}`;
      const payload = encode(origin, serial, event);
      const back = client
        ? new Promise<void>((ok) => {
            const timer = setTimeout(() => (echoes.delete(id), ok()), ECHO_WAIT_MS);
            echoes.set(id, () => (clearTimeout(timer), echoes.delete(id), ok()));
          })
        : Promise.resolve();
      try {
        await database.db.execute(sql`select pg_notify(${CHANGES_CHANNEL}, ${payload})`);
        await back;
      } catch (e) {
        echoes.get(id)?.();
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
