/**
 * The boundary editor's operations, pure: each takes the text and a segmentation (a partition of
 * [0, text.length) into segments with field spans) and returns a new one, or a reason why not.
 * Every result is again a partition (checked by checkSegmentation in the tests). Operations are
 * plain data addressed by text offsets, not segment indexes, so that they can be replayed on
 * another revision (rebase after a conflicting save).
 */
import type { FieldName, FieldRange, SegmentKind, SegmentShape } from '@copydesk/core';
import { linePieces, wholeLine } from './text-nav.ts';

export type { FieldName, SegmentKind };

/** The editor's names for core's shapes: a segment's kind, boundaries and field ranges, no scores (what a save sends). */
export type EditField = FieldRange;
export type EditSegment = SegmentShape;

export type Edge = 'start' | 'end';

export type EditOp =
  /** move the boundary between two segments from offset `from` to `to` */
  | { op: 'moveBoundary'; from: number; to: number }
  /** move the first start / last end of the `field` spans of the segment holding `at` */
  | { op: 'moveFieldEdge'; at: number; field: FieldName; edge: Edge; to: number }
  /** split the segment holding `at` in two at `at` */
  | { op: 'split'; at: number }
  /** merge the segment holding `at` with the next one */
  | { op: 'merge'; at: number }
  /** make [start, end) one segment of `kind` (start === end: the whole segment holding start) */
  | { op: 'relabel'; start: number; end: number; kind: SegmentKind }
  /** mark the lines of [start, end) as `field` in their article segment (start === end: the caret's line) */
  | { op: 'markField'; start: number; end: number; field: FieldName }
  /** remove every field span from [start, end) (start === end: the caret's line) */
  | { op: 'clearFields'; start: number; end: number }
  /** take a whole segmentation (keep mine after a conflict, a restored draft) */
  | { op: 'replace'; segments: EditSegment[]; label: string };

export type EditResult = { ok: true; segments: EditSegment[] } | { ok: false; reason: string };

const ok = (segments: EditSegment[]): EditResult => ({ ok: true, segments });
const fail = (reason: string): EditResult => ({ ok: false, reason });

export const isArticleKind = (k: string): k is 'main' | 'related' => k === 'main' || k === 'related';

/** Index of the segment holding offset o (the last segment for o === text length). */
export function segmentAt(segments: readonly EditSegment[], o: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid]!.start <= o) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Text order; a subhead after the body span it shares offsets with (checkSegmentation needs the body first). */
function byStart(a: EditField, b: EditField) {
  return a.start - b.start || b.end - a.end || Number(a.field === 'subhead') - Number(b.field === 'subhead');
}

/** Sorts spans, drops empty ones and subheads that no body span holds. */
export function normalizeFields(fields: readonly EditField[]): EditField[] {
  const kept = fields.filter((f) => f.end > f.start).sort(byStart);
  const bodies = kept.filter((f) => f.field === 'body');
  return kept.filter((f) => f.field !== 'subhead' || bodies.some((b) => b.start <= f.start && f.end <= b.end));
}

/** Fields cut to [lo, hi). */
function clip(fields: readonly EditField[], lo: number, hi: number): EditField[] {
  const out: EditField[] = [];
  for (const f of fields) {
    const s = Math.max(f.start, lo);
    const e = Math.min(f.end, hi);
    if (e > s) out.push({ ...f, start: s, end: e });
  }
  return normalizeFields(out);
}

/** One span minus a set of sorted, disjoint ranges. */
function subtract(f: EditField, cuts: readonly { start: number; end: number }[]): EditField[] {
  let parts: EditField[] = [f];
  for (const c of cuts) {
    const next: EditField[] = [];
    for (const p of parts) {
      if (c.end <= p.start || c.start >= p.end) next.push(p);
      else {
        if (c.start > p.start) next.push({ ...p, end: c.start });
        if (c.end < p.end) next.push({ ...p, start: c.end });
      }
    }
    parts = next;
  }
  return parts;
}

/** Trims white space off a span's ends; null when nothing is left. */
function trimSpan(text: string, f: EditField): EditField | null {
  let s = f.start;
  let e = f.end;
  while (s < e && /\s/u.test(text[s]!)) s++;
  while (e > s && /\s/u.test(text[e - 1]!)) e--;
  return e > s ? { ...f, start: s, end: e } : null;
}

function replaceAt(segments: readonly EditSegment[], i: number, ...items: EditSegment[]): EditSegment[] {
  return [...segments.slice(0, i), ...items, ...segments.slice(i + 1)];
}

export function moveBoundary(segments: readonly EditSegment[], from: number, to: number): EditResult {
  const i = segments.findIndex((s) => s.start === from);
  if (i <= 0) return fail('no segment boundary there');
  const prev = segments[i - 1]!;
  const cur = segments[i]!;
  const target = Math.max(prev.start + 1, Math.min(cur.end - 1, to));
  if (target === from) return fail(to < from ? 'the segment above cannot get any shorter' : 'the segment below cannot get any shorter');
  const out = [...segments];
  out[i - 1] = { ...prev, end: target, fields: clip(prev.fields, prev.start, target) };
  out[i] = { ...cur, start: target, fields: clip(cur.fields, target, cur.end) };
  return ok(out);
}

export function moveFieldEdge(text: string, segments: readonly EditSegment[], at: number, field: FieldName, edge: Edge, to: number): EditResult {
  const i = segmentAt(segments, at);
  const seg = segments[i]!;
  const own = seg.fields.filter((f) => f.field === field);
  if (!own.length) return fail(`this segment has no ${field}`);
  const others = seg.fields.filter((f) => f.field !== field && f.field !== 'subhead');
  const first = Math.min(...own.map((f) => f.start));
  const last = Math.max(...own.map((f) => f.end));
  let spans: EditField[];
  if (edge === 'end') {
    const target = Math.max(first + 1, Math.min(seg.end, to));
    if (target === last) return fail(`the ${field} cannot move that way`);
    if (target < last) {
      spans = own.filter((f) => f.start < target).map((f) => (f.end > target ? { ...f, end: target } : f));
    } else {
      const limit = Math.min(seg.end, ...others.filter((f) => f.start >= last).map((f) => f.start));
      const end = Math.min(target, limit);
      if (end <= last) return fail(`the ${field} runs into the next field`);
      spans = own.map((f) => (f.end === last ? { ...f, end } : f));
    }
  } else {
    const target = Math.min(last - 1, Math.max(seg.start, to));
    if (target === first) return fail(`the ${field} cannot move that way`);
    if (target > first) {
      spans = own.filter((f) => f.end > target).map((f) => (f.start < target ? { ...f, start: target } : f));
    } else {
      const limit = Math.max(seg.start, ...others.filter((f) => f.end <= first).map((f) => f.end));
      const start = Math.max(target, limit);
      if (start >= first) return fail(`the ${field} runs into the previous field`);
      spans = own.map((f) => (f.start === first ? { ...f, start } : f));
    }
  }
  spans = spans.map((f) => trimSpan(text, f)).filter((f): f is EditField => f !== null);
  if (!spans.length) return fail(`that would leave no ${field}`);
  const fields = normalizeFields([...seg.fields.filter((f) => f.field !== field), ...spans]);
  return ok(replaceAt(segments, i, { ...seg, fields }));
}

export function split(segments: readonly EditSegment[], at: number): EditResult {
  const i = segmentAt(segments, at);
  const seg = segments[i]!;
  if (at <= seg.start || at >= seg.end) return fail('the caret is on a segment boundary: nothing to split');
  return ok(
    replaceAt(
      segments,
      i,
      { ...seg, end: at, fields: clip(seg.fields, seg.start, at) },
      { ...seg, start: at, fields: clip(seg.fields, at, seg.end) },
    ),
  );
}

export function merge(segments: readonly EditSegment[], at: number): EditResult {
  const i = segmentAt(segments, at);
  const a = segments[i]!;
  const b = segments[i + 1];
  if (!b) return fail('the last segment has nothing to merge with');
  const kind = !isArticleKind(a.kind) && isArticleKind(b.kind) ? b.kind : a.kind;
  const fields = isArticleKind(kind) ? normalizeFields([...a.fields, ...b.fields]) : [];
  return ok([...segments.slice(0, i), { kind, start: a.start, end: b.end, fields }, ...segments.slice(i + 2)]);
}

/** Merges neighbouring boilerplate/residue segments of the same kind around index range [lo, hi]. */
function coalesce(segments: EditSegment[]): EditSegment[] {
  const out: EditSegment[] = [];
  for (const s of segments) {
    const prev = out[out.length - 1];
    if (prev && prev.kind === s.kind && !isArticleKind(s.kind)) out[out.length - 1] = { ...prev, end: s.end };
    else out.push(s);
  }
  return out;
}

export function relabel(segments: readonly EditSegment[], start: number, end: number, kind: SegmentKind): EditResult {
  if (end <= start) {
    const i = segmentAt(segments, start);
    const seg = segments[i]!;
    if (seg.kind === kind) return fail(`already ${kind}`);
    const next = replaceAt(segments, i, { ...seg, kind, fields: isArticleKind(kind) ? seg.fields : [] });
    return ok(isArticleKind(kind) ? next : coalesce(next));
  }
  const total = segments[segments.length - 1]?.end ?? 0;
  start = Math.max(0, start);
  end = Math.min(total, end);
  if (end <= start) return fail('nothing to relabel');
  const before: EditSegment[] = [];
  const inside: EditField[] = [];
  const after: EditSegment[] = [];
  let changed = false;
  for (const s of segments) {
    if (s.end <= start) before.push(s);
    else if (s.start >= end) after.push(s);
    else {
      if (s.start < start) before.push({ ...s, end: start, fields: clip(s.fields, s.start, start) });
      if (s.end > end) after.push({ ...s, start: end, fields: clip(s.fields, end, s.end) });
      if (s.kind !== kind || s.start < start || s.end > end) changed = true;
      inside.push(...clip(s.fields, start, end));
    }
  }
  if (!changed) return fail(`already ${kind}`);
  const middle: EditSegment = { kind, start, end, fields: isArticleKind(kind) ? normalizeFields(inside) : [] };
  return ok(coalesce([...before, middle, ...after]));
}

/** "By ANDREW DALTON" marks as "ANDREW DALTON": the byline never holds the leading "By". */
function bylinePiece(text: string, p: { start: number; end: number }) {
  const m = /^by\s+/iu.exec(text.slice(p.start, p.end));
  return m && m[0].length < p.end - p.start ? { start: p.start + m[0].length, end: p.end } : p;
}

/**
 * The spans markField gives `field` for [start, end) (start === end: the caret's whole line),
 * inside [lo, hi) (the segment): one per line, trimmed; a byline's leading "By " left out.
 */
export function fieldPieces(text: string, start: number, end: number, field: FieldName, lo = 0, hi = text.length): { start: number; end: number }[] {
  if (end <= start) ({ start, end } = wholeLine(text, start));
  const pieces = linePieces(text, Math.max(start, lo), Math.min(end, hi));
  return field === 'byline' ? pieces.map((p) => bylinePiece(text, p)) : pieces;
}

export function markField(text: string, segments: readonly EditSegment[], start: number, end: number, field: FieldName): EditResult {
  const i = segmentAt(segments, start);
  const seg = segments[i]!;
  if (!isArticleKind(seg.kind)) return fail(`a ${seg.kind} segment has no fields: relabel it main or related first`);
  const pieces = fieldPieces(text, start, end, field, seg.start, seg.end);
  if (!pieces.length) return fail('nothing but white space there');
  const added: EditField[] = pieces.map((p) => ({ field, start: p.start, end: p.end }));
  let fields: EditField[];
  if (field === 'subhead') {
    const bodies = seg.fields.filter((f) => f.field === 'body');
    if (!added.every((a) => bodies.some((b) => b.start <= a.start && a.end <= b.end))) return fail('a subhead goes inside the body: mark the line as body first');
    fields = [...seg.fields.filter((f) => f.field !== 'subhead' || added.every((a) => f.end <= a.start || f.start >= a.end)), ...added];
  } else {
    const cuts = added.map(({ start: s, end: e }) => ({ start: s, end: e }));
    fields = [...seg.fields.flatMap((f) => (f.field === 'subhead' && field === 'body' ? [f] : subtract(f, cuts))), ...added];
  }
  return ok(replaceAt(segments, i, { ...seg, fields: normalizeFields(fields) }));
}

export function clearFields(text: string, segments: readonly EditSegment[], start: number, end: number): EditResult {
  if (end <= start) ({ start, end } = wholeLine(text, start));
  let changed = false;
  const out = segments.map((s) => {
    if (s.end <= start || s.start >= end || !s.fields.length) return s;
    const fields = normalizeFields(s.fields.flatMap((f) => subtract(f, [{ start, end }])));
    if (fields.length === s.fields.length && fields.every((f, k) => f.start === s.fields[k]!.start && f.end === s.fields[k]!.end)) return s;
    changed = true;
    return { ...s, fields };
  });
  return changed ? ok(out) : fail('no fields there');
}

/** Applies one operation. */
export function applyOp(text: string, segments: readonly EditSegment[], op: EditOp): EditResult {
  if ((op.op === 'relabel' || op.op === 'markField' || op.op === 'clearFields') && op.end < op.start) op = { ...op, start: op.end, end: op.start };
  switch (op.op) {
    case 'moveBoundary':
      return moveBoundary(segments, op.from, op.to);
    case 'moveFieldEdge':
      return moveFieldEdge(text, segments, op.at, op.field, op.edge, op.to);
    case 'split':
      return split(segments, op.at);
    case 'merge':
      return merge(segments, op.at);
    case 'relabel':
      return relabel(segments, op.start, op.end, op.kind);
    case 'markField':
      return markField(text, segments, op.start, op.end, op.field);
    case 'clearFields':
      return clearFields(text, segments, op.start, op.end);
    case 'replace': {
      const end = segments[segments.length - 1]?.end ?? 0;
      const mine = op.segments;
      const ok2 = mine.length > 0 && mine[0]!.start === 0 && mine[mine.length - 1]!.end === end && mine.every((x, i) => x.end > x.start && (i === 0 || mine[i - 1]!.end === x.start));
      return ok2 ? ok(mine.map((x) => ({ ...x, fields: normalizeFields(x.fields) }))) : fail('that segmentation does not cover this text');
    }
  }
}

/** What an operation does, in words for the undo list. */
export function describeOp(op: EditOp): string {
  switch (op.op) {
    case 'moveBoundary':
      return `move boundary ${op.from} → ${op.to}`;
    case 'moveFieldEdge':
      return `move ${op.field} ${op.edge} → ${op.to}`;
    case 'split':
      return `split at ${op.at}`;
    case 'merge':
      return `merge at ${op.at}`;
    case 'relabel':
      return `relabel ${op.end > op.start ? `${op.start}–${op.end}` : `segment at ${op.start}`} as ${op.kind}`;
    case 'markField':
      return `mark ${op.start}–${op.end} as ${op.field}`;
    case 'clearFields':
      return `clear fields ${op.start}–${op.end}`;
    case 'replace':
      return op.label;
  }
}

// ---------------------------------------------------------------------------------------------
// Undo / redo: a list of snapshots with the operation that led to each.
// ---------------------------------------------------------------------------------------------

export interface HistoryEntry {
  segments: EditSegment[];
  /** the operation that produced this entry; null for the base */
  op: EditOp | null;
}

export interface History {
  entries: HistoryEntry[];
  /** index of the present entry */
  index: number;
}

export function createHistory(segments: EditSegment[]): History {
  return { entries: [{ segments, op: null }], index: 0 };
}

export const present = (h: History): EditSegment[] => h.entries[h.index]!.segments;
export const canUndo = (h: History): boolean => h.index > 0;
export const canRedo = (h: History): boolean => h.index < h.entries.length - 1;
export const undo = (h: History): History => (canUndo(h) ? { ...h, index: h.index - 1 } : h);
export const redo = (h: History): History => (canRedo(h) ? { ...h, index: h.index + 1 } : h);

/** Applies op to the present; drops the redo branch. */
export function perform(text: string, h: History, op: EditOp): { history: History; error: string | null } {
  const r = applyOp(text, present(h), op);
  if (!r.ok) return { history: h, error: r.reason };
  const entries = [...h.entries.slice(0, h.index + 1), { segments: r.segments, op }];
  return { history: { entries, index: entries.length - 1 }, error: null };
}

/** The operations from the base to the present, in order. */
export function opsSinceBase(h: History): EditOp[] {
  return h.entries.slice(1, h.index + 1).map((e) => e.op!);
}

/** Replays operations on another segmentation (a rebase); the ones that no longer apply are skipped. */
export function replay(text: string, base: EditSegment[], ops: readonly EditOp[]): { history: History; skipped: { op: EditOp; reason: string }[] } {
  let history = createHistory(base);
  const skipped: { op: EditOp; reason: string }[] = [];
  for (const op of ops) {
    const r = perform(text, history, op);
    if (r.error) skipped.push({ op, reason: r.error });
    history = r.history;
  }
  return { history, skipped };
}

// ---------------------------------------------------------------------------------------------
// Diff between two segmentations of the same text.
// ---------------------------------------------------------------------------------------------

export type SegmentChange =
  | { type: 'added'; segment: EditSegment }
  | { type: 'removed'; segment: EditSegment }
  | { type: 'relabelled'; segment: EditSegment; from: SegmentKind }
  | { type: 'fields'; segment: EditSegment; added: EditField[]; removed: EditField[] };

const fieldKey = (f: EditField) => `${f.field}:${f.start}:${f.end}`;

/** Segment-level changes from `a` to `b`, in text order. */
export function diffSegmentations(a: readonly EditSegment[], b: readonly EditSegment[]): SegmentChange[] {
  const byRange = new Map(a.map((s) => [`${s.start}:${s.end}`, s]));
  const matched = new Set<EditSegment>();
  const out: SegmentChange[] = [];
  for (const s of b) {
    const old = byRange.get(`${s.start}:${s.end}`);
    if (!old) {
      out.push({ type: 'added', segment: s });
      continue;
    }
    matched.add(old);
    if (old.kind !== s.kind) out.push({ type: 'relabelled', segment: s, from: old.kind });
    const ok = new Set(old.fields.map(fieldKey));
    const nk = new Set(s.fields.map(fieldKey));
    const added = s.fields.filter((f) => !ok.has(fieldKey(f)));
    const removed = old.fields.filter((f) => !nk.has(fieldKey(f)));
    if (added.length || removed.length) out.push({ type: 'fields', segment: s, added, removed });
  }
  for (const s of a) if (!matched.has(s)) out.push({ type: 'removed', segment: s });
  return out.sort((x, y) => x.segment.start - y.segment.start || (x.type === 'removed' ? -1 : 1));
}

export function sameSegmentation(a: readonly EditSegment[], b: readonly EditSegment[]): boolean {
  return a.length === b.length && diffSegmentations(a, b).length === 0;
}

/** Strips server-side extras (confidence, __typename) down to what reviseSegmentation takes. */
export function toEditSegments(segments: readonly { kind: string; start: number; end: number; fields: readonly { field: string; start: number; end: number }[] }[]): EditSegment[] {
  return segments.map((s) => ({
    kind: s.kind as SegmentKind,
    start: s.start,
    end: s.end,
    fields: normalizeFields(s.fields.map((f) => ({ field: f.field as FieldName, start: f.start, end: f.end }))),
  }));
}
