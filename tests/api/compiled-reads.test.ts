/**
 * Compiled reads (server/src/graphql/compiled) answer exactly what the general executor answers:
 * every document here runs on two apps over one database, one with compiled reads and one
 * without, and the two response texts must be identical (values, key order, nulls, errors). The
 * data: the project's own fixture dumps and samples, imported and enriched, so that articles have
 * sources, topics and all three kinds of story edge.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LABEL } from '@copydesk/server/graphql/compiled/compile.ts';
import { createApp, type App } from '@copydesk/server/yoga.ts';
import { flatDump, relatedBlock } from '../helpers/dumps.ts';
import { createTestApp, DEFAULT_CONFIG, type TestApp } from '../helpers/app.ts';
import { REPO_ROOT } from '../helpers/paths.ts';

let t: TestApp;
let general: App;
let articleIds: string[] = [];

const IMPORT = `mutation($input: ImportDumpInput!) { importDump(input: $input) { __typename } }`;

/** one wire story carried by two outlets (SAME_STORY) and a third story about the same people (TOPICAL) */
const WIRE = [
  'Prime Minister Jacinda Ardern met President Joe Biden in Washington on Tuesday to sign a trade pact covering kiwifruit, wool and dairy exports.',
  'The two leaders agreed to cut tariffs on farm goods over five years, officials in Wellington said after the signing ceremony.',
  'Ardern told reporters the pact would open new markets for growers in Auckland and Otago, while Biden said it would lower prices for families.',
  'Farm groups in both countries welcomed the deal but asked for rules on food safety inspections at the ports.',
].join('\n');
const GRAPH_DUMPS = [
  flatDump('Ardern and Biden sign farm trade pact', WIRE, relatedBlock('Harbour Times', '3 hours ago', 'Growers in Otago ask for inspection rules', 'Kiwifruit growers in Otago asked Jacinda Ardern and Joe Biden for clear rules on port inspections, farm leaders in Auckland said on Wednesday.')),
  flatDump('Leaders agree to cut tariffs on farm goods', WIRE.replace('on Tuesday', 'on Tuesday morning').replace('officials in Wellington said', 'government officials in Wellington said')),
  flatDump('Ardern and Biden discuss port inspections in Auckland', 'Jacinda Ardern and Joe Biden spoke by phone about food safety inspections at ports in Auckland and Otago.\nOfficials in Wellington said a working group would report in a month.'),
];

function dumpsIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

async function post(app: App, query: string, variables: Record<string, unknown> = {}): Promise<string> {
  const res = await app.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return res.text();
}

/** both executors' response texts, and the statements the compiled app ran */
async function both(query: string, variables: Record<string, unknown> = {}) {
  t.queries.length = 0;
  const compiled = await post(t.app, query, variables);
  const statements = [...t.queries];
  const reference = await post(general, query, variables);
  return { compiled, reference, statements };
}

/** `path`: which executor must have answered; `other`: not the compiled one (the general one may answer without SQL, or refuse before any) */
async function expectSame(query: string, variables: Record<string, unknown> = {}, path: 'compiled' | 'general' | 'other' = 'compiled') {
  const r = await both(query, variables);
  expect(r.compiled).toBe(r.reference);
  // the compiled path runs one labelled statement; the general one runs drizzle's
  const compiledStatements = r.statements.filter((q) => q.startsWith(LABEL)).length;
  if (path === 'compiled') expect([compiledStatements, r.statements.length]).toEqual([1, 1]);
  else if (path === 'general') expect([compiledStatements, r.statements.length > 0]).toEqual([0, true]);
  else expect(compiledStatements).toBe(0);
  return JSON.parse(r.compiled) as { data?: any; errors?: unknown[] };
}

beforeAll(async () => {
  t = await createTestApp();
  general = createApp({ db: t.database.db, config: { ...DEFAULT_CONFIG, compiledReads: false } });
  const texts = [...dumpsIn(join(REPO_ROOT, 'tests/fixtures/dumps')), ...dumpsIn(join(REPO_ROOT, 'server/samples')), ...GRAPH_DUMPS];
  for (const text of texts) await t.gql(IMPORT, { input: { text, fetchedAt: '2025-07-26T12:00:00Z' } });
  await t.drain();
  const ids = await t.sql<{ id: number }>('select id from articles order by id');
  articleIds = ids.map((r) => Buffer.from(`Article:${r.id}`).toString('base64'));
  const kinds = await t.sql<{ kind: string }>('select distinct kind from story_edges order by kind');
  // the data must exercise every edge kind, topics and sources, or the comparison proves little
  expect(kinds.map((k) => k.kind)).toEqual(['LISTED', 'SAME_STORY', 'TOPICAL']);
  expect(Number((await t.sql<{ n: string }>('select count(*) as n from article_topics'))[0]!.n)).toBeGreaterThan(10);
  expect(Number((await t.sql<{ n: string }>('select count(*) as n from articles where source_id is not null'))[0]!.n)).toBeGreaterThan(10);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const Q1 = `query($id: ID!) { article(id: $id) { headline byline published body topics { weight topic { name } } related(first: 10) { edges { node { kind weight to { headline } } } } } }`;

const FULL = `query($id: ID!) {
  article(id: $id) {
    __typename id headline byline published publishedAt section body copyright subheads enrichedAt
    source { __typename id name }
    topics { __typename weight topic { __typename id name } }
    related { __typename totalCount pageInfo { __typename hasNextPage hasPreviousPage } edges { __typename node { __typename kind weight from { id } to { id headline publishedAt source { name } } } } }
  }
}`;

describe('compiled reads answer what the general executor answers', () => {
  it('Q1 (an article with topics and related headlines) for every article', async () => {
    expect(articleIds.length).toBeGreaterThan(40);
    let withRelated = 0;
    for (const id of articleIds) {
      const res = await expectSame(Q1, { id });
      if (res.data?.article?.related.edges.length) withRelated++;
    }
    expect(withRelated).toBeGreaterThan(5);
  });

  it('every field the compiled path knows, for every article', async () => {
    for (const id of articleIds) await expectSame(FULL, { id });
  });

  it('every relation the schema\'s table types declare (read from the Pothos fields), for every article', async () => {
    const q = `query($id: ID!) { article(id: $id) {
      appearances { role position start end confidence dump { __typename id filename url contentHash currentRevisionNumber fetchedAt createdAt appearances { position article { id } } } article { id } }
      source { id name mergedInto { id name } articles(first: 3) { totalCount pageInfo { hasNextPage hasPreviousPage } edges { node { id headline source { name } } } } }
      topics { weight article { id } topic { id name mergedInto { id } articles(first: 2) { totalCount pageInfo { hasNextPage } edges { node { weight article { id headline } topic { id } } } } } }
      related(first: 3) { totalCount edges { node { kind dump { id } from { id } to { id topics { weight } } } } }
    } }`;
    let compiled = 0;
    for (const id of articleIds) {
      const res = await expectSame(q, { id });
      if (res.data?.article?.appearances.length) compiled++;
    }
    expect(compiled).toBeGreaterThan(20);
  });

  it('related: kinds filters, empty kinds, page sizes 0, 1 and over the cap', async () => {
    const q = `query($id: ID!, $kinds: [StoryEdgeKind!], $n: Int) { article(id: $id) { related(kinds: $kinds, first: $n) { totalCount pageInfo { hasNextPage hasPreviousPage } edges { node { kind weight to { id } } } } } }`;
    for (const id of articleIds.slice(0, 30)) {
      for (const vars of [{ kinds: ['LISTED'] }, { kinds: ['SAME_STORY', 'TOPICAL'] }, { kinds: [] }, { n: 0 }, { n: 1 }, { n: 500 }, { kinds: ['TOPICAL'], n: 2 }]) {
        await expectSame(q, { id, ...vars });
      }
    }
  });

  it('Q2 (pages of articles with bodies and topics), walking every page with cursors', async () => {
    const q = `query($after: String, $n: Int) { articles(first: $n, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id headline byline published body source { name } topics { weight topic { name } } } } } }`;
    for (const n of [20, 7]) {
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const res = await expectSame(q, { after, n });
        pages++;
        if (!res.data!.articles.pageInfo.hasNextPage) break;
        after = res.data!.articles.pageInfo.endCursor;
      }
      expect(pages).toBeGreaterThan(1);
    }
  });

  it('page edge cases: first 0, the default size, past the end, over the cap', async () => {
    const q = `query($after: String, $n: Int) { articles(first: $n, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } } } }`;
    // a cursor past every article, as the id ordering names its cursors (graphql/input.ts)
    const last = Buffer.from(`articles.ID_ASC|DC:N:${1e6}`).toString('base64');
    for (const vars of [{ n: 0 }, {}, { n: 500 }, { after: last }, { after: last, n: 0 }]) await expectSame(q, vars);
    await expectSame(`{ articles { edges { node { id } } } }`);
    await expectSame(`{ articles(orderBy: ID_ASC, first: 3) { edges { node { id } } } }`);
  });

  it('aliases, fragments, __typename and several roots in one document', async () => {
    const [a, b] = articleIds;
    await expectSame(`query($a: ID!) { x: article(id: $a) { ...F h: headline t: __typename } } fragment F on Article { headline ... on Article { body } }`, { a });
    await expectSame(`query($a: ID!, $b: ID!) { __typename one: article(id: $a) { id } two: article(id: $b) { id topics { weight } } page: articles(first: 3) { totalCount edges { cursor node { id } } } }`, { a, b });
    await expectSame(`{ __typename }`, {}, 'other');
    await expectSame(`query($a: ID!) { article(id: $a) { r1: related(first: 1) { edges { node { weight } } } r2: related(kinds: [LISTED]) { totalCount } } }`, { a });
  });

  it('an id that names no article is null; an ID of another type or a bad cursor errors as before', async () => {
    const missing = Buffer.from('Article:99999999').toString('base64');
    expect((await expectSame(Q1, { id: missing })).data).toEqual({ article: null });
    const topic = Buffer.from('Topic:1').toString('base64');
    expect((await expectSame(Q1, { id: topic }, 'other')).errors?.length).toBeGreaterThan(0);
    expect((await expectSame(Q1, { id: 'not an id' }, 'other')).errors?.length).toBeGreaterThan(0);
    const q = `query($after: String, $n: Int) { articles(first: $n, after: $after) { edges { node { id } } } }`;
    expect((await expectSame(q, { after: 'bad' }, 'other')).errors?.length).toBeGreaterThan(0);
    expect((await expectSame(q, { n: -1 }, 'other')).errors?.length).toBeGreaterThan(0);
  });

  it('filtered, searched and ordered lists, walking every page with cursors', async () => {
    const q = `query($after: String, $n: Int, $filter: ArticleFilter, $orderBy: ArticleOrder) { articles(first: $n, after: $after, filter: $filter, orderBy: $orderBy) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id headline published publishedAt source { name } topics { weight topic { name } } } } } }`;
    const id = (type: string, n: unknown) => Buffer.from(`${type}:${n}`).toString('base64');
    const sources = await t.sql<{ id: number; name: string }>('select id, name from sources order by id');
    const topics = await t.sql<{ id: number }>('select topic_id as id from article_topics group by topic_id order by count(*) desc, topic_id limit 3');
    const dumps = await t.sql<{ id: number }>('select id from dumps order by id limit 3');
    const words = (await t.sql<{ word: string }>(`select word from ts_stat('select search from articles') where ndoc between 2 and 40 order by ndoc desc, word limit 4`)).map((r) => r.word);
    // unknown dates must sort last and be paged past: the data has both
    const dated = await t.sql<{ known: boolean; n: string }>('select published_at is not null as known, count(*) as n from articles group by 1 order by 1');
    expect(dated.map((r) => r.known)).toEqual([false, true]);
    expect(sources.length).toBeGreaterThan(1);
    expect(words.length).toBeGreaterThan(1);
    const filters: Record<string, unknown>[] = [
      {},
      ...sources.map((s) => ({ sourceId: id('Source', s.id) })),
      { source: sources[0]!.name.slice(1, 5) },
      ...topics.map((x) => ({ topicId: id('Topic', x.id) })),
      ...dumps.map((d) => ({ dumpId: id('Dump', d.id) })),
      { role: 'MAIN' },
      { role: 'RELATED', publishedAfter: '2000-01-01T00:00:00Z' },
      { publishedBefore: '2030-01-01T00:00:00Z' },
      ...words.map((w) => ({ search: w })),
      { search: `${words[0]} or ${words[1]}` },
      { search: `"${words[0]}" -${words[1]}`, sourceId: id('Source', sources[0]!.id) },
    ];
    let walked = 0;
    for (const filter of filters) {
      for (const orderBy of [undefined, 'ID_ASC', 'PUBLISHED_DESC', 'RELEVANCE']) {
        let after: string | null = null;
        for (let pages = 0; pages < 50; pages++) {
          const res = await expectSame(q, { after, n: 4, filter, orderBy });
          walked += res.data!.articles.edges.length;
          if (!res.data!.articles.pageInfo.hasNextPage) break;
          after = res.data!.articles.pageInfo.endCursor;
        }
      }
    }
    expect(walked).toBeGreaterThan(100);
    // a cursor of one ordering is refused by another, on both executors alike
    const first = (await expectSame(q, { n: 2, orderBy: 'PUBLISHED_DESC' })).data!.articles.pageInfo.endCursor;
    expect((await expectSame(q, { n: 2, after: first, orderBy: 'ID_ASC' }, 'other')).errors?.length).toBeGreaterThan(0);
    // a search past the limits is refused as before
    expect((await expectSame(q, { n: 2, filter: { search: Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ') } }, 'other')).errors?.length).toBeGreaterThan(0);
    // a list beside another root
    await expectSame(`query($s: ID!) { a: articles(first: 3, filter: { sourceId: $s }) { totalCount edges { cursor node { id } } } b: articles(first: 2, orderBy: PUBLISHED_DESC) { edges { node { id } } } }`, { s: id('Source', sources[0]!.id) }, 'general');
    await expectSame(`query($s: ID!) { a: articles(first: 3, filter: { sourceId: $s }) { totalCount edges { cursor node { id } } } b: articles(first: 2, filter: { search: "trade" }, orderBy: ID_ASC) { edges { node { id } } } }`, { s: id('Source', sources[0]!.id) });
  });

  it('documents the compiled path does not cover run on the general executor', async () => {
    const [a] = articleIds;
    await expectSame(`{ articles(last: 3) { edges { node { id } } } }`, {}, 'general');
    await expectSame(`{ articles(first: 3, filter: { search: "trade" }) { edges { node { id searchSnippet } } } }`, {}, 'general');
    // a field with a resolver of its own (not an exposed column or a relation)
    await expectSame(`query($a: ID!) { article(id: $a) { topics { topic { kind } } } }`, { a }, 'general');
    await expectSame(`query($a: ID!) { article(id: $a) { story { id } } }`, { a }, 'general');
    await expectSame(`query($a: ID!) { article(id: $a) { related(first: 2) { edges { cursor } } } }`, { a }, 'general');
    await expectSame(`query($a: ID!, $s: Boolean!) { article(id: $a) { headline @skip(if: $s) } }`, { a, s: true }, 'general');
    await expectSame(`query($a: ID!) { node(id: $a) { id } }`, { a }, 'general');
  });
});
