import { useRef } from 'react';
import { allHandles, type Handle } from '../../lib/handles.ts';
import type { EditorAction, EditorState } from '../../lib/editor-state.ts';
import { present, type History } from '../../lib/segmentation-edit.ts';
import { lineStartOf } from '../../lib/text-nav.ts';
import type { Mark } from '../../lib/marks.ts';
import { SegmentText, domOffset, offsetAtPoint } from '../segment-text.tsx';
import { FindBar } from '../find-bar.tsx';

/**
 * The dump text with the find bar: a click places the caret, a drag selects, a handle drags (a
 * segment boundary snaps to line starts unless Alt is held). Every change goes through dispatch.
 */
export function TextPane({ state, dispatch, changed, marks }: { state: EditorState; dispatch: (a: EditorAction) => void; changed: ReadonlySet<number>; marks: ReadonlyMap<number, Mark> }) {
  const { text } = state;
  const paneRef = useRef<HTMLDivElement>(null);
  const dragRef = useRef<{ handle: Handle; from: History } | null>(null);
  const stateRef = useRef(state);
  stateRef.current = state;

  const onMouseUp = () => {
    if (dragRef.current) return;
    const sel = window.getSelection();
    if (!sel || !sel.rangeCount || !paneRef.current?.contains(sel.anchorNode)) return;
    const a = domOffset(sel.anchorNode, sel.anchorOffset);
    const f = domOffset(sel.focusNode, sel.focusOffset);
    if (f === null) return;
    dispatch({ type: 'select', caret: f, anchor: a });
    sel.removeAllRanges();
  };

  const onHandleDown = (hid: string, e: React.PointerEvent) => {
    const s = stateRef.current;
    const h = allHandles(present(s.history)).find((x) => x.id === hid);
    if (!h || !s.canEdit) return;
    e.preventDefault();
    dragRef.current = { handle: h, from: s.history };
    dispatch({ type: 'activate', handle: hid });
    const move = (ev: PointerEvent) => {
      const d = dragRef.current;
      if (!d) return;
      let to = offsetAtPoint(ev.clientX, ev.clientY);
      if (to === null) return;
      if (d.handle.type === 'segment' && !ev.altKey) to = lineStartOf(text, to);
      dispatch({ type: 'drag', from: d.from, handle: d.handle, to });
    };
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      setTimeout(() => (dragRef.current = null), 0);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };

  return (
    <div className="textpane" ref={paneRef} onMouseUp={onMouseUp} data-testid="textpane" aria-label="Dump text" tabIndex={0}>
      {state.find && (
        <FindBar text={text} caret={state.caret} mode={state.find} onFound={(start, end) => dispatch({ type: 'found', start, end })} onClose={() => dispatch({ type: 'find', mode: null })} />
      )}
      <SegmentText
        text={text}
        segments={present(state.history)}
        caret={state.caret}
        anchor={state.anchor}
        activeHandle={state.active}
        changed={changed}
        marks={marks}
        onHandleDown={onHandleDown}
        scroller={paneRef}
      />
    </div>
  );
}
