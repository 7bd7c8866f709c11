import { afterEach, describe, expect, it, vi } from 'vitest';
import { localChangeFeed } from '../db/changes.ts';
import { createPresence } from './presence.ts';

afterEach(() => {
  vi.useRealTimers();
});

/** the next value of an iterator (a presence list) */
const next = async (it: AsyncIterator<string[]>) => (await it.next()).value as string[];

describe('presence', () => {
  it('answers another process joining with its own sessions, and forgets that process once it falls silent for three heartbeats', async () => {
    vi.useFakeTimers();
    const feed = localChangeFeed('here');
    const presence = createPresence(feed, { heartbeatMs: 1000 });
    const said: unknown[] = [];
    feed.subscribe((e, meta) => void (meta.origin === 'here' && e.kind === 'presence' && said.push(e)));
    const alice = presence.hold(7, 'alice')[Symbol.asyncIterator]();
    expect(await next(alice)).toEqual(['alice']);
    // bob opens dump 7 in another process: this one answers with alice's session
    said.length = 0;
    feed.deliver({ kind: 'presence', state: 'join', dumpId: 7, session: 's-bob', editor: 'bob' }, { local: false, origin: 'there' });
    expect(await next(alice)).toEqual(['alice', 'bob']);
    expect(said).toEqual([expect.objectContaining({ state: 'here', dumpId: 7, editor: 'alice' })]);
    // a join for another dump is not answered
    said.length = 0;
    feed.deliver({ kind: 'presence', state: 'join', dumpId: 8, session: 's-carol', editor: 'carol' }, { local: false, origin: 'there' });
    expect(said).toEqual([]);
    expect(presence.editors(8)).toEqual(['carol']);
    // bob's process keeps beating for a while, then dies without a leave
    for (let i = 0; i < 3; i++) {
      await vi.advanceTimersByTimeAsync(1000);
      feed.deliver({ kind: 'presence', state: 'here', dumpId: 7, session: 's-bob', editor: 'bob' }, { local: false, origin: 'there' });
    }
    expect(presence.editors(7)).toEqual(['alice', 'bob']);
    await vi.advanceTimersByTimeAsync(4000);
    expect(presence.editors(7)).toEqual(['alice']);
    expect(await next(alice)).toEqual(['alice']);
    // alice's own session never expires while she holds it
    await vi.advanceTimersByTimeAsync(10_000);
    expect(presence.editors(7)).toEqual(['alice']);
    await alice.return?.();
    expect(presence.editors(7)).toEqual([]);
    presence.close();
  });

  it('a session of a process that died while no window was open here is not listed to a window opened later', async () => {
    vi.useFakeTimers();
    const feed = localChangeFeed('here');
    const presence = createPresence(feed, { heartbeatMs: 1000 });
    // bob's process announces a session, then dies without a leave; nothing is open in this process
    feed.deliver({ kind: 'presence', state: 'join', dumpId: 4, session: 's-bob', editor: 'bob' }, { local: false, origin: 'there' });
    expect(presence.editors(4)).toEqual(['bob']);
    await vi.advanceTimersByTimeAsync(5000);
    expect(presence.editors(4)).toEqual([]);
    // alice opens the dump after bob's process fell silent: she is alone from her first list
    const alice = presence.hold(4, 'alice')[Symbol.asyncIterator]();
    expect(await next(alice)).toEqual(['alice']);
    await alice.return?.();
    presence.close();
  });

  it('a leave removes the session at once; one editor in two windows is listed once', async () => {
    const feed = localChangeFeed('here');
    const presence = createPresence(feed);
    const a1 = presence.hold(3, 'alice')[Symbol.asyncIterator]();
    expect(await next(a1)).toEqual(['alice']);
    const a2 = presence.hold(3, 'alice')[Symbol.asyncIterator]();
    expect(await next(a2)).toEqual(['alice']);
    feed.deliver({ kind: 'presence', state: 'join', dumpId: 3, session: 's1', editor: 'bob' }, { local: false, origin: 'there' });
    expect(await next(a1)).toEqual(['alice', 'bob']);
    feed.deliver({ kind: 'presence', state: 'leave', dumpId: 3, session: 's1', editor: 'bob' }, { local: false, origin: 'there' });
    expect(await next(a1)).toEqual(['alice']);
    await a2.return?.();
    expect(presence.editors(3)).toEqual(['alice']);
    await a1.return?.();
    expect(presence.editors(3)).toEqual([]);
    presence.close();
  });
});

describe('presence sources', () => {
  it('gives the windows on one dump one source, released when the last window closes', async () => {
    const WINDOWS = 8;
    const feed = localChangeFeed('here');
    const presence = createPresence(feed);
    const windows = Array.from({ length: WINDOWS }, (_, i) => presence.hold(5, `editor${i % 3}`)[Symbol.asyncIterator]());
    const firsts = await Promise.all(windows.map((w) => w.next()));
    expect(firsts.every((f) => Array.isArray(f.value))).toBe(true);
    const other = presence.hold(6, 'dora')[Symbol.asyncIterator]();
    expect(await next(other)).toEqual(['dora']);
    expect(presence.sources()).toBe(2);
    // a change is one list, the same one, for every window on the dump
    feed.deliver({ kind: 'presence', state: 'join', dumpId: 5, session: 's-bob', editor: 'bob' }, { local: false, origin: 'there' });
    const lists = await Promise.all(windows.map(async (w) => {
      for (;;) {
        const names = await next(w);
        if (names.includes('bob')) return names;
      }
    }));
    expect(lists[0]).toEqual(['bob', 'editor0', 'editor1', 'editor2']);
    for (const l of lists) expect(l).toBe(lists[0]);
    for (const w of windows.slice(1)) await w.return?.();
    expect(presence.sources()).toBe(2);
    await windows[0]!.return?.();
    expect(presence.sources()).toBe(1);
    await other.return?.();
    expect(presence.sources()).toBe(0);
    presence.close();
  });
});
