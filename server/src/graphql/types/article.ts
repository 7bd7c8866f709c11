import { and, eq, exists, gte, lte, sql, type SQL } from 'drizzle-orm';
import { appearances, articles as articlesTable, articleTopics } from '@copydesk/schema';
import { sourceMatchSql } from '../../sources/index.ts';
import { queueCounts } from '../../enrich/queue.ts';
import { builder } from '../builder.ts';
import { StoryEdgeKind } from './story-edge.ts';
import { ArticleTopicRef } from './topic.ts';

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
    body: t.exposeString('body'),
    copyright: t.exposeString('copyright', { nullable: true }),
    subheads: t.exposeStringList('subheads'),
    enrichedAt: t.expose('enrichedAt', { type: 'DateTime', nullable: true, description: 'when topics and similarity edges were computed; null while queued' }),
    searchSnippet: t.string({
      nullable: true,
      description: 'with `articles(filter: {search})`: the best matching passages, matches between « and »',
      resolve: (a) => (a as { searchSnippet?: string | null }).searchSnippet ?? null,
    }),
    appearances: t.relation('appearances', { query: { orderBy: { dumpId: 'asc', position: 'asc' } } }),
    topics: t.relation('topicLinks', {
      type: ArticleTopicRef,
      description: 'what the article is about, strongest first',
      query: { orderBy: { weight: 'desc', topicId: 'asc' } },
    }),
    related: t.relatedConnection('outEdges', {
      description: 'story edges from this article: LISTED (its page listed them), SAME_STORY, TOPICAL',
      args: { kinds: t.arg({ type: [StoryEdgeKind], required: false }) },
      query: (args) => ({
        where: args.kinds?.length ? { kind: { in: args.kinds } } : {},
        orderBy: { weight: 'desc', id: 'asc' },
      }),
      totalCount: true,
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
    sourceId: t.globalID({ required: false }),
    topicId: t.globalID({ required: false }),
    role: t.field({ type: ArticleRole, required: false, description: 'articles that appear in this role somewhere' }),
    dumpId: t.globalID({ required: false }),
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

const tsQuery = (q: string) => sql`websearch_to_tsquery('english', ${q})`;

/** The filter as SQL over `t` (the articles table, or the alias a relational query gives it). */
function articleFilterSql(t: typeof articlesTable, f: ArticleFilterValue | null | undefined): SQL | undefined {
  if (!f) return undefined;
  const parts: SQL[] = [];
  if (f.search?.trim()) parts.push(sql`${t.search} @@ ${tsQuery(f.search)}`);
  if (f.source?.trim()) parts.push(sourceMatchSql(t.sourceId, f.source));
  if (f.sourceId) parts.push(eq(t.sourceId, Number(f.sourceId.id)));
  if (f.topicId) parts.push(exists(sql`(select 1 from ${articleTopics} where ${articleTopics.articleId} = ${t.id} and ${articleTopics.topicId} = ${Number(f.topicId.id)})`));
  if (f.role) parts.push(exists(sql`(select 1 from ${appearances} where ${appearances.articleId} = ${t.id} and ${appearances.role} = ${f.role})`));
  if (f.dumpId) parts.push(exists(sql`(select 1 from ${appearances} where ${appearances.articleId} = ${t.id} and ${appearances.dumpId} = ${Number(f.dumpId.id)})`));
  if (f.publishedAfter) parts.push(gte(t.publishedAt, f.publishedAfter));
  if (f.publishedBefore) parts.push(lte(t.publishedAt, f.publishedBefore));
  return parts.length ? and(...parts) : undefined;
}

const EnrichmentProgress = builder.objectRef<{ queued: number; running: number; done: number; failed: number }>('EnrichmentProgress').implement({
  description: 'The enrichment job queue (topics, SAME_STORY and TOPICAL edges), in jobs (one per imported or revised dump).',
  fields: (t) => ({
    queued: t.exposeInt('queued'),
    running: t.exposeInt('running'),
    done: t.exposeInt('done'),
    failed: t.exposeInt('failed'),
  }),
});

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
    totalCount: (_p, args, ctx) => ctx.db.$count(articlesTable, articleFilterSql(articlesTable, args.filter)),
    resolve: (query, _root, args, ctx) => {
      const search = args.filter?.search?.trim();
      const order = args.orderBy ?? (search ? 'RELEVANCE' : 'ID_ASC');
      const where = args.filter ? { RAW: (a: typeof articlesTable) => articleFilterSql(a, args.filter) ?? sql`true` } : {};
      return ctx.db.query.articles.findMany(
        query({
          where,
          extras: {
            // a null date cannot be paged past: unknown dates sort last
            ...(order === 'PUBLISHED_DESC' ? { publishedSort: (a: typeof articlesTable) => sql<string>`coalesce(${a.publishedAt}, '-infinity'::timestamptz)` } : {}),
            ...(search
              ? {
                  searchRank: (a: typeof articlesTable) => sql<number>`ts_rank_cd(${a.search}, ${tsQuery(search)})::real`,
                  searchSnippet: (a: typeof articlesTable) =>
                    sql<string>`ts_headline('english', coalesce(${a.headline}, '') || ' — ' || ${a.body}, ${tsQuery(search)}, 'StartSel=«, StopSel=», MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "')`,
                }
              : {}),
          },
          orderBy:
            order === 'RELEVANCE' && search ? { searchRank: 'desc', id: 'asc' } : order === 'PUBLISHED_DESC' ? { publishedSort: 'desc', id: 'desc' } : { id: 'asc' },
        } as never),
      );
    },
  }),
  enrichment: t.field({
    type: EnrichmentProgress,
    description: 'progress of topic and similarity enrichment after imports',
    resolve: (_r, _a, ctx) => queueCounts(ctx.db),
  }),
}));
