import { describe, expect, it } from 'vitest';
import { bodyKinds, KIND_RULES, lineKind } from './kinds.ts';

/** A line's family where it stands at a body's edge (where every cue is looked for). */
const family = (s: string): string | null => {
  const r = lineKind(s, true).rule;
  return r ? KIND_RULES[r]! : null;
};

/** Article sentences that share words with the promos of every family: they must stay body. */
const ADVERSARIAL = [
  'Readers signed up in their thousands for the march.',
  'Support for the bill fell to a third of voters, a poll found.',
  'Subscribers to the water company will see bills rise by 8% in April.',
  'Follow the river north and you reach the old mill, which closed in 1962.',
  'Download speeds in rural areas are still half those in cities.',
  'The council newsletter had warned residents about the closure weeks earlier.',
  'Share prices fell sharply after the announcement on Tuesday.',
  'Watch manufacturers in the valley employ about 3,000 people.',
  'Listen carefully and you can still hear the trains at night, one neighbour said.',
  'We will not be silenced, the protesters chanted outside the court.',
  '"If you want to help, donate blood," the hospital director told reporters.',
  'The bakery sold cookies to partners at the trade fair.',
  'The council is an independent body set up in 1990 to hear complaints.',
  'Tap water in the district was declared safe on Friday.',
  'Click-and-collect sales rose by a fifth over Christmas.',
  'Email records show the minister was told in March.',
  'Keep reading the small print, consumer groups advise.',
  'Continue to the end of the road and the harbour opens up before you.',
  'Related charges were dropped against two other men.',
  'Tags on the birds showed they had flown 4,000 miles.',
  'Print runs of the paper have halved since 2010.',
  'Join the queue at six and you may get a ticket by noon.',
  'The views expressed by residents at the meeting were mixed.',
  'Commission members will report to parliament in June.',
  'Thank you notes from patients cover one wall of the ward.',
  'The podcast, which began in 2019, has two million listeners.',
  'Our reporter spent a week on the trawler.',
];

describe('publisher boilerplate by kind', () => {
  it('calls to action: newsletter blocks, appeals, apps, follow prompts, podcast/video promos, scroll prompts', () => {
    for (const s of [
      'Sign up to The Morning Ledger for the day’s top stories in your inbox.',
      'Get our free weekday briefing delivered to your inbox every morning.',
      'Enter your email address',
      'Sign me up',
      'If you value our reporting, please consider supporting us with a donation.',
      'Your support keeps our journalism free for everyone to read.',
      'Download the Harbour Ledger app for breaking news alerts.',
      'Follow us on Instagram and TikTok',
      'Join our WhatsApp channel for the latest updates',
      'Hear this episode on any podcast app.',
      'Play the clip above to watch the rescue.',
      'Scroll down for video',
      'Tap to expand',
      'Thanks for reading the Ledger.',
    ]) expect(family(s), s).toBe('call-to-action');
  });
  it('link teasers and navigation labels', () => {
    for (const s of ['MORE FROM US: Port strike ends after nine days', 'See also | Ferry fares to rise in spring', 'ALSO READ: Council approves new rules', 'Keep reading', 'Continue to the article', 'Read more: Storm closes coast road', 'RELATED: Tram depot to become market'])
      expect(family(s), s).toBe('link-teaser');
  });
  it('share and consent furniture', () => {
    for (const s of ['Share', 'Share on Facebook', 'Share this article', 'Copy link', 'Link copied to clipboard', 'Your email has been sent.', 'Facebook Twitter WhatsApp Email', 'Facebook | X | LinkedIn', 'We use cookies to personalise content and ads. By continuing you agree to our cookie policy.'])
      expect(family(s), s).toBe('share-consent');
    expect(lineKind('Accept all cookies').rule).toBe('button');
    expect(lineKind('Manage preferences').rule).toBe('button');
  });
  it('outlet self-descriptions, disclaimers and affiliate disclosures', () => {
    for (const s of [
      'The Harbour Ledger has been Calder Bay’s independent voice since 1887.',
      'We are a nonprofit newsroom funded by readers like you.',
      'The views expressed in this article are the author’s own and do not necessarily reflect those of the Ledger.',
      'This article is for informational purposes only.',
      'We may earn a commission from links on this page.',
      'Products are independently selected by our editors.',
      'About the author',
    ]) expect(family(s), s).toBe('self-description');
  });
  it('tag rows and credits', () => {
    expect(family('Tags: Calder Bay, Ferries, Transport')).toBe('tag-row');
    expect(family('Topics')).toBe('tag-row');
    expect(family('ABOUT US')).toBe('tag-row');
    expect(family('Reporting by Jane Doe; Editing by John Roe')).toBe('credits');
  });
  it('leaves article sentences that share words with the promos alone', () => {
    for (const s of ADVERSARIAL) {
      expect(lineKind(s).rule, s).toBeNull();
      expect(lineKind(s, true).rule, `${s} (at an edge)`).toBeNull();
    }
  });
});

const PARA = 'The harbour authority said the new ferries would run every ninety minutes between midnight and five in the morning from September.';

const rules = (lines: string[], cutLast = false): (string | null)[] => bodyKinds(lines, lines.map(() => false), cutLast).map((v) => v.rule);

describe('boilerplate by position', () => {
  it('takes a run of short tag lines and a tag row at the end of a body', () => {
    expect(rules([PARA, PARA, 'Calder Bay', 'Ferries', 'TRANSPORT'])).toEqual([null, null, 'tag-row', 'tag-row', 'tag-row']);
    expect(rules([PARA, 'Calder Bay, Ferries, Transport'])).toEqual([null, 'tag-row']);
  });
  it('takes a bare headline after the last paragraph', () => {
    expect(rules([PARA, PARA, 'Council approves new rules on night-time noise'])).toEqual([null, null, 'link-teaser']);
  });
  it('leaves a body whose capture stops mid-line, and a teaser cut by the publisher, alone', () => {
    expect(rules([PARA, 'Council approves new rules on night-time noise'], true)).toEqual([null, null]);
    expect(rules([PARA, 'So the voters turned their backs on the mayor and his plan for the'])).toEqual([null, null]);
  });
  it('leaves a list of headlines (a digest) and a subhead before text alone', () => {
    expect(rules([PARA, 'Further Reading', 'Port strike ends after nine days', 'Ferry fares to rise in spring'])).toEqual([null, null, null, null]);
    expect(rules([PARA, 'Why This Matters', PARA])).toEqual([null, null, null]);
  });
  it('takes the promo title over a newsletter pitch, and breadcrumbs before the first paragraph', () => {
    expect(rules([PARA, 'The Morning Ledger', 'Our best stories, delivered to your inbox every weekday.', PARA])).toEqual([null, 'newsletter', 'newsletter', null]);
    expect(rules(['News', 'Local', PARA, PARA])).toEqual(['navigation', 'navigation', null, null]);
  });
});
