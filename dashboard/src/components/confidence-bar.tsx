/** A small bar for a [0, 1] confidence, red to green, with the number. */
export function ConfidenceBar({ value }: { value: number }) {
  const v = Math.max(0, Math.min(1, value));
  const tone = v < 0.6 ? 'low' : v < 0.85 ? 'mid' : 'high';
  return (
    <span className={`conf conf-${tone}`} title={`confidence ${v.toFixed(3)}`}>
      <span className="conf-track">
        <span className="conf-fill" style={{ width: `${Math.round(v * 100)}%` }} />
      </span>
      <span className="conf-num">{v.toFixed(2)}</span>
    </span>
  );
}
