/** Source names folded to keys. Pure. */
import { foldText } from '@copydesk/core';

// "The Independent" is Independent: a leading article names no outlet
const LEADING_ARTICLE = /^the\s+/;
// "Reuters." / "AP:" / "(BBC)": punctuation around an outlet's name is page furniture
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

/**
 * The canonical key of an outlet name: case and spacing folded, a leading "The" and punctuation
 * at either end dropped ("The Independent." -> "independent"). Empty for a name with no letters
 * or digits. A name that is only "The" keeps it.
 */
export function sourceKey(name: string | null | undefined): string {
  const folded = foldText(name).replace(EDGE_PUNCTUATION, '');
  const bare = folded.replace(LEADING_ARTICLE, '').replace(EDGE_PUNCTUATION, '');
  return bare || folded;
}

/** The key of one spelling of a name (case and spacing folded only): "The  Independent" -> "the independent". */
export function aliasKey(name: string | null | undefined): string {
  return foldText(name);
}
