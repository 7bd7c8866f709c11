/**
 * The editor's revision flows, as hooks over the editor reducer: the draft kept in localStorage
 * (useDraft), a save and what a stale save opens (useSave: a conflict with the revision saved
 * meanwhile, and its three ways out: rebase, keep mine, keep theirs), and approval (useApprove:
 * asks first while warnings are open, saves the draft first, refuses a stale revision). Messages
 * go to the status bar through the reducer's `say`.
 */
import { useEffect, useState } from 'react';
import { useClient, useMutation } from 'urql';
import { checkSegmentation } from '@copydesk/core';
import { createHistory, describeOp, diffSegmentations, opsSinceBase, present, replay, toEditSegments, type EditSegment, type History } from './segmentation-edit.ts';
import { dropDraft, loadDraft, saveDraft, staleDrafts, type Draft } from './drafts.ts';
import type { Conflict } from '../components/conflict-dialog.tsx';
import type { Base, EditorAction, EditorState } from './editor-state.ts';
import { ReviseMutation, RevisionsQuery, StatusMutation, type Dump } from './editor-documents.ts';

type Dispatch = (a: EditorAction) => void;

/** The history a reload restores: the draft's operations replayed on the base (or, when they no longer replay to the same result, that result as one step). */
export function restoreDraft(text: string, dumpId: string, base: Base): { history: History; savedAt: string | null } {
  const d = loadDraft(dumpId, base.number);
  if (!d) return { history: createHistory(base.segments), savedAt: null };
  const r = replay(text, base.segments, d.ops);
  if (r.skipped.length || diffSegmentations(present(r.history), d.segments).length) {
    return { history: replay(text, base.segments, [{ op: 'replace', segments: d.segments, label: 'restored draft' }]).history, savedAt: d.savedAt };
  }
  return { history: r.history, savedAt: d.savedAt };
}

/** Keeps the draft in localStorage, keyed by dump and base revision; dropped when nothing differs from the base. */
export function useDraft(dumpId: string, state: EditorState, dirty: boolean): void {
  useEffect(() => {
    if (dirty) saveDraft({ dumpId, baseRevision: state.base.number, ops: opsSinceBase(state.history), segments: present(state.history) });
    else dropDraft(dumpId, state.base.number);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.history, state.base.number]);
}

const toInput = (segs: readonly EditSegment[]) => segs.map((s) => ({ kind: s.kind, start: s.start, end: s.end, fields: s.fields.map((f) => ({ field: f.field, start: f.start, end: f.end })) }));

/**
 * Save and conflict: `save(approve)` saves the segmentation on screen as a new revision; a stale
 * base opens the conflict (also opened on load for a draft left on an older base).
 */
export function useSave(dumpId: string, state: EditorState, dispatch: Dispatch, viewerName: string | null, setStatus: (s: Dump['status']) => void) {
  const client = useClient();
  const [, revise] = useMutation(ReviseMutation);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [busy, setBusy] = useState(false);
  const { text, base, canEdit } = state;
  const segments = present(state.history);
  const say = (t: string, tone: 'info' | 'error' | 'ok' = 'info', caret?: number) => dispatch({ type: 'say', text: t, tone, caret });
  const myDraft = (): Draft => ({ dumpId, baseRevision: base.number, ops: opsSinceBase(state.history), segments, savedAt: new Date().toISOString() });

  async function openConflict(myBase: number, mine: Draft, theirsNumber: number) {
    const r = await client.query(RevisionsQuery, { id: dumpId }, { requestPolicy: 'network-only' }).toPromise();
    const revs = r.data?.dump?.revisions.edges.map((e) => e.node) ?? [];
    const current = r.data?.dump?.currentRevisionNumber ?? theirsNumber;
    const theirs = revs.find((x) => x.number === current);
    const mineBase = revs.find((x) => x.number === myBase);
    if (!theirs) return say('Could not load the other revision; your draft is kept.', 'error');
    setConflict({
      mineBase: myBase,
      baseSegments: mineBase ? toEditSegments(mineBase.segments) : base.segments,
      mine: mine.segments,
      ops: mine.ops,
      theirs: { number: theirs.number, author: theirs.author, createdAt: theirs.createdAt, segments: toEditSegments(theirs.segments) },
    });
  }

  // drafts left on an older base: someone saved since; offer the rebase
  useEffect(() => {
    const stale = staleDrafts(dumpId, base.number).find((d) => d.baseRevision < base.number);
    if (stale) void openConflict(stale.baseRevision, stale, base.number);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const save = async (approve: boolean, baseNumber = base.number, segs: EditSegment[] = segments): Promise<void> => {
    if (!canEdit) return say('Read-only: sign in with an editor token to save.', 'error');
    const p = checkSegmentation(text, segs);
    if (p) return say(`Cannot save (${p.rule}): ${p.reason}`, 'error', p.start);
    setBusy(true);
    const r = await revise({ input: { dumpId, baseRevision: baseNumber, approve, segments: toInput(segs) } });
    setBusy(false);
    const res = r.data?.reviseSegmentation;
    if (r.error || !res) return say(`Save failed: ${r.error?.message ?? 'no answer'}`, 'error');
    if (res.__typename === 'ReviseSegmentationPayload') {
      dropDraft(dumpId, base.number);
      dropDraft(dumpId, baseNumber);
      dispatch({ type: 'rebase', base: { number: res.revisionNumber, author: viewerName ?? '', createdAt: new Date().toISOString(), segments: segs } });
      setConflict(null);
      setStatus(res.dump.status);
      // the same segments as the current revision: the server stored nothing
      if (res.unchanged) return say(`Nothing to save: revision ${res.revisionNumber} already holds these segments${approve ? '; approved' : ''}.`, 'ok');
      return say(`Saved as revision ${res.revisionNumber}${approve ? ' and approved' : ''}.`, 'ok');
    }
    if (res.__typename === 'StaleRevisionError') {
      say(`Not saved: revision ${res.currentRevision} was saved since revision ${res.baseRevision}.`, 'error');
      return openConflict(base.number, myDraft(), res.currentRevision);
    }
    if (res.__typename === 'InvalidSegmentationError') return say(`The server refused the segmentation (${res.rule}): ${res.reason}`, 'error', res.start);
    return say(`Not saved: ${res.message}`, 'error');
  };

  /** the editor's answer to a conflict */
  const resolve = async (how: 'rebase' | 'mine' | 'theirs') => {
    if (!conflict) return;
    const t = conflict.theirs;
    const newBase: Base = { number: t.number, author: t.author, createdAt: t.createdAt, segments: t.segments };
    dropDraft(dumpId, conflict.mineBase);
    setConflict(null);
    if (how === 'theirs') {
      dispatch({ type: 'rebase', base: newBase });
      return say(`Now on revision ${t.number} by ${t.author}; your changes were dropped.`, 'info');
    }
    if (how === 'rebase') {
      const r = replay(text, t.segments, conflict.ops);
      dispatch({ type: 'rebase', base: newBase, history: r.history });
      return say(
        r.skipped.length
          ? `Re-applied ${conflict.ops.length - r.skipped.length} of ${conflict.ops.length} edits on revision ${t.number}; skipped: ${r.skipped.map((s) => `${describeOp(s.op)} (${s.reason})`).join('; ')}`
          : `Re-applied all ${conflict.ops.length} edits on revision ${t.number}. Review, then save.`,
        r.skipped.length ? 'error' : 'ok',
      );
    }
    // keep mine: my segmentation, saved over theirs
    dispatch({ type: 'rebase', base: newBase, history: replay(text, t.segments, [{ op: 'replace', segments: conflict.mine, label: 'keep my version' }]).history });
    await save(false, t.number, conflict.mine);
  };

  return { save, resolve, conflict, closeConflict: () => setConflict(null), busy, openConflict, myDraft };
}

/** Approval of the revision on screen: asks first while warnings are open (`confirming`), saves a dirty draft with approve, refuses a stale revision. */
export function useApprove(dumpId: string, state: EditorState, dispatch: Dispatch, dirty: boolean, openWarnings: number, flows: ReturnType<typeof useSave>, setStatus: (s: Dump['status']) => void) {
  const [, setDumpStatus] = useMutation(StatusMutation);
  const [confirming, setConfirming] = useState(false);
  const say = (t: string, tone: 'info' | 'error' | 'ok' = 'info') => dispatch({ type: 'say', text: t, tone });
  const approve = async (confirmed = false): Promise<void> => {
    if (!state.canEdit) return say('Read-only: sign in with an editor token to approve.', 'error');
    if (!confirmed && openWarnings > 0) return setConfirming(true);
    setConfirming(false);
    if (dirty) return flows.save(true);
    const r = await setDumpStatus({ input: { dumpId, revision: state.base.number, status: 'APPROVED' } });
    const res = r.data?.setDumpStatus;
    if (res?.__typename === 'Dump') {
      setStatus('APPROVED');
      say(`Approved revision ${state.base.number}.`, 'ok');
    } else if (res?.__typename === 'StaleRevisionError' && res.currentRevision) {
      say(`Not approved: revision ${res.currentRevision} was saved since revision ${state.base.number}, the one on your screen. Look at it first.`, 'error');
      await flows.openConflict(state.base.number, flows.myDraft(), res.currentRevision);
    } else say(`Not approved: ${res?.message ?? r.error?.message ?? 'no answer'}`, 'error');
  };
  return { approve, confirming, cancel: () => setConfirming(false) };
}
