/**
 * A value re-read whenever the change feed says something changed, as an async iterable: the
 * live subscriptions' one mechanism. The first value is read at once; after that a change event
 * marks it dirty and it is read again (a burst of events is one read, never two at once), and
 * pushed only when its key differs from the last one pushed.
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

/**
 * The values of `read()`, pushed at start and after each relevant change. The iterable ends
 * with `read`'s error when one fails; stopping it (a client going away) unsubscribes from the feed.
 */
export function watch<T>(changes: ChangeFeed, read: () => Promise<T>, { key, wants = changed, pollMs = 0 }: WatchOptions<T>): AsyncIterable<T> {
  return new Repeater<T>(async (push, stop) => {
    let dirty = true;
    let running = false;
    let last: string | undefined;
    let timer: NodeJS.Timeout | null = null;
    const look = async (): Promise<void> => {
      if (running) return;
      running = true;
      try {
        while (dirty) {
          dirty = false;
          const value = await read();
          const k = key(value);
          if (k !== last) {
            last = k;
            await push(value);
          }
          const every = typeof pollMs === 'function' ? pollMs(value) : pollMs;
          if (timer) clearTimeout(timer);
          timer = every > 0 ? setTimeout(() => ((dirty = true), void look()), every) : null;
        }
      } catch (e) {
        stop(e);
      } finally {
        running = false;
      }
    };
    const off = changes.subscribe((event) => {
      if (!wants(event)) return;
      dirty = true;
      void look();
    });
    void look();
    await stop;
    off();
    if (timer) clearTimeout(timer);
  });
}
