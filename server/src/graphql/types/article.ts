import { and, eq, exists, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { appearances, articles as articlesTable, articleTopics, publishedSortSql } from '@copydesk/schema';
import { sourceMatchSql } from '../../sources/index.ts';
import { rowsOf, type Db } from '../../db/client.ts';
import { InvalidInputError } from '../../errors.ts';
import { foldText } from '@copydesk/core';
import { builder, CONNECTION_PAGE, pageSize } from '../builder.ts';
import { cursorOrdering, type CursorOrdering } from '../input.ts';
import { TEXT_BUDGET_EXTENSION } from '../text-budget.ts';
import { SEARCH_LIMITS } from '../text-limits.ts';
import { Dump } from './dump.ts';
import { Source } from './source.ts';
import { StoryEdgeKind } from './story-edge.ts';
import { ArticleTopicRef, Topic } from './topic.ts';
import { Story } from './story.ts';

/** `Article.topics`: strongest first (drizzle orderBy over article_topics; the compiled reads use it too) */
export const ARTICLE_TOPICS_ORDER = { weight: 'desc', topicId: 'asc' } as const;
/** `Article.related`: heaviest edge first (drizzle orderBy over story_edges; the compiled reads use it too) */
export const RELATED_ORDER = { weight: 'desc', id: 'asc' } as const;

export const Article = builder.drizzleNode('articles', {
  name: 'Article',
  description: 'One story text, however many dumps show it.',
  id: { column: (a) => a.id },
  select: { columns: { id: true } },
  fields: (t) => ({
    headline: t.exposeString('headline', { nullable: true }),
    byline: t.exposeString('byline', { nullable: true }),
    source: t.relation('source', { nullable: true }),
    published: t.exposeString('published', { nullable: true, description: 'the date text as the page shows it' }),
    publishedAt: t.expose('publishedAt', { type: 'DateTime', nullable: true }),
    section: t.exposeString('section', { nullable: true }),
    body: t.string({
      description: 'charged to the request\'s text budget (COPYDESK_MAX_TEXT_BYTES)',
      select: { columns: { body: true } },
      extensions: { [TEXT_BUDGET_EXTENSION]: true },
      resolve: (a, _args, ctx) => ctx.textBudget.charge(a.body, 'Article.body'),
    }),
    copyright: t.exposeString('copyright', { nullable: true }),
    subheads: t.exposeStringList('subheads'),
    enrichedAt: t.expose('enrichedAt', { type: 'DateTime', nullable: true, description: 'when topics and similarity edges were computed; null while queued' }),
    searchSnippet: t.string({
      nullable: true,
      description: 'with `articles(filter: {search})`: the best matching passages, matches between « and »',
      resolve: (a) => (a as { searchSnippet?: () => Promise<string | null> }).searchSnippet?.() ?? null,
    }),
    story: t.field({
      type: Story,
      nullable: true,
      description: 'the story it belongs to (null until enriched)',
      select: (_args, _ctx, nested) => ({ with: { storyLink: { columns: { articleId: true }, with: { story: nested() } } } }),
      resolve: (a) => a.storyLink?.story ?? null,
    }),
    appearances: t.relation('appearances', { query: { orderBy: { dumpId: 'asc', position: 'asc' } } }),
    topics: t.relation('topicLinks', {
      type: ArticleTopicRef,
      description: 'what the article is about, strongest first',
      query: { orderBy: ARTICLE_TOPICS_ORDER },
    }),
    related: t.relatedConnection('outEdges', {
      description: 'story edges from this article: LISTED (its page listed them), SAME_STORY, TOPICAL',
      args: { kinds: t.arg({ type: [StoryEdgeKind], required: false }) },
      query: (args) => ({
        where: args.kinds?.length ? { kind: { in: args.kinds } } : {},
        orderBy: RELATED_ORDER,
      }),
      totalCount: true,
      extensions: cursorOrdering({ values: ['float', 'int'] }),
    }),
  }),
});

const ArticleRole = builder.enumType('ArticleRole', {
  values: { MAIN: { value: 'main' }, RELATED: { value: 'related' } } as const,
});

const ArticleOrder = builder.enumType('ArticleOrder', {
  values: {
    ID_ASC: { description: 'oldest import first (default)' },
    PUBLISHED_DESC: { description: 'newest publication first; unknown dates last' },
    RELEVANCE: { description: 'best full-text match first (with filter.search)' },
  } as const,
});

const ArticleFilter = builder.inputType('ArticleFilter', {
  fields: (t) => ({
    search: t.string({ required: false, description: 'full-text query (web-search syntax: words, "phrases", -exclusions, or)' }),
    source: t.string({ required: false, description: 'part of any name the outlet goes by (canonical name or alias), case-insensitive' }),
    sourceId: t.globalID({ required: false, for: Source }),
    topicId: t.globalID({ required: false, for: Topic }),
    role: t.field({ type: ArticleRole, required: false, description: 'articles that appear in this role somewhere' }),
    dumpId: t.globalID({ required: false, for: Dump }),
    publishedAfter: t.field({ type: 'DateTime', required: false }),
    publishedBefore: t.field({ type: 'DateTime', required: false }),
  }),
});

interface ArticleFilterValue {
  search?: string | null;
  source?: string | null;
  sourceId?: { id: string | number } | null;
  topicId?: { id: string | number } | null;
  role?: string | null;
  dumpId?: { id: string | number } | null;
  publishedAfter?: string | null;
  publishedBefore?: string | null;
}


/** the trimmed search, or null when there is none; throws InvalidInputError past SEARCH_LIMITS */
function searchOf(f: ArticleFilterValue | null | undefined): string | null {
  const q = f?.search?.trim();
  if (!q) return null;
  if (q.length > SEARCH_LIMITS.maxChars) throw new InvalidInputError('filter.search', `${q.length} characters; a search has at most ${SEARCH_LIMITS.maxChars}`);
  const terms = q.split(/\s+/).length;
  if (terms > SEARCH_LIMITS.maxTerms) throw new InvalidInputError('filter.search', `${terms} terms; a search has at most ${SEARCH_LIMITS.maxTerms}`);
  return q;
}

const tsQuery = (q: string) => sql`websearch_to_tsquery('english', ${q})`;

/** The orderings of `articles`, each with the values its cursors hold (graphql/input.ts). */
export const ARTICLE_ORDERINGS = {
  ID_ASC: { name: 'articles.ID_ASC', values: ['int'] },
  PUBLISHED_DESC: { name: 'articles.PUBLISHED_DESC', values: ['timestamp', 'int'] },
  RELEVANCE: { name: 'articles.RELEVANCE', values: ['float', 'int'] },
} as const satisfies Record<string, CursorOrdering>;

/** the ordering `articles(filter, orderBy)` pages by: RELEVANCE with a search (by default), else ID_ASC unless asked */
function articleOrdering(args: { filter?: ArticleFilterValue | null; orderBy?: string | null }): keyof typeof ARTICLE_ORDERINGS {
  const search = args.filter?.search?.trim();
  const order = (args.orderBy ?? (search ? 'RELEVANCE' : 'ID_ASC')) as keyof typeof ARTICLE_ORDERINGS;
  return order === 'RELEVANCE' && !search ? 'ID_ASC' : order;
}

/** One sort key of a page: a column of the articles table (by its drizzle key), or a named expression over it. */
export interface ArticleSortKey {
  /** the drizzle column key, or the name of the expression (a relational query's `extras` entry) */
  name: string;
  desc: boolean;
  /** the expression over the table (or its alias); absent for a column */
  sql?: (t: typeof articlesTable) => SQL;
}

/**
 * What one `articles(filter, orderBy)` request reads, in one place for both executors (the Pothos
 * resolver below and the compiled reads): the rows (`where` over the table or its alias, undefined
 * for all), the sort keys in order (the last one unique: a page is a keyset walk and its cursor
 * holds the keys' values, of `ordering.values`' types), and the search, if any.
 * Throws InvalidInputError when the search is past SEARCH_LIMITS.
 */
export interface ArticlePage {
  ordering: CursorOrdering;
  search: string | null;
  where: (t: typeof articlesTable) => SQL | undefined;
  keys: ArticleSortKey[];
}

export function articlePage(args: { filter?: ArticleFilterValue | null; orderBy?: string | null }): ArticlePage {
  const search = searchOf(args.filter);
  const order = articleOrdering(args);
  const keys: ArticleSortKey[] =
    order === 'RELEVANCE' && search
      ? [{ name: 'searchRank', desc: true, sql: (a) => sql<number>`ts_rank_cd(${a.search}, ${tsQuery(search)})::real` }, { name: 'id', desc: false }]
      : order === 'PUBLISHED_DESC'
        ? // a null date cannot be paged past: unknown dates sort last
          [{ name: 'publishedSort', desc: true, sql: (a) => publishedSortSql(a.publishedAt) }, { name: 'id', desc: true }]
        : [{ name: 'id', desc: false }];
  return { ordering: ARTICLE_ORDERINGS[order], search, where: (t) => articleFilterSql(t, args.filter), keys };
}

/** ts_headline reads at most this many characters of an article (its cost grows with the text: ~6 ms for a long story on PGlite) */
const SNIPPET_SOURCE_CHARS = 20_000;

/**
 * Gives each row of a page of a search a `searchSnippet()` that highlights it: on first call one
 * ts_headline statement runs over the page's ids (never over every match, which the ranked query
 * sees), and only when a client asks for snippets.
 */
function withSnippets<R extends { id: number }>(db: Db, rows: R[], search: string, pageSize: number): R[] {
  let batch: Promise<Map<number, string>> | undefined;
  const ids = rows.slice(0, pageSize).map((r) => r.id);
  const load = () =>
    (batch ??= ids.length
      ? db
          .execute(
            sql`select ${articlesTable.id} as id, ts_headline('english', left(coalesce(${articlesTable.headline}, '') || ' — ' || ${articlesTable.body}, ${SNIPPET_SOURCE_CHARS}), ${tsQuery(search)}, 'StartSel=«, StopSel=», MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "') as snippet from ${articlesTable} where ${inArray(articlesTable.id, ids)}`,
          )
          .then((r) => new Map(rowsOf<{ id: number; snippet: string }>(r).map((x) => [Number(x.id), x.snippet])))
      : Promise.resolve(new Map()));
  for (const r of rows) Object.assign(r, { searchSnippet: async () => (await load()).get(r.id) ?? null });
  return rows;
}

/** The filter as SQL over `t` (the articles table, or the alias a relational query gives it). */
function articleFilterSql(t: typeof articlesTable, f: ArticleFilterValue | null | undefined): SQL | undefined {
  if (!f) return undefined;
  const parts: SQL[] = [];
  const search = searchOf(f);
  if (search) parts.push(sql`${t.search} @@ ${tsQuery(search)}`);
  if (f.source?.trim()) parts.push(sourceMatchSql(t.sourceId, f.source));
  if (f.sourceId) parts.push(eq(t.sourceId, Number(f.sourceId.id)));
  if (f.topicId) parts.push(exists(sql`(select 1 from ${articleTopics} where ${articleTopics.articleId} = ${t.id} and ${articleTopics.topicId} = ${Number(f.topicId.id)})`));
  if (f.role) parts.push(exists(sql`(select 1 from ${appearances} where ${appearances.articleId} = ${t.id} and ${appearances.role} = ${f.role})`));
  if (f.dumpId) parts.push(exists(sql`(select 1 from ${appearances} where ${appearances.articleId} = ${t.id} and ${appearances.dumpId} = ${Number(f.dumpId.id)})`));
  if (f.publishedAfter) parts.push(gte(t.publishedAt, f.publishedAfter));
  if (f.publishedBefore) parts.push(lte(t.publishedAt, f.publishedBefore));
  return parts.length ? and(...parts) : undefined;
}

builder.queryFields((t) => ({
  article: t.drizzleField({
    type: 'articles',
    nullable: true,
    args: { id: t.arg.globalID({ required: true, for: Article }) },
    resolve: (query, _root, args, ctx) => ctx.db.query.articles.findFirst(query({ where: { id: Number(args.id.id) } })),
  }),
  articles: t.drizzleConnection({
    type: 'articles',
    args: {
      filter: t.arg({ type: ArticleFilter, required: false }),
      orderBy: t.arg({ type: ArticleOrder, required: false }),
    },
    totalCount: (_p, args, ctx) => ctx.db.$count(articlesTable, articlePage(args).where(articlesTable)),
    extensions: cursorOrdering((args) => ARTICLE_ORDERINGS[articleOrdering(args)]),
    resolve: async (query, _root, args, ctx) => {
      const page = articlePage(args);
      const rows = await ctx.db.query.articles.findMany(
        query({
          where: args.filter ? { RAW: (a: typeof articlesTable) => page.where(a) ?? sql`true` } : {},
          extras: Object.fromEntries(page.keys.flatMap((k) => (k.sql ? [[k.name, k.sql]] : []))),
          orderBy: Object.fromEntries(page.keys.map((k) => [k.name, k.desc ? 'desc' : 'asc'])),
        } as never),
      );
      return page.search ? withSnippets(ctx.db, rows, page.search, pageSize(args.first, args.last)) : rows;
    },
  }),
}));
