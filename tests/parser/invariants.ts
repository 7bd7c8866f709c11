/** Invariants every segmentation must keep, shared by the fixture, gold and property tests. */
import { deriveArticles, type Segmentation, sliceValue, spanText } from '@copydesk/core';

/** Plain checks (expect() is slow over 100,000 fields); the first broken invariant throws. */
function ok(cond: boolean, what: () => string): void {
  if (!cond) throw new Error(`invariant broken: ${what()}`);
}
const show = (v: unknown): string => (JSON.stringify(v) ?? String(v)).slice(0, 200);
function same(a: unknown, b: unknown, what: string): void {
  ok(a === b, () => `${what}: ${show(a)} !== ${show(b)}`);
}

const ARTICLE = new Set(['main', 'related']);
const in01 = (x: number): boolean => x >= 0 && x <= 1;

export function checkInvariants(text: string, seg: Segmentation): void {
  same(seg.length, text.length, 'length');
  if (text.length === 0) same(seg.segments.length, 0, 'empty text has no segments');
  // partition: sorted, contiguous, covering [0, length)
  let pos = 0;
  for (const [i, s] of seg.segments.entries()) {
    same(s.start, pos, `segment ${i} start`);
    ok(s.end > s.start, () => `segment ${i} is empty`);
    pos = s.end;
    ok(in01(s.confidence), () => `segment ${i} confidence ${s.confidence}`);
    if (!ARTICLE.has(s.kind)) same(s.fields.length, 0, `${s.kind} segment ${i} has fields`);
    let prev = -1;
    let prevEnd = -1;
    const bodies = s.fields.filter((f) => f.field === 'body');
    for (const f of s.fields) {
      ok(f.start >= s.start && f.end <= s.end && f.end > f.start, () => `field ${f.field} [${f.start},${f.end}) outside segment ${i} [${s.start},${s.end})`);
      ok(f.start >= prev, () => `fields of segment ${i} not in text order`);
      prev = f.start;
      ok(in01(f.confidence), () => `field confidence ${f.confidence}`);
      if (f.field === 'subhead') {
        ok(bodies.some((b) => b.start <= f.start && f.end <= b.end), () => `subhead [${f.start},${f.end}) not inside a body span`);
      } else {
        // no overlap, except subheads inside bodies
        ok(f.start >= prevEnd, () => `field ${f.field} [${f.start},${f.end}) overlaps the previous field`);
        prevEnd = f.end;
      }
    }
  }
  same(pos, text.length, 'segments cover the text');
  ok(in01(seg.confidence), () => `dump confidence ${seg.confidence}`);
  for (const w of seg.warnings) {
    ok(w.start >= 0 && w.end <= text.length && w.start <= w.end, () => `warning offsets ${w.start}-${w.end}`);
    ok(/^[A-Z_]+$/u.test(w.code), () => `warning code ${w.code}`);
    ok(w.message.length > 10, () => `warning message ${w.message}`);
  }
  // every derived value follows the slice rule (derive/articles.ts): each span's slice with
  // CRLF -> LF, trimmed, empty ones dropped, joined by "\n" (several byline spans: as a list of
  // names, "A and B", "A, B and C")
  const articles = deriveArticles(text, seg);
  same(articles.length, seg.segments.filter((s) => ARTICLE.has(s.kind)).length, 'one article per article segment');
  for (const a of articles) {
    const s = seg.segments[a.segmentIndex]!;
    same(a.role, s.kind, 'role');
    const rule = (field: string): string | null => {
      const parts = s.fields
        .filter((f) => f.field === field)
        .map((f) => text.slice(f.start, f.end).split('\r\n').join('\n').trim())
        .filter((v) => v !== '');
      if (field === 'byline' && parts.length > 1) return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
      return parts.length ? parts.join('\n') : null;
    };
    same(a.headline, rule('headline'), 'headline');
    same(a.byline, rule('byline'), 'byline');
    same(a.source, rule('source'), 'source');
    same(a.published, rule('published'), 'published');
    same(a.section, rule('section'), 'section');
    same(a.copyright, rule('copyright'), 'copyright');
    same(a.body, rule('body') ?? '', 'body');
    same(a.body, sliceValue(text, s.fields.filter((f) => f.field === 'body')) ?? '', 'body via sliceValue');
    same(
      JSON.stringify(a.subheads),
      JSON.stringify(s.fields.filter((f) => f.field === 'subhead').map((f) => spanText(text, f)).filter((v) => v !== '')),
      'subheads',
    );
    same(a.start, s.start, 'article start');
    same(a.end, s.end, 'article end');
    ok(in01(a.confidence), () => `article confidence ${a.confidence}`);
  }
  // main first
  ok(articles.findIndex((a) => a.role === 'main') <= 0, () => 'main article is not first');
}
