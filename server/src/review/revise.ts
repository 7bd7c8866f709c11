import { and, eq, sql } from 'drizzle-orm';
import { dumps, segmentationRevisions, type StoredSegment } from '@copydesk/schema';
import type { Db } from '../db/client.ts';
import { deriveArticles } from '../derive/index.ts';
import { checkSegmentation } from '../derive/validate.ts';
import { InvalidSegmentationError, NotFoundError, StaleRevisionError } from '../errors.ts';
import type { Segmentation, SegmentKind, FieldName } from '../parse/types.ts';
import { parseDump } from '../parse/index.ts';
import { writeDerived } from '../import/write.ts';
import { enqueueEnrichment } from '../enrich/jobs.ts';
import { learnedInputs, sameSegments } from '../learn/rules.ts';
import { retryTransaction } from '../db/retry.ts';

export type DumpStatus = 'new' | 'in_review' | 'approved';

export interface ReviseInput {
  dumpId: number;
  baseRevision: number;
  segments: { kind: string; start: number; end: number; fields?: { field: string; start: number; end: number }[] | null }[];
  author: string;
  /** approve the dump in the same save */
  approve?: boolean;
}

export interface ReviseResult {
  dumpId: number;
  revisionNumber: number;
  articleIds: number[];
}

/**
 * Saves an editor's segmentation as the dump's next revision and re-derives its articles, edges
 * and topics, in one transaction (run again if PostgreSQL picks it as a deadlock victim). Refused
 * when the editor's base is no longer the current revision.
 */
export async function reviseSegmentation(db: Db, input: ReviseInput): Promise<ReviseResult> {
  return retryTransaction(() => db.transaction(async (tx) => {
    const [dump] = await tx
      .select({ id: dumps.id, text: dumps.text, template: dumps.template, fetchedAt: dumps.fetchedAt, current: dumps.currentRevision, status: dumps.status })
      .from(dumps)
      .where(eq(dumps.id, input.dumpId))
      .for('update');
    if (!dump) throw new NotFoundError('Dump', String(input.dumpId));
    if (dump.current !== input.baseRevision) throw new StaleRevisionError(input.baseRevision, dump.current);

    const segments: StoredSegment[] = input.segments.map((s) => ({
      kind: s.kind,
      start: s.start,
      end: s.end,
      confidence: 1,
      fields: (s.fields ?? []).map((f) => ({ field: f.field, start: f.start, end: f.end, confidence: 1 })).sort((a, b) => a.start - b.start || b.end - a.end || Number(a.field === 'subhead') - Number(b.field === 'subhead')),
    }));
    const problem = checkSegmentation(dump.text.length, segments);
    if (problem) throw new InvalidSegmentationError(problem.reason, problem.index, problem.start, problem.end);

    const [{ next }] = (await tx
      .select({ next: sql<number>`coalesce(max(${segmentationRevisions.number}), 0) + 1` })
      .from(segmentationRevisions)
      .where(eq(segmentationRevisions.dumpId, dump.id))) as [{ next: number }];
    const number = Number(next);
    await tx.insert(segmentationRevisions).values({
      dumpId: dump.id,
      number,
      baseNumber: input.baseRevision,
      author: input.author,
      parserVersion: null,
      segments,
      warnings: [],
      confidence: 1,
    });
    const seg: Segmentation = {
      parserVersion: 'editor',
      length: dump.text.length,
      template: dump.template,
      segments: segments.map((s) => ({ ...s, kind: s.kind as SegmentKind, fields: s.fields.map((f) => ({ ...f, field: f.field as FieldName })) })),
      warnings: [],
      confidence: 1,
    };
    const derived = deriveArticles(dump.text, seg, { fetchedAt: dump.fetchedAt });
    const written = await writeDerived(tx, dump.id, derived, { authoritative: true });
    // topics and similarity edges: the same job as after an import, committed with the save
    await enqueueEnrichment(tx, [dump.id]);
    await tx
      .update(dumps)
      .set({ currentRevision: number, confidence: 1, status: input.approve ? 'approved' : dump.status === 'new' ? 'in_review' : dump.status })
      .where(and(eq(dumps.id, dump.id)));
    return { dumpId: dump.id, revisionNumber: number, articleIds: written.articleIds };
  }));
}

export async function setDumpStatus(db: Db, dumpId: number, status: DumpStatus): Promise<void> {
  const rows = await db.update(dumps).set({ status }).where(eq(dumps.id, dumpId)).returning({ id: dumps.id });
  if (!rows.length) throw new NotFoundError('Dump', String(dumpId));
}

export interface ReparseResult {
  dumpId: number;
  /** the new parser revision, or null when this parser version already parsed the dump */
  revisionNumber: number | null;
  /** true when the new parser revision became the current one (no editor revision stood in the way) */
  becameCurrent: boolean;
}

/**
 * Parses a dump again with the current parser, rules and line memory, and stores the result as a
 * new parser revision (none when it equals the latest parser revision). It becomes current only
 * when the current revision is the parser's: an editor's revision is never replaced; the new
 * parser revision is then a proposed revision (Dump.proposedRevision) the editor can review.
 */
export async function reparseDump(db: Db, dumpId: number): Promise<ReparseResult> {
  const dump = await db.query.dumps.findFirst({ where: { id: dumpId }, columns: { id: true, text: true, fetchedAt: true } });
  if (!dump) throw new NotFoundError('Dump', String(dumpId));
  const seg = parseDump(dump.text, { fetchedAt: dump.fetchedAt, ...(await learnedInputs(db, dump.text)) });
  return retryTransaction(() => db.transaction(async (tx) => {
    const [locked] = await tx.select({ current: dumps.currentRevision }).from(dumps).where(eq(dumps.id, dumpId)).for('update');
    const revisions = await tx
      .select({ number: segmentationRevisions.number, author: segmentationRevisions.author, parserVersion: segmentationRevisions.parserVersion, segments: segmentationRevisions.segments })
      .from(segmentationRevisions)
      .where(eq(segmentationRevisions.dumpId, dumpId));
    const latestParser = revisions.filter((r) => r.author === 'parser').sort((a, b) => b.number - a.number)[0];
    // the same parser with the same rules and memory gives the same parse: nothing to store
    if (latestParser?.parserVersion === seg.parserVersion && sameSegments(latestParser.segments, seg.segments)) return { dumpId, revisionNumber: null, becameCurrent: false };
    const number = Math.max(0, ...revisions.map((r) => r.number)) + 1;
    const current = revisions.find((r) => r.number === locked!.current);
    const becameCurrent = current?.author === 'parser';
    await tx.insert(segmentationRevisions).values({
      dumpId,
      number,
      baseNumber: locked!.current,
      author: 'parser',
      parserVersion: seg.parserVersion,
      segments: seg.segments,
      warnings: seg.warnings,
      confidence: seg.confidence,
    });
    if (becameCurrent) {
      const derived = deriveArticles(dump.text, seg, { fetchedAt: dump.fetchedAt });
      // the new parse replaces the articles' values (a body a rule or the memory shortened must not lose to the old, longer one)
      await writeDerived(tx, dumpId, derived, { authoritative: true });
      await enqueueEnrichment(tx, [dumpId]);
      await tx.update(dumps).set({ currentRevision: number, confidence: seg.confidence, template: seg.template }).where(eq(dumps.id, dumpId));
    }
    return { dumpId, revisionNumber: number, becameCurrent };
  }));
}
