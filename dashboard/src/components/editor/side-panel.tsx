import type { ReactNode } from 'react';
import type { EditorAction, EditorState, Tab } from '../../lib/editor-state.ts';
import { describeOp } from '../../lib/segmentation-edit.ts';

/** The side panel's tabs (each with its key) and the body of the open one, given by the caller per tab. */
export function SidePanel({ state, dispatch, labels, children }: { state: EditorState; dispatch: (a: EditorAction) => void; labels: Record<Exclude<Tab, 'history'>, string>; children: Partial<Record<Tab, ReactNode>> }) {
  const tabs: [Tab, string, string][] = [
    ['articles', labels.articles, 'v'],
    ['changes', labels.changes, 'd'],
    ['warnings', labels.warnings, 'w'],
    ['history', `Undo ${state.history.index}`, 'r'],
    ['activity', labels.activity, 'l'],
  ];
  return (
    <aside className="side">
      <div className="tabs" role="tablist">
        {tabs.map(([k, label, key]) => (
          <button key={k} type="button" role="tab" aria-selected={state.tab === k} className={state.tab === k ? 'tab active' : 'tab'} onClick={() => dispatch({ type: 'tab', tab: k })} title={key}>
            {label}
          </button>
        ))}
      </div>
      <div className="side-body">{state.tab === 'history' ? <UndoList state={state} /> : children[state.tab]}</div>
    </aside>
  );
}

/** The undo history: the base revision, then every edit (the redo branch greyed). */
function UndoList({ state }: { state: EditorState }) {
  const { history, base } = state;
  return (
    <ol className="undo-list">
      <li className={history.index === 0 ? 'current' : undefined}>revision {base.number}</li>
      {history.entries.slice(1).map((e, i) => (
        <li key={i} className={i + 1 === history.index ? 'current' : i + 1 > history.index ? 'redo' : undefined}>
          {e.op ? describeOp(e.op) : ''}
        </li>
      ))}
    </ol>
  );
}
