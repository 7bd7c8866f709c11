import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';

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
