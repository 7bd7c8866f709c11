/**
 * Who has a dump open, agreed by every process on the database through the change feed
 * (`presence` events). A window holding the `presence` subscription is one session: it is
 * announced when it opens (`join`), again every heartbeat (`here`) and when it closes (`leave`).
 * A process that hears another's `join` for a dump it has sessions on answers with `here`, so a
 * newcomer learns who was there first; a session not heard of for three heartbeats (its process
 * died) is dropped.
 */
import { randomUUID } from 'node:crypto';
import { Repeater } from 'graphql-yoga';
import type { ChangeFeed, FeedEvent } from '../db/changes.ts';

export interface PresenceOptions {
  /** how often this process repeats its sessions (ms) */
  heartbeatMs?: number;
}

interface Session {
  dumpId: number;
  editor: string;
  /** Date.now() when last heard of */
  seenAt: number;
}

export interface Presence {
  /**
   * `editor` has dump `dumpId` open while the returned iterable is consumed; it yields the sorted,
   * distinct names of everyone who has the dump open (`editor` included), at once and on every change.
   */
  hold(dumpId: number, editor: string): AsyncIterable<string[]>;
  /** the sorted, distinct names of the editors who have the dump open now */
  editors(dumpId: number): string[];
  /** stops the heartbeat and forgets every session */
  close(): void;
}

export function createPresence(changes: ChangeFeed, { heartbeatMs = 10_000 }: PresenceOptions = {}): Presence {
  /** `${origin}/${session}` → session, this process's and the others' */
  const sessions = new Map<string, Session>();
  const mine = new Map<string, Session>();
  const listeners = new Set<(dumpId: number) => void>();
  let timer: NodeJS.Timeout | null = null;
  const tell = (dumpId: number) => {
    for (const fn of [...listeners]) fn(dumpId);
  };
  const say = (state: 'join' | 'here' | 'leave', session: string, s: Session) =>
    void changes.announce({ kind: 'presence', state, session, dumpId: s.dumpId, editor: s.editor });
  const heartbeat = () => {
    for (const [id, s] of mine) say('here', id, s);
    const cutoff = Date.now() - 3 * heartbeatMs;
    for (const [key, s] of sessions) {
      if (s.seenAt >= cutoff || key.startsWith(`${changes.origin}/`)) continue;
      sessions.delete(key);
      tell(s.dumpId);
    }
  };
  const off = changes.subscribe((event: FeedEvent, meta) => {
    if (event.kind !== 'presence') return;
    const key = `${meta.origin}/${event.session}`;
    if (event.state === 'leave') {
      if (sessions.delete(key)) tell(event.dumpId);
      return;
    }
    const known = sessions.get(key);
    sessions.set(key, { dumpId: event.dumpId, editor: event.editor, seenAt: Date.now() });
    if (!known) tell(event.dumpId);
    if (event.state === 'join' && !meta.local) for (const [id, s] of mine) if (s.dumpId === event.dumpId) say('here', id, s);
  });
  const editors = (dumpId: number) => [...new Set([...sessions.values()].filter((s) => s.dumpId === dumpId).map((s) => s.editor))].sort();
  return {
    editors,
    hold(dumpId, editor) {
      return new Repeater<string[]>(async (push, stop) => {
        const id = randomUUID();
        const s: Session = { dumpId, editor, seenAt: Date.now() };
        let last = '';
        const update = (d: number) => {
          if (d !== dumpId) return;
          const names = editors(dumpId);
          const key = JSON.stringify(names);
          if (key === last) return;
          last = key;
          void push(names);
        };
        listeners.add(update);
        mine.set(id, s);
        if (!timer) (timer = setInterval(heartbeat, heartbeatMs)).unref();
        say('join', id, s);
        update(dumpId);
        await stop;
        listeners.delete(update);
        mine.delete(id);
        if (!mine.size && timer) (clearInterval(timer), (timer = null));
        say('leave', id, s);
      });
    },
    close() {
      off();
      if (timer) clearInterval(timer);
      timer = null;
      sessions.clear();
      mine.clear();
    },
  };
}
