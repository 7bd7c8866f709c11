import { and, eq, exists, sql, type SQL } from 'drizzle-orm';
import { appearances, articles, dumps as dumpsTable, sources } from '@copydesk/schema';
import { foldText } from '../../derive/fingerprint.ts';
import { NotFoundError } from '../../errors.ts';
import { reviseSegmentation, setDumpStatus } from '../../review/revise.ts';
import { builder, requireEditor, type Context } from '../builder.ts';
import { IMPORT_ERRORS, MUTATION_ERRORS, REVISE_ERRORS } from '../errors.ts';
import { importDump, type ImportResult } from '../../import/import-dump.ts';

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
    source: t.string({ required: false, description: 'dumps showing an article from this outlet (case-insensitive)' }),
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
        sql`(select 1 from ${appearances} join ${articles} on ${articles.id} = ${appearances.articleId} join ${sources} on ${sources.id} = ${articles.sourceId} where ${appearances.dumpId} = ${t.id} and ${sources.key} = ${foldText(f.source)})`,
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

const ImportDumpInput = builder.inputType('ImportDumpInput', {
  fields: (t) => ({
    text: t.string({ required: true, description: 'the dump text, as captured' }),
    filename: t.string({ required: false }),
    url: t.string({ required: false }),
    fetchedAt: t.field({ type: 'DateTime', required: false, description: 'capture time: lets "3 hours ago" become a timestamp' }),
  }),
});

const ImportDumpPayload = builder.objectRef<ImportResult>('ImportDumpPayload').implement({
  fields: (t) => ({
    created: t.exposeBoolean('created', { description: 'false when the same text was already stored' }),
    dump: t.drizzleField({
      type: 'dumps',
      resolve: async (query, r, _args, ctx) => {
        const row = await ctx.db.query.dumps.findFirst(query({ where: { id: r.dumpId } }));
        if (!row) throw new Error(`dump ${r.dumpId} not found after import`);
        return row;
      },
    }),
    articles: t.drizzleField({
      type: ['articles'],
      description: 'the dump\'s articles in page order (main first)',
      resolve: (query, r, _args, ctx) => loadArticlesInOrder(ctx, query, r.articleIds),
    }),
    articlesCreated: t.exposeInt('articlesCreated'),
    edgesAdded: t.exposeInt('edgesAdded'),
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

const FieldSpanInput = builder.inputType('FieldSpanInput', {
  fields: (t) => ({
    field: t.string({ required: true, description: 'headline, byline, source, published, section, body, copyright, subhead or noise' }),
    start: t.int({ required: true }),
    end: t.int({ required: true }),
  }),
});

const SegmentInput = builder.inputType('SegmentInput', {
  fields: (t) => ({
    kind: t.string({ required: true, description: 'main, related, boilerplate or residue' }),
    start: t.int({ required: true }),
    end: t.int({ required: true }),
    fields: t.field({ type: [FieldSpanInput], required: false }),
  }),
});

const ReviseSegmentationInput = builder.inputType('ReviseSegmentationInput', {
  fields: (t) => ({
    dumpId: t.globalID({ required: true, for: Dump }),
    baseRevision: t.int({ required: true, description: 'the revision number the editor started from' }),
    segments: t.field({ type: [SegmentInput], required: true, description: 'a partition of the dump text, in order' }),
    approve: t.boolean({ required: false, description: 'approve the dump in the same save' }),
  }),
});

const ReviseSegmentationPayload = builder.objectRef<{ dumpId: number; revisionNumber: number; articleIds: number[] }>('ReviseSegmentationPayload').implement({
  fields: (t) => ({
    revisionNumber: t.exposeInt('revisionNumber'),
    dump: t.drizzleField({
      type: 'dumps',
      resolve: async (query, r, _args, ctx) => (await ctx.db.query.dumps.findFirst(query({ where: { id: r.dumpId } })))!,
    }),
    articles: t.drizzleField({
      type: ['articles'],
      resolve: (query, r, _args, ctx) => loadArticlesInOrder(ctx, query, r.articleIds),
    }),
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
  importDump: t.field({
    type: ImportDumpPayload,
    description: 'Parses and stores a dump with its articles, in one transaction. The same text again changes nothing.',
    args: { input: t.arg({ type: ImportDumpInput, required: true }) },
    errors: { types: [...IMPORT_ERRORS], directResult: true },
    resolve: (_root, { input }, ctx) => {
      requireEditor(ctx);
      return importDump(ctx.db, input, { maxBytes: ctx.config.maxDumpBytes });
    },
  }),
}));

/** Loads articles by id with the client's selection, in the given order (an id may repeat). */
async function loadArticlesInOrder<Q>(ctx: Context, query: (opts: { where: object; columns: object }) => Q, ids: number[]) {
  if (!ids.length) return [];
  const rows = (await ctx.db.query.articles.findMany(query({ where: { id: { in: [...new Set(ids)] } }, columns: { id: true } }) as never)) as { id: number }[];
  const byId = new Map(rows.map((a) => [a.id, a]));
  return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])) as never[];
}

builder.mutationFields((t) => ({
  reviseSegmentation: t.field({
    type: ReviseSegmentationPayload,
    description: "Saves an editor's segmentation as the dump's next revision and re-derives its articles, in one transaction.",
    args: { input: t.arg({ type: ReviseSegmentationInput, required: true }) },
    errors: { types: [...REVISE_ERRORS], directResult: true },
    resolve: (_root, { input }, ctx) => {
      const editor = requireEditor(ctx);
      return reviseSegmentation(ctx.db, {
        dumpId: Number(input.dumpId.id),
        baseRevision: input.baseRevision,
        segments: input.segments,
        author: editor.name,
        approve: input.approve ?? false,
      });
    },
  }),
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
