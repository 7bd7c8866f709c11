/**
 * Requests of a hostile client that main once answered wrongly: a dump URL that is not an
 * absolute http(s) URL, connections asked without `first` (charged the page served), bodies that
 * are not JSON (400, never 500), and "simple" content types that skip the CSRF check.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONNECTION_PAGE } from '@copydesk/server/graphql/builder.ts';
import { CSRF_HEADER, DEFAULT_LIMITS } from '@copydesk/server/graphql/limits.ts';
import { flatDump } from '../helpers/dumps.ts';
import { createTestApp, TEST_TOKEN, type TestApp } from '../helpers/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function post(body: BodyInit, headers: Record<string, string>): Promise<{ status: number; json: any; text: string }> {
  const res = await t.app.fetch('http://localhost/graphql', { method: 'POST', headers: { authorization: `Bearer ${TEST_TOKEN}`, ...headers }, body });
  const text = await res.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {}
  return { status: res.status, json, text };
}

describe('a dump URL', () => {
  const IMPORT = `mutation($input: ImportDumpInput!) { importDump(input: $input) { __typename ... on InvalidInputError { code field message } ... on ImportDumpPayload { dump { url } } } }`;
  it.each(['javascript:alert(1)', 'not a url', 'ftp://example.com/a', '//example.com/a', '/relative/path', 'http://', 'data:text/html,<b>x</b>'])('refuses %s with INVALID_INPUT naming url', async (url) => {
    const before = await t.sql<{ n: string }>('select count(*) as n from dumps');
    const res = await t.gql(IMPORT, { input: { text: flatDump('A headline about a url', 'Some body text of the dump.'), url } });
    expect(res.errors).toBeUndefined();
    expect(res.data.importDump).toMatchObject({ __typename: 'InvalidInputError', code: 'INVALID_INPUT', field: 'url' });
    expect(await t.sql<{ n: string }>('select count(*) as n from dumps')).toEqual(before);
  });
  it.each(['https://example.com/news/a', 'HTTP://Example.com/b?c=1'])('keeps %s', async (url) => {
    const res = await t.gql(IMPORT, { input: { text: flatDump(`Headline for ${url}`, `Body text for ${url}.`), url } });
    expect(res.data.importDump.__typename).toBe('ImportDumpPayload');
    expect(res.data.importDump.dump.url).toBe(url);
  });
});

describe('the cost of a connection asked without first or last', () => {
  it('is charged at the default page size the server serves, so nested pages over the limit are refused', async () => {
    const nested = `{ stories { edges { node { articles { edges { node { article { headline body related { edges { node { to { headline } } } } } } } } } } } }`;
    const res = await t.gql(nested, undefined, { token: null });
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0]?.extensions?.code).toBe('LIMIT_EXCEEDED');
    // the same with first at the default page size costs the same
    const sized = nested.replace(/(stories|articles|related) \{/g, `$1(first: ${CONNECTION_PAGE.defaultSize}) {`);
    const charged = Number(/found (\d+)/.exec(res.errors![0]!.message)![1]);
    const explicit = await t.gql(sized, undefined, { token: null });
    expect(Number(/found (\d+)/.exec(explicit.errors![0]!.message)![1])).toBe(charged);
    expect(charged).toBeGreaterThan(DEFAULT_LIMITS.maxCost);
  });

  it('still answers one page asked without first', async () => {
    const res = await t.gql(`{ articles { edges { node { id headline } } } }`, undefined, { token: null });
    expect(res.errors).toBeUndefined();
  });
});

describe('a body that is not JSON', () => {
  it.each([
    ['malformed JSON declared as JSON', '{"query": "{ __typename }"', 'application/json'],
    ['a JSON string, not an object', '"{ __typename }"', 'application/json'],
    ['JSON null', 'null', 'application/json'],
    ['a JSON array of nothing', '[1]', 'application/json'],
    ['an empty body', '', 'application/json'],
    ['no content type', '{ __typename }', ''],
    ['XML', '<q>{ __typename }</q>', 'application/xml'],
    ['a content type no parser reads', '{"query": "{ __typename }"}', 'application/graphql-response+json'],
  ])('%s: a 4xx with a typed code, never 500 nor 200', async (_what, body, type) => {
    const r = await post(body, { ...(type ? { 'content-type': type } : {}), [CSRF_HEADER]: '1' });
    expect(r.status, r.text).toBeGreaterThanOrEqual(400);
    expect(r.status, r.text).toBeLessThan(500);
    expect(r.json?.errors?.[0]?.extensions?.code, r.text).toMatch(/^[A-Z_]+$/);
    // a body declared JSON that is not a JSON object: 400 BAD_REQUEST, as Yoga answers an application/graphql-response+json client
    if (type === 'application/json') expect([r.status, r.json.errors[0].extensions.code]).toEqual([400, 'BAD_REQUEST']);
    else expect([r.status, r.json.errors[0].extensions.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
  });

  it('answers the same to a client that accepts only JSON and to one that accepts the GraphQL response type', async () => {
    for (const accept of ['application/json', 'application/graphql-response+json', '*/*']) {
      const r = await post('{"query": ', { 'content-type': 'application/json', accept });
      expect([accept, r.status, r.json?.errors?.[0]?.extensions?.code]).toEqual([accept, 400, 'BAD_REQUEST']);
    }
  });
});

describe('CSRF prevention', () => {
  const QUERY = JSON.stringify({ query: '{ __typename }' });
  it.each(['text/plain', 'text/plain;charset=UTF-8', 'TEXT/PLAIN', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', ' text/plain'])('refuses a %s POST without the header (a cross-site form can send it)', async (type) => {
    const r = await post(QUERY, { 'content-type': type });
    expect(r.status, r.text).toBe(403);
    expect(r.json.errors[0].extensions.code).toBe('CSRF_HEADER_REQUIRED');
  });

  it('answers a JSON POST without the header (a browser preflights it)', async () => {
    const r = await post(QUERY, { 'content-type': 'application/json' });
    expect(r.status, r.text).toBe(200);
    expect(r.json.data).toEqual({ __typename: 'Query' });
  });
});
