import { and, eq, exists, sql, type SQL } from 'drizzle-orm';
import { appearances, articles, dumps as dumpsTable } from '@copydesk/schema';
import { sourceMatchSql } from '../../sources/index.ts';
import { NotFoundError } from '../../errors.ts';
import { setDumpStatus } from '../../review/revise.ts';
import { builder, requireEditor } from '../builder.ts';
import { MUTATION_ERRORS } from '../errors.ts';

export const DumpStatus = builder.enumType('DumpStatus', {
  values: {
    NEW: { value: 'new', description: 'parsed, not yet looked at' },
    IN_REVIEW: { value: 'in_review', description: 'an editor has saved a revision' },
    APPROVED: { value: 'approved', description: 'an editor approved the segmentation' },
  } as const,
});

export const DumpOrder = builder.enumType('DumpOrder', {
  values: {
    CONFIDENCE_ASC: { description: 'least sure first: the review queue' },
    CREATED_DESC: { description: 'newest first' },
  } as const,
});

const DumpFilter = builder.inputType('DumpFilter', {
  fields: (t) => ({
    status: t.field({ type: DumpStatus, required: false }),
    template: t.string({ required: false, description: 'flat, logo, hashtag-listing, unknown' }),
    source: t.string({ required: false, description: 'dumps showing an article from this outlet: part of any name it goes by, case-insensitive' }),
  }),
});

type DumpFilterValue = { status?: string | null; template?: string | null; source?: string | null } | null | undefined;

/** The filter as SQL over `t` (the dumps table, or the alias a relational query gives it). */
function dumpFilterSql(t: typeof dumpsTable, f: DumpFilterValue): SQL | undefined {
  const parts: SQL[] = [];
  if (f?.status) parts.push(eq(t.status, f.status));
  if (f?.template) parts.push(eq(t.template, f.template));
  if (f?.source) {
    parts.push(
      exists(
        sql`(select 1 from ${appearances} join ${articles} on ${articles.id} = ${appearances.articleId} where ${appearances.dumpId} = ${t.id} and ${sourceMatchSql(articles.sourceId, f.source)})`,
      ),
    );
  }
  return parts.length ? and(...parts) : undefined;
}

export const Dump = builder.drizzleNode('dumps', {
  name: 'Dump',
  description: 'The raw text of one scraped page, immutable once stored.',
  id: { column: (d) => d.id },
  fields: (t) => ({
    contentHash: t.exposeString('contentHash', { description: 'sha256 of the text, hex' }),
    text: t.exposeString('text'),
    filename: t.exposeString('filename', { nullable: true }),
    url: t.exposeString('url', { nullable: true }),
    fetchedAt: t.expose('fetchedAt', { type: 'DateTime', nullable: true }),
    status: t.field({ type: DumpStatus, select: { columns: { status: true } }, resolve: (d) => d.status as 'new' | 'in_review' | 'approved' }),
    template: t.exposeString('template'),
    confidence: t.exposeFloat('confidence', { description: 'the current revision\'s confidence, in [0, 1]' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    currentRevisionNumber: t.exposeInt('currentRevision'),
    currentRevision: t.drizzleField({
      type: 'segmentationRevisions',
      select: { columns: { id: true, currentRevision: true } },
      resolve: async (query, dump, _args, ctx) => {
        const rev = await ctx.db.query.segmentationRevisions.findFirst(
          query({ where: { dumpId: dump.id, number: dump.currentRevision } }),
        );
        if (!rev) throw new Error(`dump ${dump.id} has no revision ${dump.currentRevision}`);
        return rev;
      },
    }),
    revisions: t.relatedConnection('revisions', { query: { orderBy: { number: 'asc' } }, totalCount: true }),
    appearances: t.relation('appearances', {
      description: 'the articles of the current revision, in page order',
      query: { orderBy: { position: 'asc' } },
    }),
  }),
});

const ReviewCounts = builder.objectRef<{ new: number; inReview: number; approved: number; total: number }>('ReviewCounts').implement({
  fields: (t) => ({
    new: t.exposeInt('new'),
    inReview: t.exposeInt('inReview'),
    approved: t.exposeInt('approved'),
    total: t.exposeInt('total'),
  }),
});

const SetDumpStatusInput = builder.inputType('SetDumpStatusInput', {
  fields: (t) => ({
    dumpId: t.globalID({ required: true, for: Dump }),
    status: t.field({ type: DumpStatus, required: true }),
  }),
});

builder.queryFields((t) => ({
  dump: t.drizzleField({
    type: 'dumps',
    nullable: true,
    args: { id: t.arg.globalID({ required: true, for: Dump }) },
    resolve: (query, _root, args, ctx) => ctx.db.query.dumps.findFirst(query({ where: { id: Number(args.id.id) } })),
  }),
  dumps: t.drizzleConnection({
    type: 'dumps',
    args: {
      filter: t.arg({ type: DumpFilter, required: false }),
      orderBy: t.arg({ type: DumpOrder, required: false, defaultValue: 'CREATED_DESC' }),
    },
    totalCount: (_p, args, ctx) => ctx.db.$count(dumpsTable, dumpFilterSql(dumpsTable, args.filter)),
    resolve: (query, _root, args, ctx) =>
      ctx.db.query.dumps.findMany(
        query({
          where: args.filter ? { RAW: (t) => dumpFilterSql(t, args.filter) ?? sql`true` } : {},
          orderBy: args.orderBy === 'CONFIDENCE_ASC' ? { confidence: 'asc', id: 'asc' } : { id: 'desc' },
        }),
      ),
  }),
  reviewCounts: t.field({
    type: ReviewCounts,
    description: 'how many dumps are in each review status',
    resolve: async (_root, _args, ctx) => {
      const rows = await ctx.db.select({ status: dumpsTable.status, n: sql<number>`count(*)::int` }).from(dumpsTable).groupBy(dumpsTable.status);
      const by = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
      return { new: by.new ?? 0, inReview: by.in_review ?? 0, approved: by.approved ?? 0, total: rows.reduce((a, r) => a + Number(r.n), 0) };
    },
  }),
}));

builder.mutationFields((t) => ({
  setDumpStatus: t.drizzleField({
    type: 'dumps',
    description: 'Moves a dump through review: NEW, IN_REVIEW, APPROVED.',
    args: { input: t.arg({ type: SetDumpStatusInput, required: true }) },
    errors: { types: [...MUTATION_ERRORS], directResult: true },
    resolve: async (query, _root, { input }, ctx) => {
      requireEditor(ctx);
      const id = Number(input.dumpId.id);
      await setDumpStatus(ctx.db, id, input.status as 'new' | 'in_review' | 'approved');
      const row = await ctx.db.query.dumps.findFirst(query({ where: { id } }));
      if (!row) throw new NotFoundError('Dump', String(input.dumpId.id));
      return row;
    },
  }),
}));
