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
