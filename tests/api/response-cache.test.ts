import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '@copydesk/server/yoga.ts';
import { localChangeFeed, openChangeFeed } from '@copydesk/server/db/changes.ts';
import { createTestApp, DEFAULT_CONFIG, TEST_TOKEN, type TestApp } from '../helpers/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ responseCacheTtlMs: 60_000 });
});
afterAll(async () => {
  await t?.close();
});

const IMPORT = `mutation($input: ImportDumpInput!) { importDump(input: $input) { ... on ImportDumpPayload { articles { id headline } } } }`;
const text = (h: string) => `\n${h}\nA body line about ${h.toLowerCase()}.\nHashtags\n\nTry Our AI Features\n`;

describe('response cache', () => {
  it('serves repeated anonymous reads from the cache, without touching the database', async () => {
    const q = `{ articles(first: 5) { totalCount } }`;
    expect((await t.gql(q, {}, { token: null })).data.articles.totalCount).toBe(0);
    t.queries.length = 0;
    expect((await t.gql(q, {}, { token: null })).data.articles.totalCount).toBe(0);
    expect(t.queries).toHaveLength(0);
  });

  it('always answers an editor fresh', async () => {
    await t.gql(IMPORT, { input: { text: text('Fresh for editors') } });
    const editor = await t.gql(`{ articles(first: 5) { totalCount } }`);
    expect(editor.data.articles.totalCount).toBe(1);
  });

  it('never caches a read of segment lists (their results are too big for the cache to walk)', async () => {
    // the dump the test above imported
    const q = `{ dumps(first: 5) { edges { node { currentRevision { segments { kind fields { field } } } } } } }`;
    expect((await t.gql(q, {}, { token: null })).data.dumps.edges.length).toBeGreaterThan(0);
    t.queries.length = 0;
    expect((await t.gql(q, {}, { token: null })).data.dumps.edges.length).toBeGreaterThan(0);
    expect(t.queries.length).toBeGreaterThan(0);
  });

  it('drops a cached article when a mutation changes it', async () => {
    const res = await t.gql(IMPORT, { input: { text: text('Topic target') } });
    const id = res.data.importDump.articles[0].id;
    const q = `query($id: ID!) { article(id: $id) { id topics { topic { name } } } }`;
    expect((await t.gql(q, { id }, { token: null })).data.article.topics).toEqual([]);
    await t.gql(`mutation($a: ID!) { addArticleTopic(articleId: $a, name: "Harbour Board") { __typename } }`, { a: id });
    const after = await t.gql(q, { id }, { token: null });
    expect(after.data.article.topics).toEqual([{ topic: { name: 'Harbour Board' } }]);
  });
});

const TOTALS = `{ dumps(first: 1) { totalCount } articles(first: 1) { totalCount } topics(first: 1) { totalCount } reviewCounts { total new inReview approved } enrichment { queued running done failed } }`;
const anonymous = async (q = TOTALS) => (await t.gql(q, {}, { token: null })).data;

describe('response cache: read your writes', () => {
  it('answers totals (results without any object id) fresh after each kind of mutation', async () => {
    const before = await anonymous();
    await t.gql(IMPORT, { input: { text: text('Totals after importDump') } });
    const afterOne = await anonymous();
    expect(afterOne.dumps.totalCount).toBe(before.dumps.totalCount + 1);
    expect(afterOne.articles.totalCount).toBe(before.articles.totalCount + 1);
    expect(afterOne.reviewCounts.total).toBe(before.reviewCounts.total + 1);
    expect(afterOne.enrichment.queued).toBe(before.enrichment.queued + 1);

    const many = await t.gql(`mutation($inputs: [ImportDumpInput!]!) { importDumps(inputs: $inputs) { __typename } }`, {
      inputs: [{ text: text('Totals after importDumps one') }, { text: text('Totals after importDumps two') }],
    });
    expect(many.errors).toBeUndefined();
    expect((await anonymous()).dumps.totalCount).toBe(before.dumps.totalCount + 3);

    const first = (await t.gql(`{ dumps(first: 1) { edges { node { id currentRevisionNumber } } } }`)).data.dumps.edges[0].node;
    const status = await t.gql(`mutation($input: SetDumpStatusInput!) { setDumpStatus(input: $input) { __typename } }`, { input: { dumpId: first.id, revision: first.currentRevisionNumber, status: 'APPROVED' } });
    expect(status.errors).toBeUndefined();
    expect((await anonymous()).reviewCounts.approved).toBe(before.reviewCounts.approved + 1);

    const articleId = (await t.gql(`{ articles(first: 1) { edges { node { id } } } }`)).data.articles.edges[0].node.id;
    await t.gql(`mutation($a: ID!) { addArticleTopic(articleId: $a, name: "Totals Topic") { __typename } }`, { a: articleId });
    expect((await anonymous()).topics.totalCount).toBe(before.topics.totalCount + 1);
  });

  it('keeps its answers when a mutation is refused or answers only a typed error', async () => {
    await anonymous();
    t.queries.length = 0;
    // refused as a whole: no token
    const anon = await t.gql(`mutation { importDump(input: { text: "Never imported" }) { __typename ... on Error { code } } }`, {}, { token: null });
    expect(anon.data.importDump.code).toBe('UNAUTHENTICATED');
    // a typed error: an empty dump
    const empty = await t.gql(`mutation { importDump(input: { text: "   " }) { __typename ... on Error { code } } }`);
    expect(empty.data.importDump.code).toBeTruthy();
    // typed error: a dump that does not exist
    const missing = await t.gql(`mutation { setDumpStatus(input: { dumpId: "${Buffer.from('Dump:999999').toString('base64')}", revision: 1, status: APPROVED }) { __typename ... on Error { code } } }`);
    expect(missing.data?.setDumpStatus?.code ?? missing.errors?.[0]?.extensions?.code).toBeTruthy();
    const statements = t.queries.length;
    await anonymous();
    // the totals came from the cache: no statement ran for them
    expect(t.queries.length).toBe(statements);
  });

  it('drops what other processes on the same database cached when one of them writes', async () => {
    // two more "processes" (apps with feeds of their own) on this test's database
    const feeds = t.kind === 'postgres' ? [await openChangeFeed(t.database, t.databaseUrl), await openChangeFeed(t.database, t.databaseUrl)] : [localChangeFeed()];
    const [writerFeed, readerFeed = writerFeed!] = feeds;
    const config = { ...DEFAULT_CONFIG, responseCacheTtlMs: 60_000 };
    const writer = createApp({ db: t.database.db, config, changes: writerFeed! });
    const reader = createApp({ db: t.database.db, config, changes: readerFeed });
    const post = async (app: typeof writer, query: string, variables: Record<string, unknown> = {}, token: string | null = null) =>
      (await (await app.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      })).json()) as { data: any };
    try {
      const stale: number[] = [];
      for (let i = 0; i < 10; i++) {
        const before = (await post(reader, `{ dumps(first: 1) { totalCount } }`)).data.dumps.totalCount;
        await post(writer, IMPORT, { input: { text: text(`Seen by every process ${i}`) } }, TEST_TOKEN);
        // the reader hears of it within a moment: a client's next request takes longer than that
        await new Promise((r) => setTimeout(r, 20));
        const after = (await post(reader, `{ dumps(first: 1) { totalCount } }`)).data.dumps.totalCount;
        if (after !== before + 1) stale.push(i);
      }
      expect(stale).toEqual([]);
    } finally {
      for (const f of feeds) await f.close();
    }
  });
});

describe('response cache: keys', () => {
  it('answers an anonymous request whose variables are too deep to print without an internal error', async () => {
    const depth = 100_000;
    const res = await t.app.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"query":"query($v: String) { __typename }","variables":{"v":${'['.repeat(depth)}${']'.repeat(depth)}}}`,
    });
    const body = (await res.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
    expect(res.status).toBeLessThan(500);
    expect(body.errors?.map((e) => e.extensions?.code)).not.toContain('INTERNAL_SERVER_ERROR');
  });
});
