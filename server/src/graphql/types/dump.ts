import { and, eq, exists, sql, type SQL } from 'drizzle-orm';
import { appearances, articles, dumps as dumpsTable, sources } from '@copydesk/schema';
import { foldText } from '../../derive/fingerprint.ts';
import { CopydeskError, InvalidInputError, NotFoundError } from '../../errors.ts';
import { reparseDump, reviseSegmentation, setDumpStatus } from '../../review/revise.ts';
import { builder, requireEditor, type Context } from '../builder.ts';
import { IMPORT_ERRORS, MUTATION_ERRORS, REVISE_ERRORS } from '../errors.ts';
import { importDump, type ChangeSet, type ImportResult } from '../../import/import-dump.ts';
import { unpackUpload } from '../../import/files.ts';
import type { DumpInput } from '../../import/validate.ts';
import type { DerivedArticle } from '../../derive/types.ts';

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

const ArticlePreview = builder.objectRef<DerivedArticle>('ArticlePreview').implement({
  description: 'An article as the parse derives it, before (or without) storing it.',
  fields: (t) => ({
    role: t.exposeString('role'),
    position: t.exposeInt('position'),
    headline: t.exposeString('headline', { nullable: true }),
    byline: t.exposeString('byline', { nullable: true }),
    source: t.exposeString('source', { nullable: true }),
    published: t.exposeString('published', { nullable: true }),
    publishedAt: t.expose('publishedAt', { type: 'DateTime', nullable: true }),
    section: t.exposeString('section', { nullable: true }),
    body: t.exposeString('body'),
    copyright: t.exposeString('copyright', { nullable: true }),
    subheads: t.exposeStringList('subheads'),
    start: t.exposeInt('start'),
    end: t.exposeInt('end'),
    confidence: t.exposeFloat('confidence'),
  }),
});

const ChangeSetRef = builder.objectRef<ChangeSet>('ImportChangeSet').implement({
  description: 'What an import wrote (or, on a dry run, would write).',
  fields: (t) => ({
    dumpsCreated: t.exposeInt('dumpsCreated'),
    articlesCreated: t.exposeInt('articlesCreated'),
    articlesExisting: t.exposeInt('articlesExisting', { description: 'articles already stored from other dumps (now with one more appearance)' }),
    appearancesAdded: t.exposeInt('appearancesAdded'),
    edgesAdded: t.exposeInt('edgesAdded'),
  }),
});

const ImportDumpPayload = builder.objectRef<ImportResult>('ImportDumpPayload').implement({
  fields: (t) => ({
    created: t.exposeBoolean('created', { description: 'false when the same text was already stored (nothing changed)' }),
    dryRun: t.exposeBoolean('dryRun', { description: 'true when nothing was kept' }),
    dump: t.drizzleField({
      type: 'dumps',
      nullable: true,
      description: 'the stored dump; null on a dry run of a new dump',
      resolve: (query, r, _args, ctx) => (r.dumpId === null ? null : ctx.db.query.dumps.findFirst(query({ where: { id: r.dumpId } }))),
    }),
    articles: t.drizzleField({
      type: ['articles'],
      description: "the dump's stored articles in page order (main first); empty on a dry run",
      resolve: (query, r, _args, ctx) => loadArticlesInOrder(ctx, query, r.articleIds),
    }),
    changes: t.field({ type: ChangeSetRef, resolve: (r) => r.changes }),
    preview: t.field({ type: [ArticlePreview], description: 'the articles the parse derives, as values', resolve: (r) => r.preview }),
    parserVersion: t.exposeString('parserVersion'),
    confidence: t.exposeFloat('confidence', { description: "the parser's confidence in this dump, in [0, 1]" }),
    articlesCreated: t.int({ deprecationReason: 'use changes.articlesCreated', resolve: (r) => r.changes.articlesCreated }),
    edgesAdded: t.int({ deprecationReason: 'use changes.edgesAdded', resolve: (r) => r.changes.edgesAdded }),
  }),
});

interface ImportItem {
  index: number;
  filename: string | null;
  result: ImportResult | CopydeskError;
}

const ImportItemRef = builder.objectRef<ImportItem>('ImportItem').implement({
  fields: (t) => ({
    index: t.exposeInt('index', { description: 'position in the batch or the file' }),
    filename: t.exposeString('filename', { nullable: true }),
    result: t.field({
      type: ImportDumpPayload,
      description: 'the dump\'s result, or the typed error that refused it',
      errors: { types: [...IMPORT_ERRORS], directResult: true, union: { name: 'ImportDumpResult' } },
      resolve: (i) => {
        if (i.result instanceof CopydeskError) throw i.result;
        return i.result;
      },
    }),
  }),
});

interface BatchResult {
  items: ImportItem[];
}

const ImportBatchSummary = builder.objectRef<BatchResult>('ImportBatchResult').implement({
  description: 'A result per dump, in order, and the totals.',
  fields: (t) => ({
    items: t.field({ type: [ImportItemRef], resolve: (b) => b.items }),
    total: t.int({ resolve: (b) => b.items.length }),
    created: t.int({ resolve: (b) => b.items.filter((i) => !(i.result instanceof CopydeskError) && i.result.created).length }),
    unchanged: t.int({ resolve: (b) => b.items.filter((i) => !(i.result instanceof CopydeskError) && !i.result.created).length }),
    failed: t.int({ resolve: (b) => b.items.filter((i) => i.result instanceof CopydeskError).length }),
    changes: t.field({
      type: ChangeSetRef,
      resolve: (b) =>
        b.items.reduce<ChangeSet>((acc, i) => {
          if (i.result instanceof CopydeskError) return acc;
          const c = i.result.changes;
          return {
            dumpsCreated: acc.dumpsCreated + c.dumpsCreated,
            articlesCreated: acc.articlesCreated + c.articlesCreated,
            articlesExisting: acc.articlesExisting + c.articlesExisting,
            appearancesAdded: acc.appearancesAdded + c.appearancesAdded,
            edgesAdded: acc.edgesAdded + c.edgesAdded,
          };
        }, { dumpsCreated: 0, articlesCreated: 0, articlesExisting: 0, appearancesAdded: 0, edgesAdded: 0 }),
    }),
  }),
});

/** each dump in its own transaction; a refused dump is an item with its error, the others go on */
async function importEach(ctx: Context, inputs: { filename: string; input?: DumpInput; error?: Error }[], dryRun: boolean): Promise<BatchResult> {
  const items: ImportItem[] = [];
  for (const [index, it] of inputs.entries()) {
    if (it.error) {
      items.push({ index, filename: it.filename, result: it.error instanceof CopydeskError ? it.error : new InvalidInputError('file', it.error.message) });
      continue;
    }
    try {
      items.push({ index, filename: it.input!.filename ?? it.filename, result: await importDump(ctx.db, it.input!, { maxBytes: ctx.config.maxDumpBytes, dryRun }) });
    } catch (e) {
      if (!(e instanceof CopydeskError)) throw e;
      items.push({ index, filename: it.input!.filename ?? it.filename, result: e });
    }
  }
  return { items };
}

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

const ReparseDumpPayload = builder.objectRef<{ dumpId: number; revisionNumber: number | null; becameCurrent: boolean }>('ReparseDumpPayload').implement({
  fields: (t) => ({
    revisionNumber: t.exposeInt('revisionNumber', { nullable: true, description: 'the new parser revision; null when this parser version had parsed the dump already' }),
    becameCurrent: t.exposeBoolean('becameCurrent', { description: "false when an editor's revision is current (it stays current)" }),
    dump: t.drizzleField({
      type: 'dumps',
      resolve: async (query, r, _args, ctx) => (await ctx.db.query.dumps.findFirst(query({ where: { id: r.dumpId } })))!,
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
    args: {
      input: t.arg({ type: ImportDumpInput, required: true }),
      dryRun: t.arg.boolean({ required: false, defaultValue: false, description: 'report what would change, keep nothing' }),
    },
    errors: { types: [...IMPORT_ERRORS], directResult: true },
    resolve: (_root, { input, dryRun }, ctx) => {
      requireEditor(ctx);
      return importDump(ctx.db, input, { maxBytes: ctx.config.maxDumpBytes, dryRun: dryRun ?? false });
    },
  }),
  importDumps: t.field({
    type: ImportBatchSummary,
    description: 'Imports many dumps, each in its own transaction: a result per dump, in order (at most 1,000).',
    args: {
      inputs: t.arg({ type: [ImportDumpInput], required: true }),
      dryRun: t.arg.boolean({ required: false, defaultValue: false }),
    },
    errors: { types: [...MUTATION_ERRORS], directResult: true },
    resolve: (_root, { inputs, dryRun }, ctx) => {
      requireEditor(ctx);
      if (inputs.length > 1000) throw new InvalidInputError('inputs', `at most 1,000 dumps per call (got ${inputs.length}); use importDumpFile or several calls`);
      return importEach(ctx, inputs.map((input, i) => ({ filename: input.filename ?? `#${i}`, input })), dryRun ?? false);
    },
  }),
  importDumpFile: t.field({
    type: ImportBatchSummary,
    description: 'Imports an uploaded file (multipart): a .txt dump, a .jsonl file of {text, filename?, url?, fetchedAt?} lines, or a .zip / .tar.gz of .txt dumps.',
    args: {
      file: t.arg({ type: 'File', required: true }),
      dryRun: t.arg.boolean({ required: false, defaultValue: false }),
    },
    errors: { types: [...MUTATION_ERRORS], directResult: true },
    resolve: async (_root, { file, dryRun }, ctx) => {
      requireEditor(ctx);
      const bytes = new Uint8Array(await file.arrayBuffer());
      const unpacked = unpackUpload(file.name || 'upload.txt', bytes, {
        maxDumpBytes: ctx.config.maxDumpBytes,
        maxUnpackedBytes: 8 * ctx.config.limits.maxUploadBytes,
        maxEntries: 10_000,
      });
      return importEach(ctx, unpacked.map((u) => ('error' in u ? { filename: u.filename, error: u.error } : { filename: u.filename, input: u.input })), dryRun ?? false);
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
  reparseDump: t.field({
    type: ReparseDumpPayload,
    description: "Parses the dump again with this server's parser and stores a new parser revision. It becomes current only if the current revision is the parser's: an editor's revision is never replaced.",
    args: { dumpId: t.arg.globalID({ required: true, for: Dump }) },
    errors: { types: [...MUTATION_ERRORS], directResult: true },
    resolve: (_root, args, ctx) => {
      requireEditor(ctx);
      return reparseDump(ctx.db, Number(args.dumpId.id));
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
