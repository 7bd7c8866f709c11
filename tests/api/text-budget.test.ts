/**
 * The per-request text budget (COPYDESK_MAX_TEXT_BYTES, graphql/text-budget.ts): many aliases of
 * large text fields get LIMIT_EXCEEDED instead of building a response the process cannot hold.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '@copydesk/server/graphql/limits.ts';
import { createTestApp, TEST_TOKEN, type TestApp } from '../helpers/app.ts';
import { subscribe } from '../helpers/sse.ts';

const IMPORT = `mutation($i: ImportDumpInput!) { importDump(input: $i) { __typename ... on ImportDumpPayload { created } } }`;

/** an own dump of about `bytes` bytes: a headline, a byline and many paragraphs */
function dump(n: number, bytes: number): string {
  const lines = [`Council number ${n} votes on the harbour plan`, `By Reporter ${n}`, ''];
  let i = 0;
  while (lines.join('\n').length < bytes) {
    lines.push(`Paragraph ${i} of story ${n}: the council met again on the ${i}th day and members argued about the harbour, the budget and the bridge for a long time.`, '');
    i++;
  }
  return lines.join('\n');
}

const BUDGET = 200_000;
const DUMP_BYTES = 60_000;

for (const compiledReads of [true, false]) {
  describe(`text budget (${compiledReads ? 'compiled reads' : 'general executor'})`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ compiledReads, limits: { ...DEFAULT_LIMITS, maxTextBytes: BUDGET } });
      for (let n = 0; n < 3; n++) {
        const res = await t.gql(IMPORT, { i: { text: dump(n, DUMP_BYTES), filename: `budget-${n}.txt` } });
        expect(res.data.importDump.__typename).toBe('ImportDumpPayload');
      }
    });
    afterAll(async () => {
      await t?.close();
    });

    it('answers dump texts and article bodies under the budget', async () => {
      const res = await t.gql(`{ dumps(first: 100) { edges { node { text } } } }`, undefined, { token: null });
      expect(res.errors).toBeUndefined();
      expect(res.data.dumps.edges).toHaveLength(3);
      expect(res.data.dumps.edges[0].node.text.length).toBeGreaterThan(DUMP_BYTES - 1000);
      const articles = await t.gql(`{ articles(first: 100) { edges { node { body } } } }`, undefined, { token: null });
      expect(articles.errors).toBeUndefined();
      expect(articles.data.articles.edges.length).toBeGreaterThan(0);
    });

    it('refuses aliases of dump texts over the budget with LIMIT_EXCEEDED', async () => {
      const q = `{ ${Array.from({ length: 5 }, (_, i) => `a${i}: dumps(first: 100) { edges { node { text } } }`).join(' ')} }`;
      const res = await t.app.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(JSON.stringify({ query: q }))) },
        body: JSON.stringify({ query: q }),
      });
      expect(res.status).toBeLessThan(500);
      const json = (await res.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
      expect(json.errors?.[0]?.extensions?.code).toBe('LIMIT_EXCEEDED');
      expect(json.errors?.[0]?.message).toMatch(/text budget/i);
    });

    it('gives each subscription event the whole budget', async () => {
      const first = await t.gql(`{ dumps(first: 1) { edges { node { id } } } }`);
      const id = first.data.dumps.edges[0].node.id;
      // 120 KB an event: three events together would pass the 200 KB of one response
      const sub = await subscribe(t.app, `subscription($id: ID!) { a: dumpUpdated(id: $id) { status text again: text } }`, { id }, TEST_TOKEN);
      try {
        const events = [await sub.next()];
        for (const status of ['IN_REVIEW', 'APPROVED']) {
          await t.gql(`mutation($input: SetDumpStatusInput!) { setDumpStatus(input: $input) { __typename } }`, { input: { dumpId: id, revision: 1, status } });
          events.push(await sub.until((p) => p.data?.a?.status === status));
        }
        for (const e of events) expect(e.data?.a?.text?.length).toBeGreaterThan(DUMP_BYTES - 1000);
      } finally {
        sub.close();
      }
    });

    it('refuses aliases of article bodies over the budget with LIMIT_EXCEEDED', async () => {
      const q = `{ ${Array.from({ length: 5 }, (_, i) => `a${i}: articles(first: 100) { edges { node { body } } }`).join(' ')} }`;
      const res = await t.gql(q, undefined, { token: null });
      expect(res.errors?.[0]?.extensions?.code).toBe('LIMIT_EXCEEDED');
    });
  });
}

describe('text budget of a subscription event (COPYDESK_MAX_SUBSCRIPTION_EVENT_TEXT_BYTES)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ limits: { ...DEFAULT_LIMITS, maxTextBytes: BUDGET, maxSubscriptionEventTextBytes: 100_000 } });
    const res = await t.gql(IMPORT, { i: { text: dump(9, DUMP_BYTES), filename: 'event-budget.txt' } });
    expect(res.data.importDump.__typename).toBe('ImportDumpPayload');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses an event over its own bound with LIMIT_EXCEEDED, though a query of the same size is answered', async () => {
    const first = await t.gql(`{ dumps(first: 1) { edges { node { id } } } }`);
    const id = first.data.dumps.edges[0].node.id;
    // 120 KB: under a request's 200 KB, over an event's 100 KB
    const query = await t.gql(`query($id: ID!) { dump(id: $id) { text again: text } }`, { id });
    expect(query.errors).toBeUndefined();
    expect(query.data.dump.again.length).toBeGreaterThan(DUMP_BYTES - 1000);
    const sub = await subscribe(t.app, `subscription($id: ID!) { a: dumpUpdated(id: $id) { status text again: text } }`, { id }, TEST_TOKEN);
    try {
      const event = await sub.next();
      expect(event.errors?.[0]?.extensions?.code).toBe('LIMIT_EXCEEDED');
      expect(event.data?.a?.again ?? null).toBeNull();
    } finally {
      sub.close();
    }
  });
});
