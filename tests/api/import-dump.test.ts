import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { REFERENCE_DUMP, SHARED_DUMPS } from '../helpers/paths.ts';

const IMPORT = /* GraphQL */ `
  mutation Import($input: ImportDumpInput!) {
    importDump(input: $input) {
      __typename
      ... on Error { message code }
      ... on DumpTooLargeError { sizeBytes limitBytes }
      ... on InvalidTextError { offset }
      ... on ImportDumpPayload {
        created
        dump { id contentHash filename currentRevisionNumber }
        articles {
          id headline byline published body copyright subheads section
          source { name }
          appearances { role position start end }
        }
      }
    }
  }
`;

const fold = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

interface GoldArticle {
  role: string;
  headline: string;
  byline: string | null;
  source: string | null;
  published: string | null;
  bodyFirst: string | null;
  bodyLast: string | null;
  copyright: string | null;
  subheads?: string[];
}

let t: TestApp;
const text = readFileSync(join(SHARED_DUMPS, `${REFERENCE_DUMP}.txt`), 'utf8');
const gold = JSON.parse(readFileSync(join(SHARED_DUMPS, `${REFERENCE_DUMP}.gold.json`), 'utf8')) as { articles: GoldArticle[] };

beforeAll(async () => {
  t = await createTestApp({ maxDumpBytes: 64 * 1024 });
});
afterAll(async () => {
  await t?.close();
});

const count = async (table: string) => Number((await t.sql<{ n: string }>(`select count(*) as n from ${table}`))[0]!.n);

describe('importDump', () => {
  it('imports the reference dump into the articles its gold file names', async () => {
    const res = await t.gql(IMPORT, { input: { text, filename: `${REFERENCE_DUMP}.txt` } });
    expect(res.errors).toBeUndefined();
    const r = res.data.importDump;
    expect(r.__typename).toBe('ImportDumpPayload');
    expect(r.created).toBe(true);
    expect(r.dump.currentRevisionNumber).toBe(1);
    expect(r.articles).toHaveLength(gold.articles.length);
    r.articles.forEach((a: any, i: number) => {
      const g = gold.articles[i]!;
      expect(a.appearances[0].role).toBe(g.role);
      expect(fold(a.headline)).toBe(fold(g.headline));
      expect(a.byline).toBe(g.byline);
      expect(a.source?.name ?? null).toBe(g.source);
      expect(a.published).toBe(g.published);
      expect(fold(a.body).startsWith(fold(g.bodyFirst))).toBe(true);
      expect(fold(a.body).endsWith(fold(g.bodyLast))).toBe(true);
      expect(a.copyright).toBe(g.copyright);
      if (g.subheads) expect(a.subheads).toEqual(g.subheads);
      // offsets index the raw text: the segment starts where the article's text starts
      const { start, end } = a.appearances[0];
      expect(text.slice(start, end)).toContain(a.headline);
    });
    expect(await count('articles')).toBe(gold.articles.length);
    expect(await count('segmentation_revisions')).toBe(1);
  });

  it('returns the stored dump with created: false when the same text comes again', async () => {
    const before = await count('articles');
    const res = await t.gql(IMPORT, { input: { text } });
    const r = res.data.importDump;
    expect(r.__typename).toBe('ImportDumpPayload');
    expect(r.created).toBe(false);
    expect(r.dump.filename).toBe(`${REFERENCE_DUMP}.txt`);
    expect(r.articles).toHaveLength(gold.articles.length);
    expect(await count('articles')).toBe(before);
    expect(await count('dumps')).toBe(1);
  });

  it('lists the dump and its articles through the connections, with totalCount', async () => {
    const res = await t.gql(`{
      dumps(first: 10) { totalCount edges { node { id appearances { role article { headline } } currentRevision { number author segments { kind start end } } } } }
      articles(first: 2) { totalCount pageInfo { hasNextPage endCursor } nodes: edges { node { id headline } } }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.dumps.totalCount).toBe(1);
    const dump = res.data.dumps.edges[0].node;
    expect(dump.appearances.map((a: any) => a.role)).toEqual(gold.articles.map((a) => a.role));
    const segs = dump.currentRevision.segments as { start: number; end: number }[];
    expect(segs[0]!.start).toBe(0);
    expect(segs.at(-1)!.end).toBe(text.length);
    for (let i = 1; i < segs.length; i++) expect(segs[i]!.start).toBe(segs[i - 1]!.end);
    expect(res.data.articles.totalCount).toBe(gold.articles.length);
    expect(res.data.articles.pageInfo.hasNextPage).toBe(true);

    const next = await t.gql(`query($after: String) { articles(first: 10, after: $after) { edges { node { headline } } pageInfo { hasNextPage } } }`, {
      after: res.data.articles.pageInfo.endCursor,
    });
    expect(next.data.articles.edges).toHaveLength(gold.articles.length - 2);
    expect(next.data.articles.pageInfo.hasNextPage).toBe(false);
  });

  it('refetches dumps and articles by global id through dump(id), article(id) and node(id)', async () => {
    const list = await t.gql(`{ dumps(first: 1) { edges { node { id appearances { article { id headline } } } } } }`);
    const dump = list.data.dumps.edges[0].node;
    const art = dump.appearances[0].article;
    const res = await t.gql(
      `query($d: ID!, $a: ID!) {
        dump(id: $d) { id contentHash }
        article(id: $a) { id headline related(kinds: [LISTED]) { totalCount edges { node { kind to { headline } dump { id } } } } }
        node(id: $a) { __typename ... on Article { headline } }
      }`,
      { d: dump.id, a: art.id },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.dump.id).toBe(dump.id);
    expect(res.data.article.headline).toBe(art.headline);
    expect(res.data.node).toEqual({ __typename: 'Article', headline: art.headline });
    // the main article lists each related one
    expect(res.data.article.related.totalCount).toBe(gold.articles.length - 1);
    expect(res.data.article.related.edges[0].node.dump.id).toBe(dump.id);
  });

  it('answers an unknown id with null, and an id of the wrong type with an error', async () => {
    const res = await t.gql(`query($d: ID!) { dump(id: $d) { id } }`, { d: Buffer.from('Dump:999999').toString('base64') });
    expect(res.data.dump).toBeNull();
    const wrong = await t.gql(`query($d: ID!) { dump(id: $d) { id } }`, { d: Buffer.from('Article:1').toString('base64') });
    expect(wrong.errors?.length).toBeGreaterThan(0);
  });
});

describe('importDump refuses bad input with a typed error and writes nothing', () => {
  const cases: [string, string, string][] = [
    ['empty text', '', 'EMPTY_DUMP'],
    ['white space only', ' \n\t\r\n  \n', 'EMPTY_DUMP'],
    ['a NUL character', 'Headline\nBody with a \u0000 inside\n', 'INVALID_TEXT'],
    ['a lone surrogate', 'Headline\nBroken \uD800 text\n', 'INVALID_TEXT'],
    ['text over the size limit', 'Headline\n' + 'x'.repeat(64 * 1024) + '\n', 'DUMP_TOO_LARGE'],
  ];
  for (const [name, bad, code] of cases) {
    it(`${name} -> ${code}`, async () => {
      const dumps = await count('dumps');
      const articles = await count('articles');
      const res = await t.gql(IMPORT, { input: { text: bad } });
      expect(res.errors).toBeUndefined();
      expect(res.data.importDump.code).toBe(code);
      expect(res.data.importDump.message).toMatch(/\w/);
      expect(await count('dumps')).toBe(dumps);
      expect(await count('articles')).toBe(articles);
    });
  }

  it('reports the size and the limit', async () => {
    const res = await t.gql(IMPORT, { input: { text: 'é'.repeat(40 * 1024) } });
    expect(res.data.importDump).toMatchObject({ code: 'DUMP_TOO_LARGE', sizeBytes: 80 * 1024, limitBytes: 64 * 1024 });
  });

  it('rejects a malformed fetchedAt before writing', async () => {
    const res = await t.gql(IMPORT, { input: { text: 'A headline\nA body line.\n', fetchedAt: 'yesterday-ish' } });
    expect(res.errors?.[0]?.message ?? res.data?.importDump?.code).toBeTruthy();
    expect(await count('dumps')).toBe(1);
  });
});
