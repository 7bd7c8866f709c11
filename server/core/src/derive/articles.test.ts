import { describe, expect, it } from 'vitest';
import { deriveArticles, publishedAt, sliceValue } from './articles.ts';
import { parseDump } from '../parse/index.ts';
import type { Segmentation } from '../parse/types.ts';

describe('publishedAt', () => {
  const at = '2025-07-26T12:00:00.000Z';
  it('turns relative dates into timestamps from the capture time', () => {
    expect(publishedAt('3 hours ago', at)).toBe('2025-07-26T09:00:00.000Z');
    expect(publishedAt('an hour ago', at)).toBe('2025-07-26T11:00:00.000Z');
    expect(publishedAt('a day ago', at)).toBe('2025-07-25T12:00:00.000Z');
    expect(publishedAt('5 days ago', at)).toBe('2025-07-21T12:00:00.000Z');
    expect(publishedAt('13 minutes ago', at)).toBe('2025-07-26T11:47:00.000Z');
  });
  it('reads DD-MM-YYYY without a capture time', () => {
    expect(publishedAt('23-04-2025')).toBe('2025-04-23T00:00:00.000Z');
    expect(publishedAt('31-02-2025')).toBeNull();
  });
  it('is null when it cannot be known', () => {
    expect(publishedAt('3 hours ago')).toBeNull();
    expect(publishedAt('3 hours ago', 'not a date')).toBeNull();
    expect(publishedAt(null, at)).toBeNull();
    expect(publishedAt('last Tuesday', at)).toBeNull();
  });
});

describe('the slice rule', () => {
  it('joins trimmed span slices with "\\n", CRLF as LF, dropping empty ones', () => {
    const text = ' a\r\nb \n  \nc ';
    expect(sliceValue(text, [{ field: 'body', start: 0, end: 5, confidence: 1 }, { field: 'body', start: 7, end: 10, confidence: 1 }, { field: 'body', start: 10, end: 12, confidence: 1 }])).toBe('a\nb\nc');
    expect(sliceValue(text, [])).toBeNull();
  });
  it('joins several byline spans (one per credited person) as a list of names, in text order or not', () => {
    const text = '\nHeadline here\nBy Ana Ruiz, Senior Writer, and Tom Bell, Staff Reporter\nBody line one.\n';
    const seg = parseDump(text);
    expect(deriveArticles(text, seg)[0]!.byline).toBe('Ana Ruiz and Tom Bell');
    const main = seg.segments.find((s) => s.kind === 'main')!;
    const three = 'Ana Ruiz; Tom Bell; Li Wei';
    const spans = [[0, 8], [10, 18], [20, 26]].map(([start, end]) => ({ field: 'byline' as const, start: start!, end: end!, confidence: 1 }));
    const seg3: Segmentation = { ...seg, length: three.length, segments: [{ ...main, start: 0, end: three.length, fields: spans }] };
    expect(deriveArticles(three, seg3)[0]!.byline).toBe('Ana Ruiz, Tom Bell and Li Wei');
    const seg3r: Segmentation = { ...seg3, segments: [{ ...seg3.segments[0]!, fields: [spans[1]!, spans[0]!, spans[2]!] }] };
    expect(deriveArticles(three, seg3r)[0]!.byline).toBe('Ana Ruiz, Tom Bell and Li Wei');
  });
});

describe('deriveArticles', () => {
  it('derives one article per article segment, main first', () => {
    const text = '\nHeadline here\nBody line one.\nHashtags\n\nTry Our AI Features\nExplore what Daily8 AI can do for you:\nComments\nNo comments yet...\nRelated Articles\n\n\nYahoo\n3 hours ago\n- Yahoo\nRelated headline\nRelated body.\n';
    const seg = parseDump(text);
    const arts = deriveArticles(text, seg, { fetchedAt: '2025-07-26T12:00:00.000Z' });
    expect(arts.map((a) => [a.role, a.position, a.headline, a.source, a.published, a.publishedAt, a.body])).toEqual([
      ['main', 0, 'Headline here', null, null, null, 'Body line one.'],
      ['related', 1, 'Related headline', 'Yahoo', '3 hours ago', '2025-07-26T09:00:00.000Z', 'Related body.'],
    ]);
    for (const a of arts) expect(seg.segments[a.segmentIndex]!.kind).toBe(a.role);
  });
  it('gives nothing for a segmentation without article segments', () => {
    const seg: Segmentation = { parserVersion: 'x', length: 3, template: 'unknown', segments: [{ kind: 'residue', start: 0, end: 3, fields: [], confidence: 1 }], warnings: [], confidence: 1 };
    expect(deriveArticles('abc', seg)).toEqual([]);
  });
});

describe('publishedAt from credit and labelled date lines', () => {
  it('derives an absolute timestamp from a month-name date with time and zone, without the capture time', () => {
    expect(publishedAt('09:30 GMT, 12 March 2024')).toBe('2024-03-12T09:30:00.000Z');
    expect(publishedAt('March 12, 2024 at 9:30 a.m. ET', '2025-01-01T00:00:00.000Z')).toBe('2024-03-12T14:30:00.000Z');
  });
});
