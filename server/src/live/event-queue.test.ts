import { describe, expect, it } from 'vitest';
import { Repeater } from 'graphql-yoga';
import { createEventQueue, DROPPED, queuedResults } from './event-queue.ts';

/** a promise with its resolve, to hold a job until the test lets it go */
function deferred<T = void>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((ok) => (resolve = ok));
  return { promise, resolve };
}

/** lets every pending promise callback run */
const settle = async () => {
  for (let i = 0; i < 10; i++) await new Promise((ok) => setImmediate(ok));
};

describe('event queue', () => {
  it('runs at most its concurrency at once, and the clients in turn, not one client\'s whole backlog first', async () => {
    const queue = createEventQueue(2);
    const gates = new Map<string, ReturnType<typeof deferred<void>>>();
    const started: string[] = [];
    let inFlight = 0;
    let max = 0;
    const job = (name: string) => async () => {
      started.push(name);
      max = Math.max(max, ++inFlight);
      const g = deferred();
      gates.set(name, g);
      await g.promise;
      inFlight--;
      return name;
    };
    const results: Promise<unknown>[] = [];
    for (let i = 0; i < 5; i++) results.push(queue.run('greedy', job(`g${i}`)));
    results.push(queue.run('polite', job('p0')));
    await settle();
    expect(started).toEqual(['g0', 'g1']);
    expect(queue.size()).toEqual({ running: 2, waiting: 4 });
    gates.get('g0')!.resolve();
    await settle();
    // the polite client's one job comes before the greedy client's third
    expect(started).toEqual(['g0', 'g1', 'p0']);
    while (started.length < 6 || queue.size().running) {
      for (const g of gates.values()) g.resolve();
      await settle();
    }
    for (const [, g] of gates) g.resolve();
    expect(await Promise.all(results)).toEqual(['g0', 'g1', 'g2', 'g3', 'g4', 'p0']);
    expect(started.slice(3)).toEqual(['g2', 'g3', 'g4']);
    expect(max).toBe(2);
  });

  it('drops a waiting job unrun when its signal aborts', async () => {
    const queue = createEventQueue(1);
    const hold = deferred();
    const ran: string[] = [];
    const first = queue.run('a', async () => (ran.push('first'), await hold.promise, 'first'));
    const gone = new AbortController();
    const second = queue.run('b', () => (ran.push('second'), 'second'), gone.signal);
    const third = queue.run('c', () => (ran.push('third'), 'third'));
    await settle();
    gone.abort();
    expect(await second).toBe(DROPPED);
    expect(queue.size()).toEqual({ running: 1, waiting: 1 });
    hold.resolve();
    expect(await first).toBe('first');
    expect(await third).toBe('third');
    expect(ran).toEqual(['first', 'third']);
    // a signal already aborted never queues
    expect(await queue.run('d', () => ran.push('late'), gone.signal)).toBe(DROPPED);
    expect(ran).toEqual(['first', 'third']);
  });
});

describe('queued results', () => {
  it('executes a slow subscriber\'s latest event only, not the backlog of events it missed', async () => {
    const queue = createEventQueue(2);
    let push!: (n: number) => Promise<unknown>;
    const source = new Repeater<number>(async (p, stop) => {
      push = p;
      await stop;
    });
    const executed: number[] = [];
    const results = queuedResults(source[Symbol.asyncIterator](), (n: number) => (executed.push(n), n * 10), queue, 'a');
    const first = results.next();
    await settle();
    await push(1);
    expect(await first).toEqual({ done: false, value: 10 });
    // five events while the subscriber is busy elsewhere: it gets the last one, once
    for (let n = 2; n <= 6; n++) await push(n);
    await settle();
    expect(await results.next()).toEqual({ done: false, value: 60 });
    expect(executed).toEqual([1, 6]);
    await results.return!();
    expect(await results.next()).toEqual({ done: true, value: undefined });
  });

  it('drops its queued execution unrun and stops its source when the subscriber goes', async () => {
    const queue = createEventQueue(1);
    const hold = deferred();
    const busy = queue.run('other', () => hold.promise);
    let push!: (n: number) => Promise<unknown>;
    let stopped = false;
    const source = new Repeater<number>(async (p, stop) => {
      push = p;
      await stop;
      stopped = true;
    });
    const executed: number[] = [];
    const gone = new AbortController();
    const results = queuedResults(source[Symbol.asyncIterator](), (n: number) => (executed.push(n), n), queue, 'a', gone.signal);
    const next = results.next();
    await settle();
    await push(1);
    await settle();
    expect(queue.size()).toEqual({ running: 1, waiting: 1 });
    gone.abort();
    expect(await next).toEqual({ done: true, value: undefined });
    expect(queue.size()).toEqual({ running: 1, waiting: 0 });
    hold.resolve();
    await busy;
    await settle();
    expect(executed).toEqual([]);
    expect(stopped).toBe(true);
  });

  it('ends after its last event\'s result, and fails with the source\'s error', async () => {
    const queue = createEventQueue(1);
    const ended = queuedResults((async function* () { yield 1; })(), (n: number) => n, queue, 'a');
    expect(await ended.next()).toEqual({ done: false, value: 1 });
    expect(await ended.next()).toEqual({ done: true, value: undefined });
    const failing = queuedResults((async function* () { yield 1; throw new Error('read failed'); })(), (n: number) => n, queue, 'a');
    expect(await failing.next()).toEqual({ done: false, value: 1 });
    await expect(failing.next()).rejects.toThrow('read failed');
  });
});
