import { describe, expect, it } from 'vitest';
import { subheadIndexes } from './subhead.ts';

const para = 'This is a long paragraph of body text, with sentences in it, that goes on for well over one hundred and twenty characters in all.';

describe('subheads', () => {
  it('takes ALL-CAPS lines and short lines before a paragraph', () => {
    expect(subheadIndexes([para, 'DIPLOMATIC CONFUSION', para, 'In the spotlight', para])).toEqual([1, 3]);
  });
  it('takes a lone title-case line but not a run of them', () => {
    expect(subheadIndexes(['Intro sentence.', 'Why This Matters', 'Short item one', 'Short item two.'])).toEqual([1]);
    expect(subheadIndexes(['Western Mail', 'Daily Post', 'Free Press Series'])).toEqual([]);
  });
  it('leaves datelines, list items and sentences alone', () => {
    expect(subheadIndexes(['OTTAWA -', para, '1. First item', para, 'A sentence that ends.', para])).toEqual([]);
  });
  it('takes a short line before the paragraph a capture stops in', () => {
    expect(subheadIndexes([para, 'Who pays now', 'The council said the cost would fall on the tenants of the'], true)).toEqual([1]);
    expect(subheadIndexes([para, 'Who pays now', 'The council said the cost would fall on the tenants of the'], false)).toEqual([]);
    expect(subheadIndexes([para, 'Who pays now', 'Tenants will pay.'], true)).toEqual([]);
  });
});

describe('credit lines are not subheads', () => {
  it('leaves "Image: ...", "Photo credit: ...", "Foto: ..." lines out of the subheads', () => {
    expect(subheadIndexes([para, 'Image: Moray Deep Ltd', para])).toEqual([]);
    expect(subheadIndexes([para, 'Photo credit: Harbour Trust', para, 'Foto: dpa', para])).toEqual([]);
    // a title-case subhead that names a picture is still one
    expect(subheadIndexes([para, 'Images of a Lost Valley', para])).toEqual([1]);
  });
});
