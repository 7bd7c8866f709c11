import { describe, expect, it } from 'vitest';
import { articleFingerprint, foldText } from './fingerprint.ts';

const ZERO_WIDTH = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad'];

describe('articleFingerprint', () => {
  it('ignores zero-width characters and soft hyphens anywhere in the headline', () => {
    const plain = { headline: 'Night ferries return to the bay', source: 'Harbour Ledger', body: 'x' };
    for (const z of ZERO_WIDTH) {
      const withZ = { ...plain, headline: `Night fer${z}ries re${z}turn to the bay${z}`, source: `Harbour${z} Ledger` };
      expect(articleFingerprint(withZ), `U+${z.charCodeAt(0).toString(16)}`).toBe(articleFingerprint(plain));
    }
  });
  it('ignores them in a body-keyed fingerprint too', () => {
    const a = { headline: null, source: null, body: 'The council voted to freeze rents.' };
    const b = { headline: null, source: null, body: 'The coun\u00adcil voted\u200b to freeze rents.' };
    expect(articleFingerprint(b)).toBe(articleFingerprint(a));
  });
  it('still tells different headlines apart', () => {
    expect(articleFingerprint({ headline: 'Rents frozen', source: null, body: '' })).not.toBe(articleFingerprint({ headline: 'Rents raised', source: null, body: '' }));
  });
  it('folds a zero-width joiner between words to nothing, not to a space', () => {
    expect(foldText('sea\u200bwall')).toBe('seawall');
  });
});
