/**
 * Subscriptions are bounded (break report 7): a cap per client (an editor's token, or an
 * anonymous client's address) and in total, refused with LIMIT_EXCEEDED; an unknown dump is
 * NOT_FOUND, not an open stream of null; and one change read once for every subscriber of a value.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '@copydesk/server/yoga.ts';
import { localChangeFeed, type ChangeFeed } from '@copydesk/server/db/changes.ts';
import { DEFAULT_LIMITS } from '@copydesk/server/graphql/limits.ts';
import { createTestApp, DEFAULT_CONFIG, TEST_TOKEN, type TestApp } from '../helpers/app.ts';
import { subscribe, type Subscription } from '../helpers/sse.ts';

const COUNTS = `subscription { reviewCounts { total } }`;
const from = (address: string) => ({ 'x-forwarded-for': address });

let t: TestApp;
let feed: ChangeFeed;
let app: App;
const open: Subscription[] = [];

beforeAll(async () => {
  t = await createTestApp();
  feed = localChangeFeed();
  app = createApp({ db: t.database.db, config: { ...DEFAULT_CONFIG, trustProxy: true, limits: { ...DEFAULT_LIMITS, maxSubscriptionsPerClient: 3, maxSubscriptions: 5 } }, changes: feed });
});
afterAll(async () => {
  for (const s of open) s.close();
  await feed?.close();
  await t?.close();
});

async function hold(token: string | null, headers: Record<string, string>) {
  const sub = await subscribe(app, COUNTS, {}, token, headers);
  open.push(sub);
  return sub;
}

/** waits until `check` passes (a closed stream is released when the server notices it ended) */
async function eventually(check: () => Promise<boolean>, ms = 5000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('not within time');
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

describe('subscription limits', () => {
  it('refuse a client its subscription over the per-client cap with LIMIT_EXCEEDED, others still get theirs', async () => {
    const mine = [];
    for (let i = 0; i < 3; i++) {
      const s = await hold(null, from('10.0.0.1'));
      expect((await s.next()).data?.reviewCounts).toBeDefined();
      mine.push(s);
    }
    const fourth = await hold(null, from('10.0.0.1'));
    const refused = await fourth.next();
    expect(refused.data?.reviewCounts).toBeUndefined();
    expect(refused.errors?.[0]?.extensions?.code).toBe('LIMIT_EXCEEDED');
    // another address, and an editor (counted by token) are other clients
    const other = await hold(null, from('10.0.0.2'));
    expect((await other.next()).data?.reviewCounts).toBeDefined();
    const editor = await hold(TEST_TOKEN, from('10.0.0.1'));
    expect((await editor.next()).data?.reviewCounts).toBeDefined();
    // a closed subscription frees its place
    mine[0]!.close();
    await eventually(async () => {
      const again = await hold(null, from('10.0.0.1'));
      const p = await again.next();
      return p.data?.reviewCounts !== undefined;
    });
  });

  it('refuse any client over the total cap with LIMIT_EXCEEDED', async () => {
    // 5 open now: 3 from 10.0.0.1, one from 10.0.0.2, the editor's
    const sub = await hold(null, from('10.0.0.3'));
    const p = await sub.next();
    expect(p.errors?.[0]?.extensions?.code).toBe('LIMIT_EXCEEDED');
    for (const s of open.splice(0)) s.close();
    await eventually(async () => {
      const again = await hold(null, from('10.0.0.3'));
      return (await again.next()).data?.reviewCounts !== undefined;
    });
    for (const s of open.splice(0)) s.close();
  });
});

describe('a subscription asked without accepting text/event-stream', () => {
  it('is refused 406 with a typed body, and holds no place in the client\'s limit', async () => {
    // Yoga started the stream, answered 406 with no body and never ended it: three such requests
    // took the three places of the client for good, and every later subscription was refused
    for (let i = 0; i < 4; i++) {
      const res = await app.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...from('10.0.0.9') },
        body: JSON.stringify({ query: COUNTS }),
      });
      expect(res.status).toBe(406);
      const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0]!.extensions.code).toBe('NOT_ACCEPTABLE');
      expect(body.errors[0]!.message).toMatch(/text\/event-stream/);
    }
    const real = await hold(null, from('10.0.0.9'));
    const first = await real.next();
    expect(first.errors, JSON.stringify(first)).toBeUndefined();
    expect(first.data?.reviewCounts).toBeDefined();
    real.close();
  });
});

describe('who a client is', () => {
  it('counts anonymous subscriptions by the connection, not by an X-Forwarded-For the client wrote, unless a proxy is trusted', async () => {
    const changes = localChangeFeed();
    const direct = createApp({ db: t.database.db, config: { ...DEFAULT_CONFIG, limits: { ...DEFAULT_LIMITS, maxSubscriptionsPerClient: 2 } }, changes });
    const subs: Subscription[] = [];
    try {
      for (const address of ['10.1.0.1', '10.1.0.2']) {
        const s = await subscribe(direct, COUNTS, {}, null, from(address));
        subs.push(s);
        expect((await s.next()).data?.reviewCounts).toBeDefined();
      }
      // a third "address" is the same client: over its cap of 2
      const third = await subscribe(direct, COUNTS, {}, null, from('10.1.0.3'));
      subs.push(third);
      expect((await third.next()).errors?.[0]?.extensions?.code).toBe('LIMIT_EXCEEDED');
    } finally {
      for (const s of subs) s.close();
      await changes.close();
    }
  });
});

describe('what an event may cost', () => {
  it('charges every event the text budget and the cost limit a query pays, refusing with LIMIT_EXCEEDED as the query is refused', async () => {
    const changes = localChangeFeed();
    const strict = createApp({ db: t.database.db, config: { ...DEFAULT_CONFIG, limits: { ...DEFAULT_LIMITS, maxTextBytes: 2000, maxCost: 500 } }, changes });
    const text = `\nBudget harbour story\nBy A. Writer\n${'Ferries will run round the clock from Monday, the port said. '.repeat(60)}\nHashtags\n`;
    const imported = await t.gql(`mutation($input: ImportDumpInput!) { importDump(input: $input) { ... on ImportDumpPayload { dump { id currentRevisionNumber } } } }`, { input: { text } });
    const { id, currentRevisionNumber } = imported.data.importDump.dump;
    const ask = async (query: string, variables: Record<string, unknown>, token: string | null = null) =>
      (await (await strict.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }) })).json()) as { data?: any; errors?: { extensions?: { code?: string } }[] };
    const subs: Subscription[] = [];
    try {
      // the text budget, on the first event and on each later one
      expect((await ask(`query($id: ID!) { dump(id: $id) { text } }`, { id })).errors?.[0]?.extensions?.code).toBe('LIMIT_EXCEEDED');
      const heavy = await subscribe(strict, `subscription($id: ID!) { dumpUpdated(id: $id) { status text } }`, { id }, null);
      subs.push(heavy);
      expect((await heavy.next()).errors?.[0]?.extensions?.code).toBe('LIMIT_EXCEEDED');
      for (const status of ['IN_REVIEW', 'NEW']) {
        // through the app whose change feed the subscription listens to
        const moved = await ask(`mutation($input: SetDumpStatusInput!) { setDumpStatus(input: $input) { __typename } }`, { input: { dumpId: id, revision: currentRevisionNumber, status } }, TEST_TOKEN);
        expect(moved.data.setDumpStatus.__typename).toBe('Dump');
        expect((await heavy.next()).errors?.[0]?.extensions?.code).toBe('LIMIT_EXCEEDED');
      }
      // the cost limit, with the page size from a variable
      const pages = `revisions(first: $n) { edges { node { segments { kind fields { field start end } } } } }`;
      expect((await ask(`query($id: ID!, $n: Int) { dump(id: $id) { ${pages} } }`, { id, n: 100 })).errors?.[0]?.extensions?.code).toBe('LIMIT_EXCEEDED');
      const costly = await subscribe(strict, `subscription($id: ID!, $n: Int) { dumpUpdated(id: $id) { ${pages} } }`, { id, n: 100 }, null);
      subs.push(costly);
      const refused = await costly.next();
      expect(refused.errors?.[0]?.extensions?.code).toBe('LIMIT_EXCEEDED');
      expect(refused.data?.dumpUpdated ?? null).toBeNull();
    } finally {
      for (const s of subs) s.close();
      await changes.close();
    }
  });
});

describe('dumpUpdated', () => {
  it('answers an unknown dump with NOT_FOUND and ends, holding no stream', async () => {
    const sub = await subscribe(t.app, `subscription($id: ID!) { dumpUpdated(id: $id) { id } }`, { id: 'RHVtcDo5OTk5' }, null);
    try {
      const p = await sub.next();
      expect(p.data?.dumpUpdated ?? null).toBeNull();
      expect(p.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(await sub.next()).toEqual({ complete: true });
    } finally {
      sub.close();
    }
  });
});

describe('one change, many subscribers', () => {
  it('reads the review counts once per change for all subscribers, not once per subscriber', async () => {
    const SUBSCRIBERS = 12;
    const changes = localChangeFeed();
    const shared = createApp({ db: t.database.db, config: DEFAULT_CONFIG, changes });
    let events = 0;
    const off = changes.subscribe((e) => void (e.kind === 'changed' && events++));
    const subs: Subscription[] = [];
    try {
      for (let i = 0; i < SUBSCRIBERS; i++) subs.push(await subscribe(shared, COUNTS, {}, TEST_TOKEN));
      const before: number[] = [];
      for (const s of subs) before.push((await s.next()).data.reviewCounts.total);
      t.queries.length = 0;
      events = 0;
      const res = await (
        await shared.fetch('http://localhost/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_TOKEN}` },
          body: JSON.stringify({
            query: `mutation($input: ImportDumpInput!) { importDump(input: $input) { __typename } }`,
            variables: { input: { text: '\nShared read harbour story\nBy A. Writer\nFerries will run round the clock from Monday, the port said.\nHashtags\n' } },
          }),
        })
      ).json();
      expect(res.data.importDump.__typename).toBe('ImportDumpPayload');
      for (const [i, s] of subs.entries()) await s.until((p) => p.data?.reviewCounts.total === before[i]! + 1);
      const reads = t.queries.filter((q) => q.includes('count(*) filter (where')).length;
      expect(events).toBeGreaterThan(0);
      expect(events).toBeLessThan(SUBSCRIBERS);
      // at most one read per change event, whatever the number of subscribers
      expect(reads).toBeGreaterThan(0);
      expect(reads).toBeLessThanOrEqual(events);
    } finally {
      for (const s of subs) s.close();
      off();
      await changes.close();
    }
  });
});

describe('one event, many readers of one dump', () => {
  it('resolves the dump\'s fields once per event for readers who asked the same, not once per reader', async () => {
    const READERS = 10;
    const imported = await t.gql(`mutation($input: ImportDumpInput!) { importDump(input: $input) { ... on ImportDumpPayload { dump { id } } } }`, {
      input: { text: '\nShared fields harbour story\nBy A. Writer\nThe night ferry returns on Friday, the port said.\nHashtags\n' },
    });
    const id = imported.data.importDump.dump.id;
    const query = `subscription($id: ID!) { dumpUpdated(id: $id) { status currentRevision { author number } } }`;
    const subs: Subscription[] = [];
    try {
      for (let i = 0; i < READERS; i++) subs.push(await subscribe(t.app, query, { id }, null));
      for (const s of subs) expect((await s.next()).data?.dumpUpdated).toMatchObject({ status: 'NEW' });
      t.queries.length = 0;
      const set = await t.gql(`mutation($input: SetDumpStatusInput!) { setDumpStatus(input: $input) { ... on Dump { status } } }`, { input: { dumpId: id, revision: 1, status: 'IN_REVIEW' } });
      expect(set.data.setDumpStatus).toEqual({ status: 'IN_REVIEW' });
      for (const s of subs) expect((await s.until((p) => p.data?.dumpUpdated?.status === 'IN_REVIEW')).data?.dumpUpdated).toEqual({ status: 'IN_REVIEW', currentRevision: { author: 'parser', number: 1 } });
      // the revision is read for the event once (per change event), not once per reader
      const revisionReads = t.queries.filter((q) => /from "segmentation_revisions"/.test(q) && !/^(insert|update)/i.test(q.trim())).length;
      expect(revisionReads).toBeLessThan(READERS);
    } finally {
      for (const s of subs) s.close();
    }
  });
});

/**
 * `db` with its `query.dumps.findFirst` counted while `gate.on`: each call waits for `gate.open()`;
 * `inFlight` is how many wait now, `max` the most that ever waited at once.
 */
function gatedDb(db: any) {
  let release!: () => void;
  const gate = {
    on: false,
    inFlight: 0,
    max: 0,
    calls: 0,
    opened: new Promise<void>((ok) => (release = ok)),
    open: () => release(),
  };
  const dumps = db.query.dumps;
  const findFirst = async (...a: unknown[]) => {
    if (!gate.on) return dumps.findFirst(...a);
    gate.calls++;
    gate.max = Math.max(gate.max, ++gate.inFlight);
    try {
      await gate.opened;
      return await dumps.findFirst(...a);
    } finally {
      gate.inFlight--;
    }
  };
  const bind = (t: object, p: string | symbol) => {
    const v = Reflect.get(t, p, t);
    return typeof v === 'function' ? v.bind(t) : v;
  };
  const query = new Proxy(db.query, { get: (t, p) => (p === 'dumps' ? new Proxy(dumps, { get: (d, q) => (q === 'findFirst' ? findFirst : bind(d, q)) }) : bind(t, p)) });
  return { db: new Proxy(db, { get: (t, p) => (p === 'query' ? query : bind(t, p)) }), gate };
}

describe('one event, many subscribers who asked differently', () => {
  it('executes an event for at most Limits.subscriptionEventConcurrency subscribers at once, however many there are', async () => {
    const SUBSCRIBERS = 30;
    const imported = await t.gql(`mutation($input: ImportDumpInput!) { importDump(input: $input) { ... on ImportDumpPayload { dump { id } } } }`, {
      input: { text: '\nQueued events harbour story\nBy A. Writer\nThe harbour crane is back in service, the port said.\nHashtags\n' },
    });
    const dumpId = imported.data.importDump.dump.id;
    const changes = localChangeFeed('queued');
    const { db, gate } = gatedDb(t.database.db);
    const limits = { ...DEFAULT_LIMITS, subscriptionEventConcurrency: 2 };
    const queued = createApp({ db, config: { ...DEFAULT_CONFIG, limits }, changes });
    const subs: Subscription[] = [];
    try {
      // each its own operation: no two share an execution
      for (let i = 0; i < SUBSCRIBERS; i++) subs.push(await subscribe(queued, `subscription Watch${i}($id: ID!) { dumpPresence(dumpId: $id) { editors dump { id } } }`, { id: dumpId }, TEST_TOKEN));
      for (const s of subs) expect((await s.next()).data?.dumpPresence.dump.id).toBe(dumpId);
      gate.on = true;
      // another editor opens the dump in another process: every subscriber's selection is executed again
      changes.deliver({ kind: 'presence', state: 'join', dumpId: Number(Buffer.from(dumpId, 'base64').toString().split(':').pop()), session: 's-other', editor: 'other' }, { local: false, origin: 'elsewhere' });
      await eventually(async () => gate.inFlight >= 2);
      // the ones waiting hold their places; the others wait their turn, unrun
      for (let i = 0; i < 20; i++) await new Promise((ok) => setImmediate(ok));
      expect(gate.inFlight).toBe(2);
      gate.open();
      for (const s of subs) expect((await s.until((p) => p.data?.dumpPresence?.editors.includes('other'))).data?.dumpPresence.dump.id).toBe(dumpId);
      expect(gate.calls).toBeGreaterThanOrEqual(SUBSCRIBERS);
      expect(gate.max).toBe(2);
    } finally {
      for (const s of subs) s.close();
      await changes.close();
    }
  });
});

describe('one presence change, many windows on a dump', () => {
  it('resolves the presence\'s fields once per change for windows that asked the same, not once per window', async () => {
    const WINDOWS = 10;
    const imported = await t.gql(`mutation($input: ImportDumpInput!) { importDump(input: $input) { ... on ImportDumpPayload { dump { id } } } }`, {
      input: { text: '\nShared presence harbour story\nBy A. Writer\nThe pilot boat has a new skipper, the port said.\nHashtags\n' },
    });
    const dumpId = imported.data.importDump.dump.id;
    const changes = localChangeFeed('windows');
    const shared = createApp({ db: t.database.db, config: DEFAULT_CONFIG, changes });
    const subs: Subscription[] = [];
    try {
      for (let i = 0; i < WINDOWS; i++) subs.push(await subscribe(shared, `subscription($id: ID!) { dumpPresence(dumpId: $id) { editors dump { status } } }`, { id: dumpId }, TEST_TOKEN));
      for (const s of subs) expect((await s.next()).data?.dumpPresence.dump).toEqual({ status: 'NEW' });
      t.queries.length = 0;
      changes.deliver({ kind: 'presence', state: 'join', dumpId: Number(Buffer.from(dumpId, 'base64').toString().split(':').pop()), session: 's-other', editor: 'other' }, { local: false, origin: 'elsewhere' });
      for (const s of subs) expect((await s.until((p) => p.data?.dumpPresence?.editors.includes('other'))).data?.dumpPresence.dump).toEqual({ status: 'NEW' });
      const dumpReads = t.queries.filter((q) => /from "dumps"/.test(q)).length;
      expect(dumpReads).toBeGreaterThan(0);
      expect(dumpReads).toBeLessThan(WINDOWS);
    } finally {
      for (const s of subs) s.close();
      await changes.close();
    }
  });
});
