/**
 * Field spans of one article: headline, byline, source/date, body (with noise cut out),
 * subheads and copyright. Offsets are absolute (into the dump text).
 */
import type { FieldName, FieldSpan, ParseWarning } from './types.ts';
import type { LineInfo } from './blocks.ts';
import { trimEnd, trimRange, trimStart } from './lines.ts';
import { bylineFromLine, inlineByline } from './fields/byline.ts';
import type { Range } from './fields/byline.ts';
import { isCopyrightLine, trailingCopyright } from './fields/copyright.ts';
import { inlineNoise, isSuspectBoilerplate, noiseLineRule } from './fields/noise.ts';
import type { NoiseContext } from './fields/noise.ts';
import { subheadIndexes, isAllCaps } from './fields/subhead.ts';
import { HAS_WORD } from './patterns.ts';

export class ArticleBuilder {
  readonly fields: FieldSpan[] = [];
  constructor(readonly text: string) {}

  add(field: FieldName, start: number, end: number, confidence: number): void {
    const s = trimStart(this.text, start, end);
    const e = trimEnd(this.text, s, end);
    if (e > s) this.fields.push({ field, start: s, end: e, confidence });
  }

  has(field: FieldName): boolean {
    return this.fields.some((f) => f.field === field);
  }

  sorted(): FieldSpan[] {
    const f = this.fields;
    for (let i = 1; i < f.length; i++) {
      const a = f[i - 1]!;
      const b = f[i]!;
      if (b.start < a.start || (b.start === a.start && b.end > a.end)) return f.sort((x, y) => x.start - y.start || y.end - x.end);
    }
    return f;
  }
}

export interface BodyOptions {
  /** the block's outlet name, for footers that name it */
  source: string | null;
  /** look for "By ANDREW DALTON ..." at the start of the first body line */
  inlineByline: boolean;
  /** list subheads (multi-line bodies) */
  subheads: boolean;
  confidence: number;
  noise: NoiseContext;
}

interface Piece {
  start: number;
  end: number;
  /** the piece is the whole line (no inline cut) */
  whole: boolean;
}

const NO_RANGES: Range[] = [];

const SUSPECT_MESSAGE =
  'This body text looks like a publisher prompt (subscribe, sign up, donate, ...) that no rule recognises; check whether it belongs to the article.';

/** Stands for a body line that inline noise cut: treated as a paragraph by the subhead rule. */
const CUT_LINE = 'x'.repeat(200) + '.';

/**
 * Body lines -> body / noise / byline / copyright / subhead spans. The body is every non-noise
 * piece of the given lines; a trailing copyright notice on the last body line is taken out.
 */
export function buildBody(
  b: ArticleBuilder,
  ls: readonly LineInfo[],
  idx: readonly number[],
  opts: BodyOptions,
  warnings: ParseWarning[],
): void {
  const text = b.text;
  const perLine: Piece[][] = [];
  let first = true;
  let suspects = 0;
  for (const i of idx) {
    const l = ls[i]!;
    if (l.kind === 'blank') continue;
    const t = l.text;
    const base = l.ts;
    if (l.kind === 'url' || noiseLineRule(t)) {
      b.add('noise', l.ts, l.te, 0.9);
      continue;
    }
    let from = 0;
    if (first && opts.inlineByline && !b.has('byline')) {
      const ib = inlineByline(t);
      if (ib) {
        b.add('byline', base + ib.names[0], base + ib.names[1], 0.75);
        from = ib.bodyStart;
      }
    }
    first = false;
    const ranges = opts.noise.inlineRules.length ? inlineNoise(from ? t.slice(from) : t, opts.source, opts.noise).ranges : NO_RANGES;
    if (from === 0 && ranges.length === 0) {
      // fast path: the whole (already trimmed) line is body
      const len = l.te - l.ts;
      const slice = len <= 400 ? t : '';
      if (slice && !HAS_WORD.test(slice)) continue;
      perLine.push([{ start: l.ts, end: l.te, whole: true }]);
      if (slice && suspects < 3 && len <= 200 && isSuspectBoilerplate(slice, opts.noise)) {
        suspects++;
        warnings.push({ code: 'SUSPECT_BOILERPLATE', message: SUSPECT_MESSAGE, start: l.ts, end: l.te });
      }
      continue;
    }
    const pieces: Piece[] = [];
    let cur = from;
    const cuts: Range[] = ranges.map(([s, e]) => [s + from, e + from]);
    for (const [s, e] of cuts) {
      b.add('noise', base + s, base + e, 0.85);
      if (s > cur) pieces.push({ start: base + cur, end: base + s, whole: false });
      cur = e;
    }
    if (cur < t.length) pieces.push({ start: base + cur, end: base + t.length, whole: from === 0 && cuts.length === 0 });
    const kept: Piece[] = [];
    for (const p of pieces) {
      const [s, e] = trimRange(text, p.start, p.end);
      if (e <= s) continue;
      const slice = e - s <= 400 ? text.slice(s, e) : '';
      if (slice && !HAS_WORD.test(slice)) continue;
      kept.push({ start: s, end: e, whole: p.whole });
      if (slice && suspects < 3 && slice.length <= 200 && isSuspectBoilerplate(slice, opts.noise)) {
        suspects++;
        warnings.push({ code: 'SUSPECT_BOILERPLATE', message: SUSPECT_MESSAGE, start: s, end: e });
      }
    }
    if (kept.length) perLine.push(kept);
  }

  // trailing copyright notice: the last body piece
  const lastLine = perLine[perLine.length - 1];
  const lastPiece = lastLine?.[lastLine.length - 1];
  let copyright: Range | null = null;
  if (lastLine && lastPiece) {
    const s = text.slice(lastPiece.start, Math.min(lastPiece.end, lastPiece.start + 100_000));
    if (lastPiece.end - lastPiece.start === s.length && isCopyrightLine(s)) {
      copyright = [lastPiece.start, lastPiece.end];
      lastLine.pop();
    } else if (lastPiece.end - lastPiece.start === s.length) {
      const at = trailingCopyright(s);
      if (at > 0) {
        copyright = [lastPiece.start + at, lastPiece.end];
        lastPiece.end = lastPiece.start + at;
        lastPiece.whole = false;
        const [ns, ne] = trimRange(text, lastPiece.start, lastPiece.end);
        if (ne <= ns) lastLine.pop();
        else {
          lastPiece.start = ns;
          lastPiece.end = ne;
        }
      }
    } else {
      // a very long last line: only its last 400 chars can hold a trailing notice
      const tailStart = lastPiece.end - 400;
      const tail = text.slice(tailStart, lastPiece.end);
      const at = trailingCopyright(tail);
      if (at > 0) {
        copyright = [tailStart + at, lastPiece.end];
        const [ns, ne] = trimRange(text, lastPiece.start, tailStart + at);
        lastPiece.start = ns;
        lastPiece.end = ne;
        lastPiece.whole = false;
      }
    }
  }
  if (copyright) b.add('copyright', copyright[0], copyright[1], 0.85);

  const flat: Piece[] = [];
  for (const line of perLine) for (const p of line) flat.push(p);
  for (const p of flat) b.add('body', p.start, p.end, opts.confidence);

  if (opts.subheads && perLine.length > 1) {
    // one entry per body line that is a single whole piece; other lines break adjacency
    const texts: string[] = [];
    const pieceOf: (Piece | null)[] = [];
    for (const line of perLine) {
      if (line.length === 1 && line[0]!.whole && line[0]!.end - line[0]!.start <= 2000) {
        texts.push(text.slice(line[0]!.start, line[0]!.end));
        pieceOf.push(line[0]!);
      } else {
        texts.push(CUT_LINE);
        pieceOf.push(null);
      }
    }
    for (const k of subheadIndexes(texts)) {
      const p = pieceOf[k];
      if (p) b.add('subhead', p.start, p.end, isAllCaps(texts[k]!) ? 0.85 : 0.65);
    }
  }
}

/** "By Tom Balmforth, ..." on its own line: the names' absolute range, or null. */
export function bylineSpan(l: LineInfo): Range | null {
  const r = bylineFromLine(l.text);
  return r ? [l.ts + r[0], l.ts + r[1]] : null;
}
