/**
 * Diffs that speak text: what a change of segmentation does to the dump's lines and words, e.g.
 * "3 lines moved from body of #2 to boilerplate". Pure; offsets are UTF-16 like the text.
 *
 * Every character of the text has a place in a segmentation: the segment holding it, its kind,
 * and the field covering it (subheads aside, they sit inside the body). A segment of the second
 * segmentation is the one of the first with the same start, or else with the same end (so a
 * moved boundary or a new number is not a move, the second half of a split is); boilerplate is
 * boilerplate whichever segment holds it. `textMoves(text, a, b)` compares
 * the places of a and b piece by piece; a line whose whole content changed place counts as a
 * line, a part of a line as its words. Moves with the same from and to are summed, in text order.
 */
import type { EditSegment, FieldName, SegmentKind } from './segmentation-edit.ts';
import { isArticleKind } from './segmentation-edit.ts';

/** where a piece of text sits in one segmentation */
export interface Place {
  /** index of the segment in its segmentation (shown 1-based, as "#2") */
  seg: number;
  /** the segment's identity across the two segmentations: its index in the first; a segment of the second that keeps the start (or, failing that, the end) of one in the first is that one */
  ident: string;
  kind: SegmentKind;
  field: FieldName | null;
}

/** lines and words that went from one place to another */
export interface TextMove {
  from: Place;
  to: Place;
  /** whole lines (with some non-space text) that moved */
  lines: number;
  /** words of lines that moved only in part */
  words: number;
  /** offset of the first moved character */
  start: number;
  /** the first moved line's text, trimmed (at most 60 characters) */
  sample: string;
}

/** "body of #2", "main #2" (article text in no field), "boilerplate" */
export function describePlace(p: Place): string {
  if (!isArticleKind(p.kind)) return p.kind;
  return p.field ? `${p.field} of #${p.seg + 1}` : `${p.kind} #${p.seg + 1}`;
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** "3 lines", "2 words", "1 line and 2 words" */
export function describeAmount(lines: number, words: number): string {
  return [lines ? plural(lines, 'line') : '', words ? plural(words, 'word') : ''].filter(Boolean).join(' and ') || 'nothing';
}

/** "3 lines moved from body of #2 to boilerplate" */
export function describeMove(m: TextMove): string {
  return `${describeAmount(m.lines, m.words)} moved from ${describePlace(m.from)} to ${describePlace(m.to)}`;
}

/** One sentence for a whole diff (the draft counter): the move itself when there is one, else the totals. */
export function summarizeMoves(moves: readonly TextMove[]): string {
  if (!moves.length) return 'no text moved';
  if (moves.length === 1) return describeMove(moves[0]!);
  const lines = moves.reduce((n, m) => n + m.lines, 0);
  const words = moves.reduce((n, m) => n + m.words, 0);
  return `${describeAmount(lines, words)} moved in ${moves.length} places`;
}

interface Run {
  start: number;
  end: number;
  place: Place;
}

const samePlace = (a: Place, b: Place) => a.kind === b.kind && a.field === b.field && (!isArticleKind(a.kind) || a.ident === b.ident);

/** The places of a segmentation as runs covering [0, length), in text order, neighbours with the same place joined. */
function runsOf(segments: readonly EditSegment[], ident: (i: number) => string): Run[] {
  const out: Run[] = [];
  const push = (start: number, end: number, place: Place) => {
    const last = out[out.length - 1];
    if (last && last.end === start && samePlace(last.place, place)) last.end = end;
    else out.push({ start, end, place });
  };
  segments.forEach((s, i) => {
    const at = (field: FieldName | null): Place => ({ seg: i, ident: ident(i), kind: s.kind, field });
    let p = s.start;
    for (const f of s.fields) {
      if (f.field === 'subhead' || f.end <= p) continue;
      const a = Math.max(f.start, p);
      if (a > p) push(p, a, at(null));
      push(a, f.end, at(f.field));
      p = f.end;
    }
    if (p < s.end) push(p, s.end, at(null));
  });
  return out;
}
const keyOf = (a: Place, b: Place) => `${describePlace(a)}>${describePlace(b)}`;

const WORD = /\S+/g;
const countWords = (s: string) => s.match(WORD)?.length ?? 0;

/**
 * The lines and words of `text` whose place differs between segmentations `a` and `b` (both
 * partitions of the same text), grouped by from and to, in text order of their first character.
 */
export function textMoves(text: string, a: readonly EditSegment[], b: readonly EditSegment[]): TextMove[] {
  const byStart = new Map(a.map((s, i) => [s.start, i]));
  const byEnd = new Map(a.map((s, i) => [s.end, i]));
  const taken = new Set(b.flatMap((s) => (byStart.has(s.start) ? [byStart.get(s.start)!] : [])));
  const identB = b.map((s, i) => {
    const k = byStart.get(s.start) ?? byEnd.get(s.end);
    return k !== undefined && (byStart.has(s.start) || !taken.has(k)) ? `a${k}` : `b${i}`;
  });
  const ra = runsOf(a, (i) => `a${i}`);
  const rb = runsOf(b, (i) => identB[i]!);
  const groups = new Map<string, TextMove>();
  let i = 0;
  let j = 0;
  let p = 0;
  while (i < ra.length && j < rb.length) {
    const x = ra[i]!;
    const y = rb[j]!;
    const end = Math.min(x.end, y.end);
    if (end > p && !samePlace(x.place, y.place)) addPiece(text, p, end, x.place, y.place, groups);
    p = end;
    if (x.end === end) i++;
    if (y.end === end) j++;
  }
  return [...groups.values()].filter((m) => m.lines + m.words > 0).sort((m, n) => m.start - n.start);
}

function addPiece(text: string, start: number, end: number, from: Place, to: Place, groups: Map<string, TextMove>) {
  const key = keyOf(from, to);
  let g = groups.get(key);
  // walk the lines the piece touches
  let ls = text.lastIndexOf('\n', start - 1) + 1;
  while (ls < end) {
    const nl = text.indexOf('\n', ls);
    const le = nl < 0 ? text.length : nl;
    const line = text.slice(ls, le);
    const first = ls + line.search(/\S|$/);
    const last = ls + line.trimEnd().length;
    if (last > first) {
      const a = Math.max(start, ls);
      const b = Math.min(end, le);
      const whole = a <= first && b >= last;
      const inside = b > first && a < last;
      if (inside) {
        if (!g) {
          g = { from, to, lines: 0, words: 0, start: Math.max(a, first), sample: line.trim().slice(0, 60) };
          groups.set(key, g);
        }
        if (whole) g.lines++;
        else g.words += countWords(text.slice(a, b));
      }
    }
    if (nl < 0) break;
    ls = nl + 1;
  }
}

/**
 * Which paragraphs of `after` (a body, paragraphs separated by "\n") are not in `before`: one
 * boolean per paragraph of after, true when it is new or changed.
 */
export function changedParagraphs(before: string, after: string): boolean[] {
  const old = new Set(before ? before.split('\n') : []);
  return (after ? after.split('\n') : []).map((p) => !old.has(p));
}
