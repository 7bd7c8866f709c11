/**
 * The raw dump text with its segmentation drawn in place. Everything is rendered as React text
 * nodes (never HTML). Each text chunk carries its offset (data-o) so that a click or a drag maps
 * back to a text offset.
 */
import { memo, useMemo, type ReactNode } from 'react';
import type { EditField, EditSegment } from '../lib/segmentation-edit.ts';
import { fieldHandles, type Handle } from '../lib/handles.ts';
import { lineEndOf, lineStartOf, nextLineStartOf } from '../lib/text-nav.ts';
import type { Mark } from '../lib/marks.ts';

export interface TextViewProps {
  text: string;
  segments: readonly EditSegment[];
  caret: number;
  anchor: number | null;
  activeHandle: string | null;
  /** segments (by index) whose range differs from the parser's */
  changed: ReadonlySet<number>;
  /** gutter marks (open warnings, suspect spans) by line start */
  marks?: ReadonlyMap<number, Mark>;
  onHandleDown: (id: string, e: React.PointerEvent) => void;
}

/** Offsets where lines start (for line numbers). */
export function lineIndex(text: string): number[] {
  const out = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}

function lineNumber(starts: readonly number[], o: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= o) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

interface Line {
  start: number;
  end: number;
  n: number;
  /** chunk boundaries and the field of each chunk */
  chunks: { start: number; end: number; field: string | null; subhead: boolean }[];
}

function buildLines(text: string, seg: EditSegment, starts: readonly number[]): Line[] {
  const lines: Line[] = [];
  const flat = seg.fields.filter((f) => f.field !== 'subhead');
  const subs = seg.fields.filter((f) => f.field === 'subhead');
  let p = seg.start;
  let fi = 0;
  while (p < seg.end) {
    const end = Math.min(lineEndOf(text, p), seg.end);
    const next = Math.min(nextLineStartOf(text, p), seg.end);
    const cuts = new Set<number>([p, end]);
    while (fi < flat.length && flat[fi]!.end <= p) fi++;
    const here: EditField[] = [];
    for (let k = fi; k < flat.length && flat[k]!.start < end; k++) here.push(flat[k]!);
    const subHere = subs.filter((s) => s.start < end && s.end > p);
    for (const f of [...here, ...subHere]) {
      if (f.start > p && f.start < end) cuts.add(f.start);
      if (f.end > p && f.end < end) cuts.add(f.end);
    }
    const sorted = [...cuts].sort((a, b) => a - b);
    const chunks: Line['chunks'] = [];
    for (let k = 0; k + 1 < sorted.length; k++) {
      const a = sorted[k]!;
      const b = sorted[k + 1]!;
      const f = here.find((x) => x.start <= a && x.end >= b);
      chunks.push({ start: a, end: b, field: f?.field ?? null, subhead: subHere.some((s) => s.start <= a && s.end >= b) });
    }
    lines.push({ start: p, end, n: lineNumber(starts, p), chunks });
    if (next <= p) break;
    p = next;
  }
  return lines;
}

interface Marker {
  offset: number;
  node: ReactNode;
}

const LineView = memo(function LineView({
  text,
  line,
  partial,
  caret,
  sel,
  handles,
  active,
  mark,
}: {
  text: string;
  line: Line;
  mark: Mark | null;
  partial: boolean;
  caret: number | null;
  sel: readonly [number, number] | null;
  handles: readonly Handle[];
  active: string | null;
}) {
  const markers: Marker[] = [];
  for (const h of handles)
    markers.push({
      offset: h.offset,
      node: (
        <span
          key={h.id}
          className={`h h-${h.edge} hf-${h.field}${active === h.id ? ' active' : ''}`}
          data-handle={h.id}
          title={`${h.field} ${h.edge}: drag, or select with [ ] and move with the arrow keys`}
        />
      ),
    });
  if (caret !== null) markers.push({ offset: caret, node: <span key="caret" className="caret" data-testid="caret" /> });
  markers.sort((a, b) => a.offset - b.offset);
  const out: ReactNode[] = [];
  let m = 0;
  const flush = (upTo: number) => {
    while (m < markers.length && markers[m]!.offset <= upTo) out.push(markers[m++]!.node);
  };
  for (const c of line.chunks) {
    const cuts = [c.start, c.end];
    for (const mk of markers) if (mk.offset > c.start && mk.offset < c.end) cuts.push(mk.offset);
    if (sel) for (const s of sel) if (s > c.start && s < c.end) cuts.push(s);
    const sorted = [...new Set(cuts)].sort((a, b) => a - b);
    for (let k = 0; k + 1 < sorted.length; k++) {
      const a = sorted[k]!;
      const b = sorted[k + 1]!;
      flush(a);
      const selected = sel && a >= sel[0] && b <= sel[1];
      const cls = [c.field ? `f f-${c.field}` : '', c.subhead ? 'f-subhead' : '', selected ? 'sel' : ''].filter(Boolean).join(' ');
      out.push(
        <span key={a} data-o={a} className={cls || undefined}>
          {text.slice(a, b)}
        </span>,
      );
    }
  }
  flush(Number.MAX_SAFE_INTEGER);
  const lineSel = sel && sel[0] <= line.start && sel[1] > line.end;
  return (
    <div className={`ln${line.start === line.end ? ' empty' : ''}${partial ? ' partial' : ''}${lineSel ? ' lsel' : ''}${mark ? ` mark-${mark.kind}` : ''}`} data-ls={line.start} data-le={line.end} data-n={line.n} data-mark={mark?.kind}>
      {mark && <span className={`gutter-mark gm-${mark.kind}`} title={mark.label} aria-label={mark.label} data-testid="gutter-mark" />}
      {out}
    </div>
  );
});

const SegmentView = memo(function SegmentView({
  text,
  seg,
  index,
  starts,
  caret,
  sel,
  active,
  changed,
  marks,
}: {
  text: string;
  seg: EditSegment;
  index: number;
  starts: readonly number[];
  caret: number | null;
  sel: readonly [number, number] | null;
  active: string | null;
  changed: boolean;
  marks: ReadonlyMap<number, Mark> | undefined;
}) {
  const lines = useMemo(() => buildLines(text, seg, starts), [text, seg, starts]);
  const handles = useMemo(() => fieldHandles(seg, index), [seg, index]);
  const fieldCount = seg.fields.filter((f) => f.field !== 'subhead').length;
  return (
    <section className={`seg seg-${seg.kind}${caret !== null ? ' current' : ''}`} data-seg={index} data-kind={seg.kind} data-start={seg.start} data-end={seg.end}>
      <div className={`seg-bar${changed ? ' changed' : ''}`}>
        {index > 0 && <span className={`h h-seg${active === `s${index}` ? ' active' : ''}`} data-handle={`s${index}`} title="segment boundary: drag, or select with [ ] and move with the arrow keys" />}
        <span className="kind">{seg.kind}</span>
        <span className="idx">#{index + 1}</span>
        <span className="range">
          {seg.start}–{seg.end}
        </span>
        {fieldCount > 0 && <span className="muted">{fieldCount} spans</span>}
        {changed && <span className="edited">edited</span>}
      </div>
      {lines.map((l, k) => {
        const inLine = (o: number) => o >= l.start && (o < l.end || o === l.end) && (k === lines.length - 1 || o < lines[k + 1]!.start);
        const hs = handles.filter((h) => inLine(h.offset));
        const c = caret !== null && inLine(caret) ? caret : null;
        const s = sel && sel[0] < Math.max(l.end, l.start + 1) && sel[1] > l.start ? sel : null;
        const act = active && hs.some((h) => h.id === active) ? active : null;
        const partial = k === 0 && lineStartOf(text, l.start) !== l.start;
        return <LineView key={l.start} text={text} line={l} partial={partial} caret={c} sel={s} handles={hs} active={act} mark={partial ? null : (marks?.get(l.start) ?? null)} />;
      })}
    </section>
  );
});

export function SegmentText({ text, segments, caret, anchor, activeHandle, changed, marks, onHandleDown }: TextViewProps) {
  const starts = useMemo(() => lineIndex(text), [text]);
  const sel: [number, number] | null = anchor !== null && anchor !== caret ? [Math.min(anchor, caret), Math.max(anchor, caret)] : null;
  return (
    <div
      className="segtext"
      onPointerDown={(e) => {
        const id = (e.target as HTMLElement).dataset?.handle;
        if (id) onHandleDown(id, e);
      }}
    >
      {segments.map((s, i) => {
        const last = i === segments.length - 1;
        const hasCaret = caret >= s.start && (caret < s.end || (last && caret === s.end));
        const segSel = sel && sel[0] < s.end && sel[1] > s.start ? sel : null;
        const act = activeHandle && (activeHandle === `s${i}` || activeHandle.startsWith(`f${i}:`)) ? activeHandle : null;
        return <SegmentView key={`${s.start}:${i}`} text={text} seg={s} index={i} starts={starts} caret={hasCaret ? caret : null} sel={segSel} active={act} changed={changed.has(i)} marks={marks} />;
      })}
    </div>
  );
}

/** Maps a DOM position inside the text view to a text offset. */
export function domOffset(node: Node | null, offset: number): number | null {
  if (!node) return null;
  if (node.nodeType === Node.TEXT_NODE) {
    const span = node.parentElement?.closest<HTMLElement>('[data-o]');
    return span ? Number(span.dataset.o) + offset : null;
  }
  const el = node as HTMLElement;
  if (el.dataset?.o !== undefined) return Number(el.dataset.o) + (offset > 0 ? (el.textContent?.length ?? 0) : 0);
  const ln = el.closest?.<HTMLElement>('[data-ls]');
  if (ln) {
    // a position between children of a line: count the text before it
    let o = Number(ln.dataset.ls);
    const kids = Array.from(el.childNodes).slice(0, offset);
    for (const k of kids) if (k instanceof HTMLElement && k.dataset.o !== undefined) o = Number(k.dataset.o) + (k.textContent?.length ?? 0);
    return el === ln ? o : offset === 0 ? Number(ln.dataset.ls) : Number(ln.dataset.le);
  }
  const seg = el.closest?.<HTMLElement>('[data-seg]');
  if (seg) return Number(seg.dataset.start);
  return null;
}

/** The text offset under a screen point. */
export function offsetAtPoint(x: number, y: number): number | null {
  const doc = document as Document & { caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null };
  if (doc.caretPositionFromPoint) {
    const p = doc.caretPositionFromPoint(x, y);
    return p ? domOffset(p.offsetNode, p.offset) : null;
  }
  const r = document.caretRangeFromPoint?.(x, y);
  return r ? domOffset(r.startContainer, r.startOffset) : null;
}
