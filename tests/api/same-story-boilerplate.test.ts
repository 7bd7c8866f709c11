/**
 * SAME_STORY edges (near-duplicate bodies) compare article text without its outlet's boilerplate:
 * two stories of one outlet that print the same long newsletter plug are not near-duplicates,
 * while wire copy printed by two outlets still is.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { logoDump } from '../helpers/dumps.ts';
import { STORY_ARTICLES as ARTICLES } from '../helpers/stories.ts';

let t: TestApp;
const IMPORT = `mutation($input: ImportDumpInput!) { importDump(input: $input) { __typename ... on Error { code message } } }`;
const WIRE = [
  'A magnitude 6.1 earthquake struck off the coast of Hokkaido early on Thursday, the Japan Meteorological Agency said, shaking buildings in Sapporo and halting trains across the island.',
  'The agency said there was no tsunami warning, and there were no immediate reports of serious damage or injuries in Sapporo or the nearby towns along the coast.',
];
// an outlet's standing paragraphs under every story, written as prose (nothing marks them as page furniture)
const ABOUT = [
  'Our reporters cover council meetings, courts, schools, business and sport across the whole region, and every one of our stories is checked by an editor before it is published on this site.',
  'The paper has served the towns of the estuary since 1871, when a printer on the quay began selling a single sheet of shipping notices and market prices to the merchants of the harbour.',
  'Its newsroom moved to the old customs house in 1998, and today a team of twenty journalists and photographers works from there and from the district offices in the four market towns.',
];
const edges = async () =>
  (
    await t.sql<{ a: string; b: string; src_a: string; src_b: string }>(`select x.headline as a, y.headline as b, sx.name as src_a, sy.name as src_b
      from story_edges e join articles x on x.id = e.from_article_id join articles y on y.id = e.to_article_id
      join sources sx on sx.id = x.source_id join sources sy on sy.id = y.source_id
      where e.kind = 'SAME_STORY' and e.from_article_id < e.to_article_id`)
  ).map((r) => [r.a, r.b].sort().join(' / '));

beforeAll(async () => {
  t = await createTestApp();
  const dumps = [
    ...(['strikePost', 'festivalPost'] as const).map((k) => logoDump(ARTICLES[k][0], ARTICLES[k][1], [...ARTICLES[k][2].slice(0, 2), ...ABOUT])),
    // a third story of the outlet: a line printed under three of its stories is its boilerplate
    logoDump('Harbour Post', 'Erasmus Bridge to close for repairs', ['The Erasmus Bridge will close to traffic for three weeks in August for repairs, the city of Rotterdam said on Friday.', ...ABOUT]),
    logoDump('Coast Courier', 'Earthquake shakes Hokkaido', WIRE),
    logoDump('Evening Star', 'Strong quake hits northern Japan', WIRE),
  ];
  for (const text of dumps) {
    const res = await t.gql(IMPORT, { input: { text } });
    expect(res.data.importDump.__typename).toBe('ImportDumpPayload');
  }
  await t.drain();
});
afterAll(async () => {
  await t?.close();
});

describe('SAME_STORY edges without boilerplate', () => {
  it('join wire copy printed by two outlets, not two stories of one outlet that share its plug', async () => {
    const found = await edges();
    expect(found).toContain(['Earthquake shakes Hokkaido', 'Strong quake hits northern Japan'].join(' / '));
    expect(found.some((e) => e.includes(ARTICLES.strikePost[1]) && e.includes(ARTICLES.festivalPost[1]))).toBe(false);
  });
});
