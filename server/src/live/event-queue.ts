/**
 * The one queue every subscription event's execution goes through, so that no number of
 * subscribers can make the server execute more than `concurrency` selections at once
 * (`Limits.subscriptionEventConcurrency`; one queue per app, that is per server process):
 *
 * - clients (Context.client: an editor's token, or an anonymous client's address) take turns: the
 *   next job is the one of the client served longest ago (one new to the queue first), so one
 *   client's fifty subscriptions do not hold back another's one;
 * - a subscriber has at most one execution waiting, and it runs on the latest event its source
 *   sent by the time its turn comes (`queuedResults`): a slow subscriber gets the latest value,
 *   never a backlog of the values it missed;
 * - a job whose subscriber has gone (its signal aborted) is dropped from the queue unrun.
 */

/** what `EventQueue.run` resolves with when the job was dropped unrun (its signal aborted) */
export const DROPPED: unique symbol = Symbol('dropped');

export interface EventQueue {
  /**
   * Runs `job` when a place is free and it is `client`'s turn; resolves with its result (rejects
   * with its error), or with DROPPED when `signal` aborts before it started (it never runs then).
   */
  run<T>(client: string, job: () => T | Promise<T>, signal?: AbortSignal): Promise<T | typeof DROPPED>;
  /** jobs running now, and waiting (diagnostics, tests) */
  size(): { running: number; waiting: number };
}

interface Job {
  run: () => unknown;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
  signal: AbortSignal | undefined;
  forget: () => void;
}

/** A queue running at most `concurrency` (≥ 1) jobs at once, clients in rotation. */
export function createEventQueue(concurrency: number): EventQueue {
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`subscription event concurrency must be a whole number ≥ 1, not ${concurrency}`);
  /** each client with jobs waiting or running: its waiting jobs, how many run, and when it was last served */
  const clients = new Map<string, { jobs: Job[]; running: number; served: number }>();
  let running = 0;
  let count = 0;
  let tick = 0;
  /** the client with jobs waiting served longest ago (a client new to the queue first; ties in arrival order) */
  const nextClient = () => {
    let best: [string, { jobs: Job[]; running: number; served: number }] | null = null;
    for (const entry of clients) if (entry[1].jobs.length && (!best || entry[1].served < best[1].served)) best = entry;
    return best;
  };
  const pump = () => {
    let picked;
    while (running < concurrency && (picked = nextClient())) {
      const [client, entry] = picked;
      const job = entry.jobs.shift()!;
      entry.served = tick++;
      entry.running++;
      count--;
      job.forget();
      running++;
      void (async () => {
        try {
          job.resolve(await job.run());
        } catch (e) {
          job.reject(e);
        } finally {
          running--;
          if (!--entry.running && !entry.jobs.length) clients.delete(client);
          pump();
        }
      })();
    }
  };
  return {
    run<T>(client: string, run: () => T | Promise<T>, signal?: AbortSignal) {
      if (signal?.aborted) return Promise.resolve(DROPPED);
      return new Promise<T | typeof DROPPED>((resolve, reject) => {
        const drop = () => {
          const entry = clients.get(client);
          const at = entry ? entry.jobs.indexOf(job) : -1;
          if (at < 0) return;
          entry!.jobs.splice(at, 1);
          if (!entry!.jobs.length && !entry!.running) clients.delete(client);
          count--;
          resolve(DROPPED);
        };
        const job: Job = { run, resolve: resolve as (v: unknown) => void, reject, signal, forget: () => signal?.removeEventListener('abort', drop) };
        signal?.addEventListener('abort', drop, { once: true });
        const entry = clients.get(client);
        if (entry) entry.jobs.push(job);
        else clients.set(client, { jobs: [job], running: 0, served: -1 });
        count++;
        pump();
      });
    },
    size: () => ({ running, waiting: count }),
  };
}

/**
 * The results of `execute` on the events of `source`, each execution run through `queue` as
 * `client`'s: the source is read as fast as it sends (it is never left holding a backlog), and
 * only its latest event is kept; when the consumer asks for the next result, one execution is
 * queued, and it executes the latest event there is when it runs. Returning (the subscriber has
 * gone) or `signal` aborting drops a queued execution unrun and stops the source. The source's end
 * or error comes after the result of its last event.
 */
export function queuedResults<E, R>(source: AsyncIterator<E>, execute: (event: E) => R | Promise<R>, queue: EventQueue, client: string, signal?: AbortSignal): AsyncIterableIterator<R> {
  const gone = new AbortController();
  const done = { done: true, value: undefined } as IteratorReturnResult<undefined>;
  let latest: { event: E } | null = null;
  let ended: { error?: unknown; failed: boolean } | null = null;
  let wake: (() => void) | null = null;
  const woken = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const leave = () => {
    if (gone.signal.aborted) return;
    gone.abort();
    woken();
    void Promise.resolve(source.return?.()).catch(() => {});
  };
  signal?.addEventListener('abort', leave, { once: true });
  if (signal?.aborted) leave();
  void (async () => {
    try {
      while (!gone.signal.aborted) {
        const r = await source.next();
        if (r.done) break;
        latest = { event: r.value };
        woken();
      }
      ended = { failed: false };
    } catch (error) {
      ended = { error, failed: true };
    }
    woken();
  })();
  const iterator: AsyncIterableIterator<R> = {
    [Symbol.asyncIterator]: () => iterator,
    async next() {
      for (;;) {
        if (gone.signal.aborted) return done;
        if (latest) {
          const result = await queue.run(
            client,
            () => {
              const { event } = latest!;
              latest = null;
              return execute(event);
            },
            gone.signal,
          );
          if (result === DROPPED) return done;
          return { done: false, value: result };
        }
        if (ended) {
          signal?.removeEventListener('abort', leave);
          if (ended.failed) throw ended.error;
          return done;
        }
        await new Promise<void>((ok) => (wake = ok));
      }
    },
    async return() {
      signal?.removeEventListener('abort', leave);
      leave();
      return done;
    },
    async throw() {
      signal?.removeEventListener('abort', leave);
      leave();
      return done;
    },
  };
  return iterator;
}
