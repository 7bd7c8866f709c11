import type { FieldName, FieldSpan, ParseOptions, Segmentation } from '../parse/types.ts';
import { ABSOLUTE_DATE, CRLF, RELATIVE_DATE } from '../parse/patterns.ts';
import type { DerivedArticle } from './types.ts';
import { absoluteDateIso } from '../parse/fields/dates.ts';

/**
 * THE SLICE RULE (the one place it is defined; tests check every derived value against it):
 * a field's value is, for each of its spans in text order, the raw slice text[start, end) with
 * "\r\n" turned into "\n" and trimmed of surrounding white space; empty pieces are dropped and
 * the rest joined with "\n". A field without spans is null ("" for body, [] for subheads, where
 * each subhead span is one entry). One exception: several byline spans are several people's
 * names on one credit line ("By A, Senior Writer, and B, Staff"), joined as a list of names
 * (nameList: "A and B", "A, B and C").
 */
export function sliceValue(text: string, spans: readonly FieldSpan[]): string | null {
  const parts: string[] = [];
  for (const s of spans) {
    const v = spanText(text, s);
    if (v) parts.push(v);
  }
  return parts.length ? parts.join('\n') : null;
}

/** Several byline pieces (one per credited person or group) as one list of names: "A and B", "A, B and C". */
export function nameList(parts: readonly string[]): string | null {
  if (parts.length <= 1) return parts[0] ?? null;
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]!}`;
}

/** One span's text under the slice rule. */
export function spanText(text: string, s: { start: number; end: number }): string {
  const v = text.slice(s.start, s.end);
  return (v.includes('\r\n') ? v.replace(CRLF, '\n') : v).trim();
}

/** A segment's spans grouped by field, each group in text order. */
function groupSpans(fields: readonly FieldSpan[]): Map<FieldName, FieldSpan[]> {
  const m = new Map<FieldName, FieldSpan[]>();
  let sorted = true;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    if (i > 0 && f.start < fields[i - 1]!.start) sorted = false;
    const g = m.get(f.field);
    if (g) g.push(f);
    else m.set(f.field, [f]);
  }
  if (!sorted) for (const g of m.values()) g.sort((a, b) => a.start - b.start);
  return m;
}

/** Field values of one segment (the slice rule applied per field). */
interface Values {
  headline: string | null;
  byline: string | null;
  source: string | null;
  published: string | null;
  section: string | null;
  body: string | null;
  copyright: string | null;
  subheads: string[];
}

function isInTextOrder(fields: readonly FieldSpan[]): boolean {
  for (let i = 1; i < fields.length; i++) if (fields[i]!.start < fields[i - 1]!.start) return false;
  return true;
}

/**
 * The slice rule for every field of a segment in one pass over its spans. Spans already in text
 * order (what the parser emits) need no grouping; any other order goes through groupSpans.
 * `crlf`: whether the text holds a "\r" (else no span has a "\r\n" to turn into "\n").
 */
function segmentValues(text: string, fields: readonly FieldSpan[], crlf: boolean): Values {
  const v: Values = { headline: null, byline: null, source: null, published: null, section: null, body: null, copyright: null, subheads: [] };
  if (!isInTextOrder(fields)) {
    const g = groupSpans(fields);
    const of = (name: FieldName): readonly FieldSpan[] => g.get(name) ?? NONE;
    v.headline = sliceValue(text, of('headline'));
    v.byline = nameList(of('byline').map((f) => spanText(text, f)).filter((x) => x !== ''));
    v.source = sliceValue(text, of('source'));
    v.published = sliceValue(text, of('published'));
    v.section = sliceValue(text, of('section'));
    v.body = sliceValue(text, of('body'));
    v.copyright = sliceValue(text, of('copyright'));
    v.subheads = of('subhead').map((f) => spanText(text, f)).filter((x) => x !== '');
    return v;
  }
  const body: string[] = [];
  const bylines: string[] = [];
  // body lines that follow each other with one "\n" between them are one slice of the text
  // (what joining their trimmed pieces with "\n" gives): [runStart, runEnd), -1 when none open
  let runStart = -1;
  let runEnd = -1;
  for (const f of fields) {
    const field = f.field;
    if (field === 'noise') continue;
    if (field === 'body' && !crlf && f.end > f.start && !isWs(text.charCodeAt(f.start)) && !isWs(text.charCodeAt(f.end - 1))) {
      // already trimmed and not empty
      if (runStart >= 0 && f.start === runEnd + 1 && text.charCodeAt(runEnd) === 10) runEnd = f.end;
      else {
        if (runStart >= 0) body.push(text.slice(runStart, runEnd));
        runStart = f.start;
        runEnd = f.end;
      }
      continue;
    }
    const x = crlf ? spanText(text, f) : text.slice(f.start, f.end).trim();
    if (x === '') continue;
    switch (field) {
      case 'body':
        if (runStart >= 0) body.push(text.slice(runStart, runEnd));
        runStart = -1;
        body.push(x);
        break;
      case 'subhead':
        v.subheads.push(x);
        break;
      case 'byline':
        bylines.push(x);
        break;
      default:
        v[field] = v[field] === null ? x : `${v[field]}\n${x}`;
    }
  }
  if (runStart >= 0) body.push(text.slice(runStart, runEnd));
  v.byline = nameList(bylines);
  if (body.length) v.body = body.length === 1 ? body[0]! : body.join('\n');
  return v;
}

/** what String.prototype.trim strips, for the one code unit at each end of a span */
function isWs(c: number): boolean {
  return c <= 32 ? c === 32 || (c >= 9 && c <= 13) : c >= 0xa0 && /\s/u.test(String.fromCharCode(c));
}

const NONE: readonly FieldSpan[] = [];

const UNIT_MS: Readonly<Record<string, number>> = {
  second: 1000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
  month: 30 * 86_400_000,
  year: 365 * 86_400_000,
};

/** Days in month m (1-12) of year y in the proleptic Gregorian calendar (as Date counts them). */
function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * ISO timestamp from the page's date text: "23-04-2025" (DD-MM-YYYY, absolute: midnight UTC,
 * needs no capture time) or "3 hours ago" / "an hour ago" / "a day ago" (relative: needs
 * `fetchedAt`; months count 30 days, years 365). Null when it cannot be known.
 */
export function publishedAt(published: string | null, fetchedAt?: string | null): string | null {
  if (!published) return null;
  const p = published.trim();
  const abs = ABSOLUTE_DATE.exec(p);
  if (abs) {
    const d = Number(abs[1]);
    const m = Number(abs[2]);
    const y = Number(abs[3]);
    if (m < 1 || m > 12 || d < 1 || d > 31) return null;
    // what Date.UTC(y, m - 1, d).toISOString() gives, without the Date round trip: Date.UTC
    // reads years 0-99 as 1900-1999; a day past the month's end is no date
    const year = y <= 99 ? 1900 + y : y;
    if (d > daysInMonth(year, m)) return null;
    return `${String(year).padStart(4, '0')}-${pad2(m)}-${pad2(d)}T00:00:00.000Z`;
  }
  if (!RELATIVE_DATE.test(p)) {
    // a credit or labelled date line's absolute date ("09:30 GMT, 12 March 2024")
    const a = absoluteDateIso(p);
    if (a) return a;
  }
  if (!fetchedAt) return null;
  const rel = RELATIVE_DATE.exec(p);
  if (!rel) return null;
  const base = Date.parse(fetchedAt);
  if (Number.isNaN(base)) return null;
  const count = rel[1] === 'a' || rel[1] === 'an' ? 1 : Number(rel[1]);
  const unit = UNIT_MS[rel[2] ?? ''];
  if (unit === undefined) return null;
  const t = base - count * unit;
  if (!Number.isFinite(t) || Math.abs(t) > 8.64e15) return null;
  return new Date(t).toISOString();
}

/** Pure: segmentation + text -> one article per 'main' / 'related' segment, in page order. */
export function deriveArticles(text: string, seg: Segmentation, opts: ParseOptions = {}): DerivedArticle[] {
  const out: DerivedArticle[] = [];
  const segments = seg.segments;
  const crlf = text.includes('\r');
  for (let segmentIndex = 0; segmentIndex < segments.length; segmentIndex++) {
    const s = segments[segmentIndex]!;
    if (s.kind !== 'main' && s.kind !== 'related') continue;
    const v = segmentValues(text, s.fields, crlf);
    out.push({
      role: s.kind,
      position: out.length,
      segmentIndex,
      headline: v.headline,
      byline: v.byline,
      source: v.source,
      published: v.published,
      publishedAt: publishedAt(v.published, opts.fetchedAt),
      section: v.section,
      body: v.body ?? '',
      copyright: v.copyright,
      subheads: v.subheads,
      start: s.start,
      end: s.end,
      confidence: s.confidence,
    });
  }
  // main first, then related in page order (segments come in page order, so usually they are)
  if (!inArticleOrder(out)) {
    out.sort(byArticleOrder);
    for (let i = 0; i < out.length; i++) out[i]!.position = i;
  }
  return out;
}

function byArticleOrder(a: DerivedArticle, b: DerivedArticle): number {
  return a.role === b.role ? a.start - b.start : a.role === 'main' ? -1 : 1;
}

function inArticleOrder(out: readonly DerivedArticle[]): boolean {
  for (let i = 1; i < out.length; i++) if (byArticleOrder(out[i - 1]!, out[i]!) > 0) return false;
  return true;
}
