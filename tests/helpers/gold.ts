/**
 * Gold annotations (../shared/dumps/CONVENTIONS.md) and how a parse is compared with them, the way
 * shared/tools/eval-parse.mjs compares: strings with runs of white space folded, bylines without a
 * leading "By", and no notBody line in any body. Own fixtures may also list a main article's
 * `bodyLines` (every body line, in order), which must match exactly.
 */
import type { DerivedArticle } from '@copydesk/core';

export interface GoldArticle {
  role: 'main' | 'related';
  headline: string | null;
  byline: string | null;
  source?: string | null;
  published?: string | null;
  section?: string | null;
  bodyFirst: string | null;
  bodyLast: string | null;
  copyright?: string | null;
  subheads?: string[];
  /** own fixtures: every line of the body, in order */
  bodyLines?: string[];
}
export interface Gold {
  complete?: boolean;
  file: string;
  articles: GoldArticle[];
  notBody?: string[];
}

export const norm = (s: string | null | undefined): string => (s ?? '').replace(/\s+/gu, ' ').trim();
const normBy = (s: string | null | undefined): string => norm(s).replace(/^by\s+/iu, '').toLowerCase();

/** Every mismatch between the parse and the gold, as "field: got vs want" strings. */
export function mismatches(gold: Gold, got: DerivedArticle[]): string[] {
  const out: string[] = [];
  if (got.length !== gold.articles.length) out.push(`articleCount: ${got.length} vs ${gold.articles.length}`);
  const goldRelated = gold.articles.filter((a) => a.role === 'related');
  const gotRelated = got.filter((a) => a.role === 'related');
  gold.articles.forEach((ga, j) => {
    const a = ga.role === 'main' ? got.find((x) => x.role === 'main') : gotRelated[goldRelated.indexOf(ga)];
    const tag = `#${j} ${ga.role}`;
    if (!a) {
      out.push(`${tag} missing`);
      return;
    }
    const eq = (field: string, g: string | null | undefined, w: string | null | undefined): void => {
      if (norm(g) !== norm(w)) out.push(`${tag} ${field}: ${JSON.stringify(g)} vs ${JSON.stringify(w)}`);
    };
    eq('headline', a.headline, ga.headline);
    if (ga.source !== undefined && (ga.source !== null || ga.role === 'related')) eq('source', a.source, ga.source);
    if (ga.published !== undefined && (ga.published !== null || ga.role === 'related')) eq('published', a.published, ga.published);
    if (ga.section !== undefined && (ga.section || a.section)) eq('section', a.section, ga.section);
    if (normBy(a.byline) !== normBy(ga.byline)) out.push(`${tag} byline: ${JSON.stringify(a.byline)} vs ${JSON.stringify(ga.byline)}`);
    const body = norm(a.body);
    if (ga.bodyFirst) {
      if (!body.startsWith(norm(ga.bodyFirst))) out.push(`${tag} bodyFirst: ${JSON.stringify(body.slice(0, 60))}`);
    } else if (body !== '') out.push(`${tag} body should be empty: ${JSON.stringify(body.slice(0, 60))}`);
    if (ga.bodyLast && !body.endsWith(norm(ga.bodyLast))) out.push(`${tag} bodyLast: ${JSON.stringify(body.slice(-60))}`);
    if (ga.copyright !== undefined && (ga.copyright || a.copyright)) eq('copyright', a.copyright, ga.copyright);
    if (ga.subheads?.length && JSON.stringify(a.subheads.map(norm)) !== JSON.stringify(ga.subheads.map(norm))) {
      out.push(`${tag} subheads: ${JSON.stringify(a.subheads)}`);
    }
    if (ga.bodyLines && JSON.stringify(a.body.split('\n').map(norm)) !== JSON.stringify(ga.bodyLines.map(norm))) {
      out.push(`${tag} bodyLines: ${JSON.stringify(a.body.split('\n'))}`);
    }
    for (const phrase of gold.notBody ?? []) {
      if (a.body.split('\n').some((l) => norm(l) === norm(phrase))) out.push(`${tag} leak: ${phrase}`);
    }
  });
  return out;
}

