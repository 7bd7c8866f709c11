import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER, DEFAULT_LIMITS } from '@copydesk/server/graphql/limits.ts';
import { createTestApp, TEST_TOKEN, type TestApp } from '../helpers/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const post = (body: string, headers: Record<string, string> = {}) =>
  t.app.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers },
    body,
  });

describe('request limits', () => {
  it('refuses a query 30 levels deep before executing it', async () => {
    let sel = 'headline';
    for (let i = 0; i < 14; i++) sel = `appearances { dump { appearances { article { ${sel} } } } }`;
    const q = `{ articles(first: 1) { edges { node { ${sel} } } } }`;
    t.queries.length = 0;
    const res = await t.gql(q);
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0]?.message).toMatch(/depth/i);
    expect(res.errors?.[0]?.message).not.toMatch(/syntax error/i);
    expect(res.errors?.[0]?.extensions?.code).toBe('LIMIT_EXCEEDED');
    expect(t.queries).toHaveLength(0);
  });

  it('refuses 1,000 aliases', async () => {
    const q = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: reviewCounts { total }`).join(' ')} }`;
    const res = await t.gql(q);
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0]?.message).toMatch(/alias|token/i);
    expect(res.errors?.[0]?.extensions?.code).toBe('LIMIT_EXCEEDED');
  });

  it('refuses 1,000 aliases of __typename, which count like any other field', async () => {
    const res = await t.gql(`{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: __typename`).join(' ')} }`);
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0]?.extensions?.code).toBe('LIMIT_EXCEEDED');
  });

  it('refuses an expensive query by its cost', async () => {
    const res = await t.gql(`{ articles(first: 100) { edges { node { related(first: 100) { edges { node { to { topics { topic { articles(first: 100) { edges { node { article { headline body } } } } } } } } } } } } } }`);
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0]?.message).toMatch(/cost|depth/i);
    expect(res.errors?.[0]?.extensions?.code).toBe('LIMIT_EXCEEDED');
  });

  it('charges a page at the size the server returns: first from a variable counts, first over 100 counts as 100', async () => {
    const expensive = `query($n: Int) { articles(first: $n) { edges { node { related(first: $n) { edges { node { to { headline body } } } } } } } }`;
    const byVariable = await t.gql(expensive, { n: 100 }, { token: null });
    expect(byVariable.data).toBeUndefined();
    expect(byVariable.errors?.[0]?.extensions?.code).toBe('LIMIT_EXCEEDED');
    expect(byVariable.errors?.[0]?.message).toMatch(/cost/i);
    // the same at the size it is cut to: the same cost, one page of at most 100 answered
    for (const first of ['100', '1000000']) {
      const res = await t.gql(`{ articles(first: ${first}) { edges { node { id headline } } } }`, undefined, { token: null });
      expect(res.errors, first).toBeUndefined();
      expect(res.data.articles.edges.length).toBeLessThanOrEqual(100);
    }
  });

  it('bounds nodes(ids:) as a page: at most 100 ids (INVALID_INPUT naming ids), and its selection charged once per id', async () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => Buffer.from(`Article:${i + 1}`).toString('base64'));
    const cheap = `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`;
    // 90,000 ids fit a 1 MB body: they reached SQL as one statement of 90,000 parameters (over PostgreSQL's 65,535: a 500)
    const many = await t.gql(cheap, { ids: ids(101) });
    expect(many.data).toBeUndefined();
    expect(many.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'ids' });
    expect(many.errors?.[0]?.message).toMatch(/at most 100/);
    const page = await t.gql(cheap, { ids: ids(100) });
    expect(page.errors).toBeUndefined();
    expect(page.data.nodes).toHaveLength(100);
    // one article's related page fits the cost limit; a hundred of them cost what a page of a hundred articles does
    const expensive = `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Article { related(first: 100) { edges { node { to { headline body } } } } } } }`;
    expect((await t.gql(expensive, { ids: ids(1) }, { token: null })).errors).toBeUndefined();
    const hundred = await t.gql(expensive, { ids: ids(100) }, { token: null });
    expect(hundred.data).toBeUndefined();
    expect(hundred.errors?.[0]?.extensions?.code).toBe('LIMIT_EXCEEDED');
    expect(hundred.errors?.[0]?.message).toMatch(/cost/i);
  });

  it('refuses a 2 MB request body with 413 and a clear error, and writes nothing', async () => {
    const body = JSON.stringify({ query: 'mutation($i: ImportDumpInput!) { importDump(input: $i) { __typename } }', variables: { i: { text: 'x'.repeat(2 * 1024 * 1024) } } });
    const res = await post(body, { authorization: `Bearer ${TEST_TOKEN}` });
    expect(res.status).toBe(413);
    const json = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(json.errors[0]!.extensions.code).toBe('REQUEST_TOO_LARGE');
    expect(json.errors[0]!.message).toContain(`the limit is ${DEFAULT_LIMITS.maxRequestBytes} bytes (COPYDESK_MAX_REQUEST_BYTES)`);
    expect(Number((await t.sql<{ n: string }>('select count(*) as n from dumps'))[0]!.n)).toBe(0);
  });

  it('refuses a 2 MB save with 413 naming the limit and its setting, not another operation (the body is refused unread)', async () => {
    const segments = Array.from({ length: 40_000 }, (_, i) => ({ kind: 'boilerplate', start: i, end: i + 1, fields: [] }));
    const body = JSON.stringify({ query: 'mutation($input: ReviseSegmentationInput!) { reviseSegmentation(input: $input) { __typename } }', variables: { input: { dumpId: 'RHVtcDox', baseRevision: 1, segments } } });
    expect(body.length).toBeGreaterThan(DEFAULT_LIMITS.maxRequestBytes);
    const res = await post(body, { authorization: `Bearer ${TEST_TOKEN}` });
    expect(res.status).toBe(413);
    const json = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(json.errors[0]!.extensions.code).toBe('REQUEST_TOO_LARGE');
    expect(json.errors[0]!.message).toContain('COPYDESK_MAX_REQUEST_BYTES');
    expect(json.errors[0]!.message).not.toMatch(/import/i);
  });

  it('refuses a body over the anonymous limit without a valid token with 413 before reading it, by Content-Length or by counting, and takes it with one', async () => {
    const limit = DEFAULT_LIMITS.maxAnonymousRequestBytes;
    expect(limit).toBeLessThan(DEFAULT_LIMITS.maxRequestBytes);
    const body = JSON.stringify({ query: '{ reviewCounts { total } }', variables: { pad: 'x'.repeat(limit) } });
    expect(body.length).toBeLessThan(DEFAULT_LIMITS.maxRequestBytes);
    const refused = async (res: Response) => {
      expect(res.status).toBe(413);
      const json = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(json.errors[0]!.extensions.code).toBe('REQUEST_TOO_LARGE');
      expect(json.errors[0]!.message).toContain(`the limit is ${limit} bytes (COPYDESK_MAX_ANONYMOUS_REQUEST_BYTES)`);
    };
    await refused(await post(body));
    await refused(await post(body, { authorization: 'Bearer cdk_not-a-real-token' }));
    // a body that is never read: a stream that never ends after its first chunk
    let pulls = 0;
    const endless = new ReadableStream<Uint8Array>({ pull: (c) => void (pulls++, c.enqueue(new Uint8Array(limit).fill(32))) });
    await refused(await t.app.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: endless, duplex: 'half' } as RequestInit));
    // read until one byte over (and what the stream had queued), never to its end
    expect(pulls).toBeLessThan(10);
    const chunked = new ReadableStream<Uint8Array>({ start: (c) => (c.enqueue(new TextEncoder().encode(body)), c.close()) });
    await refused(await t.app.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: chunked, duplex: 'half' } as RequestInit));
    const small = new ReadableStream<Uint8Array>({ start: (c) => (c.enqueue(new TextEncoder().encode(JSON.stringify({ query: '{ reviewCounts { total } }' }))), c.close()) });
    const ok = await t.app.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: small, duplex: 'half' } as RequestInit);
    expect(((await ok.json()) as { data: unknown }).data).toEqual({ reviewCounts: { total: expect.any(Number) } });
    const editor = await post(body, { authorization: `Bearer ${TEST_TOKEN}` });
    expect(editor.status).toBe(200);
    expect(((await editor.json()) as { data: unknown }).data).toEqual({ reviewCounts: { total: expect.any(Number) } });
  });

  it('accepts an ordinary query', async () => {
    const res = await post(JSON.stringify({ query: '{ reviewCounts { total } }' }));
    expect(res.status).toBe(200);
  });
});

describe('CSRF prevention', () => {
  it('refuses a GET query without the CSRF header, and answers it with the header', async () => {
    const url = `http://localhost/graphql?query=${encodeURIComponent('{ reviewCounts { total } }')}`;
    const bare = await t.app.fetch(url, { headers: { accept: 'application/json' } });
    expect(bare.status).toBe(403);
    const refusal = await bare.json();
    expect(refusal.errors[0].extensions.code).toBe('CSRF_HEADER_REQUIRED');
    expect(refusal.errors[0].message).toContain(CSRF_HEADER);
    const ok = await t.app.fetch(url, { headers: { accept: 'application/json', [CSRF_HEADER]: '1' } });
    expect(ok.status).toBe(200);
  });

  it('refuses a multipart (form) post without the header', async () => {
    const form = new FormData();
    form.set('operations', JSON.stringify({ query: '{ reviewCounts { total } }' }));
    form.set('map', '{}');
    const res = await t.app.fetch('http://localhost/graphql', { method: 'POST', body: form });
    expect(res.status).toBe(403);
    expect((await res.json()).errors[0].extensions.code).toBe('CSRF_HEADER_REQUIRED');
  });
});
