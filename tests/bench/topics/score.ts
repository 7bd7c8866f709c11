/**
 * Topic precision and recall against the labelled sample (labels.ts, fixtures.ts). Articles from
 * the shared dumps are parsed and derived at bench time. Pure scoring; `pnpm bench --only topics`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deriveArticles, parseDump } from '@copydesk/core';
import { REPO_ROOT, SHARED_DUMPS } from '../../helpers/paths.ts';
import { FIXTURES } from './fixtures.ts';
import { LABELS, type LabelledArticle } from './labels.ts';

const SHARED_CASES = resolve(REPO_ROOT, '../shared/cases');

/** what an extractor under test returns for one article */
export interface Predicted {
  name: string;
  kind: string;
  aliases?: string[];
}
export type Extractor = (headline: string | null, body: string) => Predicted[];

export interface TopicScore {
  articles: number;
  labelled: number;
  predicted: number;
  precision: number;
  recall: number;
  f1: number;
  /** share of matched entities (with a labelled kind) given the labelled kind */
  kindAccuracy: number;
  subjects: { precision: number; recall: number };
  /** per article: what was missed and what was extra (for reading, not scoring) */
  misses: { article: string; missed: string[]; extra: string[] }[];
}

/** the comparison key: case, accents, punctuation and a leading "the" folded */
export const matchKey = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '')
    .replace(/ /g, '');

interface Sample extends LabelledArticle {
  headline: string | null;
  body: string;
}

/** the labelled articles with their text (dump articles derived now; none stored) */
export function loadSamples(): Sample[] {
  const cache = new Map<string, ReturnType<typeof deriveArticles>>();
  const out: Sample[] = [];
  for (const l of LABELS) {
    const path = [join(SHARED_DUMPS, l.file), join(SHARED_CASES, l.file)].find((p) => existsSync(p));
    if (!path) continue;
    if (!cache.has(path)) {
      const text = readFileSync(path, 'utf8');
      cache.set(path, deriveArticles(text, parseDump(text)));
    }
    const a = cache.get(path)!.find((x) => x.position === l.position);
    if (a) out.push({ ...l, headline: a.headline, body: a.body });
  }
  return [...out, ...FIXTURES];
}

/** Micro-averaged precision / recall of entity topics, kind accuracy, and subject precision / recall. */
export function scoreTopics(extract: Extractor, samples = loadSamples()): TopicScore {
  let tp = 0, predicted = 0, labelled = 0, kindRight = 0, kindTotal = 0;
  let sTp = 0, sPred = 0, sLab = 0;
  const misses: TopicScore['misses'] = [];
  for (const s of samples) {
    const got = extract(s.headline, s.body);
    const entities = got.filter((g) => g.kind !== 'subject');
    const subjects = new Set(got.filter((g) => g.kind === 'subject').map((g) => matchKey(g.name)));
    const wanted = new Set(s.subjects.map(matchKey));
    sPred += subjects.size;
    sLab += wanted.size;
    for (const x of subjects) if (wanted.has(x)) sTp++;

    labelled += s.entities.length;
    predicted += entities.length;
    const used = new Set<number>();
    const extra: string[] = [];
    for (const g of entities) {
      const keys = new Set([g.name, ...(g.aliases ?? [])].map(matchKey));
      const i = s.entities.findIndex((l, j) => !used.has(j) && [l.name, ...(l.aliases ?? [])].some((n) => keys.has(matchKey(n))));
      if (i < 0) {
        extra.push(`${g.name}(${g.kind})`);
        continue;
      }
      used.add(i);
      tp++;
      const want = s.entities[i]!.kind;
      if (want) {
        kindTotal++;
        if (want === g.kind) kindRight++;
      }
    }
    const missed = s.entities.filter((_, j) => !used.has(j)).map((l) => l.name);
    if (missed.length || extra.length) misses.push({ article: `${s.file}#${s.position}`, missed, extra });
  }
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  const precision = predicted ? tp / predicted : 1;
  const recall = labelled ? tp / labelled : 1;
  return {
    articles: samples.length,
    labelled,
    predicted,
    precision: r3(precision),
    recall: r3(recall),
    f1: r3(precision + recall ? (2 * precision * recall) / (precision + recall) : 0),
    kindAccuracy: r3(kindTotal ? kindRight / kindTotal : 1),
    subjects: { precision: r3(sPred ? sTp / sPred : 1), recall: r3(sLab ? sTp / sLab : 1) },
    misses,
  };
}
