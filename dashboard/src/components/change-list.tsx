import type { EditSegment, SegmentChange } from '../lib/segmentation-edit.ts';

const snippet = (text: string, s: { start: number; end: number }) => {
  const t = text.slice(s.start, s.end).replace(/\s+/g, ' ').trim();
  return t.length > 60 ? `${t.slice(0, 57)}…` : t;
};

const range = (s: EditSegment) => `${s.start}–${s.end}`;

/** A segment-level diff, one line per change, each a link to its place in the text. */
export function ChangeList({ text, changes, onPick }: { text: string; changes: SegmentChange[]; onPick?: (offset: number) => void }) {
  if (!changes.length) return <p className="muted">No differences.</p>;
  return (
    <ul className="changes">
      {changes.map((c, i) => {
        let sign = '~';
        let what: string;
        if (c.type === 'added') {
          sign = '+';
          what = `${c.segment.kind} ${range(c.segment)}`;
        } else if (c.type === 'removed') {
          sign = '−';
          what = `${c.segment.kind} ${range(c.segment)}`;
        } else if (c.type === 'relabelled') what = `${c.from} → ${c.segment.kind} ${range(c.segment)}`;
        else what = `${c.segment.kind} ${range(c.segment)} fields: ${[...c.added.map((f) => `+${f.field}`), ...c.removed.map((f) => `−${f.field}`)].join(' ')}`;
        return (
          <li key={i} className={`chg chg-${c.type}`}>
            <button type="button" className="link" onClick={() => onPick?.(c.segment.start)} disabled={!onPick}>
              <span className="sign">{sign}</span> {what}
              <span className="snip">{snippet(text, c.segment)}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
