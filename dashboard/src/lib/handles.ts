/**
 * The draggable boundaries of a segmentation: one between each pair of segments, and a start and
 * an end for each field of an article segment (a field's spans taken together: "body end" is
 * the end of its last paragraph).
 */
import type { Edge, EditOp, EditSegment, FieldName } from './segmentation-edit.ts';

export interface Handle {
  id: string;
  offset: number;
  segIndex: number;
  type: 'segment' | 'field';
  field?: FieldName;
  edge?: Edge;
}

export function fieldHandles(seg: EditSegment, segIndex: number): Handle[] {
  const groups = new Map<FieldName, { start: number; end: number }>();
  for (const f of seg.fields) {
    if (f.field === 'subhead') continue;
    const g = groups.get(f.field);
    if (!g) groups.set(f.field, { start: f.start, end: f.end });
    else {
      g.start = Math.min(g.start, f.start);
      g.end = Math.max(g.end, f.end);
    }
  }
  const out: Handle[] = [];
  for (const [field, g] of groups) {
    out.push({ id: `f${segIndex}:${field}:start`, offset: g.start, segIndex, type: 'field', field, edge: 'start' });
    out.push({ id: `f${segIndex}:${field}:end`, offset: g.end, segIndex, type: 'field', field, edge: 'end' });
  }
  return out;
}

const rank = (h: Handle) => (h.type === 'field' && h.edge === 'end' ? 0 : h.type === 'segment' ? 1 : 2);

/** the boundary between segment i - 1 and segment i (i >= 1) */
const segmentHandle = (s: EditSegment, i: number): Handle => ({ id: `s${i}`, offset: s.start, segIndex: i, type: 'segment' });

/** Every handle, in text order. */
export function allHandles(segments: readonly EditSegment[]): Handle[] {
  const out: Handle[] = [];
  segments.forEach((s, i) => {
    if (i > 0) out.push(segmentHandle(s, i));
    out.push(...fieldHandles(s, i));
  });
  return out.sort((a, b) => a.offset - b.offset || rank(a) - rank(b));
}

/**
 * The handle with this id, or null: an id names its segment (`s3`, `f3:body:end`), so only that
 * segment's handles are computed, not every handle of a long dump (the editor asks on each key).
 */
export function handleById(segments: readonly EditSegment[], id: string): Handle | null {
  const i = Number(/^[sf](\d+)/.exec(id)?.[1] ?? NaN);
  const s = segments[i];
  if (!s) return null;
  if (id[0] === 's') return i > 0 && id === `s${i}` ? segmentHandle(s, i) : null;
  return fieldHandles(s, i).find((h) => h.id === id) ?? null;
}

export function handleLabel(h: Handle, segments: readonly EditSegment[]): string {
  if (h.type === 'segment') return `boundary ${segments[h.segIndex - 1]?.kind ?? ''} | ${segments[h.segIndex]?.kind ?? ''}`;
  return `${segments[h.segIndex]?.kind ?? ''} #${h.segIndex + 1} ${h.field} ${h.edge}`;
}

/** The operation that moves handle h to offset `to`. */
export function moveOp(h: Handle, segments: readonly EditSegment[], to: number): EditOp {
  if (h.type === 'segment') return { op: 'moveBoundary', from: h.offset, to };
  return { op: 'moveFieldEdge', at: segments[h.segIndex]!.start, field: h.field!, edge: h.edge!, to };
}
