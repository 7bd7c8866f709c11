/**
 * What editors write (rule notes and sources, dismissal reasons, names and titles) is bounded at
 * the edge by one limit table (server/src/graphql/text-limits.ts), names hold no control
 * characters, rules are listed in bounded pages and their text is charged to the request's text
 * budget, and no error echoes a huge input back. Dumps written for this test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
const encodeGlobalID = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');
import { createTestApp, TEST_TOKEN, type TestApp } from '../helpers/app.ts';
import { flatDump, logoDump } from '../helpers/dumps.ts';
import { TEXT_LIMITS } from '@copydesk/server/graphql/text-limits.ts';
import { CSRF_HEADER, DEFAULT_LIMITS } from '@copydesk/server/graphql/limits.ts';

let t: TestApp;
let dumpId: string;
let articleId: string;

const CREATE = `mutation($input: CreateParseRuleInput!) { createParseRule(input: $input) { __typename ... on Error { code message } ... on ParseRule { id } } }`;
const UPDATE = `mutation($input: UpdateParseRuleInput!) { updateParseRule(input: $input) { __typename ... on Error { code message } ... on ParseRule { id note } } }`;
/** the error an operation answers with: a typed result's, or the request's first */
const errorOf = (res: { data?: any; errors?: any[] }, field: string) => {
  const r = res.data?.[field];
  if (r?.code) return { code: r.code as string, message: r.message as string };
  return { code: res.errors?.[0]?.extensions?.code as string, message: res.errors?.[0]?.message as string, field: res.errors?.[0]?.extensions?.field as string };
};

beforeAll(async () => {
  t = await createTestApp({ limits: { ...DEFAULT_LIMITS, maxTextBytes: 50_000 } });
  const lines = ['Ferry crews walked off the job on Monday after talks over night shifts broke down at the harbour office.', 'The union said repairs to the old pier would wait until a deal was signed.', 'Listen to this article'];
  const res = await t.gql(`mutation($input: ImportDumpInput!) { importDump(input: $input) { ... on ImportDumpPayload { dump { id } articles { id } } } }`, { input: { text: logoDump('Harbour Post', 'Ferry crews walk out', lines) } });
  dumpId = res.data.importDump.dump.id;
  articleId = res.data.importDump.articles[0].id;
});
afterAll(async () => {
  await t?.close();
});

describe('length limits on what editors write', () => {
  it('refuse an over-long rule note, source and line, a dismissal reason and every name, naming the argument, and store nothing', async () => {
    const big = 'x'.repeat(900_000);
    const rulesBefore = (await t.sql<{ n: string }>('select count(*) as n from parse_rules'))[0]!.n;
    const cases: [string, Record<string, unknown>, string, string][] = [
      [CREATE, { input: { lineText: 'Listen to this article', scope: 'EVERYWHERE', note: big } }, 'createParseRule', 'input.note'],
      [CREATE, { input: { lineText: 'Listen to this article', scope: 'SOURCE', source: big } }, 'createParseRule', 'input.source'],
      [CREATE, { input: { lineText: big, scope: 'EVERYWHERE' } }, 'createParseRule', 'input.lineText'],
      [`mutation($input: DismissWarningInput!) { dismissWarning(input: $input) { __typename } }`, { input: { dumpId, code: 'X', start: 0, end: 1, reason: big } }, 'dismissWarning', 'input.reason'],
      [`mutation($id: ID!, $n: String!) { renameSource(id: $id, name: $n) { __typename } }`, { id: encodeGlobalID('Source', 1), n: big }, 'renameSource', 'name'],
      [`mutation($id: ID!, $n: String!) { renameTopic(id: $id, name: $n) { __typename } }`, { id: encodeGlobalID('Topic', 1), n: big }, 'renameTopic', 'name'],
      [`mutation($id: ID!, $n: String!) { renameStory(id: $id, title: $n) { __typename } }`, { id: encodeGlobalID('Story', 1), n: big }, 'renameStory', 'title'],
      [`mutation($a: ID!, $n: String!) { addArticleTopic(articleId: $a, name: $n) { __typename } }`, { a: articleId, n: big }, 'addArticleTopic', 'name'],
      [`mutation($input: VetoRememberedLineInput!) { vetoRememberedLine(input: $input) { __typename } }`, { input: { key: big } }, 'vetoRememberedLine', 'input.key'],
    ];
    for (const [q, v, field, arg] of cases) {
      const res = await t.gql(q, v);
      const e = errorOf(res, field);
      expect(e.code, `${field} ${arg}`).toBe('INVALID_INPUT');
      expect(e.message).toContain(arg);
      expect(e.message).toMatch(/900000 characters; at most \d+/);
      expect(JSON.stringify(res).length, 'the error does not echo the input').toBeLessThan(2000);
    }
    expect((await t.sql<{ n: string }>('select count(*) as n from parse_rules'))[0]!.n).toBe(rulesBefore);
  });

  it('accept what is within the limit, at the limit', async () => {
    const note = 'n'.repeat(TEXT_LIMITS['CreateParseRuleInput.note']!.max);
    const res = await t.gql(CREATE, { input: { lineText: 'Listen to this article', scope: 'EVERYWHERE', note: `${note.slice(0, -1)}\n` } });
    expect(res.data.createParseRule.__typename).toBe('ParseRule');
    const over = await t.gql(UPDATE, { input: { id: res.data.createParseRule.id, note: `${note}!` } });
    expect(errorOf(over, 'updateParseRule').code).toBe('INVALID_INPUT');
  });
});

describe('control characters', () => {
  it('are refused in every name (newlines, BEL, ANSI escapes, C1), allowed as line breaks in a note', async () => {
    const names = ['Line1\nLine2', 'bell\u0007', '\u001b[31mred', 'tab\there', 'c1\u0085x', 'del\u007f'];
    const story = (await t.sql<{ id: number }>('select id from stories limit 1'))[0];
    const topic = (await t.sql<{ id: number }>('select id from topics limit 1'))[0];
    const source = (await t.sql<{ id: number }>('select id from sources limit 1'))[0]!;
    for (const n of names) {
      const cases: [string, Record<string, unknown>, string][] = [
        [`mutation($id: ID!, $n: String!) { renameSource(id: $id, name: $n) { __typename } }`, { id: encodeGlobalID('Source', source.id), n }, 'renameSource'],
        [`mutation($id: ID!, $n: String!) { renameTopic(id: $id, name: $n) { __typename } }`, { id: encodeGlobalID('Topic', topic?.id ?? 1), n }, 'renameTopic'],
        [`mutation($id: ID!, $n: String!) { renameStory(id: $id, title: $n) { __typename } }`, { id: encodeGlobalID('Story', story?.id ?? 1), n }, 'renameStory'],
        [`mutation($a: ID!, $n: String!) { addArticleTopic(articleId: $a, name: $n) { __typename } }`, { a: articleId, n }, 'addArticleTopic'],
        [CREATE, { input: { lineText: 'Listen to this article', scope: 'SOURCE', source: n } }, 'createParseRule'],
      ];
      for (const [q, v, field] of cases) {
        const e = errorOf(await t.gql(q, v), field);
        expect(e.code, `${field} ${JSON.stringify(n)}`).toBe('INVALID_INPUT');
        expect(e.message).toMatch(/control character U\+00[0-9A-F]{2}/);
      }
    }
    expect(Number((await t.sql<{ n: string }>(`select count(*) as n from sources where name ~ '[[:cntrl:]]'`))[0]!.n)).toBe(0);
    const note = await t.gql(CREATE, { input: { lineText: 'Listen to this article', scope: 'SOURCE', source: 'Harbour Post', note: 'first line\nsecond line\twith a tab' } });
    expect(note.data.createParseRule.__typename).toBe('ParseRule');
    const bell = await t.gql(CREATE, { input: { lineText: 'Listen to this article', scope: 'SOURCE', source: 'Other Post', note: 'ring\u0007' } });
    expect(errorOf(bell, 'createParseRule').code).toBe('INVALID_INPUT');
  });
});

describe('parseRules', () => {
  it('pages: a default page, `first` for fewer, and a maximum', async () => {
    for (let i = 0; i < 3; i++) await t.gql(CREATE, { input: { lineText: `Read more stories number ${i}`, scope: 'EVERYWHERE' } });
    const total = Number((await t.sql<{ n: string }>('select count(*) as n from parse_rules'))[0]!.n);
    expect((await t.gql(`{ parseRules { id } }`)).data.parseRules).toHaveLength(total);
    expect((await t.gql(`{ parseRules(first: 2) { id } }`)).data.parseRules).toHaveLength(2);
    const tooMany = await t.gql(`{ parseRules(first: 501) { id } }`);
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('INVALID_INPUT');
  });

  it('charge notes to the text budget like Dump.text', async () => {
    // one note of 2,000 bytes: 30 aliases of every rule's note pass the 50,000-byte budget of this app
    const fields = Array.from({ length: 30 }, (_, i) => `a${i}: parseRules { note }`).join(' ');
    const res = await t.gql(`{ ${fields} }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('LIMIT_EXCEEDED');
    expect(res.errors?.[0]?.message).toContain('ParseRule.note');
  });
});

describe('errors never echo a huge input', () => {
  it('an invalid JSON body: no SyntaxError details, a short message', async () => {
    const body = `{"query": "${'a'.repeat(900_000)}`;
    const res = await t.app.fetch('http://localhost/graphql', { method: 'POST', body, headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_TOKEN}`, [CSRF_HEADER]: '1' } });
    const text = await res.text();
    expect(res.status).toBeLessThan(500);
    expect(text.length).toBeLessThan(1000);
    expect(text).not.toContain('originalError');
    expect(text).not.toContain('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
  });

  it('a NOT_FOUND names at most 80 characters of the key', async () => {
    const key = `${'k'.repeat(900)} tail`;
    const res = await t.gql(`mutation($input: VetoRememberedLineInput!) { vetoRememberedLine(input: $input) { __typename ... on NotFoundError { message id } } }`, { input: { key } });
    expect(res.data.vetoRememberedLine.__typename).toBe('NotFoundError');
    expect(res.data.vetoRememberedLine.message.length).toBeLessThan(160);
    expect(res.data.vetoRememberedLine.id.length).toBeLessThan(120);
  });

  it('a refused over-long filename is its item\'s error, shown cut, and the other dumps are imported', async () => {
    const res = await t.gql(`mutation($i: [ImportDumpInput!]!) { importDumps(inputs: $i) { ... on ImportBatchResult { items { filename result { __typename ... on Error { code } } } } } }`, {
      i: [
        { text: flatDump('Ferry talks resume on Friday', 'Talks resume.\nBoth sides said so.'), filename: `${'f'.repeat(100_000)}.txt` },
        { text: flatDump('Pier repairs start in spring', 'Repairs start.\nThe council agreed.'), filename: 'pier.txt' },
      ],
    });
    expect(JSON.stringify(res).length).toBeLessThan(1000);
    const [bad, good] = res.data.importDumps.items;
    expect(bad.result.code).toBe('INVALID_INPUT');
    expect(bad.filename).toMatch(/^f{10,80}… \(100004 characters\)$/);
    expect(good).toMatchObject({ filename: 'pier.txt', result: { __typename: 'ImportDumpPayload' } });
  });
});
