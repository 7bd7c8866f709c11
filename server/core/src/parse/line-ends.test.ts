import { describe, expect, it } from 'vitest';
import { parseDump } from './index.ts';
import { deriveArticles } from '../derive/articles.ts';

const LF = [
  '',
  'Harbour cranes to be replaced after storm damage',
  'By Jane Example',
  'Two of the harbour cranes damaged in the January storm will be replaced, the port said on Monday.',
  'The new cranes will arrive in the autumn and cost about four million pounds.',
  'Hashtags',
  '',
  'Try Our AI Features',
  'Explore what Daily8 AI can do for you:',
  'Comments',
  'No comments yet...',
  'Related Articles',
  '',
  '',
  'Coastal Weekly',
  '2 hours ago',
  '- Coastal Weekly',
  'Ferry timetable changes for winter',
  'The winter ferry timetable starts next week with two fewer sailings a day.',
].join('\n');

const view = (text: string) =>
  deriveArticles(text, parseDump(text)).map((a) => ({ role: a.role, headline: a.headline, byline: a.byline, source: a.source, published: a.published, body: a.body }));

describe('line ends', () => {
  it('reads a dump with "\\r" alone as line ends the same as with "\\n"', () => {
    const cr = LF.replace(/\n/gu, '\r');
    expect(view(cr)).toEqual(view(LF));
    expect(view(cr)[0]!.body.split('\n')).toHaveLength(2);
  });
  it('keeps field offsets exact in a CR-only dump', () => {
    const cr = LF.replace(/\n/gu, '\r');
    const seg = parseDump(cr);
    for (const s of seg.segments) for (const f of s.fields) expect(cr.slice(f.start, f.end)).not.toMatch(/^\s|\s$|\r/u);
  });
  it('reads a dump with Unicode line or paragraph separators (U+2028, U+2029) as line ends the same as with "\\n"', () => {
    for (const sep of ['\u2028', '\u2029']) {
      const text = LF.replace(/\n/gu, sep);
      expect(view(text)).toEqual(view(LF));
      for (const s of parseDump(text).segments) for (const f of s.fields) expect(text.slice(f.start, f.end)).not.toMatch(/^\s|\s$/u);
    }
  });
  it('keeps a U+2028 inside a line of an LF dump in that line', () => {
    const text = LF.replace('Two of the harbour cranes damaged', 'Two of the harbour\u2028cranes damaged');
    expect(view(text)[0]!.body.split('\n')).toHaveLength(2);
  });
  it('reads a line of zero-width characters alone as blank, and never starts or ends a field with one', () => {
    const text = LF.replace('Harbour cranes to be replaced', '\u200b\u200d\n\u200bHarbour cranes to be replaced').replace('four million pounds.', 'four million pounds.\u2060');
    const plain = view(LF);
    expect(view(text)).toEqual(plain);
    for (const s of parseDump(text).segments) for (const f of s.fields) expect(text.slice(f.start, f.end)).not.toMatch(/^[\s\u200b-\u200d\u2060]|[\s\u200b-\u200d\u2060]$/u);
  });
});
