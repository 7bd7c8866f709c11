/**
 * Where to look in a dump: open warnings and suspect spans (parser confidence below
 * SUSPECT_BELOW), each marked at the line it starts on. Pure; offsets are UTF-16 like the text.
 */
import { lineStartOf } from './text-nav.ts';

export interface Mark {
  /** start of the marked line */
  line: number;
  /** the span the mark is about */
  start: number;
  end: number;
  kind: 'warning' | 'suspect';
  label: string;
}

/** a segment or field the parser scored below this is a suspect line */
export const SUSPECT_BELOW = 0.6;

/** a parser-scored segment with its fields, as the dashboard reads a revision */
export interface Scored {
  kind: string;
  start: number;
  end: number;
  confidence: number;
  fields: { field: string; start: number; end: number; confidence: number }[];
}

/**
 * Marks for the open warnings and the parser's low-confidence segments and fields (those no
 * warning covers, at their first non-blank line), in text order, one per line (warnings first).
 */
export function marksOf(text: string, warnings: readonly { code: string; message: string; start: number; end: number }[], scored: readonly Scored[]): Mark[] {
  const byLine = new Map<number, Mark>();
  const add = (m: Mark) => {
    const had = byLine.get(m.line);
    if (!had || (had.kind === 'suspect' && m.kind === 'warning')) byLine.set(m.line, m);
  };
  for (const w of warnings) add({ line: lineStartOf(text, w.start), start: w.start, end: w.end, kind: 'warning', label: `${w.code}: ${w.message}` });
  // a suspect span is marked at its first non-blank line, unless a warning already covers it
  const suspect = (start: number, end: number, label: string) => {
    if (warnings.some((w) => w.start < end && start < Math.max(w.end, w.start + 1))) return;
    const first = text.slice(start, end).search(/\S/);
    if (first < 0) return;
    add({ line: lineStartOf(text, start + first), start: start + first, end, kind: 'suspect', label });
  };
  for (const s of scored) {
    if (s.confidence < SUSPECT_BELOW) suspect(s.start, s.end, `${s.kind} segment: parser confidence ${s.confidence.toFixed(2)}`);
    for (const f of s.fields) if (f.confidence < SUSPECT_BELOW) suspect(f.start, f.end, `${f.field}: parser confidence ${f.confidence.toFixed(2)}`);
  }
  return [...byLine.values()].sort((a, b) => a.line - b.line);
}

/** The next mark after the caret's line (dir 1) or the previous one before it (dir -1), wrapping around; null when there are none. */
export function nextMark(text: string, marks: readonly Mark[], caret: number, dir: 1 | -1): Mark | null {
  if (!marks.length) return null;
  const here = lineStartOf(text, caret);
  if (dir > 0) return marks.find((m) => m.line > here) ?? marks[0]!;
  return [...marks].reverse().find((m) => m.line < here) ?? marks[marks.length - 1]!;
}

/** Every match of `query` (case-insensitive) as [start, end) offsets, in text order; at most `limit`. */
export function findAll(text: string, query: string, limit = 10_000): { start: number; end: number }[] {
  if (!query) return [];
  const hay = text.toLowerCase();
  const needle = query.toLowerCase();
  // lower-casing may change lengths outside ASCII: fall back to exact matching then
  const folded = hay.length === text.length && needle.length === query.length;
  const h = folded ? hay : text;
  const n = folded ? needle : query;
  const out: { start: number; end: number }[] = [];
  for (let i = h.indexOf(n); i >= 0 && out.length < limit; i = h.indexOf(n, i + Math.max(1, n.length))) out.push({ start: i, end: i + n.length });
  return out;
}

/** Offset of the start of line `n` (1-based), clamped to the text. */
export function lineOffset(text: string, n: number): number {
  let o = 0;
  for (let k = 1; k < n; k++) {
    const i = text.indexOf('\n', o);
    if (i < 0) return o;
    o = i + 1;
  }
  return o;
}
