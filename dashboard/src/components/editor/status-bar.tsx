import { handleLabel } from '../../lib/handles.ts';
import { activeHandleOf, type EditorState } from '../../lib/editor-state.ts';
import { present, segmentAt } from '../../lib/segmentation-edit.ts';
import { lineStartOf } from '../../lib/text-nav.ts';

/** The status bar: caret line and column, selection size, segment and field at the caret, the selected handle, an invalid segmentation, the last message. */
export function EditorStatusBar({ state, problem }: { state: EditorState; problem: { reason: string } | null }) {
  const { text, caret, anchor } = state;
  const segments = present(state.history);
  const i = segmentAt(segments, caret);
  const seg = segments[i];
  const field = seg?.fields.find((f) => f.field !== 'subhead' && f.start <= caret && caret < f.end)?.field;
  let lineNo = 1;
  for (let k = text.indexOf('\n'); k >= 0 && k < caret; k = text.indexOf('\n', k + 1)) lineNo++;
  const col = caret - lineStartOf(text, caret) + 1;
  const handle = activeHandleOf(state);
  return (
    <div className="statusbar" data-testid="status" data-active-handle={state.active ?? ''} data-caret={caret}>
      <span>
        Ln {lineNo}, Col {col} · @{caret}
        {anchor !== null && anchor !== caret ? ` · ${Math.abs(caret - anchor)} selected` : ''}
      </span>
      <span>
        {seg ? `${seg.kind} #${i + 1}` : ''}
        {field ? ` · ${field}` : ''}
      </span>
      {handle && <span className="hl">handle: {handleLabel(handle, segments)}</span>}
      {problem && <span className="error">invalid: {problem.reason}</span>}
      <span className={`msg ${state.message?.tone ?? ''}`} role="status" data-testid="message">
        {state.message?.text ?? 'Press ? for the shortcuts'}
      </span>
    </div>
  );
}
