/**
 * Dumps written inside tests, in the flat layout of ../shared/dumps/VARIANTS.md: a headline and
 * body, the site's boilerplate run, and a related-articles zone of dash-style blocks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './paths.ts';

/** A flat-layout dump: `related` is the related zone (blocks from `relatedBlock`), empty by default. */
export const flatDump = (headline: string, body: string, related = '') =>
  `\n${headline}\n${body}\nHashtags\n\nTry Our AI Features\nExplore what Daily8 AI can do for you:\nComments\nNo comments yet...\nRelated Articles\n${related}`;

/** One dash-style related block: outlet, age, "- outlet", headline, body. */
export const relatedBlock = (source: string, age: string, headline: string, body: string) => `\n\n${source}\n${age}\n- ${source}\n${headline}\n${body}`;

/**
 * A logo-layout dump whose main article names its outlet: "logo", the headline twice, the outlet
 * glued to its date ("Harbour Post3 hours ago"), body lines, then the boilerplate run.
 */
export const logoDump = (source: string, headline: string, bodyLines: readonly string[]) =>
  `logo\n${headline}\n\n${headline}\n\n${source}3 hours ago\n\n${bodyLines.join('\n')}\n\nOrange background\n\nTry Our AI Features\n\nExplore what Daily8 AI can do for you:\n\nComments\n\nNo comments yet...\n\nRelated Articles\n`;

/**
 * An own fixture (tests/fixtures/dumps/001 with stray lines added) with three runs of text the
 * parser cannot attribute: three UNATTRIBUTED_TEXT warnings, in text order. `variant` changes
 * the main headline so that several distinct dumps can be imported.
 */
export function strayTextDump(variant = ''): string {
  const parts = readFileSync(join(REPO_ROOT, 'tests/fixtures/dumps/001_flat-reference-shape.txt'), 'utf8').split('\n\n\n');
  return [
    `${parts[0]!.replace('tram line', `tram line${variant}`)}\n\nclick here to read more from our partners today.`,
    `${parts[1]}\n\nsome stray caption text about the weather.`,
    ...parts.slice(2),
    'A stray closing remark that belongs to nothing at all.\nAnother stray sentence here.\n',
  ].join('\n\n\n');
}

/** A segment as reviseSegmentation takes it and the API returns it (kind, UTF-16 offsets, field spans). */
export interface Seg {
  kind: string;
  start: number;
  end: number;
  fields: { field: string; start: number; end: number }[];
}

const WORDS = 'council harbour bridge ferry report union market river school budget plan vote crews night repairs tide quay lantern'.split(' ');

/** `i` in letters ("ab"): the line memory keys a line by its letters, not its digits */
const letterWord = (i: number) => {
  let w = '';
  for (let k = i; w.length < 3 || k > 0; k = Math.floor(k / 26)) w = 'abcdefghijklmnopqrstuvwxyz'[k % 26]! + w;
  return w;
};

/** `n` distinct sentences of 18 words (a seeded mulberry32 generator; each line ends in its own letter word, so none repeats) */
export function distinctLines(n: number, seed: number): string[] {
  let x = seed >>> 0;
  const next = () => {
    x = (x + 0x6d2b79f5) >>> 0;
    let r = Math.imul(x ^ (x >>> 15), 1 | x);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: n }, (_, i) => {
    const words = Array.from({ length: 18 }, () => WORDS[Math.floor(next() * WORDS.length)]!);
    return `${words.join(' ').replace(/^./, (c) => c.toUpperCase())} item ${letterWord(i)}.`;
  });
}

/** A flat dump of distinct 18-word lines (a body of ~`bytes / 130` paragraphs), at most `bytes` UTF-8 bytes long; `seed` varies the words and the headline. */
export function distinctLinesDump(bytes: number, seed: number): string {
  const headline = `Harbour night works log number ${seed}`;
  const lines = distinctLines(Math.ceil(bytes / 130), seed);
  let text = flatDump(headline, lines.join('\n'));
  while (Buffer.byteLength(text) > bytes) {
    lines.length -= Math.max(1, Math.floor((Buffer.byteLength(text) - bytes) / 120));
    text = flatDump(headline, lines.join('\n'));
  }
  return text;
}
