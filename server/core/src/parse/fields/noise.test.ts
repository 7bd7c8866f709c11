import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inlineNoise, isSuspectBoilerplate, noiseContext, noiseLineRule } from './noise.ts';
import { NOISE_INLINE_RULES, NOISE_LINE_RULES, SUSPECT_HINTS } from '../patterns.ts';
import { REPO_ROOT, SHARED_DUMPS } from '../../../../../tests/helpers/paths.ts';

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

describe('ad-slot labels of other words', () => {
  it('takes a sponsor, paid-content or skip-ad label on its own line', () => {
    for (const s of ['Sponsored', 'SPONSORED CONTENT', 'Sponsored by Calder Motors', 'Paid partnership', 'Skip advertisement', 'Advertisement - Scroll to continue', 'AD', 'Continue reading below']) {
      expect(noiseLineRule(s), s).toMatch(/^(?:ad-slot|continues-below)$/u);
    }
  });
  it('leaves a sentence about sponsors or adverts in the body', () => {
    expect(noiseLineRule("Sponsored by three local firms, the naming ceremony raised more than four thousand pounds.")).toBeNull();
    expect(noiseLineRule('Advertising revenue fell by a third, the company said.')).toBeNull();
  });
});

describe('reading-time labels', () => {
  it('takes "5 min read" and its other shapes and languages', () => {
    for (const s of ['5 min read', '3 minute read', '12 mins read', 'Reading time: 5 minutes', 'Read time 4 min', 'Lesezeit: 4 Min.', '4 min de lecture', '6 MIN READ']) {
      expect(noiseLineRule(s), s).toBe('reading-time');
    }
  });
  it('leaves a sentence about reading time in the body', () => {
    expect(noiseLineRule('Volunteers had only five minutes to read the safety briefing.')).toBeNull();
    expect(noiseLineRule('5 minutes to read the statement was not enough, she said.')).toBeNull();
  });
});

describe('embed and widget placeholders', () => {
  it('takes a placeholder left where an embed did not load', () => {
    for (const s of ['[Embedded content]', '[Video]', 'Click to load video', 'Tap to play the video', 'This content is not available in your region', 'Loading...', 'Image 2 of 6', 'Enlarge this image']) {
      expect(noiseLineRule(s), s).toBe('embed-placeholder');
    }
  });
  it('leaves article text that starts the same way', () => {
    expect(noiseLineRule('Loading the boat onto its cradle took most of the morning.')).toBeNull();
    expect(noiseLineRule('Click to load video games was how the shop advertised its kiosk in 1998, he recalled.')).toBeNull();
  });
});

describe('comment-section furniture', () => {
  it('takes a comment count, prompt or notice', () => {
    for (const s of ['Comments (14)', 'Join the conversation', 'Log in to comment', 'Sign in to join the conversation', 'View 23 comments', 'Show comments', 'Be the first to comment', 'Comments are closed.', 'Leave a comment']) {
      expect(noiseLineRule(s), s).toBe('comment-section');
    }
  });
  it('leaves sentences about comments or conversations in the body', () => {
    expect(noiseLineRule('Comments from residents (more than 200 of them) urged the charity to keep the station open.')).toBeNull();
    expect(noiseLineRule("The coxswain said the crew would join the conversation about the station's future.")).toBeNull();
    expect(noiseLineRule('Comments are closed at the town hall until the consultation ends, a spokesperson said.')).toBeNull();
  });
  it('gives every new rule a reason', async () => {
    const { NOISE_LINE_RULES } = await import('../patterns.ts');
    for (const name of ['ad-slot', 'reading-time', 'embed-placeholder', 'comment-section']) {
      expect(NOISE_LINE_RULES.find((r) => r.name === name)?.reason, name).toMatch(/not article text/u);
    }
  });
});

describe('an agency credits trailer ending a one-line body', () => {
  it('is cut out', () => {
    expect(cut('Ships wait. (Reporting by Kemal Aydin in Ankara; Editing by Paul Greer)')).toBe('Ships wait. |');
    expect(cut('Talks stalled. Additional reporting by Tom Bell.')).toBe('Talks stalled. |');
    expect(cut('Talks stalled. With assistance from Ana Ruiz and Li Wei')).toBe('Talks stalled. |');
  });
  it('leaves sentences that start the same way', () => {
    expect(cut('The firm hid losses. Reporting by two journals in 2019 first exposed the gap.')).toBe('The firm hid losses. Reporting by two journals in 2019 first exposed the gap.');
    expect(cut('The firm hid losses. Reporting by Reuters showed the lenders were told in 2021.')).toBe('The firm hid losses. Reporting by Reuters showed the lenders were told in 2021.');
    expect(cut('Their Reporting by Jane Doe award was withdrawn')).toBe('Their Reporting by Jane Doe award was withdrawn');
  });
});

describe('a sign-up sentence after an article sentence on one line (related bodies)', () => {
  it('cuts the sign-up off, in English and other languages, and keeps the article sentence', () => {
    const s = "Levels at the Blackstone reservoir have fallen below half for the first time since 2018, the water company said. Sign up for our newsletter and get the valley's news every morning.";
    expect(noiseLineRule(s)).toBeNull();
    expect(cut(s)).toBe('Levels at the Blackstone reservoir have fallen below half for the first time since 2018, the water company said. |');
    expect(cut('La biblioteca abrirá los sábados, informó el ayuntamiento. Suscríbete a nuestro boletín y recibe las noticias cada mañana.')).toBe('La biblioteca abrirá los sábados, informó el ayuntamiento. |');
    expect(cut("Le marché rouvre samedi. Abonnez-vous à notre newsletter pour ne rien manquer.")).toBe('Le marché rouvre samedi. |');
  });
  it('still takes a line that is all sign-up, and leaves a sentence about a newsletter', () => {
    expect(noiseLineRule('Sign up for our Morning Digest newsletter here.')).toBe('newsletter');
    expect(noiseLineRule('Were you forwarded this newsletter by a friend? Sign up here.')).toBe('newsletter');
    const about = 'The firm said it had sent the newsletter to people who never signed up. Subscribers complained to the regulator.';
    expect(cut(about)).toBe(about);
  });
});

describe('ad-slot labels in other languages, and follow or app prompts ending a one-line body', () => {
  it('takes "Anzeige", "Publicité", "Publicidad" alone on a line', () => {
    for (const s of ['Anzeige', 'WERBUNG', 'Publicité', 'Publicidad', 'Pubblicità']) expect(noiseLineRule(s), s).toBe('ad-slot');
    expect(noiseLineRule('Anzeige gegen den Bürgermeister erstattet')).toBeNull();
  });
  it('cuts a follow or app prompt after an article sentence, and leaves directions and other apps', () => {
    expect(cut('The toilets will reopen next week, the council said. Follow us on Facebook for more local news.')).toBe('The toilets will reopen next week, the council said. |');
    expect(cut('The clock is keeping time again, the council said. Download the Gazette app for breaking news alerts.')).toBe('The clock is keeping time again, the council said. |');
    expect(cut('Die Fähre fährt wieder, sagte die Reederei. Folgen Sie uns auf Instagram.')).toBe('Die Fähre fährt wieder, sagte die Reederei. |');
    for (const s of ['The guide waved. Follow us on the path, she said, and stay close.', 'Banks said fraud was rising. Download the bank app only from the official store, they advise.']) expect(cut(s), s).toBe(s);
  });
});

describe("a dump's noise context", () => {
  /** What noiseContext must say, from one indexOf per hint: the inline rules present (a one-hint rule with where its hint first occurs), the line rules' and the suspect hints present. */
  const expected = (text: string): unknown => ({
    inlineRules: NOISE_INLINE_RULES.flatMap((rule) => {
      if (rule.hints.length === 1) {
        const from = text.indexOf(rule.hints[0]!);
        return from >= 0 ? [{ rule, from }] : [];
      }
      return rule.hints.some((h) => text.includes(h)) ? [{ rule, from: 0 }] : [];
    }),
    lineHints: NOISE_LINE_RULES.flatMap((r) => r.hints ?? []).filter((h) => text.includes(h)),
    suspectHints: SUSPECT_HINTS.filter((h) => text.includes(h)),
  });
  const dumps = [SHARED_DUMPS, resolve(REPO_ROOT, '../shared/cases'), join(REPO_ROOT, 'tests/fixtures/dumps')].flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(join(dir, f), 'utf8')),
  );
  it('holds the rules and hints the dump contains, and where each one-hint rule\'s hint first occurs, for every real and own dump', () => {
    expect(dumps.length).toBeGreaterThan(10);
    for (const text of dumps) expect(noiseContext(text)).toEqual(expected(text));
  });
  it('finds hints searched from inside them ("Reporting by", "assistance from") at their start, overlapping and cut off', () => {
    const hints = [...new Set([...NOISE_INLINE_RULES.flatMap((r) => r.hints), ...NOISE_LINE_RULES.flatMap((r) => r.hints ?? []), ...SUSPECT_HINTS])];
    const piece = fc.oneof(
      fc.constantFrom(...hints),
      fc.constantFrom(...hints).chain((h) => fc.nat(h.length).map((k) => h.slice(0, k))),
      fc.constantFrom(...hints).chain((h) => fc.nat(h.length).map((k) => h.slice(k))),
      fc.constantFrom(' ', 'by', 'from', 'e', 'R', '’', '\n', 'Show '),
    );
    fc.assert(fc.property(fc.array(piece, { maxLength: 12 }), (ps) => {
      const text = ps.join('');
      expect(noiseContext(text)).toEqual(expected(text));
    }), { numRuns: 3000 });
  });
});
