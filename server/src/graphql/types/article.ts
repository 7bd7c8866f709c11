import { articles as articlesTable } from '@copydesk/schema';
import { builder } from '../builder.ts';
import { StoryEdgeKind } from './story-edge.ts';

export const Article = builder.drizzleNode('articles', {
  name: 'Article',
  description: 'One story text, however many dumps show it.',
  id: { column: (a) => a.id },
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
    appearances: t.relation('appearances', { query: { orderBy: { dumpId: 'asc', position: 'asc' } } }),
    related: t.relatedConnection('outEdges', {
      args: { kinds: t.arg({ type: [StoryEdgeKind], required: false }) },
      query: (args) => ({
        where: args.kinds?.length ? { kind: { in: args.kinds } } : {},
        orderBy: { weight: 'desc', id: 'asc' },
      }),
      totalCount: true,
    }),
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
    totalCount: (_p, _a, ctx) => ctx.db.$count(articlesTable),
    resolve: (query, _root, _args, ctx) => ctx.db.query.articles.findMany(query({ orderBy: { id: 'asc' } })),
  }),
}));
