import type { EditOp, EditSegment } from '../lib/segmentation-edit.ts';
import { summarizeMoves, textMoves } from '../lib/text-diff.ts';
import { timeAgo } from '../lib/format.ts';
import { ChangeList } from './change-list.tsx';
import { Dialog } from './dialog.tsx';

export interface Conflict {
  /** the revision my draft started from */
  mineBase: number;
  baseSegments: EditSegment[];
  mine: EditSegment[];
  ops: EditOp[];
  theirs: { number: number; author: string; createdAt: string; segments: EditSegment[] };
}

/** Someone saved since this draft's base: show both sides and let the editor choose. Nothing is lost until they do. */
export function ConflictDialog({ text, conflict, onResolve, onClose }: { text: string; conflict: Conflict; onResolve: (how: 'rebase' | 'mine' | 'theirs') => void; onClose: () => void }) {
  const t = conflict.theirs;
  const theirChanges = textMoves(text, conflict.baseSegments, t.segments);
  const myChanges = textMoves(text, conflict.baseSegments, conflict.mine);
  return (
    <Dialog title="Someone saved this dump while you were editing" onClose={onClose} wide>
      <div className="conflict" data-testid="conflict">
        <p>
          Revision <strong data-testid="conflict-theirs">{t.number}</strong> by <strong>{t.author}</strong> ({timeAgo(t.createdAt)}) was saved on top of revision {conflict.mineBase}, the one you started from. Your draft is
          kept in this browser until you choose.
        </p>
        <div className="two">
          <section>
            <h3>
              Their changes (r{conflict.mineBase} → r{t.number}): {summarizeMoves(theirChanges)}
            </h3>
            <ChangeList moves={theirChanges} />
          </section>
          <section>
            <h3>
              Your changes ({conflict.ops.length} edits): {summarizeMoves(myChanges)}
            </h3>
            <ChangeList moves={myChanges} />
          </section>
        </div>
        <div className="actions">
          <button type="button" className="primary" onClick={() => onResolve('rebase')} data-testid="rebase" data-autofocus>
            Re-apply my edits on r{t.number}
          </button>
          <button type="button" onClick={() => onResolve('mine')} data-testid="keep-mine">
            Keep mine (save over theirs)
          </button>
          <button type="button" onClick={() => onResolve('theirs')} data-testid="keep-theirs">
            Keep theirs (drop my edits)
          </button>
        </div>
      </div>
    </Dialog>
  );
}
