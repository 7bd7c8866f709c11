/**
 * A synthetic corpus for the API benchmarks: dumps in the real layouts, made by varying the
 * shared real dumps (read at run time, never stored): every word of every headline and body is
 * re-drawn from a seeded pseudo-word generator of the same shape, so each dump and each of its
 * articles is distinct while the layout, boilerplate and lengths stay real.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDump } from '@copydesk/core';
import { SHARED_DUMPS } from '../helpers/paths.ts';
import { rng } from './rng.ts';


const C = 'bcdfghjklmnprstvwz';
const V = 'aeiou';

/** a pseudo-word of the same length and capitalisation as `w` */
function pseudo(w: string, r: () => number): string {
  let out = '';
  for (let i = 0; i < w.length; i++) {
    const ch = w[i]!;
    const lower = ch.toLowerCase();
    if (!/[a-z]/.test(lower)) {
      out += ch;
      continue;
    }
    const next = i % 2 === 0 ? C[Math.floor(r() * C.length)]! : V[Math.floor(r() * V.length)]!;
    out += ch === lower ? next : next.toUpperCase();
  }
  return out;
}

/** Re-draws the words of article text (headlines and bodies), keeping boilerplate, sources and dates. */
function vary(text: string, r: () => number): string {
  const seg = parseDump(text);
  const keep = new Uint8Array(text.length); // 1 = keep as is
  for (const s of seg.segments) {
    if (s.kind === 'boilerplate' || s.kind === 'residue') keep.fill(1, s.start, s.end);
    for (const f of s.fields) if (f.field !== 'headline' && f.field !== 'body') keep.fill(1, f.start, f.end);
  }
  return text.replace(/[A-Za-z]{3,}/g, (w, at: number) => (keep[at] ? w : r() < 0.85 ? pseudo(w, r) : w));
}

export interface Corpus {
  dumps: { text: string; filename: string }[];
  /** articles the parser derives from them */
  articles: number;
  bytes: number;
}

/** Dumps until `targetArticles` articles are reached. */
export function buildApiCorpus(targetArticles: number, seed = 7): Corpus {
  const base = readdirSync(SHARED_DUMPS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(SHARED_DUMPS, f), 'utf8'));
  const counts = base.map((t) => parseDump(t).segments.filter((s) => s.kind === 'main' || s.kind === 'related').length);
  const r = rng(seed);
  const dumps: Corpus['dumps'] = [];
  let articles = 0;
  let bytes = 0;
  for (let i = 0; articles < targetArticles; i++) {
    const k = i % base.length;
    const text = vary(base[k]!, r);
    dumps.push({ text, filename: `bench_${String(i).padStart(6, '0')}.txt` });
    articles += counts[k]!;
    bytes += text.length;
  }
  return { dumps, articles, bytes };
}
