import { and, eq } from 'drizzle-orm';
import { anyOf } from '../../db/rows.ts';
import { dumps, segmentationRevisions, warningDismissals } from '@copydesk/schema';
import { dismissWarning } from '../../review/revise.ts';
import { type StoredWarning, warningKey } from '@copydesk/core';
import { builder, requireActor, type Context } from '../builder.ts';
import { MUTATION_ERRORS } from '../errors.ts';
import { Dump } from './dump.ts';
import { chargedText } from '../text-budget.ts';

interface Dismissal {
  editor: string;
  reason: string;
  at: string;
}
type Check = StoredWarning & { dismissal: Dismissal | null };

const WarningState = builder.enumType('WarningState', {
  values: {
    OPEN: { value: 'open', description: 'still to look at' },
    RESOLVED: { value: 'resolved', description: "an editor's revision changed the segmentation inside its span" },
    DISMISSED: { value: 'dismissed', description: 'an editor looked and dismissed it (who, when, why)' },
  } as const,
});

const WarningDismissalRef = builder.objectRef<Dismissal>('WarningDismissal').implement({
  fields: (t) => ({
    editor: t.exposeString('editor'),
    reason: t.string(chargedText('WarningDismissal.reason', (d: Dismissal) => d.reason)),
    at: t.expose('at', { type: 'DateTime' }),
  }),
});

export const WarningCheckRef = builder.objectRef<Check>('WarningCheck').implement({
  description: 'A parser warning as an item of the review checklist: it lives across revisions until an edit covers its span or an editor dismisses it.',
  fields: (t) => ({
    code: t.exposeString('code'),
    message: t.exposeString('message'),
    start: t.exposeInt('start', { description: 'UTF-16 offset in the dump text' }),
    end: t.exposeInt('end'),
    state: t.field({ type: WarningState, resolve: (w) => (w.resolvedInRevision !== undefined ? 'resolved' : w.dismissal ? 'dismissed' : 'open') }),
    resolvedInRevision: t.int({ nullable: true, resolve: (w) => w.resolvedInRevision ?? null }),
    resolvedBy: t.string({ nullable: true, resolve: (w) => w.resolvedBy ?? null }),
    dismissal: t.field({ type: WarningDismissalRef, nullable: true, resolve: (w) => w.dismissal }),
  }),
});

/** Loads the checklists of many dumps with two statements. */
async function loadChecklists(ctx: Context, ids: number[]): Promise<Map<number, Check[]>> {
  const revs = await ctx.db
    .select({ dumpId: dumps.id, warnings: segmentationRevisions.warnings })
    .from(segmentationRevisions)
    .innerJoin(dumps, and(eq(dumps.id, segmentationRevisions.dumpId), eq(dumps.currentRevision, segmentationRevisions.number)))
    .where(anyOf(dumps.id, ids));
  const rows = await ctx.db.select().from(warningDismissals).where(anyOf(warningDismissals.dumpId, ids));
  const byKey = new Map(rows.map((r) => [`${r.dumpId}|${warningKey(r)}`, { editor: r.editor, reason: r.reason, at: r.at }]));
  const out = new Map<number, Check[]>(ids.map((id) => [id, []]));
  for (const r of revs)
    out.set(
      r.dumpId,
      r.warnings.map((w) => ({ ...w, dismissal: byKey.get(`${r.dumpId}|${warningKey(w)}`) ?? null })).sort((a, b) => a.start - b.start || a.end - b.end),
    );
  return out;
}

/** per request: the dump ids asked for in this tick, loaded together (a queue page is two statements, not two per dump) */
const batches = new WeakMap<Context, Map<number, Promise<Check[]>>>();
const queued = new WeakMap<Context, { id: number; resolve: (c: Check[]) => void; reject: (e: unknown) => void }[]>();

/** The checklist of a dump's current revision, in text order (batched and cached per request). */
export function warningChecklist(ctx: Context, dumpId: number): Promise<Check[]> {
  let cache = batches.get(ctx);
  if (!cache) batches.set(ctx, (cache = new Map()));
  const known = cache.get(dumpId);
  if (known) return known;
  const p = new Promise<Check[]>((resolve, reject) => {
    let q = queued.get(ctx);
    if (!q) {
      queued.set(ctx, (q = []));
      setImmediate(() => {
        const batch = queued.get(ctx)!;
        queued.delete(ctx);
        loadChecklists(ctx, batch.map((b) => b.id)).then(
          (m) => batch.forEach((b) => b.resolve(m.get(b.id) ?? [])),
          (e: unknown) => batch.forEach((b) => b.reject(e)),
        );
      });
    }
    q.push({ id: dumpId, resolve, reject });
  });
  cache.set(dumpId, p);
  return p;
}
builder.objectFields(Dump, (t) => ({
  warnings: t.field({
    type: [WarningCheckRef],
    description: "the current revision's warnings as a checklist (open, resolved by an edit, dismissed), in text order",
    resolve: (d, _args, ctx) => warningChecklist(ctx, d.id),
  }),
  openWarningCount: t.int({
    description: 'warnings of the current revision neither resolved nor dismissed: approving with some open asks the editor to confirm',
    resolve: async (d, _args, ctx) => (await warningChecklist(ctx, d.id)).filter((w) => w.resolvedInRevision === undefined && !w.dismissal).length,
  }),
}));

const DismissWarningInput = builder.inputType('DismissWarningInput', {
  fields: (t) => ({
    dumpId: t.globalID({ required: true, for: Dump }),
    code: t.string({ required: true }),
    start: t.int({ required: true }),
    end: t.int({ required: true }),
    reason: t.string({ required: true, description: 'why there is nothing to fix' }),
  }),
});

builder.mutationFields((t) => ({
  dismissWarning: t.drizzleField({
    type: 'dumps',
    description: "Dismisses an open warning of the dump's current revision (who, when, why are recorded); the dump's confidence is recomputed from the warnings left open.",
    args: { input: t.arg({ type: DismissWarningInput, required: true }) },
    errors: { types: [...MUTATION_ERRORS], directResult: true },
    resolve: async (query, _root, { input }, ctx) => {
      const editor = requireActor(ctx);
      const id = Number(input.dumpId.id);
      batches.delete(ctx); // what this request read before the dismissal is stale now
      await dismissWarning(ctx.db, { dumpId: id, code: input.code, start: input.start, end: input.end, reason: input.reason, editor: editor.name, origin: editor.origin });
      return (await ctx.db.query.dumps.findFirst(query({ where: { id } })))!;
    },
  }),
}));
