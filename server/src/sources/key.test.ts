import { describe, expect, it } from 'vitest';
import { aliasKey, sourceKey } from './key.ts';

describe('sourceKey', () => {
  it('folds case, spacing, a leading "The" and punctuation at either end', () => {
    for (const v of ['The Independent', 'independent', 'INDEPENDENT:', ' the  Independent. ', '(The Independent)', 'Independent —']) expect(sourceKey(v), v).toBe('independent');
  });
  it('keeps inner punctuation and a "the" that is not leading', () => {
    expect(sourceKey('Rate_Watch')).toBe('rate_watch');
    expect(sourceKey('Theatre Weekly')).toBe('theatre weekly');
    expect(sourceKey('Breathe the News')).toBe('breathe the news');
  });
  it('keeps a name that is only "The", and is empty with no letters or digits', () => {
    expect(sourceKey('The')).toBe('the');
    expect(sourceKey(' -- ')).toBe('');
    expect(sourceKey(null)).toBe('');
  });
  it('aliasKey folds only case and spacing', () => {
    expect(aliasKey('The  Independent.')).toBe('the independent.');
  });
});
