import { dumps as dumpsTable } from '@copydesk/schema';
import { builder, requireEditor } from '../builder.ts';
import { IMPORT_ERRORS } from '../errors.ts';
import { importDump, type ImportResult } from '../../import/import-dump.ts';

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
    status: t.exposeString('status', { description: 'new, in_review or approved' }),
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
      resolve: async (query, r, _args, ctx) => {
        if (!r.articleIds.length) return [];
        const rows = await ctx.db.query.articles.findMany(
          query({ where: { id: { in: [...new Set(r.articleIds)] } }, columns: { id: true } }),
        );
        const byId = new Map(rows.map((a) => [(a as unknown as { id: number }).id, a]));
        return r.articleIds.map((id) => byId.get(id)!).filter(Boolean);
      },
    }),
    articlesCreated: t.exposeInt('articlesCreated'),
    edgesAdded: t.exposeInt('edgesAdded'),
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
    totalCount: (_p, _a, ctx) => ctx.db.$count(dumpsTable),
    resolve: (query, _root, _args, ctx) => ctx.db.query.dumps.findMany(query({ orderBy: { id: 'desc' } })),
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
