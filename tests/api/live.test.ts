/**
 * Live updates through GraphQL subscriptions (SSE): a dump's new revision and status, the review
 * counts, enrichment progress and presence, from another client and (on PostgreSQL) from another
 * server process on the same database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '@copydesk/server/yoga.ts';
import { localChangeFeed, openChangeFeed, type ChangeFeed } from '@copydesk/server/db/changes.ts';
import { createToken } from '@copydesk/server/auth/tokens.ts';
import { createTestApp, DEFAULT_CONFIG, TEST_TOKEN, type TestApp } from '../helpers/app.ts';
import { subscribe } from '../helpers/sse.ts';
import type { Seg } from '../helpers/dumps.ts';

let t: TestApp;
/** two "server processes": apps with change feeds of their own (LISTEN/NOTIFY on PostgreSQL; one in-process feed on PGlite) */
let feeds: ChangeFeed[];
let first: App;
let second: App;
let alice: string;
let bob: string;

beforeAll(async () => {
  t = await createTestApp();
  feeds = t.kind === 'postgres' ? [await openChangeFeed(t.database, t.databaseUrl), await openChangeFeed(t.database, t.databaseUrl)] : [localChangeFeed()];
  first = createApp({ db: t.database.db, config: DEFAULT_CONFIG, changes: feeds[0]! });
  second = createApp({ db: t.database.db, config: DEFAULT_CONFIG, changes: feeds[1] ?? feeds[0]! });
  alice = (await createToken(t.database.db, 'alice')).token;
  bob = (await createToken(t.database.db, 'bob')).token;
});
afterAll(async () => {
  for (const f of feeds ?? []) await f.close();
  await t?.close();
});

const post = async (app: App, query: string, variables: Record<string, unknown>, token: string | null = TEST_TOKEN) =>
  (await (await app.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  })).json()) as { data?: any; errors?: any[] };

let serial = 0;
async function importOne(app: App): Promise<{ id: string; segments: Seg[] }> {
  const text = `\nLive harbour story ${++serial}\nBy A. Writer\nFerries will run round the clock from Monday, the port said.\nHashtags\n\nTry Our AI Features\n`;
  const r = await post(app, `mutation($input: ImportDumpInput!) { importDump(input: $input) { ... on ImportDumpPayload { dump { id currentRevision { segments { kind start end fields { field start end } } } } } } }`, { input: { text } });
  return { id: r.data.importDump.dump.id, segments: r.data.importDump.dump.currentRevision.segments };
}

/** a valid edit: the first boilerplate block relabelled as residue */
function relabelled(segments: Seg[]): Seg[] {
  const segs: Seg[] = JSON.parse(JSON.stringify(segments));
  const b = segs.find((s) => s.kind === 'boilerplate');
  expect(b, 'the sample has a boilerplate block').toBeDefined();
  b!.kind = 'residue';
  return segs;
}

const REVISE = `mutation($input: ReviseSegmentationInput!) { reviseSegmentation(input: $input) { __typename ... on ReviseSegmentationPayload { revisionNumber } ... on Error { code } } }`;
const DUMP_UPDATED = `subscription($id: ID!) { dumpUpdated(id: $id) { id currentRevisionNumber status currentRevision { author } } }`;

describe('subscriptions', () => {
  it('dumpUpdated: a reader in one process receives the revision another client saves through another process, then the status', async () => {
    const dump = await importOne(first);
    const sub = await subscribe(first, DUMP_UPDATED, { id: dump.id }, null);
    try {
      expect((await sub.next()).data?.dumpUpdated).toMatchObject({ id: dump.id, currentRevisionNumber: 1, status: 'NEW' });
      const saved = await post(second, REVISE, { input: { dumpId: dump.id, baseRevision: 1, segments: relabelled(dump.segments) } }, bob);
      expect(saved.data.reviseSegmentation).toMatchObject({ __typename: 'ReviseSegmentationPayload', revisionNumber: 2 });
      expect((await sub.next()).data?.dumpUpdated).toMatchObject({ currentRevisionNumber: 2, status: 'IN_REVIEW', currentRevision: { author: 'bob' } });
      const approved = await post(second, `mutation($input: SetDumpStatusInput!) { setDumpStatus(input: $input) { ... on Dump { status } ... on Error { code } } }`, { input: { dumpId: dump.id, revision: 2, status: 'APPROVED' } }, bob);
      expect(approved.data.setDumpStatus).toEqual({ status: 'APPROVED' });
      expect((await sub.next()).data?.dumpUpdated).toMatchObject({ currentRevisionNumber: 2, status: 'APPROVED' });
    } finally {
      sub.close();
    }
  });

  it('dumpUpdated: a change to another dump, or a refused save, sends nothing', async () => {
    const watched = await importOne(first);
    const other = await importOne(first);
    const sub = await subscribe(first, DUMP_UPDATED, { id: watched.id }, null);
    try {
      await sub.next();
      await post(second, REVISE, { input: { dumpId: other.id, baseRevision: 1, segments: relabelled(other.segments) } });
      const stale = await post(second, REVISE, { input: { dumpId: watched.id, baseRevision: 7, segments: relabelled(watched.segments) } });
      // revision 7 does not exist: refused as INVALID_INPUT (a stale one would be STALE_REVISION), and nothing is sent either way
      expect(stale.data.reviseSegmentation.code).toBe('INVALID_INPUT');
      await expect(sub.next(600)).rejects.toThrow(/no subscription event/);
    } finally {
      sub.close();
    }
  });

  it('reviewCounts: the queue hears of an import and a status change made through the other process', async () => {
    const sub = await subscribe(first, `subscription { reviewCounts { new inReview approved total } }`, {}, null);
    try {
      const start = (await sub.next()).data.reviewCounts;
      const dump = await importOne(second);
      expect((await sub.next()).data.reviewCounts).toEqual({ ...start, new: start.new + 1, total: start.total + 1 });
      await post(second, `mutation($input: SetDumpStatusInput!) { setDumpStatus(input: $input) { ... on Dump { status } } }`, { input: { dumpId: dump.id, revision: 1, status: 'IN_REVIEW' } });
      expect((await sub.next()).data.reviewCounts).toEqual({ ...start, inReview: start.inReview + 1, total: start.total + 1 });
    } finally {
      sub.close();
    }
  });

  it('reviewCounts: a long batch import shows its progress while it runs, not only at its end', async () => {
    const sub = await subscribe(first, `subscription { reviewCounts { total } }`, {}, null);
    try {
      const start = (await sub.next()).data.reviewCounts.total;
      const n = 80;
      const inputs = Array.from({ length: n }, (_, i) => ({ text: `\nBatch story number ${i} about the harbour\nBy A. Writer\nThe port said ferry ${i} would run all night from Monday.\nHashtags\n\nTry Our AI Features\n` }));
      const batch = post(second, `mutation($inputs: [ImportDumpInput!]!) { importDumps(inputs: $inputs) { ... on ImportBatchResult { created } } }`, { inputs });
      const seen: number[] = [];
      for (;;) {
        const total = (await sub.next(30_000)).data.reviewCounts.total;
        seen.push(total - start);
        if (total - start === n) break;
      }
      expect((await batch).data.importDumps.created).toBe(n);
      // at least one count between the start and the end: the queue grew while the batch ran
      expect(seen.some((k) => k > 0 && k < n), `counts seen: ${seen.join(', ')}`).toBe(true);
    } finally {
      sub.close();
    }
  });

  it('enrichment: progress arrives as the queued jobs are done', async () => {
    await t.drain();
    const sub = await subscribe(first, `subscription { enrichment { queued done } }`, {}, null);
    try {
      const start = (await sub.next()).data.enrichment;
      expect(start.queued).toBe(0);
      await importOne(second);
      expect((await sub.until((p) => p.data.enrichment.queued > 0)).data.enrichment.queued).toBe(1);
      await t.drain();
      // the worker announces nothing: the subscription reads again while jobs wait
      expect((await sub.until((p) => p.data.enrichment.queued === 0, 5000)).data.enrichment.done).toBe(start.done + 1);
    } finally {
      sub.close();
    }
  });

  it('dumpPresence: editors holding it in either process see each other come and go', async () => {
    const dump = await importOne(first);
    const q = `subscription($id: ID!) { dumpPresence(dumpId: $id) { editors dump { id } } }`;
    const a = await subscribe(first, q, { id: dump.id }, alice);
    try {
      expect((await a.next()).data.dumpPresence).toEqual({ editors: ['alice'], dump: { id: dump.id } });
      const b = await subscribe(second, q, { id: dump.id }, bob);
      // bob learns that alice was there first
      expect((await b.until((p) => p.data.dumpPresence.editors.length === 2)).data.dumpPresence.editors).toEqual(['alice', 'bob']);
      expect((await a.next()).data.dumpPresence.editors).toEqual(['alice', 'bob']);
      b.close();
      expect((await a.next()).data.dumpPresence.editors).toEqual(['alice']);
    } finally {
      a.close();
    }
  });

  it('dumpPresence needs an editor token; with COPYDESK_READ_REQUIRES_TOKEN every subscription does', async () => {
    const dump = await importOne(first);
    const anon = await subscribe(first, `subscription($id: ID!) { dumpPresence(dumpId: $id) { editors } }`, { id: dump.id }, null);
    expect((await anon.next()).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    anon.close();
    const closed = createApp({ db: t.database.db, config: { ...DEFAULT_CONFIG, readRequiresToken: true }, changes: feeds[0]! });
    const refused = await subscribe(closed, DUMP_UPDATED, { id: dump.id }, null);
    expect((await refused.next()).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    refused.close();
    const allowed = await subscribe(closed, DUMP_UPDATED, { id: dump.id }, TEST_TOKEN);
    expect((await allowed.next()).data?.dumpUpdated.id).toBe(dump.id);
    allowed.close();
  });

  it('dumpPresence of no dump is NOT_FOUND, of a malformed or another type\'s ID INVALID_INPUT, like dump(id:)', async () => {
    const q = `subscription($id: ID!) { dumpPresence(dumpId: $id) { editors } }`;
    const expectError = async (id: string, code: string) => {
      const sub = await subscribe(first, q, { id }, TEST_TOKEN);
      try {
        const r = await sub.next();
        expect(r.errors?.[0]?.extensions?.code, JSON.stringify(r)).toBe(code);
        expect(r.data?.dumpPresence ?? null).toBeNull();
      } finally {
        sub.close();
      }
    };
    await expectError(Buffer.from('Dump:999999').toString('base64'), 'NOT_FOUND');
    await expectError('not-an-id', 'INVALID_INPUT');
    await expectError(Buffer.from('Article:1').toString('base64'), 'INVALID_INPUT');
  });

  it('checks a subscription\'s arguments like a query\'s (INVALID_INPUT naming the argument)', async () => {
    const sub = await subscribe(first, DUMP_UPDATED, { id: 'not-an-id' }, null);
    const r = await sub.next();
    expect(r.errors?.[0]?.extensions?.code).toBe('INVALID_INPUT');
    sub.close();
  });
});
