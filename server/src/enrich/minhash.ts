/** MinHash signatures and LSH bands over word shingles of a cleaned body (pure; SAME_STORY detection). */
import { foldText, hash53 } from '@copydesk/core';

export const SIGNATURE_SIZE = 64;
export const BANDS = 16;
export const ROWS = SIGNATURE_SIZE / BANDS;
/** similarity (share of equal signature slots, an estimate of Jaccard) from which two bodies are one story */
export const SAME_STORY_THRESHOLD = 0.5;
const SHINGLE = 3;

const SEEDS = Array.from({ length: SIGNATURE_SIZE }, (_, i) => (Math.imul(i + 1, 0x9e3779b1) ^ 0x5bd1e995) | 0);

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** word tokens of the folded body: letters and digits only */
export function tokens(body: string): string[] {
  return foldText(body).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** null when the body is too short to say anything (fewer than SHINGLE + 5 words) */
export function minhash(body: string): number[] | null {
  const words = tokens(body);
  if (words.length < SHINGLE + 5) return null;
  const sig = new Array<number>(SIGNATURE_SIZE).fill(0x7fffffff);
  for (let i = 0; i + SHINGLE <= words.length; i++) {
    const x = fnv1a(words.slice(i, i + SHINGLE).join(' '));
    for (let k = 0; k < SIGNATURE_SIZE; k++) {
      let h = Math.imul(x ^ SEEDS[k]!, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      h = (h ^ (h >>> 16)) & 0x7fffffff;
      if (h < sig[k]!) sig[k] = h;
    }
  }
  return sig;
}

/** the set of word shingles of a body (as `minhash` reads it) */
function shingles(body: string): Set<string> {
  const words = tokens(body);
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE <= words.length; i++) out.add(words.slice(i, i + SHINGLE).join(' '));
  return out;
}

/** The exact Jaccard index of two bodies' word shingles, in [0, 1] (0 when either has none): what `similarity` estimates. */
export function shingleJaccard(a: string, b: string): number {
  const x = shingles(a);
  const y = shingles(b);
  let both = 0;
  for (const s of x) if (y.has(s)) both++;
  const union = x.size + y.size - both;
  return union ? both / union : 0;
}

export function similarity(a: readonly number[], b: readonly number[]): number {
  let same = 0;
  for (let k = 0; k < SIGNATURE_SIZE; k++) if (a[k] === b[k]) same++;
  return same / SIGNATURE_SIZE;
}

/** one 53-bit key per band */
export function bandKeys(sig: readonly number[]): number[] {
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) keys.push(hash53(sig.slice(b * ROWS, (b + 1) * ROWS).join(','), b));
  return keys;
}
