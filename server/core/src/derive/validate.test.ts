import { describe, expect, it } from 'vitest';
import { checkSegmentation, offsetRange } from './validate.ts';

const seg = (kind: string, start: number, end: number, fields: { field: string; start: number; end: number }[] = []) => ({ kind, start, end, fields });

describe('checkSegmentation', () => {
  it('accepts a partition with fields inside article segments', () => {
    expect(checkSegmentation(30, [seg('main', 0, 20, [{ field: 'headline', start: 0, end: 5 }, { field: 'body', start: 6, end: 20 }, { field: 'subhead', start: 6, end: 10 }]), seg('boilerplate', 20, 30)])).toBeNull();
  });

  it('names a gap, an overlap, an empty segment and a short cover', () => {
    expect(checkSegmentation(30, [seg('main', 0, 10), seg('residue', 11, 30)])?.reason).toMatch(/gap/);
    expect(checkSegmentation(30, [seg('main', 0, 10), seg('residue', 9, 30)])?.reason).toMatch(/overlap/);
    expect(checkSegmentation(30, [seg('main', 0, 0), seg('residue', 0, 30)])?.reason).toMatch(/empty/);
    expect(checkSegmentation(30, [seg('main', 0, 10)])?.reason).toMatch(/before the end/);
    expect(checkSegmentation(30, [seg('main', 0, 40)])?.reason).toMatch(/past the end/);
  });

  it('names the field of a field span at fault (null for a segment), and gives offsets as "a to b"', () => {
    expect(offsetRange(3, 17)).toBe('3 to 17');
    const overlap = checkSegmentation(30, [seg('main', 0, 20, [{ field: 'headline', start: 0, end: 8 }, { field: 'byline', start: 5, end: 12 }]), seg('residue', 20, 30)]);
    expect(overlap).toMatchObject({ rule: 'FIELD', index: 0, field: 'byline', start: 5, end: 12 });
    expect(checkSegmentation(30, [seg('main', 0, 20, [{ field: 'section', start: 15, end: 25 }]), seg('residue', 20, 30)])).toMatchObject({ field: 'section', start: 15, end: 25 });
    expect(checkSegmentation(30, [seg('main', 0, 20, [{ field: 'colour', start: 1, end: 2 }]), seg('residue', 20, 30)])).toMatchObject({ field: 'colour' });
    const gap = checkSegmentation(30, [seg('main', 0, 10), seg('residue', 11, 30)]);
    expect(gap).toMatchObject({ field: null, start: 10, end: 11 });
    expect(gap?.reason).toContain('text 10 to 11 belongs to none');
  });

  it('names a segment or field that ends before it starts, or a negative offset, as such (not as a gap or an overlap)', () => {
    expect(checkSegmentation(100, [seg('main', 92, 0), seg('residue', 0, 100)])?.reason).toBe('the segment ends (0) before it starts (92)');
    expect(checkSegmentation(100, [seg('main', -10, 0), seg('residue', 0, 100)])?.reason).toMatch(/must not be negative/);
    expect(checkSegmentation(100, [seg('main', 0, 100, [{ field: 'body', start: 50, end: 40 }])])?.reason).toBe('the body span ends (40) before it starts (50)');
    expect(checkSegmentation(100, [seg('main', 5, 100)])?.reason).toMatch(/gap/);
  });

  it('refuses unknown kinds and fields, fields outside their segment, and fields on boilerplate', () => {
    expect(checkSegmentation(10, [seg('sidebar', 0, 10)])?.reason).toMatch(/unknown segment kind/);
    expect(checkSegmentation(10, [seg('main', 0, 10, [{ field: 'title', start: 0, end: 2 }])])?.reason).toMatch(/unknown field/);
    expect(checkSegmentation(10, [seg('main', 0, 5, [{ field: 'body', start: 3, end: 7 }]), seg('residue', 5, 10)])?.reason).toMatch(/outside/);
    expect(checkSegmentation(10, [seg('boilerplate', 0, 10, [{ field: 'body', start: 0, end: 2 }])])?.reason).toMatch(/no fields/);
    expect(checkSegmentation(10, [seg('main', 0, 10, [{ field: 'body', start: 0, end: 6 }, { field: 'byline', start: 4, end: 8 }])])?.reason).toMatch(/overlaps another field/);
  });

  it('accepts a subhead with the same offsets as its body span, in either order', () => {
    const body = { field: 'body', start: 0, end: 8 };
    const sub = { field: 'subhead', start: 0, end: 8 };
    expect(checkSegmentation(8, [seg('main', 0, 8, [sub, body])])).toBeNull();
    expect(checkSegmentation(8, [seg('main', 0, 8, [body, sub])])).toBeNull();
    expect(checkSegmentation(8, [seg('main', 0, 8, [{ field: 'subhead', start: 0, end: 4 }])])?.reason).toMatch(/inside a body/);
  });

  it('names the editorial rules: one main article, a headline on every related block', () => {
    const h = (start: number, end: number) => [{ field: 'headline', start, end }];
    const twoMains = checkSegmentation(30, [seg('main', 0, 10, h(0, 3)), seg('boilerplate', 10, 15), seg('main', 15, 30, h(15, 18))]);
    expect(twoMains).toMatchObject({ rule: 'ONE_MAIN', index: 2, start: 15, end: 30 });
    expect(checkSegmentation(30, [seg('main', 0, 10, h(0, 3)), seg('related', 10, 30)])).toMatchObject({ rule: 'RELATED_HEADLINE', index: 1 });
    expect(checkSegmentation(30, [seg('main', 0, 10, h(0, 3)), seg('related', 10, 20, h(10, 14)), seg('related', 20, 30, h(20, 24))])).toBeNull();
    // no main at all is allowed (a listing page), and a main article needs no headline
    expect(checkSegmentation(20, [seg('related', 0, 10, h(0, 3)), seg('main', 10, 20)])).toBeNull();
    expect(checkSegmentation(30, [seg('main', 0, 10), seg('residue', 11, 30)])?.rule).toBe('PARTITION');
  });
});
