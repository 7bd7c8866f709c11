/**
 * API input is checked at the edge, never by the database: every kind of hostile or malformed
 * argument (cursors of another ordering, forged and typed-wrong cursors, IDs of other types and
 * malformed numbers, NUL, dates out of PostgreSQL's range, LIKE wildcards, long searches, deep
 * variables, alias floods) gets a typed error naming the argument, or a correct answer; never a
 * 500 and never an internal message. Runs on PGlite and on PostgreSQL (api-pglite, api-postgres).
 */
import { readFileSync } from 'node:fs';
import { isObjectType } from 'graphql';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { openDatabase } from '@copydesk/server/db/client.ts';
import { schema } from '@copydesk/server/graphql/schema.ts';
import { CURSOR_EXTENSION } from '@copydesk/server/graphql/input.ts';
import { SEARCH_LIMITS } from '@copydesk/server/graphql/text-limits.ts';
import { createApp } from '@copydesk/server/yoga.ts';
import { loadEnv } from '@copydesk/server/env.ts';
import { flatDump, relatedBlock } from '../helpers/dumps.ts';
import { createTestApp, DEFAULT_CONFIG, TEST_TOKEN, type TestApp } from '../helpers/app.ts';

let t: TestApp;
const IMPORT = `mutation($input: ImportDumpInput!) { importDump(input: $input) { __typename } }`;

/** HTTP status and parsed body of one request to the app */
async function raw(query: string, variables?: unknown, app = t.app, token: string | null = null): Promise<{ status: number; text: string; json: any }> {
  const res = await app.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  return { status: res.status, text, json: JSON.parse(text) };
}

/** the request ends in one typed INVALID_INPUT error that names `field`, not in a 500 or an internal message */
/** as an editor: a request without a token is refused before its input is checked (a mutation UNAUTHENTICATED, a body over 64 KB REQUEST_TOO_LARGE) */
async function expectInvalid(query: string, variables: unknown, field: string) {
  const r = await raw(query, variables, t.app, TEST_TOKEN);
  expect(r.status, r.text).toBeLessThan(500);
  expect(r.json.errors?.length, r.text).toBeGreaterThan(0);
  const e = r.json.errors[0];
  expect(e.extensions?.code, r.text).toBe('INVALID_INPUT');
  expect(e.extensions?.field, r.text).toBe(field);
  expect(e.message).toContain(field);
  expect(r.text).not.toMatch(/Failed query|select |stack|\.ts:\d|node_modules|Unexpected error/i);
  return e;
}

/** an answer without errors */
async function expectData(query: string, variables?: unknown) {
  const r = await raw(query, variables);
  expect(r.status, r.text).toBe(200);
  expect(r.json.errors, r.text).toBeUndefined();
  return r.json.data;
}

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const encodeGlobalID = (type: string, id: number) => b64(`${type}:${id}`);
const ARTICLE_IDS = `{ articles(first: 100) { edges { cursor node { id } } } }`;

beforeAll(async () => {
  t = await createTestApp();
  const dumps = [
    flatDump('Harbour council approves new ferry timetable', 'The harbour council approved a new ferry timetable on Monday.\nCommuters will see more sailings at peak hours from next month, Mayor Ana Ribeiro of Port Ellis said.', relatedBlock('Coast Daily', '2 hours ago', 'Ferry workers welcome extra shifts', 'Ferry workers said the extra sailings would bring more shifts for crews in the harbour.')),
    flatDump('Library extends weekend opening hours', 'The city library will open on Sundays from March, the council said.\nVolunteers will staff the reading rooms.'),
    flatDump('Storm closes mountain pass for two days', 'A winter storm closed the mountain pass on Tuesday.\nRoad crews expect to reopen it by Thursday evening.'),
    flatDump('Ferry timetable draws complaints from island residents', 'Island residents said the new ferry timetable leaves them without an early sailing.\nThe council will review it in June, Mayor Ana Ribeiro told the Port Ellis Gazette.'),
  ];
  for (const text of dumps) {
    const r = await t.gql(IMPORT, { input: { text } });
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  }
  await t.drain();
});
afterAll(async () => {
  await t?.close();
});

describe('cursors: tied to the ordering that issued them, checked and typed', () => {
  it('refuses a cursor of another ordering of the same connection, naming the argument', async () => {
    const byId = (await expectData(`{ articles(first: 1) { pageInfo { endCursor } } }`)).articles.pageInfo.endCursor;
    const byDate = (await expectData(`{ articles(first: 1, orderBy: PUBLISHED_DESC) { pageInfo { endCursor } } }`)).articles.pageInfo.endCursor;
    const byRank = (await expectData(`{ articles(first: 1, filter: { search: "ferry" }) { pageInfo { endCursor } } }`)).articles.pageInfo.endCursor;
    await expectInvalid(`query($c: String) { articles(first: 5, after: $c, orderBy: PUBLISHED_DESC) { edges { node { id } } } }`, { c: byId }, 'after');
    await expectInvalid(`query($c: String) { articles(first: 5, after: $c) { edges { node { id } } } }`, { c: byDate }, 'after');
    await expectInvalid(`query($c: String) { articles(first: 5, after: $c, filter: { search: "ferry" }) { edges { node { id } } } }`, { c: byId }, 'after');
    await expectInvalid(`query($c: String) { articles(first: 5, after: $c, orderBy: PUBLISHED_DESC) { edges { node { id } } } }`, { c: byRank }, 'after');
    await expectInvalid(`query($c: String) { articles(last: 5, before: $c) { edges { node { id } } } }`, { c: byDate }, 'before');
    const created = (await expectData(`{ dumps(first: 1) { pageInfo { endCursor } } }`)).dumps.pageInfo.endCursor;
    const confidence = (await expectData(`{ dumps(first: 1, orderBy: CONFIDENCE_ASC) { pageInfo { endCursor } } }`)).dumps.pageInfo.endCursor;
    await expectInvalid(`query($c: String) { dumps(first: 5, after: $c, orderBy: CONFIDENCE_ASC) { edges { node { id } } } }`, { c: created }, 'after');
    await expectInvalid(`query($c: String) { dumps(first: 5, after: $c) { edges { node { id } } } }`, { c: confidence }, 'after');
    // an article cursor is not a dump cursor, though both order by id
    await expectInvalid(`query($c: String) { dumps(first: 5, after: $c) { edges { node { id } } } }`, { c: byId }, 'after');
  });

  const forged = [
    'garbage!!',
    b64('nothing like a cursor'),
    b64('DC:S:abc'),
    b64('DC:N:abc'),
    b64('DC:N:99999999999'),
    b64('DC:N:1.5'),
    b64('DC:T:["S:x","N:1"]'),
    b64('DC:T:["N:1"]'),
    b64('DC:O:{"a":1}'),
  ];
  const connections = [
    (c: string) => `articles(first: 2, ${c}) { edges { node { id } } }`,
    (c: string) => `articles(first: 2, orderBy: PUBLISHED_DESC, ${c}) { edges { node { id } } }`,
    (c: string) => `articles(first: 2, filter: { search: "ferry" }, ${c}) { edges { node { id } } }`,
    (c: string) => `dumps(first: 2, ${c}) { edges { node { id } } }`,
    (c: string) => `dumps(first: 2, orderBy: CONFIDENCE_ASC, ${c}) { edges { node { id } } }`,
    (c: string) => `topics(first: 2, ${c}) { edges { node { id } } }`,
    (c: string) => `articles(first: 1) { edges { node { related(first: 2, ${c}) { edges { node { kind } } } } } }`,
    (c: string) => `dumps(first: 1) { edges { node { revisions(first: 2, ${c}) { edges { node { number } } } } } }`,
    (c: string) => `topics(first: 1) { edges { node { articles(first: 2, ${c}) { edges { node { weight } } } } } }`,
    (c: string) => `articles(first: 1) { edges { node { source { articles(first: 2, ${c}) { edges { node { id } } } } } } }`,
  ];

  it('refuses garbage and forged cursors (non-numeric, out of range, wrong shape) on every connection, after and before', async () => {
    for (const make of connections) {
      for (const c of forged) {
        await expectInvalid(`query($c: String) { ${make('after: $c')} }`, { c }, 'after');
        await expectInvalid(`query($c: String) { ${make('before: $c').replace('first: 2', 'last: 2')} }`, { c }, 'before');
      }
    }
  });

  it('accepts the cursors every connection issues, nested ones included', async () => {
    const nested = [
      (c: string) => `articles(first: 5) { edges { node { related(first: 1, ${c}) { pageInfo { endCursor } } } } }`,
      (c: string) => `dumps(first: 5) { edges { node { revisions(first: 1, ${c}) { pageInfo { endCursor } } } } }`,
      (c: string) => `topics(first: 5) { edges { node { articles(first: 1, ${c}) { pageInfo { endCursor } } } } }`,
      (c: string) => `articles(first: 5) { edges { node { source { articles(first: 1, ${c}) { pageInfo { endCursor } } } } } }`,
      (c: string) => `topics(first: 1, ${c}) { pageInfo { endCursor } }`,
    ];
    for (const make of nested) {
      const text = JSON.stringify(await expectData(`{ ${make('')} }`));
      const cursors = [...text.matchAll(/"endCursor":"([^"]+)"/g)].map((m) => m[1]!);
      expect(cursors.length, make('')).toBeGreaterThan(0);
      for (const c of cursors) {
        await expectData(`query($c: String) { ${make('after: $c')} }`, { c });
        await expectData(`query($c: String) { ${make('before: $c').replace(/first: 1,/, 'last: 1,')} }`, { c });
      }
    }
  });

  it('every paginated field declares its cursor, so the edge check covers it', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const f of Object.values(type.getFields())) {
        if (f.args.some((a) => a.name === 'after') && !f.extensions?.[CURSOR_EXTENSION]) missing.push(`${type.name}.${f.name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('walks every ordering forward and backward with the cursors it issues: every article once', async () => {
    const all = (await expectData(ARTICLE_IDS)).articles.edges.map((e: any) => e.node.id).sort();
    expect(all.length).toBeGreaterThanOrEqual(4);
    for (const args of ['', 'orderBy: PUBLISHED_DESC', 'orderBy: ID_ASC']) {
      const seen: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < 20; i++) {
        const d: any = await expectData(`query($c: String) { articles(first: 2, after: $c, ${args}) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`, { c: after });
        seen.push(...d.articles.edges.map((e: any) => e.node.id));
        if (!d.articles.pageInfo.hasNextPage) break;
        after = d.articles.pageInfo.endCursor;
      }
      expect(seen.slice().sort(), args).toEqual(all);
      const back: string[] = [];
      let before: string | null = null;
      for (let i = 0; i < 20; i++) {
        const d: any = await expectData(`query($c: String) { articles(last: 2, before: $c, ${args}) { edges { node { id } } pageInfo { hasPreviousPage startCursor } } }`, { c: before });
        back.unshift(...d.articles.edges.map((e: any) => e.node.id));
        if (!d.articles.pageInfo.hasPreviousPage) break;
        before = d.articles.pageInfo.startCursor;
      }
      expect(back, args).toEqual(seen);
    }
  });
});

describe('pageInfo follows the Relay connection spec with first+before and last+after', () => {
  it('first + before: hasNextPage says whether more edges lie before the cursor, endCursor is the page end', async () => {
    const edges = (await expectData(ARTICLE_IDS)).articles.edges;
    const q = `query($c: String, $n: Int) { articles(first: $n, before: $c) { edges { node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`;
    const short = (await expectData(q, { c: edges[3].cursor, n: 2 })).articles;
    expect(short.edges.map((e: any) => e.node.id)).toEqual([edges[0].node.id, edges[1].node.id]);
    expect(short.pageInfo.hasNextPage).toBe(true);
    expect(short.pageInfo.endCursor).toBe(edges[1].cursor);
    const rest = (await expectData(q, { c: edges[3].cursor, n: 10 })).articles;
    expect(rest.edges).toHaveLength(3);
    expect(rest.pageInfo.hasNextPage).toBe(false);
    expect(rest.pageInfo.endCursor).toBe(edges[2].cursor);
    const empty = (await expectData(q, { c: edges[0].cursor, n: 2 })).articles;
    expect(empty.edges).toEqual([]);
    expect(empty.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false, endCursor: null });
  });

  it('nested connections: a page shorter than asked toward the cursor has nothing more there', async () => {
    const q = (args: string) => `query${args.includes('$c') ? '($c: String)' : ''} { dumps(first: 1) { edges { node { revisions(${args}) { edges { cursor } pageInfo { hasNextPage hasPreviousPage endCursor startCursor } } } } } }`;
    const first = (await expectData(q('first: 1'))).dumps.edges[0].node.revisions.edges[0].cursor;
    const before = (await expectData(q('first: 2, before: $c'), { c: first })).dumps.edges[0].node.revisions;
    expect(before.edges).toEqual([]);
    expect(before.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false, endCursor: null, startCursor: null });
    const after = (await expectData(q('last: 2, after: $c'), { c: first })).dumps.edges[0].node.revisions;
    expect(after.edges).toEqual([]);
    expect(after.pageInfo.hasPreviousPage).toBe(false);
  });

  it('last + after: hasPreviousPage says whether more edges lie after the cursor before the page', async () => {
    const edges = (await expectData(ARTICLE_IDS)).articles.edges;
    const n = edges.length;
    const q = `query($c: String, $n: Int) { articles(last: $n, after: $c) { edges { node { id } } pageInfo { hasNextPage hasPreviousPage startCursor } } }`;
    const short = (await expectData(q, { c: edges[0].cursor, n: 1 })).articles;
    expect(short.edges.map((e: any) => e.node.id)).toEqual([edges[n - 1].node.id]);
    expect(short.pageInfo.hasPreviousPage).toBe(true);
    const rest = (await expectData(q, { c: edges[0].cursor, n: 100 })).articles;
    expect(rest.edges).toHaveLength(n - 1);
    expect(rest.pageInfo.hasPreviousPage).toBe(false);
    expect(rest.pageInfo.startCursor).toBe(edges[1].cursor);
    const empty = (await expectData(q, { c: edges[n - 1].cursor, n: 2 })).articles;
    expect(empty.edges).toEqual([]);
    expect(empty.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false, startCursor: null });
  });
});

describe('IDs: malformed, out of range, of another type, or missing', () => {
  it('refuses malformed global IDs and ids that are not integers in range, naming the argument', async () => {
    const bad = ['RHVtcDp4', '%%%', '', b64('Article:'), b64('Article:abc'), b64('Article:99999999999'), b64('Article:-1'), b64('Article:1e3'), b64('Nope:1'), b64('Article:1\u0000')];
    for (const id of bad) {
      await expectInvalid(`query($id: ID!) { node(id: $id) { id } }`, { id }, 'id');
      await expectInvalid(`query($id: ID!) { article(id: $id) { id } }`, { id }, 'id');
      await expectInvalid(`query($id: ID!) { dump(id: $id) { id } }`, { id }, 'id');
      await expectInvalid(`query($id: ID!) { topic(id: $id) { id } }`, { id }, 'id');
      await expectInvalid(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [encodeGlobalID('Article', 1), id] }, 'ids[1]');
      await expectInvalid(`query($id: ID) { articles(filter: { dumpId: $id }) { totalCount } }`, { id }, 'filter.dumpId');
    }
  });

  it('refuses an ID of another type where one type is meant', async () => {
    const articleId = (await expectData(ARTICLE_IDS)).articles.edges[0].node.id;
    await expectInvalid(`query($id: ID) { articles(filter: { topicId: $id }) { totalCount } }`, { id: articleId }, 'filter.topicId');
    await expectInvalid(`query($id: ID) { articles(filter: { sourceId: $id }) { totalCount } }`, { id: articleId }, 'filter.sourceId');
    await expectInvalid(`query($id: ID) { articles(filter: { dumpId: $id }) { totalCount } }`, { id: articleId }, 'filter.dumpId');
    await expectInvalid(`query($id: ID!) { dump(id: $id) { id } }`, { id: articleId }, 'id');
    await expectInvalid(`query($id: ID!) { topic(id: $id) { id } }`, { id: articleId }, 'id');
    const dumpId = (await expectData(`{ dumps(first: 1) { edges { node { id } } } }`)).dumps.edges[0].node.id;
    await expectInvalid(`query($id: ID!) { article(id: $id) { id } }`, { id: dumpId }, 'id');
  });

  it('names the type it wanted and the one it got with the right article ("an Article", "a Dump")', async () => {
    const articleId = (await expectData(ARTICLE_IDS)).articles.edges[0].node.id;
    const dumpId = (await expectData(`{ dumps(first: 1) { edges { node { id } } } }`)).dumps.edges[0].node.id;
    const wantedArticle = await expectInvalid(`query($id: ID!) { article(id: $id) { id } }`, { id: dumpId }, 'id');
    expect(wantedArticle.message).toContain('an ID of a Dump');
    expect(wantedArticle.message).toContain('the ID of an Article');
    const gotArticle = await expectInvalid(`query($id: ID!) { dump(id: $id) { id } }`, { id: articleId }, 'id');
    expect(gotArticle.message).toContain('an ID of an Article');
    expect(gotArticle.message).toContain('the ID of a Dump');
    const missing = await expectInvalid(`query($id: ID) { articles(filter: { dumpId: $id }) { totalCount } }`, { id: b64('Nothing:1') }, 'filter.dumpId');
    for (const e of [wantedArticle, gotArticle, missing]) expect(e.message).not.toMatch(/\ba [AEIOU]/);
  });

  it('a missing node is null (Relay): node, nodes with valid and missing ids, and every type', async () => {
    const articleId = (await expectData(ARTICLE_IDS)).articles.edges[0].node.id;
    for (const type of ['Article', 'Topic', 'Dump', 'Source', 'SegmentationRevision']) {
      const missing = encodeGlobalID(type, 999999);
      expect((await expectData(`query($id: ID!) { node(id: $id) { id } }`, { id: missing })).node).toBeNull();
      expect((await expectData(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [articleId, missing] })).nodes).toEqual([{ id: articleId }, null]);
    }
    expect((await expectData(`query($id: ID!) { article(id: $id) { id } }`, { id: encodeGlobalID('Article', 999999) })).article).toBeNull();
  });
});

describe('values JavaScript accepts and PostgreSQL refuses never reach SQL', () => {
  it('refuses NUL in any string argument, naming it', async () => {
    await expectInvalid(`query($s: String) { articles(filter: { search: $s }) { totalCount } }`, { s: 'ferry\u0000' }, 'filter.search');
    await expectInvalid(`query($s: String) { articles(filter: { source: $s }) { totalCount } }`, { s: '\u0000' }, 'filter.source');
    await expectInvalid(`query($s: String) { topics(search: $s) { totalCount } }`, { s: 'a\u0000b' }, 'search');
    await expectInvalid(`query($s: String) { dumps(filter: { template: $s }) { totalCount } }`, { s: '\u0000' }, 'filter.template');
    await expectInvalid(`query($s: String) { dumps(filter: { source: $s }) { totalCount } }`, { s: '\u0000' }, 'filter.source');
  });

  it('refuses NUL in a mutation string, naming the list item, and writes nothing', async () => {
    const before = (await t.sql<{ n: string }>('select count(*) as n from dumps'))[0]!.n;
    // (a dump's filename and url are that dump's own result in a batch: imports.test.ts)
    const q = `mutation($i: ReviseSegmentationInput!) { reviseSegmentation(input: $i) { __typename } }`;
    await expectInvalid(q, { i: { dumpId: encodeGlobalID('Dump', 1), baseRevision: 1, segments: [{ kind: 'main', start: 0, end: 5 }, { kind: 'residue\u0000', start: 5, end: 9 }] } }, 'input.segments[1].kind');
    await expectInvalid(`mutation($n: String!) { addArticleTopic(articleId: "${encodeGlobalID('Article', 1)}", name: $n) { __typename } }`, { n: 'x\u0000' }, 'name');
    expect((await t.sql<{ n: string }>('select count(*) as n from dumps'))[0]!.n).toBe(before);
  });

  it('refuses a lone UTF-16 surrogate in any string argument, and bidi controls in every string a mutation stores, naming the argument', async () => {
    /** the request as an editor ends in one typed INVALID_INPUT naming `field` */
    const refused = async (query: string, variables: Record<string, unknown>, field: string) => {
      const r = await t.gql(query, variables);
      expect(r.errors?.[0]?.extensions, JSON.stringify(r)).toMatchObject({ code: 'INVALID_INPUT', field });
      expect(r.errors![0]!.message).toContain(field);
    };
    const article = (await expectData(ARTICLE_IDS)).articles.edges[0].node.id;
    const topics = (await expectData(`{ topics(first: 2) { edges { node { id } } } }`)).topics.edges;
    const dump = (await expectData(`{ dumps(first: 1) { edges { node { id } } } }`)).dumps.edges[0].node.id;
    const rules = await t.sql<{ n: string }>('select count(*) as n from parse_rules');
    const RULE = `mutation($i: CreateParseRuleInput!) { createParseRule(input: $i) { __typename } }`;
    for (const [bad, what] of [['\uD83D', 'lone high surrogate'], ['\uDE80x', 'lone low surrogate'], ['\u202E', 'right-to-left override'], ['\u202A', 'left-to-right embedding'], ['\u2066', 'left-to-right isolate'], ['\u2069', 'pop directional isolate']] as const) {
      const text = `Ferry ${bad}timetable`;
      await refused(RULE, { i: { lineText: text, scope: 'EVERYWHERE' } }, 'input.lineText');
      await refused(RULE, { i: { lineText: 'Subscribe to our newsletter', scope: 'SOURCE', source: text } }, 'input.source');
      await refused(RULE, { i: { lineText: 'Subscribe to our newsletter', scope: 'EVERYWHERE', note: text } }, 'input.note');
      await refused(`mutation($i: UpdateParseRuleInput!) { updateParseRule(input: $i) { __typename } }`, { i: { id: encodeGlobalID('ParseRule', 1), note: text } }, 'input.note');
      await refused(`mutation($id: ID!, $n: String!) { renameTopic(id: $id, name: $n) { __typename } }`, { id: topics[0].node.id, n: text }, 'name');
      await refused(`mutation($id: ID!, $n: String!) { renameSource(id: $id, name: $n) { __typename } }`, { id: encodeGlobalID('Source', 1), n: text }, 'name');
      await refused(`mutation($id: ID!, $n: String!) { renameStory(id: $id, title: $n) { __typename } }`, { id: encodeGlobalID('Story', 1), n: text }, 'title');
      await refused(`mutation($a: ID!, $n: String!) { addArticleTopic(articleId: $a, name: $n) { __typename } }`, { a: article, n: text }, 'name');
      await refused(
        `mutation($i: DismissWarningInput!) { dismissWarning(input: $i) { __typename } }`,
        { i: { dumpId: dump, code: 'X', start: 0, end: 1, reason: text } },
        'input.reason',
      );
      expect(what).toBeTruthy();
    }
    // a lone surrogate is not text anywhere, queries included; a bidi control in a search is only a search
    await expectInvalid(`query($s: String) { articles(filter: { search: $s }) { totalCount } }`, { s: 'ferry\uD83D' }, 'filter.search');
    expect((await expectData(`query($s: String) { articles(filter: { search: $s }) { totalCount } }`, { s: 'ferry\u202E' })).articles.totalCount).toBeGreaterThanOrEqual(0);
    // whole surrogate pairs are text
    const ok = await t.gql(RULE, { i: { lineText: 'Ferry 🚢 newsletter: sign up today', scope: 'EVERYWHERE' } });
    expect(ok.data?.createParseRule.__typename, JSON.stringify(ok)).toBe('ParseRule');
    expect(Number((await t.sql<{ n: string }>('select count(*) as n from parse_rules'))[0]!.n)).toBe(Number(rules[0]!.n) + 1);
  });

  it('refuses offsets that cut a surrogate pair: a rule\'s marked span, a revision\'s boundaries and fields', async () => {
    const line = 'By Jane Doe 🚢 Harbour Desk';
    const pair = line.indexOf('🚢');
    const RULE = `mutation($i: CreateParseRuleInput!) { createParseRule(input: $i) { __typename ... on Error { code message } ... on InvalidInputError { field } } }`;
    const cut = (await t.gql(RULE, { i: { lineText: line, scope: 'EVERYWHERE', action: 'BYLINE', fieldStart: 3, fieldEnd: pair + 1 } })).data?.createParseRule;
    expect(cut).toMatchObject({ code: 'INVALID_INPUT', field: 'fieldEnd' });
    expect(cut.message).toMatch(/surrogate pair/);
    const cutStart = (await t.gql(RULE, { i: { lineText: line, scope: 'EVERYWHERE', action: 'BYLINE', fieldStart: pair + 1, fieldEnd: line.length } })).data?.createParseRule;
    expect(cutStart).toMatchObject({ code: 'INVALID_INPUT', field: 'fieldStart' });

    const text = flatDump('Harbour 🚢 ferries resume night sailings', 'Night sailings resume on Friday, the harbour office said.\nCrews have trained for the new timetable.');
    const imported = await t.gql(`mutation($input: ImportDumpInput!) { importDump(input: $input) { ... on ImportDumpPayload { dump { id currentRevisionNumber } } } }`, { input: { text } });
    const { id, currentRevisionNumber } = imported.data.importDump.dump;
    const at = text.indexOf('🚢');
    const REVISE = `mutation($input: ReviseSegmentationInput!) { reviseSegmentation(input: $input) { __typename ... on Error { code message } } }`;
    const revise = (segments: unknown[]) => t.gql(REVISE, { input: { dumpId: id, baseRevision: currentRevisionNumber, segments } }).then((r) => r.data?.reviseSegmentation);
    const boundary = await revise([{ kind: 'residue', start: 0, end: at + 1 }, { kind: 'residue', start: at + 1, end: text.length }]);
    expect(boundary).toMatchObject({ code: 'INVALID_SEGMENTATION' });
    expect(boundary.message).toMatch(/surrogate pair/);
    const field = await revise([{ kind: 'main', start: 0, end: text.length, fields: [{ field: 'headline', start: 0, end: at + 1 }] }]);
    expect(field).toMatchObject({ code: 'INVALID_SEGMENTATION' });
    expect(field.message).toMatch(/surrogate pair/);
    // the same boundaries a whole character on are a revision
    expect((await revise([{ kind: 'main', start: 0, end: at + 2, fields: [{ field: 'headline', start: 0, end: at + 2 }] }, { kind: 'residue', start: at + 2, end: text.length }])).__typename).toBe('ReviseSegmentationPayload');
  });

  it('refuses date-times outside what PostgreSQL stores, and answers those inside', async () => {
    const q = `query($d: DateTime) { articles(filter: { publishedAfter: $d }) { totalCount } }`;
    for (const d of ['-271821-04-20T00:00:00.000Z', '+275760-09-13T00:00:00.000Z', '-004714-01-01T00:00:00Z', 'Tuesday', '1 2 3', '2025-13-40T00:00:00Z', '2025-02-30T00:00:00Z']) {
      const r = await raw(q, { d });
      expect(r.status, r.text).toBeLessThan(500);
      expect(r.json.errors?.[0]?.extensions?.code, r.text).toBe('INVALID_INPUT');
      expect(r.text).not.toMatch(/Unexpected error|Failed query/);
    }
    expect((await expectData(q, { d: '1900-01-01T00:00:00Z' })).articles.totalCount).toBeGreaterThanOrEqual(0);
    expect((await expectData(q, { d: '9999-12-31T23:59:59Z' })).articles.totalCount).toBe(0);
    expect((await expectData(`{ articles(filter: { publishedBefore: "2025-07-25T09:30:00+02:00" }) { totalCount } }`)).articles.totalCount).toBeGreaterThanOrEqual(0);
  });

  it('refuses a Float PostgreSQL real cannot hold', async () => {
    const articleId = (await expectData(ARTICLE_IDS)).articles.edges[0].node.id;
    const q = `mutation($a: ID!, $w: Float) { addArticleTopic(articleId: $a, name: "Ferries", weight: $w) { __typename } }`;
    await expectInvalid(q, { a: articleId, w: 1e39 }, 'weight');
    await expectInvalid(q, { a: articleId, w: -1e300 }, 'weight');
  });

  it('refuses negative and combined first/last with a typed error', async () => {
    await expectInvalid(`{ articles(first: -1) { totalCount } }`, undefined, 'first');
    await expectInvalid(`{ topics(last: -5) { totalCount } }`, undefined, 'last');
    await expectInvalid(`{ articles(first: 1) { edges { node { related(first: -1) { totalCount } } } } }`, undefined, 'first');
  });
});

describe('search: LIKE wildcards are text, and long searches are bounded', () => {
  it('topic search treats % and _ as characters, like the source filter', async () => {
    const all = (await expectData(`{ topics { totalCount } }`)).topics.totalCount;
    expect(all).toBeGreaterThan(0);
    for (const s of ['%', '_', '%%', '\\']) {
      const d = await expectData(`query($s: String) { topics(search: $s) { totalCount edges { node { id } } } articles(filter: { source: $s }) { totalCount } }`, { s });
      expect(d.topics.totalCount, s).toBe(0);
      expect(d.topics.edges, s).toEqual([]);
      expect(d.articles.totalCount, s).toBe(0);
    }
  });

  it('writes nothing to the server log for a refused (typed) request, however large its input', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const q = `query($s: String) { articles(filter: { search: $s }) { totalCount } }`;
      await expectInvalid(q, { s: 'zephyrine '.repeat(8000) }, 'filter.search');
      await expectInvalid(`{ article(id: "RHVtcDp4") { id } }`, undefined, 'id');
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
  });

  it('refuses a search past the term or length bound with a typed error, and answers one inside it', async () => {
    const q = `query($s: String) { articles(filter: { search: $s }) { totalCount edges { node { searchSnippet } } } }`;
    await expectInvalid(q, { s: 'zephyrine '.repeat(8000) }, 'filter.search');
    await expectInvalid(q, { s: Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ') }, 'filter.search');
    await expectInvalid(q, { s: 'x'.repeat(2000) }, 'filter.search');
    await expectInvalid(`query($s: String) { topics(search: $s) { totalCount } }`, { s: 'x'.repeat(2000) }, 'search');
    // the bound is SEARCH_LIMITS, the one README states (500 characters): the edge's length check was 200
    expect((await expectData(q, { s: `ferry ${'x'.repeat(SEARCH_LIMITS.maxChars - 6)}` })).articles.totalCount).toBe(0);
    await expectInvalid(q, { s: `ferry ${'x'.repeat(SEARCH_LIMITS.maxChars - 5)}` }, 'filter.search');
    const d = await expectData(q, { s: 'ferry timetable' });
    expect(d.articles.totalCount).toBeGreaterThan(0);
    expect(d.articles.edges[0].node.searchSnippet).toMatch(/«.+»/);
  });

  it('highlights only the page it returns', async () => {
    t.queries.length = 0;
    const d = await expectData(`{ articles(first: 1, filter: { search: "ferry" }) { edges { node { searchSnippet } } } }`);
    expect(d.articles.edges).toHaveLength(1);
    const headline = t.queries.filter((s) => s.includes('ts_headline'));
    expect(headline.length).toBeGreaterThan(0);
    // ts_headline runs over the ids of the page, never inside the ranked query over every match
    for (const s of headline) expect(s).not.toMatch(/ts_rank/);
  });
});

describe('requests that used to end in a 500 or an unbounded body', () => {
  it('counts __typename aliases against the alias limit', async () => {
    const r = await raw(`{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: __typename`).join(' ')} }`);
    expect(r.status).toBeLessThan(500);
    expect(r.json.data).toBeUndefined();
    expect(r.json.errors[0].message).toMatch(/alias/i);
  });

  it('refuses 100k-deep JSON variables with a typed error', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const body = `{"query":"query($ids: [ID!]!) { nodes(ids: $ids) { id } }","variables":{"ids":${deep}}}`;
    const res = await t.app.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(body.length), authorization: `Bearer ${TEST_TOKEN}` }, body });
    const text = await res.text();
    expect(res.status, text.slice(0, 500)).toBeLessThan(500);
    expect(JSON.parse(text).errors[0].extensions.code).toBe('INVALID_INPUT');
  });

  it('a variable graphql-js cannot coerce to its type is INVALID_INPUT naming the variable, not an error without a code', async () => {
    await expectInvalid(`query($n: Int) { articles(first: $n) { totalCount } }`, { n: 'abc' }, '$n');
    await expectInvalid(`query($n: Int) { articles(first: $n) { totalCount } }`, { n: 99_999_999_999 }, '$n');
    await expectInvalid(`query($n: Int!) { articles(first: $n) { totalCount } }`, {}, '$n');
    await expectInvalid(`query($f: ArticleFilter) { articles(filter: $f) { totalCount } }`, { f: { search: 'ferry', bogus: 1 } }, '$f');
    await expectInvalid(`mutation($i: [ImportDumpInput!]!) { importDumps(inputs: $i) { __typename } }`, { i: [null] }, '$i');
    await expectInvalid(`subscription($id: ID!) { dumpUpdated(id: $id) { id } }`, { id: { a: 1 } }, '$id');
    // a huge one is quoted cut
    const e = await expectInvalid(`query($n: Int) { articles(first: $n) { totalCount } }`, { n: 'x'.repeat(500_000) }, '$n');
    expect(e.message.length).toBeLessThan(1200);
    expect((await expectData(`query($n: Int) { articles(first: $n) { totalCount } }`, { n: 2 })).articles.totalCount).toBeGreaterThan(0);
  });

  it('bounds error bodies: a huge invalid variable is not echoed back in full', async () => {
    const r = await raw(`query($n: Int) { articles(first: $n) { totalCount } }`, { n: 'x'.repeat(500_000) });
    expect(r.status).toBeLessThan(500);
    expect(r.json.errors.length).toBeGreaterThan(0);
    expect(r.text.length).toBeLessThan(8_000);
  });

  it('masks internal errors by default: no SQL, parameters, stack or paths, and details only with the explicit flag', async () => {
    const failing = new Proxy({} as any, {
      get() {
        throw new Error('Failed query: select secret_column from dumps where id = $1\nparams: 42 at /work/server/src/db/client.ts:10');
      },
    });
    const masked = createApp({ db: failing, config: DEFAULT_CONFIG });
    const r = await raw(`{ reviewCounts { total } }`, undefined, masked);
    expect(r.status).toBeLessThan(500);
    expect(r.json.errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(r.text).not.toMatch(/secret_column|Failed query|params|client\.ts|stack/);
    const dev = createApp({ db: failing, config: DEFAULT_CONFIG, dev: true });
    expect((await raw(`{ reviewCounts { total } }`, undefined, dev)).text).toMatch(/secret_column/);
    // the server's own default: no flag, no details (NODE_ENV alone does not turn them on)
    expect(loadEnv({}).COPYDESK_DEBUG_ERRORS).toBe(false);
    expect(loadEnv({ NODE_ENV: 'development' }).COPYDESK_DEBUG_ERRORS).toBe(false);
    expect(loadEnv({ COPYDESK_DEBUG_ERRORS: '1' }).COPYDESK_DEBUG_ERRORS).toBe(true);
  });

  it('a statement past the bound (statement_timeout; on PGlite the same bound, on the request thread) is the typed QUERY_TIMEOUT, not a 500', async () => {
    const cancelled = new Proxy({} as any, {
      get() {
        const cause = Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' });
        throw new Error('Failed query: select count(*) from articles', { cause });
      },
    });
    const r = await raw(`{ reviewCounts { total } }`, undefined, createApp({ db: cancelled, config: DEFAULT_CONFIG }));
    expect(r.status).toBeLessThan(500);
    expect(r.json.errors[0].extensions.code).toBe('QUERY_TIMEOUT');
    // the statement's own cost: the advice is to ask for less
    expect(r.json.errors[0].message).toMatch(/ask for less/);
    expect(r.text).not.toMatch(/Failed query|select/);
    if (t.kind === 'postgres') {
      // the server's pool sets statement_timeout: a long statement is cancelled with 57014
      const database = await openDatabase({ databaseUrl: inject('pgAdminUrl'), poolSize: 1, statementTimeoutMs: 200, onPoolError: () => {} });
      try {
        const err = await database.db.execute(sql`select pg_sleep(5)`).then(() => null, (e: unknown) => e);
        const codes: unknown[] = [];
        for (let e = err as { cause?: unknown; code?: unknown } | undefined; e; e = e.cause as typeof e) codes.push(e.code);
        expect(codes).toContain('57014');
      } finally {
        await database.close();
      }
    } else {
      // PGlite (its worker thread) cannot cancel a statement: the request thread gives up on it
      // at the same bound, with the same code, and the statement runs to its end in the worker
      const database = await openDatabase({ pgliteLoadDataDir: readFileSync(inject('pgliteTemplate')), statementTimeoutMs: 300 });
      try {
        const app = createApp({ db: database.db, config: DEFAULT_CONFIG });
        const long = database.db.execute(sql`select pg_sleep(2)`).then(() => null, (e: unknown) => e);
        const started = performance.now();
        const r = await raw(`{ reviewCounts { total } }`, undefined, app);
        expect(performance.now() - started).toBeLessThan(1500);
        expect(r.status).toBeLessThan(500);
        expect(r.json.errors[0].extensions.code).toBe('QUERY_TIMEOUT');
        // the read waited behind another statement: the database was busy, the read itself is fine
        expect(r.json.errors[0].message).toMatch(/busy/);
        expect(r.json.errors[0].message).not.toMatch(/ask for less/);
        expect(r.text).not.toMatch(/Failed query|select/);
        const codes: unknown[] = [];
        for (let e = (await long) as { cause?: unknown; code?: unknown } | undefined; e; e = e.cause as typeof e) codes.push(e.code);
        expect(codes).toContain('57014');
        // once the worker has finished the long statement, requests are answered again
        await new Promise((ok) => setTimeout(ok, 2000 - (performance.now() - started)));
        await expect.poll(async () => (await raw(`{ reviewCounts { total } }`, undefined, app)).json.data?.reviewCounts.total, { timeout: 5000 }).toBeTypeOf('number');
      } finally {
        await database.close();
      }
    }
  });

  it('binds the embedded server to loopback by default', () => {
    expect(loadEnv({}).HOST).toBe('127.0.0.1');
    expect(loadEnv({ HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
  });

  it('an anonymous dump(id: "RHVtcDp4") gets a typed error and no internals', async () => {
    const anon = createApp({ db: t.database.db, config: DEFAULT_CONFIG });
    const r = await raw(`{ dump(id: "RHVtcDp4") { id text } }`, undefined, anon);
    expect(r.status).toBeLessThan(500);
    expect(r.json.errors[0].extensions.code).toBe('INVALID_INPUT');
    expect(r.text).not.toMatch(/select|\$1|stack|\.ts/i);
  });
});
