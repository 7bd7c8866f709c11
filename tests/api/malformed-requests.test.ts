/**
 * Requests Yoga cannot read, or whose errors quote the request: every one is answered with a code
 * and a 4xx (never a 500 INTERNAL_SERVER_ERROR), its message bounded, and nothing in the server
 * log (a malformed request is the client's fault). Runs on PGlite and on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CSRF_HEADER } from '@copydesk/server/graphql/limits.ts';
import { createTestApp, TEST_TOKEN, type TestApp } from '../helpers/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function answer(res: Response) {
  const text = await res.text();
  return { status: res.status, text, json: JSON.parse(text) as { errors?: { message: string; extensions?: { code?: string } }[]; data?: unknown } };
}

const get = (params: Record<string, string>) => t.app.fetch(`http://localhost/graphql?${new URLSearchParams(params)}`, { headers: { accept: 'application/json', [CSRF_HEADER]: '1' } });

describe('a request Yoga cannot read is a 400 BAD_REQUEST', () => {
  it('a GET whose variables or extensions are not JSON', async () => {
    for (const params of <Record<string, string>[]>[
      { query: '{ __typename }', variables: '{bad' },
      { query: '{ __typename }', extensions: '{bad' },
      { query: 'query($n: Int) { __typename }', variables: `{"n": ${'['.repeat(10)}` },
    ]) {
      const r = await answer(await get(params));
      expect(r.status, r.text).toBe(400);
      expect(r.json.errors?.[0]?.extensions?.code, r.text).toBe('BAD_REQUEST');
      expect(r.json.errors?.[0]?.message, r.text).toMatch(/not valid JSON/);
    }
    // and a sound GET is answered
    const ok = await answer(await get({ query: '{ __typename }', variables: '{}' }));
    expect(ok.json).toEqual({ data: { __typename: 'Query' } });
  });

  it('a multipart request without a boundary', async () => {
    const res = await t.app.fetch('http://localhost/graphql', {
      method: 'POST',
      body: 'x',
      headers: { 'content-type': 'multipart/form-data', authorization: `Bearer ${TEST_TOKEN}`, [CSRF_HEADER]: '1' },
    });
    const r = await answer(res);
    expect(r.status, r.text).toBe(400);
    expect(r.json.errors?.[0]?.extensions?.code, r.text).toBe('BAD_REQUEST');
    expect(r.text).not.toMatch(/Unexpected error|node_modules|\.js:\d/);
  });

  it('a query whose Accept header names no type the server answers in is a 406 NOT_ACCEPTABLE with a body naming the types', async () => {
    for (const accept of ['image/png', 'text/html', 'application/xml;q=1']) {
      const res = await t.app.fetch('http://localhost/graphql', { method: 'POST', body: JSON.stringify({ query: '{ __typename }' }), headers: { 'content-type': 'application/json', accept } });
      const r = await answer(res);
      expect(r.status, r.text).toBe(406);
      expect(r.json.errors?.[0]?.extensions?.code, r.text).toBe('NOT_ACCEPTABLE');
      expect(r.json.errors?.[0]?.message, r.text).toMatch(/application\/json/);
    }
  });

  it('writes nothing to the server log for a malformed request', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const invalid = await t.app.fetch('http://localhost/graphql', { method: 'POST', body: '{"query": "{ __typename }"', headers: { 'content-type': 'application/json' } });
      expect((await answer(invalid)).json.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
      expect((await answer(await get({ query: '{ __typename }', variables: '{bad' }))).json.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
  });
});

describe('parse and validation errors never echo a huge request', () => {
  it('cuts every message at 1,000 characters, whatever graphql-js quotes', async () => {
    const long = 'A'.repeat(50_000);
    for (const query of [
      `{ articles(first: 1, orderBy: ${long}) { totalCount } }`, // an enum value
      `{ ${long.toLowerCase()} }`, // a field
      `{ articles(first: 1, filter: { ${long.toLowerCase()}: 1 }) { totalCount } }`, // an input field
      `{ __typename @${long.toLowerCase()} }`, // a directive
      `{ ...on ${long} { __typename } }`, // a type
    ]) {
      const r = await answer(await t.app.fetch('http://localhost/graphql', { method: 'POST', body: JSON.stringify({ query }), headers: { 'content-type': 'application/json' } }));
      expect(r.status, r.text.slice(0, 200)).toBeLessThan(500);
      expect(r.json.errors?.length, r.text.slice(0, 200)).toBeGreaterThan(0);
      for (const e of r.json.errors!) {
        expect(e.extensions?.code, e.message.slice(0, 200)).toBeTruthy();
        expect(e.message.length, e.message.slice(0, 200)).toBeLessThanOrEqual(1100);
      }
      expect(r.text.length).toBeLessThan(5000);
    }
  });
});

describe('a subscription whose root field is under @skip or @include', () => {
  const subscribe = (query: string, variables?: Record<string, unknown>) =>
    t.app.fetch('http://localhost/graphql', { method: 'POST', body: JSON.stringify({ query, variables }), headers: { 'content-type': 'application/json', accept: 'text/event-stream' } });
  /** the first event of an SSE answer, and the status; the stream is closed after it */
  async function firstEvent(res: Response) {
    const reader = res.body!.getReader();
    let text = '';
    try {
      while (!/\ndata: .*\n/.test(text)) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
    } finally {
      await reader.cancel();
    }
    const data = /\ndata: (.*)\n/.exec(text)?.[1];
    return { status: res.status, text, json: JSON.parse(data ?? 'null') as { errors?: { message: string; extensions?: { code?: string } }[]; data?: unknown } | null };
  }

  it('is refused as invalid (graphql-js 16 would throw on the empty root: a 500), whether the condition is a literal or a variable, on the field or a fragment', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      for (const [query, variables] of <[string, Record<string, unknown>?][]>[
        ['subscription { reviewCounts @skip(if: true) { new } }'],
        ['subscription { reviewCounts @include(if: false) { new } }'],
        ['subscription($s: Boolean!) { reviewCounts @skip(if: $s) { new } }', { s: true }],
        ['subscription { ... @skip(if: true) { reviewCounts { new } } }'],
        ['subscription { ...F @include(if: false) } fragment F on Subscription { reviewCounts { new } }'],
        ['subscription { ...F } fragment F on Subscription { reviewCounts @skip(if: true) { new } }'],
        ['subscription { ... { ... on Subscription { reviewCounts @include(if: false) { new } } } }'],
      ]) {
        const r = await firstEvent(await subscribe(query, variables));
        expect(r.status, `${query}: ${r.text}`).toBeLessThan(500);
        expect(r.json?.errors?.[0]?.extensions?.code, `${query}: ${r.text}`).toBe('GRAPHQL_VALIDATION_FAILED');
        expect(r.json?.errors?.[0]?.message, r.text).toMatch(/@skip.*@include|top level/);
      }
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
  });

  it('leaves @skip and @include below the root field alone', async () => {
    const r = await firstEvent(await subscribe('subscription($s: Boolean!) { reviewCounts { new @skip(if: $s) inReview @include(if: $s) approved } }', { s: true }));
    expect(r.status, r.text).toBe(200);
    expect(r.json, r.text).toEqual({ data: { reviewCounts: { inReview: expect.any(Number), approved: expect.any(Number) } } });
  });
});
