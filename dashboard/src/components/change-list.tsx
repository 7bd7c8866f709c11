import { describeMove, type TextMove } from '../lib/text-diff.ts';

/** A diff in words, one line per move ("3 lines moved from body of #2 to boilerplate") with the first moved line; each a link to its place in the text. */
export function ChangeList({ moves, onPick }: { moves: readonly TextMove[]; onPick?: (offset: number) => void }) {
  if (!moves.length) return <p className="muted">No text moved.</p>;
  return (
    <ul className="changes">
      {moves.map((m) => (
        <li key={`${m.start}:${describeMove(m)}`} className="chg" data-testid="text-move">
          <button type="button" className="link" onClick={() => onPick?.(m.start)} disabled={!onPick}>
            {describeMove(m)}
            <span className="snip">{m.sample}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
