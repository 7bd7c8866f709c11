import { describe, expect, it } from 'vitest';
import { parseDump } from '../index.ts';
import { deriveArticles } from '../../derive/articles.ts';

const BP = 'Hashtags\n\nTry Our AI Features\nExplore what Daily8 AI can do for you:\nComments\nNo comments yet...\nRelated Articles\n';
const PARA = 'The harbour authority said on Tuesday that the night ferries would return in September after a two-year break.';
const main = (top: string) => {
  const text = `\n${top}\n${PARA}\n${BP}`;
  const a = deriveArticles(text, parseDump(text))[0]!;
  return { headline: a.headline, byline: a.byline, body: a.body };
};

describe('a section kicker above the headline (rule section-kicker)', () => {
  it('is neither the headline nor body', () => {
    expect(main('POLITICS\nNight ferries to return in September\nBy Ana Ruiz')).toEqual({ headline: 'Night ferries to return in September', byline: 'Ana Ruiz', body: PARA });
    expect(main('EXCLUSIVE:\nNight ferries to return in September')).toEqual({ headline: 'Night ferries to return in September', byline: null, body: PARA });
    expect(main('Analysis\nNight ferries to return in September\nBy Ana Ruiz')).toEqual({ headline: 'Night ferries to return in September', byline: 'Ana Ruiz', body: PARA });
    expect(main('Travel › Ferries\nNight ferries to return in September')).toEqual({ headline: 'Night ferries to return in September', byline: null, body: PARA });
  });
  it('leaves a short headline over its first paragraph or standfirst alone', () => {
    expect(main('FERRY CHAOS')).toEqual({ headline: 'FERRY CHAOS', byline: null, body: PARA });
    expect(main('Ferry Chaos\nNight ferries will return in September, the authority says')).toEqual({ headline: 'Ferry Chaos', byline: null, body: `Night ferries will return in September, the authority says\n${PARA}` });
    expect(main('STORM WARNING\nGales are expected along the coast tonight.')).toEqual({ headline: 'STORM WARNING', byline: null, body: `Gales are expected along the coast tonight.\n${PARA}` });
  });
});
