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

/** outlets of `manyRelatedDump`'s blocks (invented names) */
const MANY_OUTLETS = ['Harbour Post', 'Valley Courier', 'Northgate Ledger', 'Riverside Gazette', 'Lakeshore Tribune', 'Upland Herald', 'Eastmarch Daily', 'Westfold Observer', 'Coastline Record', 'Midvale Chronicle', 'Southport Review', 'Highmoor Bulletin'];

/** a capitalised pseudo-word of `syllables` consonant-vowel pairs, drawn from `next` */
function pseudoWord(next: () => number, syllables: number, capital: boolean): string {
  const C = 'bdfgklmnprstvz';
  const V = 'aeiou';
  let w = '';
  for (let i = 0; i < syllables; i++) w += C[Math.floor(next() * C.length)]! + V[Math.floor(next() * V.length)]!;
  w += C[Math.floor(next() * C.length)]!;
  return capital ? w[0]!.toUpperCase() + w.slice(1) : w;
}

/**
 * A flat-layout dump whose related zone holds `blocks` blocks (an even number): blocks 2k and
 * 2k+1 are one story told by two outlets (other headlines, the same body), so enrichment links
 * each such pair, and only it, by SAME_STORY; the stories' people and places repeat across
 * stories (pools of 40 and 25), so many articles share topics as in a busy news day. Bodies are
 * pseudo-words between plain English, about 190 bytes a block. Deterministic for a `seed`.
 * Returns the text and, per story, the headlines of its two blocks.
 */
export function manyRelatedDump(blocks: number, seed = 1): { text: string; pairs: [string, string][] } {
  let x = seed >>> 0 || 1;
  const next = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x100000000;
  };
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  const people = Array.from({ length: 40 }, () => `${pseudoWord(next, 2, true)} ${pseudoWord(next, 3, true)}`);
  const places = Array.from({ length: 25 }, () => pseudoWord(next, 3, true));
  const word = () => pseudoWord(next, 2 + Math.floor(next() * 2), false);
  const pairs: [string, string][] = [];
  let related = '';
  for (let k = 0; k < blocks / 2; k++) {
    const person = pick(people);
    const place = pick(places);
    const [a, b, c, d, e, f, g, h] = Array.from({ length: 8 }, word);
    const body = `${person} said the ${a} ${b} in ${place} would ${c} ${d} before the ${e} ${f}, and ${g} ${h}.`;
    const headlines: [string, string] = [`${person} backs ${a} ${b} plan in ${place}`, `${place} ${a} ${b} to ${c} ${d}, says ${person}`];
    const outlet = 2 * k;
    related += relatedBlock(MANY_OUTLETS[outlet % MANY_OUTLETS.length]!, `${1 + (k % 20)} hours ago`, headlines[0], body);
    related += relatedBlock(MANY_OUTLETS[(outlet + 1) % MANY_OUTLETS.length]!, `${1 + (k % 20)} hours ago`, headlines[1], body);
    pairs.push(headlines);
  }
  const text = flatDump(
    'Regional councils publish their spending plans for the year',
    'The regional councils published their spending plans on Monday, setting out what each will spend on roads, schools and harbours over the coming year.\nOfficials said the plans would be debated in public meetings next month.',
    related,
  );
  return { text, pairs };
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
