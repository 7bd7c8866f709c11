import { href } from '../lib/router.ts';

interface Node {
  id: string;
  label: string;
  kind: string;
  weight: number;
}

const short = (s: string, n = 28) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** A small star graph: the article in the middle, its related stories around it (width = weight). */
export function RelatedGraph({ center, edges }: { center: { id: string; label: string }; edges: Node[] }) {
  const W = 360;
  const H = 260;
  const cx = W / 2;
  const cy = H / 2;
  const shown = edges.slice(0, 14);
  const r = 100;
  return (
    <svg className="graph" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${shown.length} related stories`}>
      {shown.map((e, i) => {
        const a = (i / shown.length) * Math.PI * 2 - Math.PI / 2;
        const x = cx + Math.cos(a) * r * 1.35;
        const y = cy + Math.sin(a) * r * 0.95;
        return (
          <g key={`${e.id}:${i}`} className={`gn ek-${e.kind.toLowerCase()}`}>
            <line x1={cx} y1={cy} x2={x} y2={y} strokeWidth={1 + Math.max(0, Math.min(1, e.weight)) * 4} />
            <a href={href(`/article/${e.id}`)}>
              <title>{`${e.kind}: ${e.label} (${e.weight.toFixed(2)})`}</title>
              <circle cx={x} cy={y} r={6} />
              <text x={x} y={y + (y < cy ? -10 : 16)} textAnchor="middle">
                {short(e.label)}
              </text>
            </a>
          </g>
        );
      })}
      <circle cx={cx} cy={cy} r={10} className="gc" />
      <text x={cx} y={cy + 24} textAnchor="middle" className="gct">
        {short(center.label, 34)}
      </text>
    </svg>
  );
}
