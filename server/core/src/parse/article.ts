/**
 * Field spans of one article: headline, byline, source/date, body (with noise cut out),
 * subheads and copyright. Offsets are absolute (into the dump text).
 */
import type { FieldName, FieldSpan, LineSuspicion, ParseWarning } from './types.ts';
import type { LineInfo } from './blocks.ts';
import { trimEnd, trimRange, trimStart } from './lines.ts';
import { bylineFromLine, inlineByline } from './fields/byline.ts';
import type { Range } from './fields/byline.ts';
import { isCopyrightLine, trailingCopyright } from './fields/copyright.ts';
import { inlineNoiseRanges, isSuspectBoilerplate } from './fields/noise.ts';
import type { LineTable } from './line-table.ts';
import { LIST_ITEM_LINE, subheadIndexes, isAllCaps } from './fields/subhead.ts';
import { bodyKinds, isShortLine } from './fields/kinds.ts';
import { datePhraseEnd } from './fields/credit.ts';
import { BYLINE_LIKE, CAPTION_MARKS, CREDIT_LABEL_LINE, DATELINE_END, DIGIT, HAS_WORD, MONTH_WORD, SENTENCE_CLOSED } from './patterns.ts';
import { Gated } from './first-units.ts';
import { stableSort } from './sort.ts';

/** Text order; of two spans starting together, the longer (enclosing) one first. */
function byStartThenLongest(x: FieldSpan, y: FieldSpan): number {
  return x.start - y.start || y.end - x.end;
}

export class ArticleBuilder {
  readonly fields: FieldSpan[] = [];
  constructor(readonly text: string) {}

  add(field: FieldName, start: number, end: number, confidence: number): void {
    const s = trimStart(this.text, start, end);
    const e = trimEnd(this.text, s, end);
    if (e > s) this.fields.push({ field, start: s, end: e, confidence });
  }

  /** Every span of `from` becomes a span of `to` (same offsets): a date line read first as published, then found to be the later date. */
  relabel(from: FieldName, to: FieldName): void {
    const f = this.fields;
    for (let i = 0; i < f.length; i++) if (f[i]!.field === from) f[i] = { ...f[i]!, field: to };
  }

  has(field: FieldName): boolean {
    return this.fields.some((f) => f.field === field);
  }

  sorted(): FieldSpan[] {
    const f = this.fields;
    for (let i = 1; i < f.length; i++) {
      const a = f[i - 1]!;
      const b = f[i]!;
      if (b.start < a.start || (b.start === a.start && b.end > a.end)) return stableSort(f, byStartThenLongest);
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
  /** the parse's line table (its noise context, and what it knows of each line) */
  table: LineTable;
  /** the body runs to the end of the capture (nothing after it says where it ends): no end-of-body rules */
  openEnd?: boolean;
  /** kept lines' suspicions go here (confidence.ts builds the dump's confidence from them) */
  suspicions?: LineSuspicion[];
}

interface Piece {
  start: number;
  end: number;
  /** the piece is the whole line (no inline cut) */
  whole: boolean;
  /** a whole piece's text (its line's trimmed text, sliced once by classify); else "" */
  text: string;
  /** which body line (counting only lines that kept a piece) it belongs to */
  line: number;
}

const NO_RANGES: readonly Range[] = [];

/** BYLINE_LIKE, refused by its first code unit before the regex (first-units.ts). */
const BYLINE_LIKE_LINE = new Gated(BYLINE_LIKE);

const SUSPECT_MESSAGE =
  'This body text looks like a publisher prompt (subscribe, sign up, donate, ...) that no rule recognises; check whether it belongs to the article.';

/** An ASCII letter or digit first: the line has a word (HAS_WORD), no regex needed. */
function startsWithAsciiWordChar(t: string): boolean {
  const c = t.charCodeAt(0);
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

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
  // every kept piece, in text order; `lines` counts the body lines that kept one
  const pieces: Piece[] = [];
  let lines = 0;
  let first = true;
  let suspects = 0;
  // the body's non-blank lines, the ones a site/outlet rule takes, and the kind rules' verdicts
  const { table } = opts;
  const noise = table.noise;
  const body: LineInfo[] = [];
  // each body line's index in `ls`
  const at: number[] = [];
  for (const i of idx) {
    if (ls[i]!.kind === 'blank') continue;
    body.push(ls[i]!);
    at.push(i);
  }
  const skip: boolean[] = new Array<boolean>(body.length);
  const texts: string[] = new Array<string>(body.length);
  for (let k = 0; k < body.length; k++) {
    const l = body[k]!;
    texts[k] = l.text;
    skip[k] = l.kind === 'url' || table.noiseRule(at[k]!) !== null;
  }
  // nothing but blank lines after the body: the capture stops in it, so its end says nothing
  const openEnd = opts.openEnd ?? (body.length > 0 && idx[idx.length - 1]! >= table.lastNonBlank);
  const kinds = bodyKinds(texts, skip, openEnd, (k, edge) => table.kind(at[k]!, edge));
  for (let k = 0; k < body.length; k++) {
    const l = body[k]!;
    const t = l.text;
    const base = l.ts;
    const kind = kinds[k]!;
    if (skip[k] || kind.rule !== null) {
      b.add('noise', l.ts, l.te, 0.9);
      // taken by its position only (a tag run, a teaser headline): it may be article text
      if (kind.suspicion > 0) suspect(opts, l.ts, l.te, kind.suspicion, `taken out as ${kind.reason ?? 'boilerplate'}; may be article text`);
      continue;
    }
    if (kind.suspicion > 0) suspect(opts, l.ts, l.te, kind.suspicion, kind.reason ?? '');
    let from = 0;
    if (first && opts.inlineByline && !b.has('byline')) {
      const ib = inlineByline(t);
      if (ib) {
        b.add('byline', base + ib.names[0], base + ib.names[1], 0.75);
        from = ib.bodyStart;
      }
    }
    if (first && from === 0) {
      // the top of a body: a credit line the parser could not read stays in the body
      const doubt = topLineDoubt(t);
      if (doubt) {
        suspect(opts, l.ts, l.te, doubt[0], doubt[1]);
        if (doubt[0] >= WARN_AT) warnings.push({ code: 'SUSPECT_BYLINE', message: `This line at the top of the body ${doubt[1]}; check the byline and date.`, start: l.ts, end: l.te });
      }
    }
    first = false;
    const ranges = noise.inlineRules.length ? inlineNoiseRanges(from ? t.slice(from) : t, opts.source, noise, base + from) : NO_RANGES;
    if (from === 0 && ranges.length === 0) {
      // fast path: the whole (already trimmed) line is body
      const len = l.te - l.ts;
      if (len <= 400 && !startsWithAsciiWordChar(t) && !HAS_WORD.test(t)) continue;
      pieces.push({ start: l.ts, end: l.te, whole: true, text: t, line: lines++ });
      if (suspects < 3 && ((kind.suspicion >= WARN_AT) || (len <= 200 && isSuspectBoilerplate(t, noise)))) {
        suspects++;
        if (kind.suspicion < WARN_AT) suspect(opts, l.ts, l.te, WARN_AT, 'contains publisher-prompt words');
        warnings.push({ code: 'SUSPECT_BOILERPLATE', message: SUSPECT_MESSAGE, start: l.ts, end: l.te });
      }
      continue;
    }
    // inline noise cut out (or an inline byline taken off): the pieces between the cuts
    const cut: Piece[] = [];
    let cur = from;
    for (const [rs, re] of ranges) {
      const s = rs + from;
      b.add('noise', base + s, base + re + from, 0.85);
      if (s > cur) cut.push({ start: base + cur, end: base + s, whole: false, text: '', line: lines });
      cur = re + from;
    }
    if (cur < t.length) cut.push({ start: base + cur, end: base + t.length, whole: false, text: '', line: lines });
    let kept = 0;
    for (const p of cut) {
      const s = trimStart(text, p.start, p.end);
      const e = trimEnd(text, s, p.end);
      if (e <= s) continue;
      const slice = e - s <= 400 ? text.slice(s, e) : '';
      if (slice && !HAS_WORD.test(slice)) continue;
      p.start = s;
      p.end = e;
      pieces.push(p);
      kept++;
      if (slice && suspects < 3 && slice.length <= 200 && isSuspectBoilerplate(slice, noise)) {
        suspects++;
        suspect(opts, s, e, WARN_AT, 'contains publisher-prompt words');
        warnings.push({ code: 'SUSPECT_BOILERPLATE', message: SUSPECT_MESSAGE, start: s, end: e });
      }
    }
    if (kept) lines++;
  }

  // trailing copyright notice: the last body piece (a line it empties still counts as a line)
  const lastPiece = pieces[pieces.length - 1];
  let copyright: Range | null = null;
  if (lastPiece) {
    const s = text.slice(lastPiece.start, Math.min(lastPiece.end, lastPiece.start + 100_000));
    if (lastPiece.end - lastPiece.start === s.length && isCopyrightLine(s)) {
      copyright = [lastPiece.start, lastPiece.end];
      pieces.pop();
    } else if (lastPiece.end - lastPiece.start === s.length) {
      const at = trailingCopyright(s);
      if (at > 0) {
        copyright = [lastPiece.start + at, lastPiece.end];
        lastPiece.end = lastPiece.start + at;
        lastPiece.whole = false;
        const [ns, ne] = trimRange(text, lastPiece.start, lastPiece.end);
        if (ne <= ns) pieces.pop();
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

  for (const p of pieces) b.add('body', p.start, p.end, opts.confidence);

  if (opts.subheads && lines > 1) {
    // one entry per body line: its text if it is a single whole piece, else CUT_LINE (a line cut
    // by inline noise, or emptied by the copyright notice, breaks adjacency)
    const texts: string[] = [];
    const pieceOf: (Piece | null)[] = [];
    let k = 0;
    for (let line = 0; line < lines; line++) {
      const from = k;
      while (k < pieces.length && pieces[k]!.line === line) k++;
      const p = pieces[from];
      if (k - from === 1 && p!.whole && p!.end - p!.start <= 2000) {
        texts.push(p!.text);
        pieceOf.push(p!);
      } else {
        // a last line emptied by the copyright notice is no paragraph a subhead could introduce
        texts.push(k === from && line === lines - 1 ? '' : CUT_LINE);
        pieceOf.push(null);
      }
    }
    const subs = subheadIndexes(texts, openEnd);
    for (const k of subs) {
      const p = pieceOf[k];
      if (p) b.add('subhead', p.start, p.end, isAllCaps(texts[k]!) ? 0.85 : 0.65);
    }
    // a short line that is neither a subhead nor a paragraph: a promo header, button or tag left in
    const runs = openRuns(texts);
    let si = 0;
    for (let k = 0; k < texts.length; k++) {
      while (si < subs.length && subs[si]! < k) si++;
      if (subs[si] === k) continue;
      const p = pieceOf[k];
      if (!p || LIST_ITEM_LINE.test(texts[k]!)) continue;
      const t = texts[k]!;
      // "Image: Harbour Trust": a picture's credit line is article furniture, not a left-over prompt
      if (CREDIT_LABEL_LINE.test(t)) continue;
      if (isShortLine(t) && !(k > 0 && isShortLine(texts[k - 1]!)) && !(k + 1 < texts.length && isShortLine(texts[k + 1]!))) {
        suspect(opts, p.start, p.end, 0.3, 'short line that is neither a subhead nor a paragraph');
      } else if (t.length <= 140 && !closesSentence(t) && !DATELINE_END.test(t) && !CAPTION_MARKS.test(t) && !(openEnd && k === texts.length - 1) && runs[k]! < 3) {
        // one line among paragraphs that does not end like a sentence: a teaser headline, a tag?
        suspect(opts, p.start, p.end, 0.25, 'line among paragraphs that does not end like a sentence');
      }
    }
  }
}

/** What SENTENCE_CLOSED matches (the last code unit closes a sentence), without scanning the line. */
function closesSentence(t: string): boolean {
  const c = t.charCodeAt(t.length - 1);
  return c === 46 || c === 33 || c === 63 || c === 39 || c === 34 || c === 0x2019 || c === 0x201d || c === 41;
}

/** openRuns' answer, reused from call to call (a typed array is costly to create; each answer is read before the next call). */
let RUNS = new Int32Array(64);

/**
 * For each line, the length of the run of consecutive lines not ending like sentences it is in (0
 * for a sentence). The array is shared: valid until the next call.
 */
function openRuns(texts: readonly string[]): Int32Array {
  const n = texts.length;
  if (RUNS.length < n) RUNS = new Int32Array(Math.max(n, 2 * RUNS.length));
  const run = RUNS;
  run.fill(0, 0, n);
  let i = 0;
  while (i < n) {
    const t = texts[i]!;
    if (t === CUT_LINE || t === '' || closesSentence(t)) {
      i++;
      continue;
    }
    let j = i;
    while (j < n && texts[j] !== CUT_LINE && texts[j] !== '' && !closesSentence(texts[j]!)) j++;
    run.fill(j - i, i, j);
    i = j;
  }
  return run;
}

/** A suspicion of at least this much also gives a warning on its span. */
export const WARN_AT = 0.5;

function suspect(opts: BodyOptions, start: number, end: number, suspicion: number, reason: string): void {
  opts.suspicions?.push({ start, end, suspicion, reason });
}

/**
 * The first body line, when it looks like a byline or credit line that was not read: "By Jane
 * Doe3 hours ago", "By J. DOE | ..." -> [suspicion, reason]; null for an ordinary first line.
 */
function topLineDoubt(t: string): [number, string] | null {
  if (t.length > 140) return null;
  if (BYLINE_LIKE_LINE.test(t) && !MONTH_WORD.test(t.slice(3).split(' ')[0] ?? '')) return [0.6, 'looks like a byline or credit line the parser could not read'];
  if (t.length <= 80 && DIGIT.test(t) && !SENTENCE_CLOSED.test(t) && datePhraseIn(t)) return [0.5, 'holds a date the parser did not take as the published date'];
  return null;
}

/** Whether a date phrase starts at some word of t. */
function datePhraseIn(t: string): boolean {
  for (let i = 0; i >= 0 && i < t.length; i = t.indexOf(' ', i + 1)) if (datePhraseEnd(t, i === 0 ? 0 : i + 1) > 0) return true;
  return false;
}

/** "By Tom Balmforth, ..." on its own line: the names' absolute range, or null. */
export function bylineSpan(l: LineInfo): Range | null {
  const r = bylineFromLine(l.text);
  return r ? [l.ts + r[0], l.ts + r[1]] : null;
}
