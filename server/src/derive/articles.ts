import type { ParseOptions, Segmentation } from '../parse/types.ts';
import type { DerivedArticle } from './types.ts';

/** STUB: the real derivation replaces this. Pure: segmentation + text -> articles. */
export function deriveArticles(_text: string, _seg: Segmentation, _opts: ParseOptions = {}): DerivedArticle[] {
  return [];
}
