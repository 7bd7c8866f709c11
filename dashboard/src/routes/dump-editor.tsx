import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import { deriveArticles } from '../../../server/src/derive/articles.ts';
import { checkSegmentation } from '../../../server/src/derive/validate.ts';
import type { Segmentation } from '../../../server/src/parse/types.ts';
import {
  canRedo,
  canUndo,
  fieldPieces,
  createHistory,
  describeOp,
  diffSegmentations,
  opsSinceBase,
  perform,
  present,
  redo,
  replay,
  segmentAt,
  toEditSegments,
  undo,
  type EditOp,
  type EditSegment,
  type FieldName,
  type History,
  type SegmentKind,
} from '../lib/segmentation-edit.ts';
import { allHandles, handleLabel, moveOp, type Handle } from '../lib/handles.ts';
import { lineEndOf, lineStartOf, nextLineStartOf, normalizeCaret, step, type Direction, type Step } from '../lib/text-nav.ts';
import { dropDraft, loadDraft, saveDraft, staleDrafts, type Draft } from '../lib/drafts.ts';
import { useShortcuts, type Shortcut } from '../lib/shortcuts.ts';
import { href, navigate } from '../lib/router.ts';
import { useViewer } from '../lib/viewer.ts';
import { STATUS_LABEL, timeAgo } from '../lib/format.ts';
import { SegmentText, offsetAtPoint, domOffset } from '../components/segment-text.tsx';
import { DerivedArticles } from '../components/derived-articles.tsx';
import { ChangeList } from '../components/change-list.tsx';
import { ConflictDialog, type Conflict } from '../components/conflict-dialog.tsx';
import { RuleOffer, type RuleOfferProps } from '../components/rule-offer.tsx';
import { WarningChecklist } from '../components/warning-checklist.tsx';
import { FindBar } from '../components/find-bar.tsx';
import { ApproveDialog } from '../components/approve-dialog.tsx';
import { DumpActivity } from '../components/dump-activity.tsx';
import { useReview } from '../lib/use-review.ts';
import { nextMark } from '../lib/marks.ts';

const RevisionFields = /* GraphQL */ `
  fragment DumpEditor_RevisionFragment on SegmentationRevision {
    id
    number
    author
    createdAt
    baseNumber
    segments { kind start end confidence fields { field start end confidence } }
  }
`;

const DumpQuery = /* GraphQL */ `
  query DumpEditor_Dump($id: ID!) {
    dump(id: $id) {
      id
      filename
      url
      fetchedAt
      text
      status
      template
      confidence
      currentRevisionNumber
      currentRevision { ...DumpEditor_RevisionFragment warnings { code message start end } }
      revisions(first: 1) { totalCount edges { node { ...DumpEditor_RevisionFragment } } }
    }
  }
  ${RevisionFields}
`;

const RevisionsQuery = /* GraphQL */ `
  query DumpEditor_Revisions($id: ID!) {
    dump(id: $id) {
      id
      currentRevisionNumber
      revisions(first: 500) { edges { node { ...DumpEditor_RevisionFragment } } }
    }
  }
  ${RevisionFields}
`;

const ReviseMutation = /* GraphQL */ `
  mutation DumpEditor_Revise($input: ReviseSegmentationInput!) {
    reviseSegmentation(input: $input) {
      __typename
      ... on ReviseSegmentationPayload { revisionNumber dump { id status currentRevisionNumber confidence } }
      ... on StaleRevisionError { baseRevision currentRevision }
      ... on InvalidSegmentationError { rule reason index start end }
      ... on Error { message code }
    }
  }
`;

const StatusMutation = /* GraphQL */ `
  mutation DumpEditor_SetStatus($input: SetDumpStatusInput!) {
    setDumpStatus(input: $input) {
      __typename
      ... on Dump { id status }
      ... on StaleRevisionError { baseRevision currentRevision }
      ... on Error { message code }
    }
  }
`;

export interface DumpEditor_RevisionFragment {
  id: string;
  number: number;
  author: string;
  createdAt: string;
  baseNumber: number | null;
  segments: { kind: string; start: number; end: number; confidence: number; fields: { field: string; start: number; end: number; confidence: number }[] }[];
}

interface DumpData {
  dump: {
    id: string;
    filename: string | null;
    url: string | null;
    fetchedAt: string | null;
    text: string;
    status: string;
    template: string;
    confidence: number;
    currentRevisionNumber: number;
    currentRevision: DumpEditor_RevisionFragment & { warnings: { code: string; message: string; start: number; end: number }[] };
    revisions: { totalCount: number; edges: { node: DumpEditor_RevisionFragment }[] };
  } | null;
}

type ReviseResult =
  | { __typename: 'ReviseSegmentationPayload'; revisionNumber: number; dump: { id: string; status: string; currentRevisionNumber: number } }
  | { __typename: 'StaleRevisionError'; baseRevision: number; currentRevision: number; message: string; code: string }
  | { __typename: 'InvalidSegmentationError'; reason: string; index: number; start: number; end: number; message: string; code: string }
  | { __typename: string; message: string; code: string };

interface Base {
  number: number;
  author: string;
  createdAt: string;
  segments: EditSegment[];
}

const KIND_KEYS: SegmentKind[] = ['main', 'related', 'boilerplate', 'residue'];
const FIELD_KEYS: [string, FieldName, string][] = [
  ['h', 'headline', 'headline'],
  ['y', 'byline', 'byline'],
  ['o', 'source', 'source'],
  ['p', 'published', 'published (date)'],
  ['e', 'section', 'section'],
  ['b', 'body', 'body'],
  ['c', 'copyright', 'copyright'],
  ['u', 'subhead', 'subhead (inside the body)'],
  ['i', 'noise', 'publisher boilerplate (noise)'],
];

export function DumpEditor({ id }: { id: string }) {
  const [{ data, error, fetching }] = useQuery<DumpData>({ query: DumpQuery, variables: { id }, requestPolicy: 'network-only' });
  if (error) return <p className="error pad">Could not load dump {id}: {error.message}</p>;
  if (!data) return <p className="pad muted">{fetching ? 'Loading dump…' : 'No data'}</p>;
  if (!data.dump) return <p className="pad">No dump {id}. <a href={href('/')}>Back to the queue</a></p>;
  return <Editor dump={data.dump} />;
}

function Editor({ dump }: { dump: NonNullable<DumpData['dump']> }) {
  const text = dump.text;
  const client = useClient();
  const viewer = useViewer();
  const canEdit = !!viewer.name;
  const parser = useMemo(() => toEditSegments(dump.revisions.edges[0]?.node.segments ?? dump.currentRevision.segments), [dump.revisions, dump.currentRevision]);

  const initial = useMemo<Base>(
    () => ({ number: dump.currentRevision.number, author: dump.currentRevision.author, createdAt: dump.currentRevision.createdAt, segments: toEditSegments(dump.currentRevision.segments) }),
    // the editor owns its base after the first load
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  const [base, setBase] = useState<Base>(initial);
  const [history, setHistory] = useState<History>(() => restore(text, dump.id, initial).history);
  const [restoredFrom, setRestoredFrom] = useState<string | null>(() => restore(text, dump.id, initial).savedAt);
  const [caret, setCaret] = useState(0);
  const [anchor, setAnchor] = useState<number | null>(null);
  const [active, setActive] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; tone: 'info' | 'error' | 'ok' } | null>(null);
  const [tab, setTab] = useState<'articles' | 'changes' | 'warnings' | 'history' | 'activity'>('articles');
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState(dump.status);
  const [, revise] = useMutation<{ reviseSegmentation: ReviseResult }>(ReviseMutation);
  const [, setDumpStatus] = useMutation<{ setDumpStatus: { __typename: string; status?: string; message?: string; code?: string; currentRevision?: number } }>(StatusMutation);
  const [find, setFind] = useState<'search' | 'line' | null>(null);
  const [confirmApprove, setConfirmApprove] = useState(false);
  const textRef = useRef<HTMLDivElement>(null);

  const segments = present(history);
  const ops = opsSinceBase(history);
  const dirty = ops.length > 0 && diffSegmentations(base.segments, segments).length > 0;
  const handles = useMemo(() => allHandles(segments), [segments]);
  const activeHandle = active ? handles.find((h) => h.id === active) ?? null : null;
  const vsParser = useMemo(() => diffSegmentations(parser, segments), [parser, segments]);
  const vsBase = useMemo(() => diffSegmentations(base.segments, segments), [base.segments, segments]);
  const changedIdx = useMemo(() => {
    const ranges = new Set(parser.map((s) => `${s.start}:${s.end}:${s.kind}`));
    return new Set(segments.flatMap((s, i) => (ranges.has(`${s.start}:${s.end}:${s.kind}`) ? [] : [i])));
  }, [parser, segments]);

  const asSegmentation = useCallback(
    (segs: EditSegment[]): Segmentation => ({
      parserVersion: 'editor',
      length: text.length,
      template: dump.template,
      segments: segs.map((s) => ({ ...s, confidence: 1, fields: s.fields.map((f) => ({ ...f, confidence: 1 })) })),
      warnings: [],
      confidence: 1,
    }),
    [text.length, dump.template],
  );
  const derived = useMemo(() => deriveArticles(text, asSegmentation(segments), { fetchedAt: dump.fetchedAt }), [text, segments, asSegmentation, dump.fetchedAt]);
  const baseDerived = useMemo(() => deriveArticles(text, asSegmentation(base.segments), { fetchedAt: dump.fetchedAt }), [text, base.segments, asSegmentation, dump.fetchedAt]);
  const problem = useMemo(() => checkSegmentation(text.length, segments), [text.length, segments]);
  const review = useReview(dump.id, text, base, segments, dump.revisions.edges[0]?.node.segments ?? dump.currentRevision.segments);

  // keep the draft in localStorage, keyed by dump and base revision
  useEffect(() => {
    if (dirty) saveDraft({ dumpId: dump.id, baseRevision: base.number, ops, segments });
    else dropDraft(dump.id, base.number);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [history, base.number]);

  // drafts left on an older base: someone saved since; offer the rebase
  useEffect(() => {
    const stale = staleDrafts(dump.id, base.number).find((d) => d.baseRevision < base.number);
    if (stale) void openConflict(stale.baseRevision, stale, base.number);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // keep the caret in view
  useEffect(() => {
    const el = textRef.current?.querySelector(active ? `[data-handle="${active}"]` : '.caret');
    el?.scrollIntoView({ block: 'nearest' });
  }, [caret, active, segments]);

  const say = (t: string, tone: 'info' | 'error' | 'ok' = 'info') => setMessage({ text: t, tone });

  const apply = (op: EditOp): boolean => {
    if (!canEdit) {
      say('Read-only: sign in with an editor token to edit.', 'error');
      return false;
    }
    const r = perform(text, history, op);
    if (r.error) {
      say(r.error, 'error');
      return false;
    }
    setHistory(r.history);
    say(describeOp(op));
    return true;
  };

  const selection = (): { start: number; end: number } | null => (anchor !== null && anchor !== caret ? { start: Math.min(anchor, caret), end: Math.max(anchor, caret) } : null);
  /** the selected lines, whole, or the caret's line */
  const lineRange = (): { start: number; end: number } => {
    const s = selection();
    if (!s) return { start: lineStartOf(text, caret), end: nextLineStartOf(text, caret) };
    const endLineStart = lineStartOf(text, Math.max(s.start, s.end - 1));
    return { start: lineStartOf(text, s.start), end: nextLineStartOf(text, endLineStart) };
  };

  const moveCaret = (to: number, extend: boolean) => {
    to = normalizeCaret(text, to);
    if (extend) setAnchor((a) => (a === null ? caret : a));
    else setAnchor(null);
    setCaret(to);
  };

  const moveBy = (by: Step, dir: Direction, extend: boolean) => {
    if (activeHandle) {
      const to = step(text, activeHandle.offset, by, dir);
      const op = moveOp(activeHandle, segments, to);
      if (apply(op)) setCaret(to);
      return;
    }
    moveCaret(step(text, caret, by, dir), extend);
  };

  const selectHandle = (dir: Direction) => {
    if (!handles.length) return;
    const from = activeHandle ? handles.indexOf(activeHandle) : -1;
    let next: Handle | undefined;
    if (from >= 0) next = handles[(from + dir + handles.length) % handles.length];
    else next = dir > 0 ? handles.find((h) => h.offset >= caret) ?? handles[0] : [...handles].reverse().find((h) => h.offset <= caret) ?? handles[handles.length - 1];
    if (!next) return;
    setActive(next.id);
    setAnchor(null);
    setCaret(next.offset);
    say(`Handle: ${handleLabel(next, segments)} — arrows move it, Esc leaves it`);
  };

  const save = async (approve: boolean, baseNumber = base.number, segs = segments) => {
    if (!canEdit) return say('Read-only: sign in with an editor token to save.', 'error');
    const p = checkSegmentation(text.length, segs);
    if (p) {
      setCaret(p.start);
      return say(`Cannot save (${p.rule}): ${p.reason}`, 'error');
    }
    setBusy(true);
    const r = await revise({
      input: { dumpId: dump.id, baseRevision: baseNumber, approve, segments: segs.map((s) => ({ kind: s.kind, start: s.start, end: s.end, fields: s.fields.map((f) => ({ field: f.field, start: f.start, end: f.end })) })) },
    });
    setBusy(false);
    const res = r.data?.reviseSegmentation;
    if (r.error || !res) return say(`Save failed: ${r.error?.message ?? 'no answer'}`, 'error');
    if (res.__typename === 'ReviseSegmentationPayload' && 'revisionNumber' in res) {
      dropDraft(dump.id, base.number);
      dropDraft(dump.id, baseNumber);
      setBase({ number: res.revisionNumber, author: viewer.name ?? '', createdAt: new Date().toISOString(), segments: segs });
      setHistory(createHistory(segs));
      setConflict(null);
      setStatus(res.dump.status);
      setRestoredFrom(null);
      return say(`Saved as revision ${res.revisionNumber}${approve ? ' and approved' : ''}.`, 'ok');
    }
    if (res.__typename === 'StaleRevisionError' && 'currentRevision' in res) {
      say(`Not saved: revision ${res.currentRevision} was saved by someone else since revision ${res.baseRevision}.`, 'error');
      return openConflict(base.number, { dumpId: dump.id, baseRevision: base.number, ops, segments, savedAt: new Date().toISOString() }, res.currentRevision);
    }
    if (res.__typename === 'InvalidSegmentationError' && 'reason' in res) {
      setCaret(res.start);
      return say(`The server refused the segmentation (${'rule' in res ? res.rule : ''}): ${res.reason}`, 'error');
    }
    return say(`Not saved: ${'message' in res ? res.message : res.__typename}`, 'error');
  };

  async function openConflict(myBase: number, mine: Draft, theirsNumber: number) {
    const r = await client.query<{ dump: { currentRevisionNumber: number; revisions: { edges: { node: DumpEditor_RevisionFragment }[] } } | null }>(RevisionsQuery, { id: dump.id }, { requestPolicy: 'network-only' }).toPromise();
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

  const resolve = async (how: 'rebase' | 'mine' | 'theirs') => {
    if (!conflict) return;
    const t = conflict.theirs;
    const newBase: Base = { number: t.number, author: t.author, createdAt: t.createdAt, segments: t.segments };
    dropDraft(dump.id, conflict.mineBase);
    if (how === 'theirs') {
      setBase(newBase);
      setHistory(createHistory(t.segments));
      setConflict(null);
      return say(`Now on revision ${t.number} by ${t.author}; your changes were dropped.`, 'info');
    }
    if (how === 'rebase') {
      const r = replay(text, t.segments, conflict.ops);
      setBase(newBase);
      setHistory(r.history);
      setConflict(null);
      return say(
        r.skipped.length
          ? `Re-applied ${conflict.ops.length - r.skipped.length} of ${conflict.ops.length} edits on revision ${t.number}; skipped: ${r.skipped.map((s) => `${describeOp(s.op)} (${s.reason})`).join('; ')}`
          : `Re-applied all ${conflict.ops.length} edits on revision ${t.number}. Review, then save.`,
        r.skipped.length ? 'error' : 'ok',
      );
    }
    // keep mine: my segmentation, saved over theirs
    setBase(newBase);
    setHistory(replay(text, t.segments, [{ op: 'replace', segments: conflict.mine, label: 'keep my version' }]).history);
    setConflict(null);
    await save(false, t.number, conflict.mine);
  };

  /** approves the revision on screen (saving the draft first); asks first while warnings are open */
  const approve = async (confirmed = false) => {
    if (!canEdit) return say('Read-only: sign in with an editor token to approve.', 'error');
    if (!confirmed && review.openCount > 0) return setConfirmApprove(true);
    setConfirmApprove(false);
    if (dirty) return save(true);
    const r = await setDumpStatus({ input: { dumpId: dump.id, revision: base.number, status: 'APPROVED' } });
    const res = r.data?.setDumpStatus;
    if (res?.__typename === 'Dump') {
      setStatus('APPROVED');
      say(`Approved revision ${base.number}.`, 'ok');
    } else if (res?.__typename === 'StaleRevisionError' && res.currentRevision) {
      say(`Not approved: revision ${res.currentRevision} was saved by someone else since revision ${base.number}, the one on your screen. Look at it first.`, 'error');
      await openConflict(base.number, { dumpId: dump.id, baseRevision: base.number, ops, segments, savedAt: new Date().toISOString() }, res.currentRevision);
    } else say(`Not approved: ${res?.message ?? r.error?.message ?? 'no answer'}`, 'error');
  };

  const [ruleOffer, setRuleOffer] = useState<RuleOfferProps['offer'] | null>(null);

  const goToMark = (dir: 1 | -1) => {
    const m = nextMark(text, review.marks, caret, dir);
    if (!m) return say('Nothing marked: no open warnings or suspect lines.');
    setActive(null);
    moveCaret(m.start, false);
    if (m.kind === 'warning') setTab('warnings');
    say(`${m.kind === 'warning' ? 'Warning' : 'Suspect'}: ${m.label}`);
  };

  const markField = (field: FieldName) => {
    const s = selection();
    const done = apply(s ? { op: 'markField', start: s.start, end: s.end, field } : { op: 'markField', start: caret, end: caret, field });
    if (!done) return;
    const at = s ? s.start : caret;
    const source = derived.find((a) => a.start <= at && at < a.end)?.source ?? null;
    if (field === 'noise') {
      // the marked line can become a rule: always for this source, or everywhere
      const lineText = text.slice(lineStartOf(text, at), lineEndOf(text, at)).trim();
      setRuleOffer(lineText ? { lineText, source } : null);
    } else if (field === 'byline' || field === 'published') {
      // a byline or date fix on one line can become a rule of the line's shape (offered when it generalises)
      const pieces = fieldPieces(text, s?.start ?? caret, s?.end ?? caret, field);
      const p = pieces.length === 1 ? pieces[0]! : null;
      const from = p ? lineStartOf(text, p.start) : 0;
      setRuleOffer(p ? { lineText: text.slice(from, lineEndOf(text, p.start)), source, field, span: { start: p.start - from, end: p.end - from } } : null);
    } else setRuleOffer(null);
  };

  const shortcuts: Shortcut[] = [
    { keys: ['ArrowLeft', 'shift+ArrowLeft'], label: 'Caret (or handle) one character left; Shift selects', run: (e) => moveBy('char', -1, e.shiftKey) },
    { keys: ['ArrowRight', 'shift+ArrowRight'], label: 'One character right', run: (e) => moveBy('char', 1, e.shiftKey) },
    { keys: ['alt+ArrowLeft', 'mod+ArrowLeft', 'alt+shift+ArrowLeft', 'mod+shift+ArrowLeft'], label: 'One word left', run: (e) => moveBy('word', -1, e.shiftKey) },
    { keys: ['alt+ArrowRight', 'mod+ArrowRight', 'alt+shift+ArrowRight', 'mod+shift+ArrowRight'], label: 'One word right', run: (e) => moveBy('word', 1, e.shiftKey) },
    { keys: ['ArrowUp', 'shift+ArrowUp'], label: 'Previous line', run: (e) => moveBy('line', -1, e.shiftKey) },
    { keys: ['ArrowDown', 'shift+ArrowDown'], label: 'Next line', run: (e) => moveBy('line', 1, e.shiftKey) },
    { keys: ['Home', 'shift+Home'], label: 'Line start', run: (e) => moveCaret(lineStartOf(text, caret), e.shiftKey) },
    { keys: ['End', 'shift+End'], label: 'Line end', run: (e) => moveCaret(lineEndOf(text, caret), e.shiftKey) },
    { keys: ['PageDown'], label: 'Down 20 lines', run: () => moveCaret(Array.from({ length: 20 }).reduce<number>((o) => step(text, o, 'line', 1), caret), false) },
    { keys: ['PageUp'], label: 'Up 20 lines', run: () => moveCaret(Array.from({ length: 20 }).reduce<number>((o) => step(text, o, 'line', -1), caret), false) },
    { keys: ['}'], label: 'Next segment', run: () => moveCaret(segments[segmentAt(segments, caret) + 1]?.start ?? caret, false) },
    { keys: ['{'], label: 'Previous segment', run: () => moveCaret(segments[Math.max(0, segmentAt(segments, caret) - (caret === segments[segmentAt(segments, caret)]!.start ? 1 : 0))]!.start, false) },
    { keys: [']'], label: 'Select the next boundary handle', run: () => selectHandle(1) },
    { keys: ['['], label: 'Select the previous boundary handle', run: () => selectHandle(-1) },
    {
      keys: ['Escape', 'Enter'],
      label: 'Leave the handle / clear the selection',
      run: () => {
        setActive(null);
        setAnchor(null);
      },
    },
    { keys: 's', label: 'Split the segment at the caret', run: () => apply({ op: 'split', at: caret }) },
    { keys: 'm', label: 'Merge the segment with the next one', run: () => apply({ op: 'merge', at: caret }) },
    ...KIND_KEYS.map<Shortcut>((kind, i) => ({
      keys: `${i + 1}`,
      label: `Relabel the segment (or the selected lines) as ${kind}`,
      run: () => {
        const s = selection();
        if (s) {
          const r = lineRange();
          apply({ op: 'relabel', start: r.start, end: r.end, kind });
        } else apply({ op: 'relabel', start: caret, end: caret, kind });
      },
    })),
    ...KIND_KEYS.map<Shortcut>((kind, i) => ({
      keys: `shift+${i + 1}`,
      label: `Relabel the caret's line as ${kind}`,
      run: () => {
        const r = lineRange();
        apply({ op: 'relabel', start: r.start, end: r.end, kind });
      },
    })),
    ...FIELD_KEYS.map<Shortcut>(([key, field, label]) => ({ keys: key, label: `Mark the selection (or the line) as ${label}`, run: () => markField(field) })),
    { keys: 'x', label: 'Clear the fields of the selection (or the line)', run: () => {
      const s = selection();
      apply({ op: 'clearFields', start: s?.start ?? caret, end: s?.end ?? caret });
    } },
    { keys: ['mod+z'], label: 'Undo', run: () => (canUndo(history) ? (setHistory(undo(history)), say('Undone')) : say('Nothing to undo')) },
    { keys: ['mod+shift+z', 'mod+shift+Z', 'mod+y'], label: 'Redo', run: () => (canRedo(history) ? (setHistory(redo(history)), say('Redone')) : say('Nothing to redo')) },
    { keys: 'mod+s', label: 'Save as a new revision', run: () => void save(false), inInputs: true },
    { keys: ['mod+Enter', 'A'], label: 'Approve (saves first when there are changes)', run: () => void approve() },
    { keys: 'd', label: 'Show the changes against the parser', run: () => setTab((t) => (t === 'changes' ? 'articles' : 'changes')) },
    { keys: 'v', label: 'Show the derived articles', run: () => setTab('articles') },
    { keys: 'w', label: 'Show the parser warnings', run: () => setTab('warnings') },
    { keys: 'r', label: 'Show the undo history', run: () => setTab('history') },
    { keys: 'l', label: "Show the dump's activity (the audit log)", run: () => setTab('activity') },
    { keys: 'q', label: 'Back to the queue', run: () => navigate('/') },
    { keys: 'n', label: 'Next open warning or suspect line (marked in the gutter)', run: () => goToMark(1) },
    { keys: 'N', label: 'Previous open warning or suspect line', run: () => goToMark(-1) },
    { keys: '/', label: 'Find in the dump (Enter next, Shift+Enter previous)', run: () => setFind('search') },
    { keys: [':', 'mod+g'], label: 'Go to line', run: () => setFind('line') },
  ];
  useShortcuts('editor', 'Boundary editor', shortcuts);

  // mouse: a click places the caret, a drag selects, a handle drags
  const onMouseUp = () => {
    if (dragRef.current) return;
    const sel = window.getSelection();
    if (!sel || !sel.rangeCount || !textRef.current?.contains(sel.anchorNode)) return;
    const a = domOffset(sel.anchorNode, sel.anchorOffset);
    const f = domOffset(sel.focusNode, sel.focusOffset);
    if (f === null) return;
    setActive(null);
    setCaret(normalizeCaret(text, f));
    setAnchor(a !== null && a !== f ? normalizeCaret(text, a) : null);
    sel.removeAllRanges();
  };
  const dragRef = useRef<{ handle: Handle; from: History } | null>(null);
  const onHandleDown = (hid: string, e: React.PointerEvent) => {
    const h = handles.find((x) => x.id === hid);
    if (!h || !canEdit) return;
    e.preventDefault();
    dragRef.current = { handle: h, from: history };
    setActive(hid);
    const move = (ev: PointerEvent) => {
      const d = dragRef.current;
      if (!d) return;
      let to = offsetAtPoint(ev.clientX, ev.clientY);
      if (to === null) return;
      if (d.handle.type === 'segment' && !ev.altKey) to = lineStartOf(text, to);
      const r = perform(text, d.from, moveOp(d.handle, present(d.from), to));
      if (!r.error) {
        setHistory(r.history);
        setCaret(to);
      }
    };
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      setTimeout(() => (dragRef.current = null), 0);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };

  const seg = segments[segmentAt(segments, caret)];
  const field = seg?.fields.find((f) => f.field !== 'subhead' && f.start <= caret && caret < f.end)?.field;
  const lineNo = text.slice(0, caret).split('\n').length;
  const col = caret - lineStartOf(text, caret) + 1;

  return (
    <div className="editor" data-testid="editor" data-base={base.number} data-dirty={dirty ? 'true' : 'false'} data-status={status} data-open-warnings={review.loaded ? review.openCount : ''}>
      <div className="editor-head">
        <a href={href('/')} className="back" title="Back to the queue (q)">
          ← Queue
        </a>
        <h1 title={dump.url ?? undefined}>{dump.filename ?? `Dump ${dump.id}`}</h1>
        <span className={`status s-${status.toLowerCase()}`} data-testid="dump-status">
          {STATUS_LABEL[status] ?? status}
        </span>
        <span className="muted">
          {dump.template} · revision {base.number} by {base.author} {timeAgo(base.createdAt)}
        </span>
        <span className="spacer" />
        {dirty ? (
          <span className="draft" data-testid="draft-state">
            draft · {vsBase.length} change{vsBase.length === 1 ? '' : 's'}
            {restoredFrom ? ` · restored from ${new Date(restoredFrom).toLocaleTimeString()}` : ''}
          </span>
        ) : (
          <span className="muted" data-testid="draft-state">
            saved
          </span>
        )}
        <button type="button" onClick={() => setHistory(undo(history))} disabled={!canUndo(history)} title="Undo (Ctrl+Z)">
          Undo
        </button>
        <button type="button" onClick={() => setHistory(redo(history))} disabled={!canRedo(history)} title="Redo (Ctrl+Shift+Z)">
          Redo
        </button>
        <button type="button" className="primary" onClick={() => void save(false)} disabled={!canEdit || !dirty || busy} title="Save as a new revision (Ctrl+S)" data-testid="save">
          Save
        </button>
        <button type="button" className="approve" onClick={() => void approve()} disabled={!canEdit || busy || (status === 'APPROVED' && !dirty)} title="Approve (Ctrl+Enter)" data-testid="approve">
          {dirty ? 'Save & approve' : 'Approve'}
        </button>
      </div>
      {!canEdit && <div className="banner">Read-only: sign in with an editor token (g s) to edit, save and approve.</div>}
      <div className="tools" role="toolbar" aria-label="Edit">
        <span className="group">
          <button type="button" onClick={() => apply({ op: 'split', at: caret })} title="Split at the caret (s)">
            Split <kbd>s</kbd>
          </button>
          <button type="button" onClick={() => apply({ op: 'merge', at: caret })} title="Merge with the next segment (m)">
            Merge <kbd>m</kbd>
          </button>
        </span>
        <span className="group">
          {KIND_KEYS.map((k, i) => (
            <button key={k} type="button" className={`kindbtn k-${k}`} onClick={() => shortcuts.find((s) => s.keys === `${i + 1}`)?.run(new KeyboardEvent('keydown'))} title={`Relabel as ${k} (${i + 1}; Shift+${i + 1}: the caret's line)`}>
              {k} <kbd>{i + 1}</kbd>
            </button>
          ))}
        </span>
        <span className="group">
          {FIELD_KEYS.map(([key, f]) => (
            <button key={f} type="button" className={`fieldbtn hf-${f}`} onClick={() => markField(f)} title={`Mark as ${f} (${key})`}>
              {f} <kbd>{key}</kbd>
            </button>
          ))}
          <button type="button" onClick={() => apply({ op: 'clearFields', start: selection()?.start ?? caret, end: selection()?.end ?? caret })} title="Clear fields (x)">
            clear <kbd>x</kbd>
          </button>
        </span>
      </div>
      {ruleOffer && canEdit && <RuleOffer key={`${ruleOffer.field ?? 'noise'}:${ruleOffer.lineText}`} dumpId={dump.id} offer={ruleOffer} onClose={() => setRuleOffer(null)} />}
      <div className="editor-body">
        <div className="textpane" ref={textRef} onMouseUp={onMouseUp} data-testid="textpane" aria-label="Dump text">
          {find && (
            <FindBar
              text={text}
              caret={caret}
              mode={find}
              onFound={(start, end) => {
                setActive(null);
                setAnchor(end > start ? start : null);
                setCaret(end > start ? end : start);
              }}
              onClose={() => setFind(null)}
            />
          )}
          <SegmentText text={text} segments={segments} caret={caret} anchor={anchor} activeHandle={active} changed={changedIdx} marks={review.marksByLine} onHandleDown={onHandleDown} />
        </div>
        <aside className="side">
          <div className="tabs" role="tablist">
            {(
              [
                ['articles', `Articles ${derived.length}`, 'v'],
                ['changes', `vs parser ${vsParser.length}`, 'd'],
                ['warnings', `Warnings ${review.openCount} open`, 'w'],
                ['history', `Undo ${ops.length}`, 'r'],
                ['activity', 'Activity', 'l'],
              ] as const
            ).map(([k, label, key]) => (
              <button key={k} type="button" role="tab" aria-selected={tab === k} className={tab === k ? 'tab active' : 'tab'} onClick={() => setTab(k)} title={key}>
                {label}
              </button>
            ))}
          </div>
          <div className="side-body">
            {tab === 'articles' && <DerivedArticles articles={derived} before={baseDerived} onPick={(o) => moveCaret(o, false)} />}
            {tab === 'changes' && (
              <div data-testid="diff">
                <p className="muted small">Your segmentation against the parser's (revision 1). Unsaved changes against revision {base.number}: {vsBase.length}.</p>
                <ChangeList text={text} changes={vsParser} onPick={(o) => moveCaret(o, false)} />
              </div>
            )}
            {tab === 'warnings' && <WarningChecklist items={review.items} caret={caret} canEdit={canEdit} onPick={(o) => moveCaret(o, false)} onDismiss={review.dismiss} />}
            {tab === 'activity' && <DumpActivity dumpId={dump.id} revision={base.number} />}
            {tab === 'history' && (
              <ol className="undo-list">
                <li className={history.index === 0 ? 'current' : undefined}>revision {base.number}</li>
                {history.entries.slice(1).map((e, i) => (
                  <li key={i} className={i + 1 === history.index ? 'current' : i + 1 > history.index ? 'redo' : undefined}>
                    {e.op ? describeOp(e.op) : ''}
                  </li>
                ))}
              </ol>
            )}
          </div>
        </aside>
      </div>
      <div className="statusbar" data-testid="status" data-active-handle={active ?? ''} data-caret={caret}>
        <span>
          Ln {lineNo}, Col {col} · @{caret}
          {anchor !== null && anchor !== caret ? ` · ${Math.abs(caret - anchor)} selected` : ''}
        </span>
        <span>
          {seg ? `${seg.kind} #${segmentAt(segments, caret) + 1}` : ''}
          {field ? ` · ${field}` : ''}
        </span>
        {activeHandle && <span className="hl">handle: {handleLabel(activeHandle, segments)}</span>}
        {problem && <span className="error">invalid: {problem.reason}</span>}
        <span className={`msg ${message?.tone ?? ''}`} role="status" data-testid="message">
          {message?.text ?? 'Press ? for the shortcuts'}
        </span>
      </div>
      {confirmApprove && <ApproveDialog open={review.openCount} revision={base.number} onApprove={() => void approve(true)} onShow={() => (setConfirmApprove(false), setTab('warnings'), goToMark(1))} onClose={() => setConfirmApprove(false)} />}
      {conflict && <ConflictDialog text={text} conflict={conflict} onResolve={(how) => void resolve(how)} onClose={() => setConflict(null)} />}
    </div>
  );
}

function restore(text: string, dumpId: string, base: Base): { history: History; savedAt: string | null } {
  const d = loadDraft(dumpId, base.number);
  if (!d) return { history: createHistory(base.segments), savedAt: null };
  const r = replay(text, base.segments, d.ops);
  if (r.skipped.length || diffSegmentations(present(r.history), d.segments).length) {
    // fall back to the saved result as one step
    return { history: replay(text, base.segments, [{ op: 'replace', segments: d.segments, label: 'restored draft' }]).history, savedAt: d.savedAt };
  }
  return { history: r.history, savedAt: d.savedAt };
}
