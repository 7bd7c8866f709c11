/**
 * The boundary editor route: loads the dump and puts the parts together. State lives in the
 * editor reducer (lib/editor-state.ts), keys and toolbar buttons come from one command table
 * (lib/editor-commands.ts), save / conflict / approve are hooks (lib/use-revision-flows.ts).
 */
import { useCallback, useDeferredValue, useEffect, useMemo, useReducer, useState } from 'react';
import { useQuery } from 'urql';
import { checkSegmentation, deriveArticles, type Segmentation } from '@copydesk/core';
import { diffSegmentations, opsSinceBase, present, toEditSegments, type EditSegment } from '../lib/segmentation-edit.ts';
import { editorReducer, initEditor, type Base } from '../lib/editor-state.ts';
import { editorCommands, toShortcuts } from '../lib/editor-commands.ts';
import { DumpQuery, type Dump } from '../lib/editor-documents.ts';
import { restoreDraft, useApprove, useDraft, useSave } from '../lib/use-revision-flows.ts';
import { useShortcuts } from '../lib/shortcuts.ts';
import { href, navigate } from '../lib/router.ts';
import { useViewer } from '../lib/viewer.ts';
import { useReview } from '../lib/use-review.ts';
import { summarizeMoves, textMoves } from '../lib/text-diff.ts';
import { DerivedArticles } from '../components/derived-articles.tsx';
import { ChangeList } from '../components/change-list.tsx';
import { ConflictDialog } from '../components/conflict-dialog.tsx';
import { RuleOffer } from '../components/rule-offer.tsx';
import { WarningChecklist } from '../components/warning-checklist.tsx';
import { ApproveDialog } from '../components/approve-dialog.tsx';
import { DumpActivity } from '../components/dump-activity.tsx';
import { EditorHead } from '../components/editor/head.tsx';
import { LiveDump } from '../components/live-dump.tsx';
import { EditorToolbar } from '../components/editor/toolbar.tsx';
import { TextPane } from '../components/editor/text-pane.tsx';
import { SidePanel } from '../components/editor/side-panel.tsx';
import { EditorStatusBar } from '../components/editor/status-bar.tsx';

export function DumpEditor({ id }: { id: string }) {
  const [{ data, error, fetching }] = useQuery({ query: DumpQuery, variables: { id }, requestPolicy: 'network-only' });
  if (error) return <p className="error pad">Could not load dump {id}: {error.message}</p>;
  if (!data) return <p className="pad muted">{fetching ? 'Loading dump…' : 'No data'}</p>;
  if (!data.dump) return <p className="pad">No dump {id}. <a href={href('/')}>Back to the queue</a></p>;
  return <Editor dump={data.dump} />;
}

function Editor({ dump }: { dump: Dump }) {
  const text = dump.text;
  const viewer = useViewer();
  const parserScored = dump.revisions.edges[0]?.node.segments ?? dump.currentRevision.segments;
  const parser = useMemo(() => toEditSegments(parserScored), [parserScored]);
  const [state, dispatch] = useReducer(editorReducer, null, () => {
    const r = dump.currentRevision;
    const base: Base = { number: r.number, author: r.author, createdAt: r.createdAt, segments: toEditSegments(r.segments) };
    return initEditor(text, !!viewer.name, base, restoreDraft(text, dump.id, base));
  });
  const s = state;
  useEffect(() => dispatch({ type: 'canEdit', canEdit: !!viewer.name }), [viewer.name]);
  const [status, setStatus] = useState(dump.status);

  const segments = present(s.history);
  // what moved, in words (the changes tab, the draft counter): a text diff over the whole dump,
  // computed after the edit has painted (a deferred render), so a boundary move repaints the
  // text and the preview first
  const settled = useDeferredValue(segments);
  const vsParser = useMemo(() => textMoves(text, parser, settled), [text, parser, settled]);
  const draftMoves = useMemo(() => textMoves(text, s.base.segments, settled), [text, s.base.segments, settled]);
  const vsBase = useMemo(() => diffSegmentations(s.base.segments, segments), [s.base.segments, segments]);
  const dirty = opsSinceBase(s.history).length > 0 && vsBase.length > 0;
  const changedIdx = useMemo(() => {
    const ranges = new Set(parser.map((x) => `${x.start}:${x.end}:${x.kind}`));
    return new Set(segments.flatMap((x, i) => (ranges.has(`${x.start}:${x.end}:${x.kind}`) ? [] : [i])));
  }, [parser, segments]);

  const asSegmentation = useCallback(
    (segs: EditSegment[]): Segmentation => ({
      parserVersion: 'editor',
      length: text.length,
      template: dump.template,
      segments: segs.map((x) => ({ ...x, confidence: 1, fields: x.fields.map((f) => ({ ...f, confidence: 1 })) })),
      warnings: [],
      confidence: 1,
    }),
    [text.length, dump.template],
  );
  const derived = useMemo(() => deriveArticles(text, asSegmentation(segments), { fetchedAt: dump.fetchedAt }), [text, segments, asSegmentation, dump.fetchedAt]);
  const baseDerived = useMemo(
    () => (s.base.segments === segments ? derived : deriveArticles(text, asSegmentation(s.base.segments), { fetchedAt: dump.fetchedAt })),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [text, s.base.segments, asSegmentation, dump.fetchedAt],
  );
  // the text paints first; the side panel (hundreds of article cards on a long dump) a frame later
  const panelReady = useDeferredValue(true, false);
  const problem = useMemo(() => checkSegmentation(text, segments), [text, segments]);
  const review = useReview(dump.id, text, s.base, segments, parserScored);

  useDraft(dump.id, s, dirty);
  const flows = useSave(dump.id, s, dispatch, viewer.name ?? null, setStatus);
  const approval = useApprove(dump.id, s, dispatch, dirty, review.openCount, flows, setStatus);
  const goToMark = (dir: 1 | -1) => dispatch({ type: 'goToMark', marks: review.marks, dir });
  const commands = editorCommands({ dispatch, save: () => void flows.save(false), approve: () => void approval.approve(), goToMark, back: () => navigate('/') });
  useShortcuts('editor', 'Boundary editor', toShortcuts(commands));

  const pick = useCallback((o: number) => dispatch({ type: 'moveCaret', to: o }), []);
  const offer = s.ruleOffer;
  const offerSource = offer ? (derived.find((a) => a.start <= offer.at && offer.at < a.end)?.source ?? null) : null;

  return (
    <div className="editor" data-testid="editor" data-base={s.base.number} data-dirty={dirty ? 'true' : 'false'} data-status={status} data-open-warnings={review.loaded ? review.openCount : ''}>
      <EditorHead
        title={dump.filename ?? `Dump ${dump.id}`}
        url={dump.url}
        template={dump.template}
        status={status}
        state={s}
        dirty={dirty}
        draftSummary={draftMoves.length ? summarizeMoves(draftMoves) : `${vsBase.length} change${vsBase.length === 1 ? '' : 's'} (no text moved)`}
        busy={flows.busy}
        commands={commands}
      />
      <LiveDump dumpId={dump.id} base={s.base.number} status={status} onRebase={(n) => void flows.openConflict(s.base.number, flows.myDraft(), n)} />
      {!s.canEdit && <div className="banner">Read-only: sign in with an editor token (g s) to edit, save and approve.</div>}
      <EditorToolbar commands={commands} />
      {offer && s.canEdit && <RuleOffer key={`${offer.field ?? 'noise'}:${offer.lineText}`} dumpId={dump.id} offer={{ lineText: offer.lineText, source: offerSource, ...(offer.field && offer.span ? { field: offer.field, span: offer.span } : {}) }} onClose={() => dispatch({ type: 'closeRuleOffer' })} />}
      <div className="editor-body">
        <TextPane state={s} dispatch={dispatch} changed={changedIdx} marks={review.marksByLine} />
        <SidePanel state={s} dispatch={dispatch} labels={{ articles: `Articles ${derived.length}`, changes: `vs parser ${vsParser.length}`, warnings: `Warnings ${review.openCount} open`, activity: 'Activity' }}>
          {{
            articles: panelReady ? <DerivedArticles articles={derived} before={baseDerived} caret={s.caret} onPick={pick} /> : <p className="muted">Deriving {derived.length} articles…</p>,
            changes: (
              <div data-testid="diff">
                <p className="muted small" data-testid="diff-summary">
                  Against the parser (revision 1): {summarizeMoves(vsParser)}. Unsaved, against revision {s.base.number}: {summarizeMoves(draftMoves)}.
                </p>
                <ChangeList moves={vsParser} onPick={pick} />
              </div>
            ),
            warnings: <WarningChecklist items={review.items} caret={s.caret} canEdit={s.canEdit} onPick={pick} onDismiss={review.dismiss} />,
            activity: <DumpActivity dumpId={dump.id} revision={s.base.number} />,
          }}
        </SidePanel>
      </div>
      <EditorStatusBar state={s} problem={problem} />
      {approval.confirming && (
        <ApproveDialog
          open={review.openCount}
          revision={s.base.number}
          onApprove={() => void approval.approve(true)}
          onShow={() => (approval.cancel(), dispatch({ type: 'tab', tab: 'warnings' }), goToMark(1))}
          onClose={approval.cancel}
        />
      )}
      {flows.conflict && <ConflictDialog text={text} conflict={flows.conflict} onResolve={(how) => void flows.resolve(how)} onClose={flows.closeConflict} />}
    </div>
  );
}
