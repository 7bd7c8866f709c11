import { describe, expect, it } from 'vitest';
import { extractTopics } from './topics.ts';

const names = (h: string | null, b: string) => extractTopics(h, b).filter((t) => t.kind !== 'subject');
const find = (h: string | null, b: string, name: string) => names(h, b).find((t) => t.name === name);

describe('entity resolution within an article', () => {
  const body = [
    "Brazil's Luiza Tavares met Secretary of Commerce Pedro Almeida in the Chilean port of Valparaiso on Tuesday, while Chile's president said his finance minister would lead Santiago's team.",
    'U.S. Trade Representative Dana Whitcombe later joined them. Tavares said the deal was close; Almeida said the Valparaiso talks would go on.',
    'Officials from the South American trade hub said the South Korean delegation would arrive on Friday.',
  ].join('\n');

  it('folds a surname or first name used alone into the full name, keeping the spellings as aliases', () => {
    const topics = names('Tavares and Almeida near a deal', body);
    const keys = topics.map((t) => t.key);
    expect(keys).toContain('luiza tavares');
    expect(keys).toContain('pedro almeida');
    expect(keys).not.toContain('tavares');
    expect(keys).not.toContain('almeida');
    expect(find('Tavares and Almeida near a deal', body, 'Luiza Tavares')).toMatchObject({ kind: 'person', aliases: ['Tavares'] });
  });

  it('drops titles, and a place or acronym before a title is a topic of its own', () => {
    const topics = names(null, body);
    expect(topics.find((t) => t.name === 'Dana Whitcombe')?.kind).toBe('person');
    expect(topics.find((t) => t.name === 'United States')).toMatchObject({ kind: 'place', aliases: ['U.S.'] });
    expect(topics.some((t) => /secretary|representative|commerce/i.test(t.name))).toBe(false);
  });

  it('a common-noun phrase after a name is not an organisation: "Santiago\'s team", "trade hub"', () => {
    const topics = names(null, body);
    expect(topics.map((t) => t.name)).toContain('Santiago');
    expect(topics.some((t) => /team|hub|delegation/i.test(t.name))).toBe(false);
    expect(topics.some((t) => /^(?:South American|South Korean|Chilean)$/.test(t.name))).toBe(false);
  });

  it('a fragment of a longer place name folds into it ("Kong" in "Hong Kong"-like names)', () => {
    const text = 'PORT MORESBY -- Police in Port Moresby said on Monday that Moresby harbour was closed. Port Moresby officials said it would reopen.';
    const keys = names(null, text).map((t) => t.key);
    expect(keys).toContain('port moresby');
    expect(keys).not.toContain('moresby');
  });

  it('a word that only opens sentences is not a name, however capitalised', () => {
    const text = 'Night buses will run again from Monday.\nNight buses were cut in 2022.\nShift workers welcomed the plan in Dunmore Quay.';
    const topics = names('Night buses to return', text);
    expect(topics.map((t) => t.name)).toEqual(['Dunmore Quay']);
  });

  it('one entity in two short forms is one topic', () => {
    const topics = names('US and UK agree steel deal', 'The United States and Britain agreed a steel deal on Monday. US officials said the U.S. would cut tariffs.');
    expect(topics.filter((t) => t.key === 'united states')).toHaveLength(1);
    expect(topics.find((t) => t.key === 'united kingdom')?.aliases).toEqual(expect.arrayContaining(['Britain', 'UK']));
  });
});

describe('kinds and subjects', () => {
  it('gives organisations by their form, people by titles and places by the lexicon', () => {
    const text = 'Shares in Corvane Systems Inc. rose after chief executive Mira Lund said the Harwick County board had approved its plant near Lyon. The Corvane Systems plant will employ 900 people.';
    const topics = names(null, text);
    expect(topics.find((t) => t.key === 'corvane systems')?.kind).toBe('organization');
    expect(topics.find((t) => t.key === 'mira lund')?.kind).toBe('person');
    expect(topics.find((t) => t.key === 'lyon')?.kind).toBe('place');
    expect(topics.find((t) => t.key === 'harwick county')?.kind).toBe('place');
  });

  it('adds subjects for what is not an entity, and none where nothing is clear', () => {
    const sport = extractTopics('Rovers win the cup final', 'Rovers scored twice in the cup final as the league champions beat City. The coach praised every player in the team.');
    expect(sport.filter((t) => t.kind === 'subject').map((t) => t.name)).toEqual(['Sport']);
    expect(extractTopics('A quiet day', 'Nothing much happened.').filter((t) => t.kind === 'subject')).toEqual([]);
  });
});
