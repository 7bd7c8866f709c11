import { useState } from 'react';
import { timeAgo } from '../lib/format.ts';
import type { WarningCheck } from '../lib/use-warnings.ts';

export type ItemState = WarningCheck['state'] | 'DRAFT';

/**
 * The warnings of the current revision as a checklist: open (with Dismiss), covered by the
 * unsaved draft, resolved by a saved edit, or dismissed (who, when, why). The item under the
 * caret is highlighted: the panel follows the caret.
 */
export function WarningChecklist({
  items,
  caret,
  canEdit,
  onPick,
  onDismiss,
}: {
  items: { w: WarningCheck; state: ItemState }[];
  caret: number;
  canEdit: boolean;
  onPick: (offset: number) => void;
  onDismiss: (w: WarningCheck, reason: string) => Promise<string | null>;
}) {
  const [dismissing, setDismissing] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!items.length) return <p className="muted">No warnings on this dump.</p>;
  const open = items.filter((i) => i.state === 'OPEN').length;
  return (
    <div data-testid="warnings">
      <p className="small" data-testid="open-warnings" data-open={open}>
        {open} open · {items.filter((i) => i.state === 'DRAFT').length} covered by your draft · {items.filter((i) => i.state === 'RESOLVED').length} resolved ·{' '}
        {items.filter((i) => i.state === 'DISMISSED').length} dismissed
      </p>
      <ul className="warnings">
        {items.map(({ w, state }) => {
          const key = `${w.code}:${w.start}:${w.end}`;
          const here = caret >= w.start && caret <= Math.max(w.end, w.start + 1);
          return (
            <li key={key} className={`w-${state.toLowerCase()}${here ? ' here' : ''}`} data-testid="warning" data-state={state} aria-current={here ? 'true' : undefined}>
              <button type="button" className="link" onClick={() => onPick(w.start)}>
                <strong>{w.code}</strong> {w.message} <span className="muted">@{w.start}</span>
              </button>
              <div className="small muted">
                {state === 'OPEN' && 'open'}
                {state === 'DRAFT' && 'covered by your unsaved edit: resolved when you save'}
                {state === 'RESOLVED' && `resolved in revision ${w.resolvedInRevision} by ${w.resolvedBy}`}
                {state === 'DISMISSED' && w.dismissal && `dismissed by ${w.dismissal.editor} ${timeAgo(w.dismissal.at)}: ${w.dismissal.reason}`}
                {state === 'OPEN' && canEdit && dismissing !== key && (
                  <>
                    {' · '}
                    <button type="button" className="link" onClick={() => (setDismissing(key), setReason(''), setError(null))} data-testid="dismiss">
                      Dismiss…
                    </button>
                  </>
                )}
              </div>
              {dismissing === key && (
                <form
                  className="dismiss-form"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void onDismiss(w, reason).then((err) => (err ? setError(err) : setDismissing(null)));
                  }}
                >
                  <input value={reason} onChange={(e) => setReason(e.target.value)} placeholder="Why is there nothing to fix?" aria-label="Reason" data-testid="dismiss-reason" autoFocus />
                  <button type="submit" disabled={!reason.trim()} data-testid="dismiss-submit">
                    Dismiss
                  </button>
                  <button type="button" className="link" onClick={() => setDismissing(null)}>
                    Cancel
                  </button>
                  {error && <span className="error small">{error}</span>}
                </form>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
