import { describe, expect, it } from 'vitest';
import { localChangeFeed } from '../db/changes.ts';
import { WATCH_READS_AT_ONCE, watch } from './watch.ts';

/** reads that count how many run at once, each held until `release()` */
function heldReads() {
  let running = 0;
  let most = 0;
  let reads = 0;
  let open: (() => void)[] = [];
  const read = (id: number) => async () => {
    reads++;
    most = Math.max(most, ++running);
    await new Promise<void>((ok) => open.push(ok));
    running--;
    return { id, serial: reads };
  };
  const release = () => {
    const now = open;
    open = [];
    for (const ok of now) ok();
  };
  return { read, release, stats: () => ({ running, most, reads }) };
}

const settle = () => new Promise((ok) => setTimeout(ok, 0));

describe('watch', () => {
  it('reads at most WATCH_READS_AT_ONCE watched values at once, however many are watched, and a waiting reader reads once for a burst of events', async () => {
    const VALUES = 30;
    const feed = localChangeFeed('here');
    const held = heldReads();
    const its = Array.from({ length: VALUES }, (_, i) => watch(feed, `value:${i}`, held.read(i), { key: (v) => String(v.serial) })[Symbol.asyncIterator]());
    const firsts = its.map((it) => it.next());
    // drain: each round lets the running reads finish and the next ones start
    for (let round = 0; round < VALUES; round++) {
      await settle();
      expect(held.stats().running).toBeLessThanOrEqual(WATCH_READS_AT_ONCE);
      held.release();
    }
    await Promise.all(firsts);
    expect(held.stats().most).toBe(WATCH_READS_AT_ONCE);
    expect(held.stats().reads).toBe(VALUES);
    // a burst of five events: every value is read again once; only the reads already running when
    // later events came (at most WATCH_READS_AT_ONCE) read a third time, their value possibly stale
    const seconds = its.map((it) => it.next());
    for (let i = 0; i < 5; i++) await feed.announce();
    for (let round = 0; round < VALUES * 2; round++) {
      await settle();
      expect(held.stats().running).toBeLessThanOrEqual(WATCH_READS_AT_ONCE);
      held.release();
    }
    await Promise.all(seconds);
    expect(held.stats().reads).toBeGreaterThanOrEqual(VALUES * 2);
    expect(held.stats().reads).toBeLessThanOrEqual(VALUES * 2 + WATCH_READS_AT_ONCE);
    expect(held.stats().most).toBe(WATCH_READS_AT_ONCE);
    await Promise.all(its.map((it) => it.return?.()));
  });
});
