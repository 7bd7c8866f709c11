/** Topic names folded to keys. Pure. */
import { foldText } from '@copydesk/core';

/**
 * The key of a topic name: the same entity written in two articles has one key. Case, accents,
 * spacing, punctuation, a possessive "'s" and a leading "The" are folded ("The Kremlin's" ->
 * "kremlin", "U.S." -> "us", "Zelenskyy" stays "zelenskyy"). Empty for a name without letters or digits.
 */
export function topicKey(name: string): string {
  return foldText(name)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/'s\b/g, '')
    .replace(/[^\p{L}\p{N} ]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the (?=\S)/, '');
}
