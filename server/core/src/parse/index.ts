import type { FieldSpan, LineSuspicion, ParseOptions, ParseWarning, Segment, SegmentKind, Segmentation } from './types.ts';
import { splitLines } from './lines.ts';
import {
  classify,
  echoName,
  findBoilerplateRun,
  findHeaders,
  isBoiler,
  isCutLast,
  isHeaderPrefix,
  nextNonBlank,
  startsWithDashHeader,
} from './blocks.ts';
import type { Header, LineInfo, Run } from './blocks.ts';
import { ArticleBuilder, buildBody } from './article.ts';
import { echoLine, gluedSourceDate, isTimePrefix, looksLikeSourceLine, timeLine } from './fields/dates.ts';
import { noiseContext } from './fields/noise.ts';
import { headlineAfterKicker } from './fields/kicker.ts';
import { bareNames } from './fields/credit.ts';
import { LineTable } from './line-table.ts';
import { scoreDump } from './confidence.ts';
import { applyLearned, hasLearned, outsideTaken } from './learned.ts';
import { ENDS_SENTENCE, SENTENCE_CLOSED } from './patterns.ts';
import { stableSort } from './sort.ts';

export * from './types.ts';

/** Bumped whenever the parser's output changes for any input (semver). */
export const PARSER_VERSION = '1.0.0';

interface Part {
  kind: SegmentKind;
  from: number;
  /** exclusive line index */
  to: number;
  fields: FieldSpan[];
  confidence: number;
}

interface Ctx {
  text: string;
  ls: LineInfo[];
  parts: Part[];
  warnings: ParseWarning[];
  /** facts about the capture that make no parse suspect (it stops mid-sentence, ...) */
  notes: ParseWarning[];
  /** lines the parser doubts (fields/kinds.ts, article.ts): the dump's confidence is built from them */
  suspicions: LineSuspicion[];
  /** what is asked of each line, answered once (noise rules, kinds, credit lines) */
  table: LineTable;
}

function warn(ctx: Ctx, code: string, message: string, fromLine: number, toLine: number): void {
  const a = ctx.ls[fromLine];
  const b = ctx.ls[Math.max(fromLine, toLine - 1)];
  ctx.warnings.push({ code, message, start: a ? a.start : 0, end: b ? b.end : 0 });
}

/** A fact about the capture (not a doubt about the parse): listed in `notes`, not in `warnings`. */
function note(ctx: Ctx, code: string, message: string, fromLine: number, toLine: number): void {
  const a = ctx.ls[fromLine];
  const b = ctx.ls[Math.max(fromLine, toLine - 1)];
  ctx.notes.push({ code, message, start: a ? a.start : 0, end: b ? b.end : 0 });
}

/** Text in, segmentation out. Pure: no I/O, no clock. */
export function parseDump(text: string, opts: ParseOptions = {}): Segmentation {
  const ls = classify(text, splitLines(text));
  const ctx: Ctx = { text, ls, parts: [], warnings: [], notes: [], suspicions: [], table: new LineTable(ls, noiseContext(text)) };
  const n = ls.length;
  let template = 'unknown';

  // leading chrome: blank lines, "logo", "#", "Latest news with #TAG", URL residue
  let i = 0;
  let logo = false;
  let listing = false;
  while (i < n) {
    const l = ls[i]!;
    if (l.kind === 'blank') {
      i++;
      continue;
    }
    if (l.kind === 'weak' && (l.text === 'logo' || l.text === '#')) {
      if (l.text === 'logo') logo = true;
    } else if (l.kind === 'listing') listing = true;
    else if (l.kind !== 'url') break;
    ctx.parts.push({ kind: 'boilerplate', from: i, to: i + 1, fields: [], confidence: 0.97 });
    i++;
  }

  if (!listing && startsWithDashHeader(ls, i, n)) listing = true;

  let zoneStart = n;
  let anchor: Run | null = null;
  let mainConf = 0;
  if (listing) {
    template = 'hashtag-listing';
    zoneStart = i;
  } else if (i < n) {
    anchor = findBoilerplateRun(ls, i + 1, text.length);
    let mainEnd = anchor ? anchor.start : n;
    if (!anchor) {
      // no site boilerplate: stop at a convincing related-block header, if any
      const hs = findHeaders(ls, i + 1, n).filter((h) => h.style === 'dash' && h.confidence > 0.9);
      if (hs[0]) {
        mainEnd = hs[0].start;
        zoneStart = mainEnd;
        warn(ctx, 'NO_BOILERPLATE_ANCHOR', 'No site boilerplate ("Hashtags", "Try Our AI Features") between the main article and the related blocks; the main article is taken to end before the first block.', i, mainEnd);
      }
    }
    template = logo ? 'logo' : anchor ? 'flat' : 'unknown';
    if (anchor) {
      if (anchor.partial) warn(ctx, 'TRUNCATED_IN_BOILERPLATE', 'The capture stops inside the site boilerplate; its last line was read as a cut-off boilerplate line.', anchor.end - 1, anchor.end);
      zoneStart = anchor.end;
    }
    mainConf = buildMain(ctx, i, mainEnd, logo, !!anchor);
    // pushed after the main article's part, so that parts stay in text order
    if (anchor) ctx.parts.push({ kind: 'boilerplate', from: anchor.start, to: anchor.end, fields: [], confidence: anchor.partial ? 0.6 : 0.98 });
    if (!anchor && template === 'unknown' && !isCutLast(ls, n - 1, text.length)) {
      warn(ctx, 'UNKNOWN_TEMPLATE', 'Neither the logo template nor the site boilerplate was found, and the text does not look cut off: the page layout is not one the parser knows.', i, n);
    } else if (!anchor && zoneStart >= n) {
      template = logo ? 'logo' : 'flat';
      note(ctx, 'NO_BOILERPLATE_ANCHOR', 'The site boilerplate was not found: the capture seems to stop inside the main article, which is taken to run to the end.', i, n);
    }
  }
  if (zoneStart < n) buildRelatedZone(ctx, zoneStart, n, logo || listing);

  const last = ls[n - 1];
  if (last && last.next === text.length && last.end === text.length && last.te > last.ts && !SENTENCE_CLOSED.test(last.text)) {
    note(ctx, 'TRUNCATED', 'The capture stops mid-sentence: the last article is probably incomplete.', n - 1, n);
  }

  const segments = assemble(ctx);
  if (hasLearned(opts)) {
    // learned inputs take whole lines the built-in rules kept as body; what the parser doubted
    // about those lines is settled with them (before the confidence is built from the doubts)
    const taken = applyLearned(text, segments, opts);
    ctx.suspicions = outsideTaken(ctx.suspicions, taken);
    ctx.warnings = outsideTaken(ctx.warnings, taken);
  }
  return {
    parserVersion: PARSER_VERSION,
    length: text.length,
    template,
    segments,
    warnings: ctx.warnings,
    notes: ctx.notes,
    suspicions: ctx.suspicions,
    confidence: scoreDump(segments, ctx.warnings, template, mainConf, ctx.suspicions, ctx.notes),
  };
}

/** The main article: headline, [duplicate headline], [source+date], [byline], body. */
function buildMain(ctx: Ctx, lo: number, hi: number, logo: boolean, anchored: boolean): number {
  const { ls, text } = ctx;
  let end = hi;
  while (end > lo && ls[end - 1]!.kind === 'blank') end--;
  if (end <= lo) return 0;
  const b = new ArticleBuilder(text);
  // "POLITICS" / "EXCLUSIVE:" above the headline: a section kicker (fields/kicker.ts), not the headline
  const hl = logo ? lo : headlineAfterKicker(ls, lo, end, ctx.table);
  if (hl > lo) b.add('noise', ls[lo]!.ts, ls[lo]!.te, 0.8);
  const h = ls[hl]!;
  let conf = anchored ? 0.95 : 0.8;
  b.add('headline', h.ts, h.te, 0.95);
  let j = nextNonBlank(ls, hl, end);
  if (j < end && ls[j]!.text === h.text) j = nextNonBlank(ls, j, end);
  else if (logo) {
    conf -= 0.1;
    if (j < end) warn(ctx, 'NO_DUPLICATE_HEADLINE', 'Logo template without the repeated headline: the first line was taken as the headline.', lo, lo + 1);
  }
  // the published span came from a line labelled with a later date only ("Last updated X")
  let laterPublished = false;
  for (let guard = 0; guard < 6 && j < end; guard++) {
    const l = ls[j]!;
    if (!b.has('published') && !b.has('byline')) {
      const g = gluedSourceDate(l.text);
      if (g) {
        if (g.source) b.add('source', l.ts + g.source[0], l.ts + g.source[1], 0.85);
        b.add('published', l.ts + g.date[0], l.ts + g.date[1], 0.9);
        j = nextNonBlank(ls, j, end);
        continue;
      }
    }
    const c = ctx.table.credit(j);
    // "Last updated X" then "Posted Y" on the next line: the original date replaces the later one
    const original = !!c?.date && !c.later && laterPublished;
    // ... and "Updated X" under the published date is the later date: not body either
    const later = !!c?.later && b.has('published');
    if (c && ((c.names && !b.has('byline')) || (c.date && !b.has('published')) || original || later)) {
      // "By X", "By X · 3 hours ago", "12 March 2024 by X", "Posted 09:30 GMT, 12 March 2024 - last modified ..."
      if (c.names && !b.has('byline')) for (const r of c.names) b.add('byline', l.ts + r[0], l.ts + r[1], 0.9);
      if (original) b.relabel('published', 'noise');
      if (c.date && !b.has('published')) {
        b.add('published', l.ts + c.date[0], l.ts + c.date[1], 0.85);
        laterPublished = !!c.later;
      } else if (c.date) b.add('noise', l.ts + c.date[0], l.ts + c.date[1], 0.8);
      j = nextNonBlank(ls, j, end);
      continue;
    }
    // "Jane Doe" alone, then a date line: the names are the byline (fields/credit.ts bareNames)
    if (!c && !b.has('byline') && !b.has('published')) {
      const k = nextNonBlank(ls, j, end);
      const names = k < end && ctx.table.credit(k)?.date && !ctx.table.credit(k)!.names ? bareNames(l.text) : null;
      if (names) {
        for (const r of names) b.add('byline', l.ts + r[0], l.ts + r[1], 0.8);
        j = k;
        continue;
      }
    }
    const rule = ctx.table.noiseRule(j);
    if (rule === 'bare-by' || rule === 'published-updated') {
      b.add('noise', l.ts, l.te, 0.9);
      j = nextNonBlank(ls, j, end);
      continue;
    }
    // publisher furniture between the headline and a credit line (share row, consent banner,
    // newsletter prompt): taken out here so that the credit line after it is still read
    if (!b.has('byline') || !b.has('published')) {
      const k = rule ? null : ctx.table.kind(j, true);
      if (rule || (k && k.rule !== null && k.suspicion === 0)) {
        const c = nextCredit(ctx.table, j, end);
        if (c) {
          for (let m = j; m < c; m++) if (ls[m]!.kind !== 'blank') b.add('noise', ls[m]!.ts, ls[m]!.te, 0.85);
          j = c;
          continue;
        }
      }
    }
    break;
  }
  const idx: number[] = [];
  for (let k = j; k < end; k++) idx.push(k);
  const src = b.fields.find((f) => f.field === 'source');
  buildBody(b, ls, idx, { source: src ? text.slice(src.start, src.end) : null, inlineByline: true, subheads: true, confidence: anchored ? 0.92 : 0.85, table: ctx.table, suspicions: ctx.suspicions }, ctx.warnings);
  ctx.parts.push({ kind: 'main', from: lo, to: end, fields: b.sorted(), confidence: conf });
  return conf;
}

/**
 * The first credit line among the next few lines after line j (publisher furniture in between, every
 * line of which a noise or kind rule takes), or null.
 */
function nextCredit(table: LineTable, j: number, end: number): number | null {
  let k = j;
  for (let n = 0; n < 6 && k < end; n++) {
    if (table.ls[k]!.kind !== 'blank') {
      if (table.credit(k)) return k;
      if (!table.noiseRule(k) && table.kind(k, true).rule === null) return null;
    }
    k++;
  }
  return null;
}

/** Related blocks (or a listing's blocks) in [lo, hi). */
function buildRelatedZone(ctx: Ctx, lo: number, hi: number, bulletDefault: boolean): void {
  const { ls } = ctx;
  const headers = findHeaders(ls, lo, hi);
  const style = headers.length ? (headers.filter((h) => h.style === 'bullet').length * 2 >= headers.length ? 'bullet' : 'dash') : bulletDefault ? 'bullet' : 'dash';
  let cursor = lo;
  for (let k = 0; k < headers.length; k++) {
    const h = headers[k]!;
    const limit = headers[k + 1]?.start ?? hi;
    leftovers(ctx, cursor, h.start, style, false);
    cursor = buildBlock(ctx, h, limit);
  }
  leftovers(ctx, cursor, hi, style, true);
}

/** Lines between blocks: boilerplate lines, blank runs, or text nothing claims. */
function leftovers(ctx: Ctx, lo: number, hi: number, style: 'dash' | 'bullet', tail: boolean): void {
  const { ls } = ctx;
  let k = lo;
  while (k < hi) {
    const l = ls[k]!;
    if (l.kind === 'blank') {
      k++;
      continue;
    }
    if (isBoiler(l.kind)) {
      ctx.parts.push({ kind: 'boilerplate', from: k, to: k + 1, fields: [], confidence: l.kind === 'url' ? 0.9 : 0.95 });
      k++;
      continue;
    }
    // a run of text up to the next boilerplate line
    let e = k;
    const idx: number[] = [];
    while (e < hi && !isBoiler(ls[e]!.kind)) {
      if (ls[e]!.kind !== 'blank') idx.push(e);
      e++;
    }
    const runEnd = idx[idx.length - 1]! + 1;
    const atEnd = tail && e >= ls.length;
    const first = ls[idx[0]!]!;
    const headlineLike = first.te - first.ts <= 250 && !ENDS_SENTENCE.test(first.text);
    if (atEnd && style === 'bullet' && headlineLike) {
      tailBlock(ctx, idx);
    } else if (atEnd && isHeaderPrefix(ls, idx)) {
      warn(ctx, 'TRUNCATED_HEADER', 'The capture stops inside a related block header, before its headline: the block is not counted.', k, runEnd);
    } else {
      warn(ctx, 'UNATTRIBUTED_TEXT', 'Text between related blocks that belongs to no block the parser recognised.', k, runEnd);
    }
    k = e;
  }
}

/** A bullet-style block cut before its time line: headline, [headline], [source]. */
function tailBlock(ctx: Ctx, idx: number[]): void {
  const { ls, text } = ctx;
  const first = idx[0]!;
  const b = new ArticleBuilder(text);
  const hl = ls[first]!;
  b.add('headline', hl.ts, hl.te, 0.6);
  const body: number[] = [];
  let sawTime = false;
  for (let m = 1; m < idx.length; m++) {
    const l = ls[idx[m]!]!;
    if (!sawTime && (l.text === hl.text || (hl.text.startsWith(l.text) && m === 1))) continue;
    const tl = timeLine(l.text);
    if (tl && !b.has('published')) {
      b.add('published', l.ts + tl[0], l.ts + tl[1], 0.8);
      sawTime = true;
      continue;
    }
    if (!sawTime && !b.has('source') && looksLikeSourceLine(l.text) && body.length === 0) {
      b.add('source', l.ts, l.te, 0.5);
      continue;
    }
    if (isTimePrefix(l.text) && m === idx.length - 1) continue;
    const e = echoLine(l.text);
    if (e) {
      b.add(b.has('source') ? 'section' : 'source', l.ts + e.name[0], l.ts + e.name[1], 0.6);
      continue;
    }
    body.push(idx[m]!);
  }
  buildBody(b, ls, body, { source: null, inlineByline: true, subheads: false, confidence: 0.6, table: ctx.table, suspicions: ctx.suspicions }, ctx.warnings);
  ctx.parts.push({ kind: 'related', from: first, to: idx[idx.length - 1]! + 1, fields: b.sorted(), confidence: 0.55 });
  warn(ctx, 'TRUNCATED_BLOCK', 'The capture stops inside a related block before its time line: the block was read from its headline alone.', first, idx[idx.length - 1]! + 1);
}

/** One related block from its header; returns the line index after the block's last line. */
function buildBlock(ctx: Ctx, h: Header, limit: number): number {
  const { ls, text } = ctx;
  const b = new ArticleBuilder(text);
  let headlineIdx = h.style === 'bullet' ? h.headline : -1;
  let bodyFrom: number;
  if (h.style === 'dash') {
    if (h.after < limit && !isBoiler(ls[h.after]!.kind)) headlineIdx = h.after;
    bodyFrom = headlineIdx >= 0 ? headlineIdx + 1 : h.after;
  } else {
    bodyFrom = h.after;
  }
  let headerEnd = h.time;
  for (const x of h.echoes) headerEnd = Math.max(headerEnd, x);
  for (const x of h.dups) headerEnd = Math.max(headerEnd, x);
  headerEnd += 1;
  if (headlineIdx < 0) {
    // header without a headline: the capture stopped before it (or the layout is unknown)
    const cut = h.after >= ls.length || (h.after >= limit && limit >= ls.length);
    warn(
      ctx,
      cut ? 'TRUNCATED_HEADER' : 'UNATTRIBUTED_TEXT',
      cut ? 'The capture stops right after a related block header, before its headline: the block is not counted.' : 'A related block header is followed by no headline.',
      h.start,
      headerEnd,
    );
    return headerEnd;
  }
  const hl = ls[headlineIdx]!;
  b.add('headline', hl.ts, hl.te, h.confidence > 0.9 ? 0.95 : 0.75);
  let sourceName: string | null = null;
  if (h.source >= 0) {
    const s = ls[h.source]!;
    b.add('source', s.ts, s.te, h.confidence);
    sourceName = s.text;
  }
  const tl = timeLine(ls[h.time]!.text);
  if (tl) b.add('published', ls[h.time]!.ts + tl[0], ls[h.time]!.ts + tl[1], 0.95);
  // echo lines: the one naming the source is its echo; others are categories ("- General")
  let echoIdx = -1;
  if (sourceName !== null) {
    for (const e of h.echoes) if (echoName(ls[e]!.text) === sourceName) echoIdx = e;
  }
  if (echoIdx < 0 && h.echoes.length) {
    echoIdx = h.echoes[h.echoes.length - 1]!;
    if (sourceName === null) {
      const el = ls[echoIdx]!;
      const m = echoLine(el.text);
      if (m) {
        b.add('source', el.ts + m.name[0], el.ts + m.name[1], 0.75);
        sourceName = el.text.slice(m.name[0], m.name[1]);
      }
    } else {
      warn(ctx, 'ECHO_MISMATCH', `The related block's source line ("${sourceName.slice(0, 60)}") is not echoed by its "- Source" line; the block boundaries may be wrong.`, h.start, echoIdx + 1);
    }
  }
  for (const e of h.echoes) {
    if (e === echoIdx) continue;
    const el = ls[e]!;
    const m = echoLine(el.text);
    if (m) b.add('section', el.ts + m.name[0], el.ts + m.name[1], 0.8);
  }
  // body: contiguous non-blank lines after the headline (skipping blanks before the first)
  const body: number[] = [];
  let k = bodyFrom;
  while (k < limit && ls[k]!.kind === 'blank') k++;
  while (k < limit && ls[k]!.kind !== 'blank' && !isBoiler(ls[k]!.kind)) {
    body.push(k);
    k++;
  }
  // a header cut off by the end of the capture, glued to the body ("...body\nYahoo\n2 ho")
  if (limit >= ls.length && k >= ls.length && body.length > 1) {
    for (let cut = Math.min(3, body.length - 1); cut >= 1; cut--) {
      const tailIdx = body.slice(body.length - cut);
      if (isHeaderPrefix(ls, tailIdx) && !ls[tailIdx[0]!]!.text.endsWith('.')) {
        body.length -= cut;
        warn(ctx, 'TRUNCATED_HEADER', 'The capture stops inside the next related block header, before its headline: the block is not counted.', tailIdx[0]!, tailIdx[tailIdx.length - 1]! + 1);
        break;
      }
    }
  }
  buildBody(b, ls, body, { source: sourceName, inlineByline: true, subheads: false, confidence: h.confidence > 0.9 ? 0.9 : 0.7, table: ctx.table, suspicions: ctx.suspicions }, ctx.warnings);
  const lastLine = body.length ? body[body.length - 1]! : Math.max(headlineIdx, headerEnd - 1);
  headerEnd = lastLine + 1;
  ctx.parts.push({ kind: 'related', from: h.start, to: headerEnd, fields: b.sorted(), confidence: h.confidence });
  return headerEnd;
}

function byFirstLine(a: Part, b: Part): number {
  return a.from - b.from;
}

/** Parts (line ranges) -> a partition of the text, gaps filled with residue. */
function assemble(ctx: Ctx): Segment[] {
  const { ls, text } = ctx;
  // non-empty parts in line order (usually already in order; sort is stable when it is needed)
  const parts: Part[] = [];
  let ordered = true;
  for (const p of ctx.parts) {
    if (p.to <= p.from) continue;
    if (parts.length && p.from < parts[parts.length - 1]!.from) ordered = false;
    parts.push(p);
  }
  if (!ordered) stableSort(parts, byFirstLine);
  // merge boilerplate parts separated only by blank lines
  const merged: Part[] = [];
  for (const p of parts) {
    const last = merged[merged.length - 1];
    if (last && last.kind === 'boilerplate' && p.kind === 'boilerplate' && allBlank(ls, last.to, p.from)) {
      last.to = Math.max(last.to, p.to);
      last.confidence = Math.min(last.confidence, p.confidence);
      continue;
    }
    merged.push(p);
  }
  const segs: Segment[] = [];
  let pos = 0;
  let lineCursor = 0;
  for (const p of merged) {
    const a = ls[p.from]!;
    const z = ls[p.to - 1]!;
    if (a.start < pos) continue; // overlapping part: ignore (defensive)
    pushResidue(segs, ls, pos, a.start, lineCursor, p.from);
    segs.push({ kind: p.kind, start: a.start, end: z.next, fields: p.fields, confidence: p.confidence });
    pos = z.next;
    lineCursor = p.to;
  }
  pushResidue(segs, ls, pos, text.length, lineCursor, ls.length);
  return segs;
}

/** Text [start, end) (lines [fromLine, toLine)) that no part claims, as a residue segment. */
function pushResidue(segs: Segment[], ls: readonly LineInfo[], start: number, end: number, fromLine: number, toLine: number): void {
  if (end <= start) return;
  const blank = allBlank(ls, fromLine, toLine);
  segs.push({ kind: 'residue', start, end, fields: [], confidence: blank ? 1 : 0.3 });
}

function allBlank(ls: readonly LineInfo[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (ls[k]!.kind !== 'blank') return false;
  return true;
}

