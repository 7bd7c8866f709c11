import { and, eq, inArray, sql } from 'drizzle-orm';
import { appearances, dumps, dumpStatusChanges, segmentationRevisions, warningDismissals } from '@copydesk/schema';
import type { Db, Executor } from '../db/client.ts';
import { carryWarnings, checkSegmentation, checkSegmentationSize, deriveArticles, openWarnings, parseDump, revisionConfidence, type Segment, type Segmentation, warningKey } from '@copydesk/core';
import { InvalidInputError, InvalidSegmentationError, NotFoundError, StaleRevisionError } from '../errors.ts';
import { writeDerived } from '../store/articles.ts';
import { enqueueEnrichment } from '../enrich/jobs.ts';
import { learnedInputs, sameSegments } from '../learn/rules.ts';
import { retryTransaction } from '../db/retry.ts';
import { audit, type Actor, type AuditAction } from '../audit/log.ts';

export type DumpStatus = 'new' | 'in_review' | 'approved';

export interface ReviseInput {
  dumpId: number;
  baseRevision: number;
  segments: { kind: string; start: number; end: number; fields?: { field: string; start: number; end: number }[] | null }[];
  author: string;
  /** where the save came from, for the audit log */
  origin: string;
  /** approve the dump in the same save */
  approve?: boolean;
}

export interface ReviseResult {
  dumpId: number;
  /** the revision saved; the current one when `unchanged` */
  revisionNumber: number;
  /** the dump's articles, in order */
  articleIds: number[];
  /** true when the segments were the current editor revision's: nothing was stored (an `approve` still applies) */
  unchanged: boolean;
}

/**
 * Saves an editor's segmentation as the dump's next revision and re-derives its articles, edges
 * and topics, in one transaction (run again if PostgreSQL picks it as a deadlock victim). Refused
 * when the editor's base is no longer the current revision. A save whose segments are the current
 * revision's, an editor's, stores nothing (no revision, no audit entry) and answers `unchanged`;
 * its `approve` still moves the dump to approved. (A save equal to a current parser revision is
 * stored: it makes the parse an editor's.)
 * @throws NotFoundError, StaleRevisionError, InvalidInputError (baseRevision), InvalidSegmentationError
 */
export async function reviseSegmentation(db: Db, input: ReviseInput): Promise<ReviseResult> {
  return retryTransaction(() => db.transaction(async (tx) => {
    const [dump] = await tx
      .select({ id: dumps.id, text: dumps.text, template: dumps.template, fetchedAt: dumps.fetchedAt, current: dumps.currentRevision, status: dumps.status })
      .from(dumps)
      .where(eq(dumps.id, input.dumpId))
      .for('update');
    if (!dump) throw new NotFoundError('Dump', String(input.dumpId));
    await checkSeenRevision(tx, dump.id, dump.current, input.baseRevision, 'save');

    const candidate = input.segments.map((s) => ({
      kind: s.kind,
      start: s.start,
      end: s.end,
      confidence: 1,
      fields: (s.fields ?? []).map((f) => ({ field: f.field, start: f.start, end: f.end, confidence: 1 })).sort((a, b) => a.start - b.start || b.end - a.end || Number(a.field === 'subhead') - Number(b.field === 'subhead')),
    }));
    const problem = checkSegmentation(dump.text, candidate);
    if (problem) throw InvalidSegmentationError.of(problem);
    // checked: every kind and field name is one the parser knows
    const segments = candidate as Segment[];

    // the base is the current revision (checked above); its warnings carry over: those the edit covered are marked resolved
    const [baseRev] = await tx
      .select({ author: segmentationRevisions.author, segments: segmentationRevisions.segments, warnings: segmentationRevisions.warnings })
      .from(segmentationRevisions)
      .where(and(eq(segmentationRevisions.dumpId, dump.id), eq(segmentationRevisions.number, input.baseRevision)));
    if (baseRev && baseRev.author !== 'parser' && sameSegments(baseRev.segments, segments)) {
      if (input.approve && dump.status !== 'approved') await recordStatus(tx, dump.id, dump.current, dump.status, 'approved', { name: input.author, origin: input.origin });
      const shown = await tx.select({ articleId: appearances.articleId }).from(appearances).where(eq(appearances.dumpId, dump.id)).orderBy(appearances.position);
      return { dumpId: dump.id, revisionNumber: dump.current, articleIds: shown.map((a) => a.articleId), unchanged: true };
    }

    const [{ next }] = (await tx
      .select({ next: sql<number>`coalesce(max(${segmentationRevisions.number}), 0) + 1` })
      .from(segmentationRevisions)
      .where(eq(segmentationRevisions.dumpId, dump.id))) as [{ next: number }];
    const number = Number(next);
    const warnings = carryWarnings(baseRev?.warnings ?? [], baseRev?.segments ?? [], segments, number, input.author);
    const dismissed = await dismissedKeys(tx, dump.id);
    const confidence = revisionConfidence(segments, openWarnings(warnings, dismissed), dump.template, true);
    await tx.insert(segmentationRevisions).values({
      dumpId: dump.id,
      number,
      baseNumber: input.baseRevision,
      author: input.author,
      parserVersion: null,
      segments,
      warnings,
      confidence,
    });
    const seg: Segmentation = {
      parserVersion: 'editor',
      length: dump.text.length,
      template: dump.template,
      segments,
      warnings: [],
      confidence: 1,
    };
    const derived = deriveArticles(dump.text, seg, { fetchedAt: dump.fetchedAt });
    const written = await writeDerived(tx, dump.id, derived, { authoritative: true });
    // topics and similarity edges: the same job as after an import, committed with the save
    await enqueueEnrichment(tx, [dump.id]);
    const status = input.approve ? 'approved' : dump.status === 'new' ? 'in_review' : dump.status;
    await tx.update(dumps).set({ currentRevision: number, confidence, status }).where(eq(dumps.id, dump.id));
    const actor = { name: input.author, origin: input.origin };
    const resolved = warnings.filter((w) => w.resolvedInRevision === number).length;
    await audit(tx, actor, { action: 'save', dumpId: dump.id, subject: `revision ${number}`, detail: { baseRevision: input.baseRevision, revision: number, segments: segments.length, warningsResolved: resolved, confidence } });
    if (status !== dump.status || input.approve) {
      await tx.insert(dumpStatusChanges).values({ dumpId: dump.id, revision: number, status, editor: input.author });
      await audit(tx, actor, { action: 'status', dumpId: dump.id, subject: `revision ${number}`, detail: { from: dump.status, to: status, revision: number } });
    }
    return { dumpId: dump.id, revisionNumber: number, articleIds: written.articleIds, unchanged: false };
  }));
}

/** Moves a locked dump from status `from` to `to` for `revision`: the dump row, its status change row and an audit entry. */
async function recordStatus(tx: Executor, dumpId: number, revision: number, from: string, to: DumpStatus, actor: Actor): Promise<void> {
  await tx.update(dumps).set({ status: to }).where(eq(dumps.id, dumpId));
  await tx.insert(dumpStatusChanges).values({ dumpId, revision, status: to, editor: actor.name });
  await audit(tx, actor, { action: 'status', dumpId, subject: `revision ${revision}`, detail: { from, to, revision } });
}

/**
 * Checks the revision an editor saw (`seen`: the base of a save, the revision of a status
 * change) against the dump's current one. Returns when they are the same. Throws
 * StaleRevisionError only when a newer revision was saved after it (it was current once);
 * InvalidInputError (field `revision`, `baseRevision` for a save) when the dump has no such
 * revision, or it is a proposed parser revision (newer than the current one, never current).
 */
async function checkSeenRevision(tx: Executor, dumpId: number, current: number, seen: number, action: 'save' | 'status'): Promise<void> {
  if (seen === current) return;
  const field = action === 'save' ? 'baseRevision' : 'revision';
  const rows = await tx
    .select({ number: segmentationRevisions.number, author: segmentationRevisions.author })
    .from(segmentationRevisions)
    .where(and(eq(segmentationRevisions.dumpId, dumpId), inArray(segmentationRevisions.number, [seen, current])));
  const seenRow = rows.find((r) => r.number === seen);
  if (!seenRow) throw new InvalidInputError(field, `this dump has no revision ${seen}; its current revision is ${current}`);
  if (seen > current) throw new InvalidInputError(field, `revision ${seen} is a proposed revision (a re-parse for review), not the current one (${current}): open the current revision, or review the proposed one and save it as yours`);
  throw new StaleRevisionError(seen, current, action, rows.find((r) => r.number === current)?.author ?? null);
}

/** The warningKey of every warning dismissed on a dump. */
export async function dismissedKeys(db: Executor, dumpId: number): Promise<Set<string>> {
  const rows = await db
    .select({ code: warningDismissals.code, start: warningDismissals.start, end: warningDismissals.end })
    .from(warningDismissals)
    .where(eq(warningDismissals.dumpId, dumpId));
  return new Set(rows.map(warningKey));
}

export interface SetStatusInput {
  dumpId: number;
  /** the revision number the editor saw: the status applies to it */
  revision: number;
  status: DumpStatus;
  editor: string;
  /** where the request came from, for the audit log */
  origin: string;
}

/**
 * Moves a dump to `status` for the revision the editor saw, and records who did it (an
 * append-only dump_status_changes row). Errors: NotFoundError (no such dump),
 * StaleRevisionError (the current revision is no longer `revision`: nothing is written),
 * InvalidInputError (no such revision, or a proposed one). The status the dump already has is
 * a no-op: no status change nor audit entry is recorded.
 */
export async function setDumpStatus(db: Db, input: SetStatusInput): Promise<void> {
  await db.transaction(async (tx) => {
    const [dump] = await tx.select({ current: dumps.currentRevision, status: dumps.status }).from(dumps).where(eq(dumps.id, input.dumpId)).for('update');
    if (!dump) throw new NotFoundError('Dump', String(input.dumpId));
    await checkSeenRevision(tx, input.dumpId, dump.current, input.revision, 'status');
    // the status it already has: nothing changes, nothing is recorded
    if (dump.status === input.status) return;
    await recordStatus(tx, input.dumpId, input.revision, dump.status, input.status, { name: input.editor, origin: input.origin });
  });
}

export interface DismissWarningInput {
  dumpId: number;
  code: string;
  start: number;
  end: number;
  reason: string;
  editor: string;
  /** where the request came from, for the audit log */
  origin: string;
}

/**
 * Dismisses an open warning of the dump's current revision (the editor looked and there is
 * nothing to fix), recording who, when and why, and recomputes the dump's confidence from the
 * warnings left open. Errors: NotFoundError (no dump, or no such open warning on the current
 * revision), InvalidInputError (an empty reason).
 */
export async function dismissWarning(db: Db, input: DismissWarningInput): Promise<void> {
  const reason = input.reason.trim();
  if (!reason) throw new InvalidInputError('reason', 'say why the warning is dismissed');
  await db.transaction(async (tx) => {
    const [dump] = await tx.select({ current: dumps.currentRevision, template: dumps.template }).from(dumps).where(eq(dumps.id, input.dumpId)).for('update');
    if (!dump) throw new NotFoundError('Dump', String(input.dumpId));
    const [rev] = await tx
      .select({ author: segmentationRevisions.author, segments: segmentationRevisions.segments, warnings: segmentationRevisions.warnings })
      .from(segmentationRevisions)
      .where(and(eq(segmentationRevisions.dumpId, input.dumpId), eq(segmentationRevisions.number, dump.current)));
    const dismissed = await dismissedKeys(tx, input.dumpId);
    const key = warningKey(input);
    const open = openWarnings(rev?.warnings ?? [], dismissed);
    if (!open.some((w) => warningKey(w) === key)) throw new NotFoundError('open warning', key);
    await tx.insert(warningDismissals).values({ dumpId: input.dumpId, code: input.code, start: input.start, end: input.end, editor: input.editor, reason });
    dismissed.add(key);
    const confidence = revisionConfidence(rev!.segments, openWarnings(rev!.warnings, dismissed), dump.template, rev!.author !== 'parser');
    await tx.update(dumps).set({ confidence }).where(eq(dumps.id, input.dumpId));
    await audit(tx, { name: input.editor, origin: input.origin }, { action: 'dismiss', dumpId: input.dumpId, subject: `${input.code} at ${input.start}-${input.end}`, detail: { code: input.code, start: input.start, end: input.end, reason, revision: dump.current, confidence } });
  });
}

export interface ReparseResult {
  dumpId: number;
  /** the new parser revision, or null when this parser version already parsed the dump */
  revisionNumber: number | null;
  /** true when the new parser revision became the current one (no editor revision stood in the way) */
  becameCurrent: boolean;
}

/** Who re-parses and why, for the audit entry written with a new revision (none when the parse is unchanged). */
export interface ReparseAudit {
  actor: Actor;
  /** 'reparse' (reparseDump), 'rule.apply' (applyParseRule) */
  action: Extract<AuditAction, 'reparse' | 'rule.apply'>;
  subject?: string;
  detail?: Record<string, unknown>;
}

/**
 * Parses a dump again with the current parser, rules and line memory, and stores the result as a
 * new parser revision (none when it equals the latest parser revision). It becomes current only
 * when the current revision is the parser's: an editor's revision is never replaced; the new
 * parser revision is then a proposed revision (Dump.proposedRevision) the editor can review.
 * @throws NotFoundError for an unknown dump; InvalidSegmentationError (rule SIZE) when the new parse
 *   holds more segments or field spans than segmentationLimits allows (the rule save and import
 *   apply), nothing written
 */
export async function reparseDump(db: Db, dumpId: number, logged?: ReparseAudit): Promise<ReparseResult> {
  const dump = await db.query.dumps.findFirst({ where: { id: dumpId }, columns: { id: true, text: true, fetchedAt: true } });
  if (!dump) throw new NotFoundError('Dump', String(dumpId));
  const seg = parseDump(dump.text, { fetchedAt: dump.fetchedAt, ...(await learnedInputs(db, dump.text)) });
  // the SIZE rule a save and an import apply: a parse of more segments or field spans than a revision may hold is not stored
  const tooLarge = checkSegmentationSize(dump.text.length, seg.segments);
  if (tooLarge) throw InvalidSegmentationError.of(tooLarge);
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
      // warnings dismissed on an earlier revision stay dismissed: the confidence is what the open ones imply
      const confidence = revisionConfidence(seg.segments, openWarnings(seg.warnings, await dismissedKeys(tx, dumpId)), seg.template, false);
      await tx.update(dumps).set({ currentRevision: number, confidence, template: seg.template }).where(eq(dumps.id, dumpId));
    }
    if (logged) await audit(tx, logged.actor, { action: logged.action, dumpId, subject: logged.subject ?? `revision ${number}`, detail: { ...logged.detail, revision: number, becameCurrent } });
    return { dumpId, revisionNumber: number, becameCurrent };
  }));
}
