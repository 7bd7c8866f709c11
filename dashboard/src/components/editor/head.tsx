import type { ReactNode } from 'react';
import type { Command } from '../../lib/editor-commands.ts';
import type { EditorState } from '../../lib/editor-state.ts';
import { canRedo, canUndo } from '../../lib/segmentation-edit.ts';
import { href } from '../../lib/router.ts';
import { STATUS_LABEL, timeAgo } from '../../lib/format.ts';

/** The editor's head: the dump, its status and revision, the draft counter, and the undo / redo / save / approve buttons (the same commands as their keys). */
export function EditorHead({
  title,
  url,
  template,
  status,
  state,
  dirty,
  draftSummary,
  busy,
  commands,
}: {
  title: string;
  url: string | null;
  template: string;
  status: string;
  state: EditorState;
  dirty: boolean;
  /** what the draft changes, in words */
  draftSummary: ReactNode;
  busy: boolean;
  commands: readonly Command[];
}) {
  const { base, canEdit } = state;
  const run = (id: string) => () => commands.find((c) => c.id === id)?.run(false);
  return (
    <div className="editor-head">
      <a href={href('/')} className="back" title="Back to the queue (q)">
        ← Queue
      </a>
      <h1 title={url ?? undefined}>{title}</h1>
      <span className={`status s-${status.toLowerCase()}`} data-testid="dump-status">
        {STATUS_LABEL[status] ?? status}
      </span>
      <span className="muted">
        {template} · revision {base.number} by {base.author} {timeAgo(base.createdAt)}
      </span>
      <span className="spacer" />
      {dirty ? (
        <span className="draft" data-testid="draft-state">
          draft · {draftSummary}
          {state.restoredFrom ? ` · restored from ${new Date(state.restoredFrom).toLocaleTimeString()}` : ''}
        </span>
      ) : (
        <span className="muted" data-testid="draft-state">
          saved
        </span>
      )}
      <button type="button" onClick={run('undo')} disabled={!canUndo(state.history)} title="Undo (Ctrl+Z)">
        Undo
      </button>
      <button type="button" onClick={run('redo')} disabled={!canRedo(state.history)} title="Redo (Ctrl+Shift+Z)">
        Redo
      </button>
      <button type="button" className="primary" onClick={run('save')} disabled={!canEdit || !dirty || busy} title="Save as a new revision (Ctrl+S)" data-testid="save">
        Save
      </button>
      <button type="button" className="approve" onClick={run('approve')} disabled={!canEdit || busy || (status === 'APPROVED' && !dirty)} title="Approve (Ctrl+Enter)" data-testid="approve">
        {dirty ? 'Save & approve' : 'Approve'}
      </button>
    </div>
  );
}
