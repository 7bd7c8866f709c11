import { describe, expect, it } from 'vitest';
import { bylineFromLine, inlineByline } from './byline.ts';

const names = (s: string): string | null => {
  const r = bylineFromLine(s);
  return r ? s.slice(r[0], r[1]) : null;
};
const inline = (s: string): [string, string] | null => {
  const r = inlineByline(s);
  return r ? [s.slice(r.names[0], r.names[1]), s.slice(r.bodyStart)] : null;
};

describe('bylineFromLine', () => {
  it('takes the names after "By"', () => {
    expect(names('By Tom Balmforth, Vladimir Soldatkin and Huseyin Hayatsever')).toBe('Tom Balmforth, Vladimir Soldatkin and Huseyin Hayatsever');
    expect(names('By Ana de Armas')).toBe('Ana de Armas');
    expect(names('By Jane Doe | Reuters')).toBe('Jane Doe');
  });
  it('rejects dates, sentences and residue', () => {
    expect(names('By June 11, 1968, the river had frozen.')).toBeNull();
    expect(names('By')).toBeNull();
    expect(names('By the end of the week prices had fallen.')).toBeNull();
    expect(names('Published: | Updated:')).toBeNull();
  });
  it('rejects a sentence that opens with "By" and a weekday or a capitalised word and a comma', () => {
    expect(names('By Friday, the dam had been shored up with sandbags.')).toBeNull();
    expect(names('By Christmas, most of the stalls had sold out.')).toBeNull();
    expect(names('By Jane Doe, Chief Reporter')).toBe('Jane Doe');
    expect(names('By Jane Doe, staff writer')).toBe('Jane Doe');
  });
});

describe('inlineByline', () => {
  it('splits an ALL-CAPS byline from the body', () => {
    expect(inline("By ANDREW DALTON 'South Park' co-creator Trey Parker")).toEqual(['ANDREW DALTON', "'South Park' co-creator Trey Parker"]);
    expect(inline('By MARIA LOPEZ and JOHN SMITH Police said on Monday')).toEqual(['MARIA LOPEZ and JOHN SMITH', 'Police said on Monday']);
  });
  it('leaves a dateline place name to the body', () => {
    expect(inline('By ANDREW DALTON LOS ANGELES (AP) — The show')).toEqual(['ANDREW DALTON', 'LOS ANGELES (AP) — The show']);
    expect(inline('By ANNA BELL CHENNAI: The state')).toEqual(['ANNA BELL', 'CHENNAI: The state']);
  });
  it('ignores mixed-case and date starts', () => {
    expect(inline('By June 11, 1968, the river had frozen')).toBeNull();
    expect(inline('By Jane Smith Police said')).toBeNull();
    expect(inline('By AP the wire said')).toBeNull();
    expect(inline('Bystanders said')).toBeNull();
  });
});

describe('bylines give only the names', () => {
  it('drops a job title or agency after a comma', () => {
    expect(names('By Mara Quillfeather, Senior Transport Correspondent')).toBe('Mara Quillfeather');
    expect(names('By Jane Doe, Reuters')).toBe('Jane Doe');
    expect(names('By Jane Doe, Associated Press')).toBe('Jane Doe');
    expect(names('By Jane Doe, Political Editor')).toBe('Jane Doe');
    expect(names('By Jane Doe for The Daily Ledger')).toBe('Jane Doe');
  });
  it('keeps every name of "A and B" and "A, B and C"', () => {
    expect(names('By Ana Ruiz and Tom Bell')).toBe('Ana Ruiz and Tom Bell');
    expect(names('By Ana Ruiz, Tom Bell and Li Wei')).toBe('Ana Ruiz, Tom Bell and Li Wei');
    expect(names('By Ana Ruiz, Tom Bell and Li Wei, Reuters')).toBe('Ana Ruiz, Tom Bell and Li Wei');
  });
});
