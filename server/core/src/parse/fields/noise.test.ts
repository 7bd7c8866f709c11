import { describe, expect, it } from 'vitest';
import { inlineNoise, isSuspectBoilerplate, noiseLineRule } from './noise.ts';

const cut = (s: string, source: string | null = null): string =>
  inlineNoise(s, source).ranges.reduceRight((acc, [a, b]) => acc.slice(0, a) + '|' + acc.slice(b), s);

describe('publisher boilerplate', () => {
  it('recognises whole lines', () => {
    expect(noiseLineRule('Advertisement')).toBe('advertisement');
    expect(noiseLineRule('Article content')).toBe('article-content');
    expect(noiseLineRule('Read More')).toBe('read-more');
    expect(noiseLineRule('Show all 7')).toBe('gallery');
    expect(noiseLineRule('Were you forwarded this newsletter by a friend? Sign up here.')).toBe('newsletter');
    expect(noiseLineRule('Start your FREE trial now Show Comments ()')).toBe('paywall-trial');
    expect(noiseLineRule('Where to invest $1,000 right now? Our analysts picked 10 stocks. Learn More »')).toBe('stock-promo-invest');
    expect(noiseLineRule('To view this video please enable JavaScript, and consider upgrading to a web browser that supports HTML5 video')).toBe('video-blurb');
    expect(noiseLineRule('The council said it would publish a newsletter.')).toBeNull();
    expect(noiseLineRule('Further Reading')).toBeNull();
  });
  it('recognises ad-slot residue that says where the story goes on', () => {
    expect(noiseLineRule('Story continues below advertisement')).toBe('continues-below');
    expect(noiseLineRule('Article continues after this ad')).toBe('continues-below');
    expect(noiseLineRule('STORY CONTINUES BELOW')).toBe('continues-below');
    expect(noiseLineRule('The story continues below the surface, divers found.')).toBeNull();
    expect(noiseLineRule('Story continues below the fold of a newspaper that has not yet been printed, and it is long.')).toBeNull();
  });
  it('cuts inline boilerplate out of a one-line body', () => {
    expect(cut('To view this video please enable JavaScript, and consider upgrading to a web browser that supports HTML5 video US officials said')).toBe('| US officials said');
    expect(cut("They said so. Get in touch with our news team by emailing us. MORE: Other news")).toBe('They said so. |');
    expect(cut('It rained. Advertisement The sun came out.')).toBe('It rained. | The sun came out.');
    expect(cut('Read it. Subscribe to the Daily newsletter. Fast Company\'s trending stories delivered to you every day Privacy Policy | Fast Company Editorial And more.', 'Fast Company')).toBe('Read it. | And more.');
    expect(cut('It ended. Learn more about your ad choices. Visit podcastchoices.com')).toBe('It ended. |');
    expect(cut('Our Advertisement budget grew')).toBe('Our Advertisement budget grew');
  });
  it('flags unknown prompts for review', () => {
    expect(isSuspectBoilerplate('Subscribe now for full access')).toBe(true);
    expect(isSuspectBoilerplate('The minister resigned on Monday.')).toBe(false);
  });
});

describe('widget counters', () => {
  it('takes a comment or share count on its own line, not a number in a sentence', () => {
    expect(noiseLineRule('12 comments')).toBe('widget-count');
    expect(noiseLineRule('340 Shares')).toBe('widget-count');
    expect(noiseLineRule('12 comments were received by the council.')).toBeNull();
  });
});

describe('a share or read counter written as a sentence', () => {
  it('is widget residue', () => {
    expect(noiseLineRule('This story has been shared 1,204 times.')).toBe('widget-count-sentence');
    expect(noiseLineRule('Read 3.4k times')).toBe('widget-count-sentence');
  });
  it('leaves sentences about sharing alone', () => {
    expect(noiseLineRule('The video has been shared 40,000 times since Friday, police said.')).toBeNull();
    expect(noiseLineRule('This story has been shared with the police.')).toBeNull();
  });
});
