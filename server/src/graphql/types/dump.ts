import { and, eq, exists, sql, type SQL } from 'drizzle-orm';
import { appearances, articles, dumps as dumpsTable } from '@copydesk/schema';
import { sourceMatchSql } from '../../sources/index.ts';
import { NotFoundError } from '../../errors.ts';
import { setDumpStatus } from '../../review/revise.ts';
import { watch } from '../../live/watch.ts';
import { builder, requireActor, requireEditor } from '../builder.ts';
import { MUTATION_ERRORS, STATUS_ERRORS } from '../errors.ts';
import { cursorOrdering, type CursorOrdering } from '../input.ts';
import { SegmentationRevision } from './revision.ts';
import { TEXT_BUDGET_EXTENSION } from '../text-budget.ts';
import { REVISION_ITEMS_EXTENSION } from '../revision-items.ts';

/** The orderings of `dumps`, each with the values its cursors hold (graphql/input.ts). */
const DUMP_ORDERINGS = {
  CREATED_DESC: { name: 'dumps.CREATED_DESC', values: ['int'] },
  CONFIDENCE_ASC: { name: 'dumps.CONFIDENCE_ASC', values: ['float', 'int'] },
} as const satisfies Record<string, CursorOrdering>;

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
    text: t.string({
      description: 'charged to the request\'s text budget (COPYDESK_MAX_TEXT_BYTES)',
      select: { columns: { text: true } },
      extensions: { [TEXT_BUDGET_EXTENSION]: true },
      resolve: (d, _args, ctx) => ctx.textBudget.charge(d.text, 'Dump.text'),
    }),
    filename: t.exposeString('filename', { nullable: true }),
    url: t.exposeString('url', { nullable: true }),
    fetchedAt: t.expose('fetchedAt', { type: 'DateTime', nullable: true }),
    status: t.field({ type: DumpStatus, select: { columns: { status: true } }, resolve: (d) => d.status as 'new' | 'in_review' | 'approved' }),
    template: t.exposeString('template'),
    confidence: t.exposeFloat('confidence', { description: 'the current revision\'s confidence, in [0, 1]' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    currentRevisionNumber: t.exposeInt('currentRevision'),
    currentRevision: t.relation('currentRevisionRow'),
    proposedRevision: t.field({
      type: SegmentationRevision,
      nullable: true,
      description: "a parser revision newer than the current one, which is an editor's (a re-parse after a rule or a parser upgrade): proposed for review, never applied by itself",
      // the newest parser revision, with the dump's page (one statement for a page of dumps)
      select: (_args, _ctx, nested) => ({ columns: { currentRevision: true }, with: { parserRevisions: nested({ orderBy: { number: 'desc' }, limit: 1 }) } }),
      resolve: (dump) => {
        const newest = dump.parserRevisions[0];
        return newest && newest.number > dump.currentRevision ? newest : null;
      },
    }),
    revisions: t.relatedConnection('revisions', {
      query: { orderBy: { number: 'asc' } },
      totalCount: true,
      description: "a page's segments (and their field spans, when asked for) are charged to the request's text budget as the page is loaded, before any is resolved: LIMIT_EXCEEDED here when they do not fit",
      // the page pays for its segment lists as it is loaded (revision-items.ts)
      extensions: { ...cursorOrdering({ values: ['int', 'int'] }), [REVISION_ITEMS_EXTENSION]: true },
    }),
    appearances: t.relation('appearances', {
      description: 'the articles of the current revision, in page order',
      query: { orderBy: { position: 'asc' } },
    }),
    statusChanges: t.relation('statusChanges', {
      description: 'who moved which revision to which status, oldest first (an approval names the revision approved)',
      query: { orderBy: { id: 'asc' } },
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
    revision: t.int({ required: true, description: 'the revision number the editor saw: refused with STALE_REVISION when it is no longer current' }),
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
    extensions: cursorOrdering((args) => DUMP_ORDERINGS[(args.orderBy as keyof typeof DUMP_ORDERINGS | null) ?? 'CREATED_DESC']),
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
    description: 'Moves a dump through review (NEW, IN_REVIEW, APPROVED) for the revision the editor saw, and records who did it; a stale revision is refused (STALE_REVISION).',
    args: { input: t.arg({ type: SetDumpStatusInput, required: true }) },
    errors: { types: [...STATUS_ERRORS], directResult: true },
    resolve: async (query, _root, { input }, ctx) => {
      const editor = requireActor(ctx);
      const id = Number(input.dumpId.id);
      await setDumpStatus(ctx.db, { dumpId: id, revision: input.revision, status: input.status as 'new' | 'in_review' | 'approved', editor: editor.name, origin: editor.origin });
      const row = await ctx.db.query.dumps.findFirst(query({ where: { id } }));
      if (!row) throw new NotFoundError('Dump', String(input.dumpId.id));
      return row;
    },
  }),
}));

builder.subscriptionFields((t) => ({
  dumpUpdated: t.field({
    type: Dump,
    nullable: true,
    description:
      'The dump at once, then again each time it gets a new current revision or status, whoever saved it and through whichever server process; null once it no longer exists. An unknown id is NOT_FOUND (the subscription ends at once). Read access as for `dump`.',
    args: { id: t.arg.globalID({ required: true, for: Dump }) },
    subscribe: async (_root, args, ctx) => {
      const id = Number(args.id.id);
      const read = async () => (await ctx.db.query.dumps.findFirst({ where: { id } })) ?? null;
      if (!(await ctx.db.query.dumps.findFirst({ where: { id }, columns: { id: true } }))) throw new NotFoundError('Dump', String(args.id.id));
      return watch(ctx.changes, `dump:${id}`, read, { key: (d) => (d ? `${d.currentRevision}:${d.status}` : 'gone') });
    },
    resolve: (d: typeof dumpsTable.$inferSelect | null, _args, ctx) => (ctx.textBudget.reset(), d),
  }),
  reviewCounts: t.field({
    type: ReviewCounts,
    description: 'The review counts at once, then again whenever the queue changes: a dump imported (during a batch too), revised or moved to another status. The review queue refetches its page on each.',
    subscribe: (_root, _args, ctx) =>
      watch(ctx.changes, 'reviewCounts', async () => {
        const [row] = await ctx.db
          .select({
            new: sql<number>`count(*) filter (where ${dumpsTable.status} = 'new')::int`,
            inReview: sql<number>`count(*) filter (where ${dumpsTable.status} = 'in_review')::int`,
            approved: sql<number>`count(*) filter (where ${dumpsTable.status} = 'approved')::int`,
            total: sql<number>`count(*)::int`,
            revisions: sql<string>`coalesce(sum(${dumpsTable.currentRevision}), 0)::text`,
          })
          .from(dumpsTable);
        return { new: Number(row!.new), inReview: Number(row!.inReview), approved: Number(row!.approved), total: Number(row!.total), revisions: row!.revisions };
      }, { key: (c) => `${c.new}:${c.inReview}:${c.approved}:${c.total}:${c.revisions}` }),
    resolve: (c: { new: number; inReview: number; approved: number; total: number }) => c,
  }),
}));
