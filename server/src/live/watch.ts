/**
 * A value re-read whenever the change feed says something changed, as an async iterable: the
 * live subscriptions' one mechanism. The subscribers of one value (the same `id` on the same
 * feed: every reviewCounts subscriber, every dumpUpdated subscriber of one dump) share one reader:
 * a change event is one read for all of them, never one per subscriber. The first value is read
 * at once (a later subscriber gets the last value read); after that a change event marks it dirty
 * and it is read again (a burst of events is one read, never two at once), and pushed to each
 * subscriber only when its key differs from the last one that subscriber got.
 *
 * The readers of one feed take turns: at most WATCH_READS_AT_ONCE reads run at once (a change
 * event marks every reader dirty: a thousand dumps watched were a thousand reads at once), and a
 * reader waiting for its turn reads once, however many events came meanwhile.
 */
import { Repeater } from 'graphql-yoga';
import type { ChangeFeed, FeedEvent } from '../db/changes.ts';

export interface WatchOptions<T> {
  /** the identity of a value: a value with the same key as the last one is not pushed again */
  key: (value: T) => string;
  /** which feed events make it read again; default: every `changed` event */
  wants?: (event: FeedEvent) => boolean;
  /** also read again every `pollMs` ms (for writers that do not announce, e.g. a separate worker process); 0: never */
  pollMs?: number | ((value: T) => number);
}

const changed = (e: FeedEvent) => e.kind === 'changed';

interface Subscriber {
  /** the key of the last value pushed to it */
  last?: string;
  push: (value: unknown, key: string) => void;
  fail: (error: unknown) => void;
}

/** the shared reader of one value: its subscribers and the last value read */
interface Reader {
  subscribers: Set<Subscriber>;
  current?: { value: unknown; key: string };
  close: () => void;
}

/** per feed: the readers by value id */
const readers = new WeakMap<ChangeFeed, Map<string, Reader>>();

/** how many watched values one feed (one server process) reads at once; the others wait their turn */
export const WATCH_READS_AT_ONCE = 2;

/** A turn taker: `take` resolves when one of `size` places is free; the returned function frees it. */
function places(size: number): { take(): Promise<() => void> } {
  let free = size;
  const waiting: (() => void)[] = [];
  const give = () => {
    const next = waiting.shift();
    if (next) next();
    else free++;
  };
  return {
    take: () => {
      if (free > 0) {
        free--;
        return Promise.resolve(give);
      }
      return new Promise((ok) => waiting.push(() => ok(give)));
    },
  };
}

/** per feed: the places its readers' reads take turns for */
const turns = new WeakMap<ChangeFeed, { take(): Promise<() => void> }>();

/** Starts the shared reader of `id`: it reads until its last subscriber leaves (or a read fails). */
function startReader<T>(changes: ChangeFeed, id: string, read: () => Promise<T>, { key, wants = changed, pollMs = 0 }: WatchOptions<T>): Reader {
  let byId = readers.get(changes);
  if (!byId) readers.set(changes, (byId = new Map()));
  const byIdMap = byId;
  let dirty = true;
  let running = false;
  let closed = false;
  let timer: NodeJS.Timeout | null = null;
  const reader: Reader = {
    subscribers: new Set(),
    close: () => {
      if (closed) return;
      closed = true;
      off();
      if (timer) clearTimeout(timer);
      if (byIdMap.get(id) === reader) byIdMap.delete(id);
    },
  };
  let turn = turns.get(changes);
  if (!turn) turns.set(changes, (turn = places(WATCH_READS_AT_ONCE)));
  const feedTurn = turn;
  const look = async (): Promise<void> => {
    if (running || closed) return;
    running = true;
    try {
      while (dirty && !closed) {
        const done = await feedTurn.take();
        let value: T;
        try {
          // events that came while this reader waited for its turn are all answered by this read
          if (closed) return;
          dirty = false;
          value = await read();
        } finally {
          done();
        }
        const k = key(value);
        reader.current = { value, key: k };
        for (const s of reader.subscribers) s.push(value, k);
        const every = typeof pollMs === 'function' ? pollMs(value) : pollMs;
        if (timer) clearTimeout(timer);
        timer = every > 0 && !closed ? setTimeout(() => ((dirty = true), void look()), every) : null;
      }
    } catch (e) {
      // a failed read ends every subscription of the value; the next subscriber starts a new reader
      reader.close();
      for (const s of reader.subscribers) s.fail(e);
    } finally {
      running = false;
    }
  };
  const off = changes.subscribe((event) => {
    if (!wants(event)) return;
    dirty = true;
    reader.current = undefined;
    void look();
  });
  byIdMap.set(id, reader);
  void look();
  return reader;
}

/**
 * The values of `read()` under the name `id` (what identifies the value on this feed, e.g.
 * `dump:12`: subscribers with the same id share the reads, so `read` must not depend on who
 * subscribed), pushed at start and after each relevant change. The iterable ends with `read`'s
 * error when one fails; stopping it (a client going away) leaves the shared reader, which
 * unsubscribes from the feed when its last subscriber is gone.
 */
export function watch<T>(changes: ChangeFeed, id: string, read: () => Promise<T>, options: WatchOptions<T>): AsyncIterable<T> {
  return new Repeater<T>(async (push, stop) => {
    const reader = readers.get(changes)?.get(id) ?? startReader(changes, id, read, options);
    const me: Subscriber = {
      push: (value, k) => {
        if (k === me.last) return;
        me.last = k;
        // a slow client never holds the shared reader: the subscription takes its values as they come and executes only the latest (live/event-queue.ts)
        push(value as T).catch(() => {});
      },
      fail: (e) => stop(e),
    };
    reader.subscribers.add(me);
    if (reader.current) me.push(reader.current.value, reader.current.key);
    await stop;
    reader.subscribers.delete(me);
    if (!reader.subscribers.size) reader.close();
  });
}
