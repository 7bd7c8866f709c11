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

describe('evidence and folding by kind of text (precision)', () => {
  const keys = (h: string | null, b: string) => names(h, b).map((t) => t.key);

  it("a name with a plural possessive inside is one name, and its acronym introduced after it folds into it", () => {
    const body = "The Harwick Growers' Federation, or HGF, said on Monday that prices had fallen. HGF members will meet in Lyon next week.";
    const topics = names(null, body);
    const fed = topics.find((t) => t.key === 'harwick growers federation');
    expect(fed?.aliases).toContain('HGF');
    expect(topics.map((t) => t.key)).not.toContain('hgf');
    expect(topics.map((t) => t.key)).not.toContain('harwick growers');
  });

  it("a party's adjective folds into the party", () => {
    const topics = names(null, 'The senator from Tessaly did not say which of his Democratic colleagues would leave, and the Democrats said they would vote again in the autumn.');
    expect(topics.filter((t) => /^democra/.test(t.key))).toHaveLength(1);
    expect(topics.find((t) => t.key === 'democrats')).toMatchObject({ name: 'Democrats', kind: 'organization', aliases: ['Democratic'] });
  });

  it('a designation (a common noun before a number) is no entity: "House Bill 1375"', () => {
    expect(keys(null, 'Farmers in Tessaly say House Bill 1375 would raise their costs, and Route 9 will close for a week.')).toEqual(['tessaly']);
  });

  it('a heading line that opens with a common word names nothing: "Further Reading", "Key Points"', () => {
    const body = 'Key Points\nThe port of Marlow reopened on Monday.\nFurther Reading\nRain closes Marlow port again';
    expect(keys(null, body)).toEqual(['marlow']);
  });

  it("the words of a quoted title of a show are not entities, a quoted name is", () => {
    const body = "Dara Quill will appear on Kestrel's 'Special Report: Inside the Harbour' on Friday, a week after the \"Harbour Watch Council,\" a group of residents, criticised her.";
    const k = keys(null, body);
    expect(k).toContain('harbour watch council');
    expect(k).toContain('dara quill');
    expect(k.some((x) => /special|inside|report/.test(x))).toBe(false);
  });

  it('splits an organisation from the member named after it without a comma', () => {
    const body = 'Residents gathered at dawn, led by Talbot River Council Maren Oduya, to mark the anniversary. "It is a good day," Oduya said.';
    const k = keys(null, body);
    expect(k).toContain('talbot river council');
    expect(k).toContain('maren oduya');
    expect(k.some((x) => x.includes('council maren'))).toBe(false);
  });

  it('an opening word nothing else names, before a name the article writes alone, is dropped ("Tolvane Corvin Laskey")', () => {
    expect(keys('Tolvane Corvin Laskey says he will stay in his post', 'Corvin Laskey said on Monday he would not resign.')).toEqual(['corvin laskey']);
  });

  it('the region after a dateline city is a place, and stays apart from the organisation named after it', () => {
    const topics = names(null, 'MARLOW, Tessaly -- A bill before the Tessaly House would tax river freight, shippers in Tessaly said.');
    expect(topics.find((t) => t.key === 'tessaly')?.kind).toBe('place');
    expect(topics.find((t) => t.key === 'tessaly house')?.kind).toBe('organization');
  });

  it('a short form before a title is its country: "US President ..."', () => {
    expect(keys(null, 'US President Dana Whitcombe met the press on Monday.')).toEqual(expect.arrayContaining(['united states', 'dana whitcombe']));
  });

  it('a word after a list marker opens a sentence ("1️⃣ Tolvane woes:")', () => {
    expect(keys(null, 'Here is the day:\n1️⃣ Tolvane woes: growers in Lyon fear a poor year.')).toEqual(['lyon']);
  });

  it("a quoted title with a possessive or a small word inside is a title too ('Brennan and Stoat-Face')", () => {
    const body = "Dara Quill, creator of 'Brennan and Stoat-Face', will host Kestrel's 'Harbour Nights: Marlow's Finest Tables' from Friday.";
    const k = keys(null, body);
    expect(k).toContain('dara quill');
    expect(k.some((x) => /stoat|brennan|finest|harbour nights/.test(x))).toBe(false);
  });

  it('an office after a name is not part of it ("Welcome to 5 Things PM"), a surname that is an office word is ("Mike Judge")', () => {
    const k = keys(null, 'Welcome to 5 Things PM! The Bank of Marlow Governor spoke with the director Mike Judge in Lyon.');
    expect(k).toEqual(expect.arrayContaining(['bank of marlow', 'mike judge', 'lyon']));
    expect(k.some((x) => /things|governor/.test(x))).toBe(false);
  });

  it('a code of capitals and digits is a designation ("D-35", "F-16"), no entity', () => {
    expect(keys(null, 'Ministers in Tessaly defended their D-35 handling and the F-16 order on Monday.')).toEqual(['tessaly']);
  });

  it('a name listed with a name of sure kind takes its kind, unless its own form tells one ("Vantora and Microsoft")', () => {
    const topics = names(null, 'Orders from Vantora and Microsoft rose in March, while the Tessaly Bank and Lyon kept their forecasts.');
    expect(topics.find((t) => t.key === 'vantora')?.kind).toBe('organization');
    expect(topics.find((t) => t.key === 'tessaly bank')?.kind).toBe('organization');
    expect(topics.find((t) => t.key === 'lyon')?.kind).toBe('place');
  });

  it('a river, lake or mountain is a place by its first word ("River Tamsin")', () => {
    expect(names(null, 'Flood warnings were issued along the River Tamsin on Saturday.').find((t) => t.key === 'river tamsin')?.kind).toBe('place');
  });
});
