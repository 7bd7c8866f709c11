import type { FieldName, FieldSpan, ParseOptions, Segmentation } from '../parse/types.ts';
import { ABSOLUTE_DATE, CRLF, RELATIVE_DATE } from '../parse/patterns.ts';
import type { DerivedArticle } from './types.ts';

/**
 * THE SLICE RULE (the one place it is defined; tests check every derived value against it):
 * a field's value is, for each of its spans in text order, the raw slice text[start, end) with
 * "\r\n" turned into "\n" and trimmed of surrounding white space; empty pieces are dropped and
 * the rest joined with "\n". A field without spans is null ("" for body, [] for subheads, where
 * each subhead span is one entry).
 */
export function sliceValue(text: string, spans: readonly FieldSpan[]): string | null {
  const parts: string[] = [];
  for (const s of spans) {
    const v = spanText(text, s);
    if (v) parts.push(v);
  }
  return parts.length ? parts.join('\n') : null;
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
    const t = Date.UTC(y, m - 1, d);
    const date = new Date(t);
    if (date.getUTCDate() !== d || date.getUTCMonth() !== m - 1) return null;
    return date.toISOString();
  }
  const rel = RELATIVE_DATE.exec(p);
  if (!rel || !fetchedAt) return null;
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
  seg.segments.forEach((s, segmentIndex) => {
    if (s.kind !== 'main' && s.kind !== 'related') return;
    const g = groupSpans(s.fields);
    const spansOf = (name: FieldName): readonly FieldSpan[] => g.get(name) ?? NONE;
    const published = sliceValue(text, spansOf('published'));
    out.push({
      role: s.kind,
      position: out.length,
      segmentIndex,
      headline: sliceValue(text, spansOf('headline')),
      byline: sliceValue(text, spansOf('byline')),
      source: sliceValue(text, spansOf('source')),
      published,
      publishedAt: publishedAt(published, opts.fetchedAt),
      section: sliceValue(text, spansOf('section')),
      body: sliceValue(text, spansOf('body')) ?? '',
      copyright: sliceValue(text, spansOf('copyright')),
      subheads: spansOf('subhead').map((f) => spanText(text, f)).filter((v) => v !== ''),
      start: s.start,
      end: s.end,
      confidence: s.confidence,
    });
  });
  // main first, then related in page order
  out.sort((a, b) => (a.role === b.role ? a.start - b.start : a.role === 'main' ? -1 : 1));
  out.forEach((a, i) => (a.position = i));
  return out;
}
