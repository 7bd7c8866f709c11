/**
 * `articles(orderBy: PUBLISHED_DESC)`, alone and for one source, is served by an index: the
 * statements the API runs for a first page and a next page are planned without sorting the
 * articles by publication (the ORDER BY expression and the index's are the same). Articles without
 * a date stay last, and paging walks every article once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
const ROWS = 3000;
const SOURCES = 3;
const b64 = (s: string) => Buffer.from(s).toString('base64');

/** a statement with its parameters written in as literals, for EXPLAIN */
function inline(sql: string, params: unknown[]): string {
  return sql.replace(/\$(\d+)/g, (_, n: string) => {
    const v = params[Number(n) - 1];
    if (v === null || v === undefined) return 'null';
    if (typeof v === 'number') return String(v);
    return `'${String(typeof v === 'object' ? JSON.stringify(v) : v).replaceAll("'", "''")}'`;
  });
}

/** the plans of the statements on `articles` that the API ran for `query` */
async function plansOf(query: string, variables: Record<string, unknown> = {}) {
  t.statements.length = 0;
  const res = await t.gql(query, variables);
  expect(res.errors).toBeUndefined();
  const ordered = t.statements.filter((s) => /from "articles"/.test(s.sql) && /order by/i.test(s.sql) && /published_at/.test(s.sql));
  expect(ordered.length).toBeGreaterThan(0);
  const plans: string[] = [];
  for (const s of ordered) plans.push((await t.sql<{ 'QUERY PLAN': string }>(`explain ${inline(s.sql, s.params)}`)).map((r) => r['QUERY PLAN']).join('\n'));
  return { res, plans };
}

beforeAll(async () => {
  t = await createTestApp();
  await t.sql(`insert into sources (name, key) select 'Outlet ' || g, 'outlet ' || g from generate_series(1, ${SOURCES}) g`);
  // every 10th article has no date; dates repeat (ties are broken by id)
  await t.sql(`insert into articles (fingerprint, headline, source_id, published_at)
    select 'fp' || g, 'Article ' || g, (select min(id) from sources) + g % ${SOURCES},
      case when g % 10 = 0 then null else timestamptz '2025-01-01' + (g % 500) * interval '1 hour' end
    from generate_series(1, ${ROWS}) g`);
  await t.sql('analyze articles');
});
afterAll(async () => {
  await t?.close();
});

const PAGE = `query($after: String, $filter: ArticleFilter) { articles(first: 20, after: $after, filter: $filter, orderBy: PUBLISHED_DESC) { edges { node { id publishedAt } } pageInfo { endCursor hasNextPage } } }`;

describe('articles newest first', () => {
  for (const scope of ['every source', 'one source'] as const) {
    it(`pages ${scope} by an index, not a sort`, async () => {
      const source = (await t.sql<{ id: number }>('select min(id) as id from sources'))[0]!.id;
      const filter = scope === 'one source' ? { sourceId: b64(`Source:${source}`) } : null;
      const first = await plansOf(PAGE, { filter });
      const next = await plansOf(PAGE, { filter, after: first.res.data.articles.pageInfo.endCursor });
      for (const plan of [...first.plans, ...next.plans]) {
        expect(plan).not.toMatch(/Sort Key: .*published_at/);
        expect(plan).toMatch(/Index (Only )?Scan.*articles_(source_)?published_sort_idx/);
      }
    });
  }

  it('walks every article of a source once, newest first, undated last', async () => {
    const source = (await t.sql<{ id: number }>('select min(id) as id from sources'))[0]!.id;
    const expected = await t.sql<{ id: number }>(`select id from articles where source_id = ${source} order by published_at desc nulls last, id desc`);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: { data?: any; errors?: unknown } = await t.gql(PAGE.replace('first: 20', 'first: 100'), { filter: { sourceId: b64(`Source:${source}`) }, after });
      expect(res.errors).toBeUndefined();
      seen.push(...res.data.articles.edges.map((e: any) => e.node.id));
      if (!res.data.articles.pageInfo.hasNextPage) break;
      after = res.data.articles.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected.map((r) => b64(`Article:${r.id}`)));
  });
});
