import { href } from '../lib/router.ts';

interface Node {
  id: string;
  label: string;
  kind: string;
  weight: number;
}

/** font size of the labels (px, in viewBox units) and a generous average glyph width for it */
const FONT = 11;
const GLYPH = 0.62 * FONT;
const LINE = 1.25 * FONT;
/** label lines: at most two of at most LABEL_CHARS characters */
const LABEL_CHARS = 24;

/** `s` in at most two lines of LABEL_CHARS, broken at spaces, the rest cut with … */
function wrap(s: string): string[] {
  const words = s.trim().split(/\s+/);
  const lines: string[] = [''];
  for (const w of words) {
    const cur = lines[lines.length - 1]!;
    if (!cur || (cur + ' ' + w).length <= LABEL_CHARS) lines[lines.length - 1] = cur ? `${cur} ${w}` : w;
    else if (lines.length < 2) lines.push(w);
    else {
      lines[1] = `${lines[1]!} ${w}`;
      break;
    }
  }
  return lines.map((l) => (l.length > LABEL_CHARS ? `${l.slice(0, LABEL_CHARS - 1)}…` : l));
}

/** stroke width (px) of an edge of `weight` (in [0, 1]): 1 px at 0, 6 px at 1 */
export const edgeWidth = (weight: number) => 1 + 5 * Math.max(0, Math.min(1, weight));

/**
 * A star graph: the article in the middle, every related story around it (on two rings when
 * there are many), the line's width its weight, its colour its kind. The picture is sized to
 * hold every label (no label is clipped); each story is a link named by its kind, headline and weight.
 */
export function RelatedGraph({ center, edges }: { center: { id: string; label: string }; edges: Node[] }) {
  const n = edges.length;
  const rings = n > 12 ? 2 : 1;
  const r0 = Math.max(90, (n / rings) * 14);
  const placed = edges.map((e, i) => {
    const a = (i / n) * Math.PI * 2 - Math.PI / 2;
    const r = rings === 2 && i % 2 ? r0 * 1.45 : r0;
    const x = Math.cos(a) * r * 1.3;
    const y = Math.sin(a) * r;
    const lines = wrap(e.label || 'no headline');
    const width = Math.max(...lines.map((l) => l.length)) * GLYPH;
    const anchor: 'start' | 'end' | 'middle' = Math.cos(a) > 0.25 ? 'start' : Math.cos(a) < -0.25 ? 'end' : 'middle';
    const lx = anchor === 'start' ? x + 9 : anchor === 'end' ? x - 9 : x;
    const height = lines.length * LINE;
    const ly = anchor === 'middle' ? (y < 0 ? y - 10 - height + FONT : y + 10 + FONT) : y - height / 2 + FONT * 0.85;
    const left = anchor === 'start' ? lx : anchor === 'end' ? lx - width : lx - width / 2;
    return { e, x, y, lines, anchor, lx, ly, box: { left, right: left + width, top: ly - FONT, bottom: ly - FONT + height } };
  });
  const centerLines = wrap(center.label || 'this article');
  const centerWidth = Math.max(...centerLines.map((l) => l.length)) * GLYPH;
  const boxes = [...placed.map((p) => p.box), { left: -centerWidth / 2, right: centerWidth / 2, top: -12, bottom: 18 + centerLines.length * LINE }];
  const pad = 8;
  const minX = Math.min(...boxes.map((b) => b.left), ...placed.map((p) => p.x - 8)) - pad;
  const maxX = Math.max(...boxes.map((b) => b.right), ...placed.map((p) => p.x + 8)) + pad;
  const minY = Math.min(...boxes.map((b) => b.top), ...placed.map((p) => p.y - 8)) - pad;
  const maxY = Math.max(...boxes.map((b) => b.bottom), ...placed.map((p) => p.y + 8)) + pad;
  return (
    <figure className="graph-figure">
      <svg className="graph" viewBox={`${minX} ${minY} ${maxX - minX} ${maxY - minY}`} data-testid="related-graph" aria-label={`${n} related stories`} role="group" style={{ fontSize: FONT }}>
        {placed.map(({ e, x, y, lines, anchor, lx, ly }, i) => (
          <g key={`${e.id}:${i}`} className={`gn ek-${e.kind.toLowerCase()}`} data-testid="graph-node" data-weight={e.weight}>
            <line x1={0} y1={0} x2={x} y2={y} strokeWidth={edgeWidth(e.weight)} aria-hidden="true" />
            <a href={href(`/article/${e.id}`)}>
              <title>{`${e.kind}: ${e.label} (weight ${e.weight.toFixed(2)})`}</title>
              <circle cx={x} cy={y} r={6} />
              <text x={lx} y={ly} textAnchor={anchor}>
                {lines.map((l, k) => (
                  <tspan key={k} x={lx} dy={k ? LINE : 0}>
                    {l}
                  </tspan>
                ))}
              </text>
            </a>
          </g>
        ))}
        <circle cx={0} cy={0} r={10} className="gc" />
        <text x={0} y={24} textAnchor="middle" className="gct" aria-hidden="true">
          {centerLines.map((l, k) => (
            <tspan key={k} x={0} dy={k ? LINE : 0}>
              {l}
            </tspan>
          ))}
        </text>
      </svg>
      <figcaption className="small muted">
        Line width: weight (thin 0, thick 1). Colour: <span className="ek-listed legend">listed</span> <span className="ek-same_story legend">same story</span> <span className="ek-topical legend">topical</span>
      </figcaption>
    </figure>
  );
}
