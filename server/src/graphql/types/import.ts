import { InvalidInputError, CopydeskError, ImportFailedError } from '../../errors.ts';
import type { DerivedArticle } from '@copydesk/core';
import { unpackUpload } from '../../import/unpack.ts';
import { importDump, type ChangeSet, type ImportResult } from '../../import/import-dump.ts';
import { shownFilename, type DumpInput } from '../../import/validate.ts';
import type { PreparedDump } from '../../import/prepare.ts';
import { builder, requireActor, requireEditor, type Context } from '../builder.ts';
import { IMPORT_ERRORS, IMPORT_ITEM_ERRORS, MUTATION_ERRORS } from '../errors.ts';
import { DATE_TIME_CHECKED_EXTENSION, TEXT_CHECKED_EXTENSION } from '../input.ts';
import { loadArticlesInOrder } from '../loaders.ts';

const ImportDumpInput = builder.inputType('ImportDumpInput', {
  fields: (t) => ({
    // NUL in the text is an InvalidTextError result with its offset (import/validate.ts), not the edge check's INVALID_INPUT
    text: t.string({ required: true, description: 'the dump text, as captured', extensions: { [TEXT_CHECKED_EXTENSION]: true } }),
    // a character no name may hold is this dump's INVALID_INPUT result (import/validate.ts, names.ts): the others of a batch go on
    filename: t.string({ required: false, extensions: { [TEXT_CHECKED_EXTENSION]: true } }),
    url: t.string({ required: false, extensions: { [TEXT_CHECKED_EXTENSION]: true } }),
    // a malformed one is this dump's INVALID_INPUT result (import/validate.ts): the others of a batch go on
    fetchedAt: t.field({ type: 'DateTime', required: false, description: 'capture time: lets "3 hours ago" become a timestamp', extensions: { [DATE_TIME_CHECKED_EXTENSION]: true } }),
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
    // a refused over-long name is shown cut, never echoed whole
    filename: t.string({ nullable: true, resolve: (i) => (i.filename == null ? null : shownFilename(i.filename)) }),
    result: t.field({
      type: ImportDumpPayload,
      description: 'the dump\'s result, or the typed error that refused it',
      errors: { types: [...IMPORT_ITEM_ERRORS], directResult: true, union: { name: 'ImportDumpResult' } },
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

/** how often a running batch import announces its progress (ms) */
const IMPORT_PROGRESS_MS = 250;

/**
 * Each dump in its own transaction; a refused dump is an item with its typed error, and a dump that
 * fails for a reason of the server's own is an item with ImportFailedError (the cause is logged):
 * the others go on either way.
 */
async function importEach(ctx: Context, inputs: { filename: string; input?: DumpInput; prepared?: PreparedDump; error?: Error }[], dryRun: boolean): Promise<BatchResult> {
  const items: ImportItem[] = [];
  const actor = requireActor(ctx);
  // progress for the live subscriptions (the review queue grows while a long batch runs); the
  // mutation's own announcement (graphql/announce.ts) follows the last dump
  let announcedAt = Date.now();
  let unannounced = false;
  for (const [index, it] of inputs.entries()) {
    if (unannounced && Date.now() - announcedAt > IMPORT_PROGRESS_MS) {
      await ctx.changes.announce();
      announcedAt = Date.now();
      unannounced = false;
    }
    // let other requests in between dumps: on a PGlite on this thread (tests may open one) a
    // batch's statements otherwise resolve one after another without the event loop turning
    if (index > 0) await new Promise<void>((ok) => setImmediate(ok));
    if (it.error) {
      items.push({ index, filename: it.filename, result: it.error instanceof CopydeskError ? it.error : new InvalidInputError('file', it.error.message) });
      continue;
    }
    try {
      const result = await importDump(ctx.db, it.input!, { maxBytes: ctx.config.maxDumpBytes, dryRun, actor, ...(it.prepared ? { prepared: it.prepared } : {}) });
      items.push({ index, filename: it.input!.filename ?? it.filename, result });
      if (result.created && !dryRun) unannounced = true;
    } catch (e) {
      // the cause goes to the log (its first line: a failed statement quotes the whole dump), never to the client
      if (!(e instanceof CopydeskError)) console.error(`copydesk: importing item ${index} (${it.input!.filename ?? it.filename}) failed: ${String((e as { cause?: Error }).cause?.message ?? (e as Error).message).split('\n')[0]!.slice(0, 300)}`);
      items.push({ index, filename: it.input!.filename ?? it.filename, result: e instanceof CopydeskError ? e : new ImportFailedError() });
    }
  }
  return { items };
}

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
      return importDump(ctx.db, input, { maxBytes: ctx.config.maxDumpBytes, dryRun: dryRun ?? false, actor: requireActor(ctx) });
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
      // the bytes go to a worker thread as they arrive (http/uploads.ts), which unpacks and parses them
      const unpacked = await unpackUpload(file.name || 'upload.txt', file.stream(), {
        maxDumpBytes: ctx.config.maxDumpBytes,
        maxUploadBytes: ctx.config.limits.maxUploadBytes,
        maxUnpackedBytes: ctx.config.limits.maxUnpackedBytes,
        maxEntries: 10_000,
      });
      return importEach(ctx, unpacked, dryRun ?? false);
    },
  }),
}));
