import { reparseDump, reviseSegmentation } from '../../review/revise.ts';
import { builder, requireActor } from '../builder.ts';
import { MUTATION_ERRORS, REPARSE_ERRORS, REVISE_ERRORS } from '../errors.ts';
import { loadArticlesInOrder } from '../loaders.ts';
import { revisionItemExtras } from '../revision-items.ts';
import { Dump } from './dump.ts';
import { ParseWarningRef, SegmentRef } from './segment.ts';

export const SegmentationRevision = builder.drizzleNode('segmentationRevisions', {
  name: 'SegmentationRevision',
  description: 'An append-only segmentation of a dump: number 1 is the parser\'s, each editor save adds one.',
  id: { column: (r) => r.id },
  fields: (t) => ({
    number: t.exposeInt('number'),
    baseNumber: t.exposeInt('baseNumber', { nullable: true }),
    author: t.exposeString('author'),
    parserVersion: t.exposeString('parserVersion', { nullable: true }),
    confidence: t.exposeFloat('confidence'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    segments: t.field({
      type: [SegmentRef],
      description: 'charged to the request\'s text budget (COPYDESK_MAX_TEXT_BYTES), each segment as 256 bytes',
      // with the counts a page of revisions pays for as it is loaded (revision-items.ts)
      select: { columns: { segments: true }, extras: revisionItemExtras },
      resolve: (r, _args, ctx) => ctx.textBudget.chargeList(r.segments, 'SegmentationRevision.segments'),
    }),
    warnings: t.field({ type: [ParseWarningRef], select: { columns: { warnings: true } }, resolve: (r) => r.warnings }),
    dump: t.relation('dump'),
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

const ReviseSegmentationPayload = builder.objectRef<{ dumpId: number; revisionNumber: number; articleIds: number[]; unchanged: boolean }>('ReviseSegmentationPayload').implement({
  fields: (t) => ({
    revisionNumber: t.exposeInt('revisionNumber', { description: 'the revision saved; the current one when unchanged' }),
    unchanged: t.exposeBoolean('unchanged', { description: "true when the segments were the current editor revision's: nothing was stored (approve still applies)" }),
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

builder.mutationFields((t) => ({
  reviseSegmentation: t.field({
    type: ReviseSegmentationPayload,
    description: "Saves an editor's segmentation as the dump's next revision and re-derives its articles, in one transaction. Segments identical to the current editor revision store nothing (unchanged: true).",
    args: { input: t.arg({ type: ReviseSegmentationInput, required: true }) },
    errors: { types: [...REVISE_ERRORS], directResult: true },
    resolve: (_root, { input }, ctx) => {
      const editor = requireActor(ctx);
      return reviseSegmentation(ctx.db, {
        dumpId: Number(input.dumpId.id),
        baseRevision: input.baseRevision,
        segments: input.segments,
        author: editor.name,
        origin: editor.origin,
        approve: input.approve ?? false,
      });
    },
  }),
  reparseDump: t.field({
    type: ReparseDumpPayload,
    description: "Parses the dump again with this server's parser and stores a new parser revision. It becomes current only if the current revision is the parser's: an editor's revision is never replaced.",
    args: { dumpId: t.arg.globalID({ required: true, for: Dump }) },
    errors: { types: [...REPARSE_ERRORS], directResult: true },
    resolve: (_root, args, ctx) => {
      return reparseDump(ctx.db, Number(args.dumpId.id), { actor: requireActor(ctx), action: 'reparse' });
    },
  }),
}));
