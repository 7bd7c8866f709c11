/**
 * The drift report: per source, how often editors changed the parser's output, by kind. Each
 * dump an editor saved counts once: its latest editor revision against the parser revision it
 * descends from (the latest parser revision numbered below it), article by article.
 */
import { sql } from 'drizzle-orm';
import { dumps, segmentationRevisions } from '@copydesk/schema';
import { rowsOf, type Db } from '../db/client.ts';
import { deriveArticles, type DerivedArticle, type Segment, type Segmentation } from '@copydesk/core';

/** What an editor changed in an article (or, for ARTICLES, in the dump's list of articles). */
export const DRIFT_KINDS = ['ARTICLES', 'HEADLINE', 'BYLINE', 'SOURCE', 'PUBLISHED', 'SECTION', 'BODY_START', 'BODY_END', 'BOILERPLATE', 'SUBHEAD', 'COPYRIGHT'] as const;
export type DriftKind = (typeof DRIFT_KINDS)[number];

export interface SourceDrift {
  /** the outlet as pages name it; null for articles that name none */
  source: string | null;
  /** dumps with an editor's revision that show an article of this source */
  dumps: number;
  /** articles compared (the editor's, plus parser articles the editor removed) */
  articles: number;
  /** of them, articles the editor changed in any way */
  changed: number;
  /** articles changed, by kind (an article can count under several kinds) */
  kinds: { kind: DriftKind; count: number }[];
}

/** How many edited dumps one report reads at most (the most recently edited). */
export const MAX_DRIFT_DUMPS = 1000;

function asSegmentation(text: string, segments: readonly Segment[]): Segmentation {
  return {
    parserVersion: 'stored',
    length: text.length,
    template: 'unknown',
    segments: [...segments],
    warnings: [],
    confidence: 1,
  };
}

const firstLine = (b: string) => b.slice(0, (b.indexOf('\n') + 1 || b.length + 1) - 1);
const lastLine = (b: string) => b.slice(b.lastIndexOf('\n') + 1);

/** The noise (publisher boilerplate) texts inside [start, end) of a segmentation. */
function noiseIn(text: string, segs: readonly Segment[], start: number, end: number): string {
  const out: string[] = [];
  for (const s of segs) {
    if (s.end <= start || s.start >= end) continue;
    if (s.kind === 'boilerplate') out.push(`B${Math.max(s.start, start)}-${Math.min(s.end, end)}`);
    for (const f of s.fields) if (f.field === 'noise' && f.start >= start && f.end <= end) out.push(text.slice(f.start, f.end).trim());
  }
  return out.join('\n');
}

/**
 * What changed between the parser's article `p` and the editor's `e` (either may be missing:
 * an article added or removed counts as ARTICLES).
 */
export function articleDrift(text: string, parser: readonly Segment[], editor: readonly Segment[], p: DerivedArticle | null, e: DerivedArticle | null): DriftKind[] {
  if (!p || !e || p.role !== e.role) return ['ARTICLES'];
  const kinds: DriftKind[] = [];
  if (p.headline !== e.headline) kinds.push('HEADLINE');
  if (p.byline !== e.byline) kinds.push('BYLINE');
  if (p.source !== e.source) kinds.push('SOURCE');
  if (p.published !== e.published) kinds.push('PUBLISHED');
  if (p.section !== e.section) kinds.push('SECTION');
  if (firstLine(p.body) !== firstLine(e.body)) kinds.push('BODY_START');
  if (lastLine(p.body) !== lastLine(e.body)) kinds.push('BODY_END');
  const lo = Math.min(p.start, e.start);
  const hi = Math.max(p.end, e.end);
  if (noiseIn(text, parser, lo, hi) !== noiseIn(text, editor, lo, hi)) kinds.push('BOILERPLATE');
  if (p.subheads.join('\n') !== e.subheads.join('\n')) kinds.push('SUBHEAD');
  if (p.copyright !== e.copyright) kinds.push('COPYRIGHT');
  return kinds;
}

/** Pairs each editor article with the parser article it overlaps most (each parser article once). */
function pairArticles(ps: readonly DerivedArticle[], es: readonly DerivedArticle[]): [DerivedArticle | null, DerivedArticle | null][] {
  const used = new Set<DerivedArticle>();
  const pairs: [DerivedArticle | null, DerivedArticle | null][] = [];
  for (const e of es) {
    let best: DerivedArticle | null = null;
    let bestOverlap = 0;
    for (const p of ps) {
      if (used.has(p)) continue;
      const overlap = Math.min(p.end, e.end) - Math.max(p.start, e.start);
      if (overlap > bestOverlap) [best, bestOverlap] = [p, overlap];
    }
    if (best) used.add(best);
    pairs.push([best, e]);
  }
  for (const p of ps) if (!used.has(p)) pairs.push([p, null]);
  return pairs;
}

/** The drift report, sources with the most changed articles first. */
export async function driftReport(db: Db): Promise<SourceDrift[]> {
  const rows = rowsOf<{ dump_id: number; text: string; fetched_at: string | null; editor_segments: unknown; parser_segments: unknown }>(
    await db.execute(sql`
      select e.dump_id, d.text, d.fetched_at, e.segments as editor_segments,
        (select p.segments from ${segmentationRevisions} p where p.dump_id = e.dump_id and p.author = 'parser' and p.number < e.number order by p.number desc limit 1) as parser_segments
      from (
        select distinct on (dump_id) dump_id, number, segments, created_at from ${segmentationRevisions}
        where author <> 'parser' order by dump_id, number desc
      ) e
      join ${dumps} d on d.id = e.dump_id
      order by e.created_at desc limit ${MAX_DRIFT_DUMPS}`),
  );
  const bySource = new Map<string | null, { dumps: Set<number>; articles: number; changed: number; kinds: Map<DriftKind, number> }>();
  for (const r of rows) {
    const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as Segment[] | null;
    const editor = parse(r.editor_segments);
    const parser = parse(r.parser_segments);
    if (!editor || !parser) continue;
    const opts = { fetchedAt: r.fetched_at };
    const ps = deriveArticles(r.text, asSegmentation(r.text, parser), opts);
    const es = deriveArticles(r.text, asSegmentation(r.text, editor), opts);
    for (const [p, e] of pairArticles(ps, es)) {
      const source = e?.source ?? p?.source ?? null;
      let agg = bySource.get(source);
      if (!agg) bySource.set(source, (agg = { dumps: new Set(), articles: 0, changed: 0, kinds: new Map() }));
      agg.dumps.add(Number(r.dump_id));
      agg.articles++;
      const kinds = articleDrift(r.text, parser, editor, p, e);
      if (kinds.length) agg.changed++;
      for (const k of kinds) agg.kinds.set(k, (agg.kinds.get(k) ?? 0) + 1);
    }
    // deriving is CPU work: let other requests run between dumps
    await new Promise((resolve) => setImmediate(resolve));
  }
  return [...bySource]
    .map(([source, a]) => ({
      source,
      dumps: a.dumps.size,
      articles: a.articles,
      changed: a.changed,
      kinds: DRIFT_KINDS.filter((k) => a.kinds.has(k)).map((kind) => ({ kind, count: a.kinds.get(kind)! })),
    }))
    .sort((x, y) => y.changed - x.changed || y.articles - x.articles || String(x.source).localeCompare(String(y.source)));
}
