/**
 * The raw dump text with its segmentation drawn in place, one row per segment bar and per line,
 * only the rows near the viewport in the DOM (@tanstack/react-virtual). Everything is rendered as React text
 * nodes (never HTML). Each text chunk carries its offset (data-o) so that a click or a drag maps
 * back to a text offset.
 */
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
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

export interface Line {
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

/** lines per segment object: an edit keeps the segments it does not touch, so only changed ones are cut again */
const linesCache = new WeakMap<EditSegment, { text: string; lines: Line[] }>();
function linesOf(text: string, seg: EditSegment, starts: readonly number[]): Line[] {
  const hit = linesCache.get(seg);
  if (hit && hit.text === text) return hit.lines;
  const lines = buildLines(text, seg, starts);
  linesCache.set(seg, { text, lines });
  return lines;
}

/** One row of the text view: a segment's bar or one of its lines. */
export type Row =
  | { type: 'bar'; key: string; seg: number; start: number }
  | { type: 'line'; key: string; seg: number; start: number; line: Line; partial: boolean; handles: Handle[] };

/**
 * The rows of the text view, in text order: for each segment its bar, then its lines (a line
 * cut by a segment boundary shows in both segments), each with the field handles on it.
 * Offsets are UTF-16 like the text.
 */
export function buildRows(text: string, segments: readonly EditSegment[], starts: readonly number[] = lineIndex(text)): Row[] {
  const rows: Row[] = [];
  segments.forEach((seg, i) => {
    rows.push({ type: 'bar', key: `b${seg.start}`, seg: i, start: seg.start });
    const lines = linesOf(text, seg, starts);
    const handles = fieldHandles(seg, i);
    lines.forEach((l, k) => {
      const inLine = (o: number) => o >= l.start && o <= l.end && (k === lines.length - 1 || o < lines[k + 1]!.start);
      rows.push({ type: 'line', key: `l${l.start}`, seg: i, start: l.start, line: l, partial: k === 0 && lineStartOf(text, l.start) !== l.start, handles: handles.filter((h) => inLine(h.offset)) });
    });
  });
  return rows;
}

/** Index of the line row that shows offset o (the caret's row); -1 when there are no lines. */
export function rowOf(rows: readonly Row[], o: number): number {
  let lo = 0;
  let hi = rows.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid]!.start <= o) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // a bar shares its offset with the segment's first line: take the line
  while (best >= 0 && best + 1 < rows.length && rows[best]!.type === 'bar') best++;
  return best;
}

/** dumps up to this many rows are drawn whole; longer ones only around the viewport */
export const DRAW_WHOLE_BELOW = 1_000;
const OVERSCAN = 12;

function SegmentBar({ seg, index, active, changed }: { seg: EditSegment; index: number; active: string | null; changed: boolean }) {
  const fieldCount = seg.fields.filter((f) => f.field !== 'subhead').length;
  return (
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
  );
}

/**
 * The dump text, virtualised: only the rows near the viewport are in the DOM (all of them for a
 * short dump). The caret's row is scrolled into view whenever the caret or the selected handle
 * moves, so n / N, search, go-to-line and the arrows reach lines that were not drawn.
 */
export function SegmentText({ text, segments, caret, anchor, activeHandle, changed, marks, onHandleDown, scroller }: TextViewProps & { scroller: React.RefObject<HTMLElement | null> }) {
  const starts = useMemo(() => lineIndex(text), [text]);
  const rows = useMemo(() => buildRows(text, segments, starts), [text, segments, starts]);
  const listRef = useRef<HTMLDivElement>(null);
  const [margin, setMargin] = useState(0);
  useLayoutEffect(() => {
    const list = listRef.current;
    const el = scroller.current;
    if (list && el) setMargin(list.getBoundingClientRect().top - el.getBoundingClientRect().top + el.scrollTop);
  });
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => (rows[i]!.type === 'bar' ? 19 : 20),
    getItemKey: (i) => rows[i]!.key,
    overscan: rows.length < DRAW_WHOLE_BELOW ? rows.length : OVERSCAN,
    scrollMargin: margin,
  });
  const caretRow = rowOf(rows, caret);
  const handleRow = activeHandle ? rows.findIndex((r) => (r.type === 'bar' ? `s${r.seg}` === activeHandle : r.handles.some((h) => h.id === activeHandle))) : -1;
  const target = handleRow >= 0 ? handleRow : caretRow;
  useEffect(() => {
    if (target >= 0) virtualizer.scrollToIndex(target, { align: 'auto' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [target, caret, activeHandle]);

  const sel: [number, number] | null = anchor !== null && anchor !== caret ? [Math.min(anchor, caret), Math.max(anchor, caret)] : null;
  const caretSeg = caretRow >= 0 ? rows[caretRow]!.seg : -1;
  return (
    <div
      ref={listRef}
      className="segtext"
      style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
      data-rows={rows.length}
      onPointerDown={(e) => {
        const id = (e.target as HTMLElement).dataset?.handle;
        if (id) onHandleDown(id, e);
      }}
    >
      {virtualizer.getVirtualItems().map((v) => {
        const r = rows[v.index]!;
        const seg = segments[r.seg]!;
        const cls = `seg seg-${seg.kind}${r.seg === caretSeg ? ' current' : ''}`;
        const style = { position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${v.start - margin}px)` } as const;
        if (r.type === 'bar') {
          const act = activeHandle === `s${r.seg}` ? activeHandle : null;
          return (
            <div key={r.key} ref={virtualizer.measureElement} data-index={v.index} className={cls} style={style} data-seg={r.seg} data-kind={seg.kind} data-start={seg.start} data-end={seg.end}>
              <SegmentBar seg={seg} index={r.seg} active={act} changed={changed.has(r.seg)} />
            </div>
          );
        }
        const l = r.line;
        const c = v.index === caretRow ? caret : null;
        const s = sel && sel[0] < Math.max(l.end, l.start + 1) && sel[1] > l.start ? sel : null;
        const act = activeHandle && r.handles.some((h) => h.id === activeHandle) ? activeHandle : null;
        return (
          <div key={r.key} ref={virtualizer.measureElement} data-index={v.index} className={cls} style={style} data-row-seg={r.seg} data-seg-start={seg.start}>
            <LineView text={text} line={l} partial={r.partial} caret={c} sel={s} handles={r.handles} active={act} mark={r.partial ? null : (marks?.get(l.start) ?? null)} />
          </div>
        );
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
  const seg = el.closest?.<HTMLElement>('[data-seg-start]') ?? el.closest?.<HTMLElement>('[data-seg]');
  if (seg) return Number(seg.dataset.segStart ?? seg.dataset.start);
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
