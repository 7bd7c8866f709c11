/**
 * Who has a dump open, agreed by every process on the database through the change feed (`presence`
 * events). A window holding the `presence` subscription is one session: it is announced when it opens
 * (`join`), again every heartbeat (`here`) and when it closes (`leave`). A process that hears
 * another's `join` for a dump it has sessions on answers with `here`, so a newcomer learns who was
 * there first; a session not heard of for three heartbeats (its process died) is dropped, and never
 * listed, whether or not this process had a window open meanwhile. The windows holding one dump share
 * one source of its names: a change is one look at the sessions and one list (the same object) pushed
 * to every window, not one per window; the source is released when the dump's last window closes.
 */
import { randomUUID } from 'node:crypto';
import { Repeater } from 'graphql-yoga';
import type { ChangeFeed, FeedEvent } from '../db/changes.ts';

export interface PresenceOptions {
  /** how often this process repeats its sessions (ms) */
  heartbeatMs?: number;
}

/** the shared source of one dump's names: the windows holding it, and the last list pushed to them */
interface Room {
  windows: Set<(names: string[]) => void>;
  key?: string;
  names?: string[];
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
  /** how many dumps have a source of names now: one per dump held, however many windows hold it (diagnostics, tests) */
  sources(): number;
  /** stops the heartbeat and forgets every session */
  close(): void;
}

export function createPresence(changes: ChangeFeed, { heartbeatMs = 10_000 }: PresenceOptions = {}): Presence {
  /** `${origin}/${session}` → session, this process's and the others' */
  const sessions = new Map<string, Session>();
  const mine = new Map<string, Session>();
  /** per dump held in this process: the one source its windows share */
  const rooms = new Map<number, Room>();
  let timer: NodeJS.Timeout | null = null;
  /** the dump's names changed, maybe: its source looks once and pushes the list, if new, to every window */
  const tell = (dumpId: number) => {
    const room = rooms.get(dumpId);
    if (!room) return;
    const names = editors(dumpId);
    const key = JSON.stringify(names);
    if (key === room.key) return;
    room.key = key;
    room.names = names;
    for (const push of [...room.windows]) push(names);
  };
  const say = (state: 'join' | 'here' | 'leave', session: string, s: Session) =>
    void changes.announce({ kind: 'presence', state, session, dumpId: s.dumpId, editor: s.editor });
  /** another process's session not heard of for three heartbeats: its process died (this process's own never expire while held) */
  const expired = (key: string, s: Session, now: number) => s.seenAt < now - 3 * heartbeatMs && !key.startsWith(`${changes.origin}/`);
  const heartbeat = () => {
    for (const [id, s] of mine) say('here', id, s);
    const now = Date.now();
    for (const [key, s] of sessions) {
      if (!expired(key, s, now)) continue;
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
  /**
   * The live sessions' editors of a dump. Expiry is checked here as well as by the heartbeat, which
   * runs only while this process holds a window: a process that died while none was open must not
   * be listed to the next window (it is forgotten on sight).
   */
  const editors = (dumpId: number) => {
    const now = Date.now();
    const names = new Set<string>();
    for (const [key, s] of sessions) {
      if (s.dumpId !== dumpId) continue;
      if (expired(key, s, now)) sessions.delete(key);
      else names.add(s.editor);
    }
    return [...names].sort();
  };
  return {
    editors,
    hold(dumpId, editor) {
      return new Repeater<string[]>(async (push, stop) => {
        const id = randomUUID();
        const s: Session = { dumpId, editor, seenAt: Date.now() };
        const room = rooms.get(dumpId) ?? { windows: new Set() };
        rooms.set(dumpId, room);
        // a slow window never holds the others: its lists wait in its own queue
        const window = (names: string[]) => void push(names).catch(() => {});
        mine.set(id, s);
        if (!timer) (timer = setInterval(heartbeat, heartbeatMs)).unref();
        // this process's join is delivered at once: the windows already open hear of it
        say('join', id, s);
        room.windows.add(window);
        if (room.names) window(room.names);
        else tell(dumpId);
        await stop;
        room.windows.delete(window);
        if (!room.windows.size && rooms.get(dumpId) === room) rooms.delete(dumpId);
        mine.delete(id);
        if (!mine.size && timer) (clearInterval(timer), (timer = null));
        say('leave', id, s);
      });
    },
    sources: () => rooms.size,
    close() {
      off();
      if (timer) clearInterval(timer);
      timer = null;
      sessions.clear();
      mine.clear();
      rooms.clear();
    },
  };
}
