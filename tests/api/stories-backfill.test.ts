/**
 * Story backfill (`copydesk stories backfill`): articles enriched before stories existed get the
 * stories the enrichment job would have given them; a second run changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backfillStories } from '@copydesk/server/stories/backfill.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { logoDump } from '../helpers/dumps.ts';
import { STORY_ARTICLES as ARTICLES } from '../helpers/stories.ts';

let t: TestApp;
const IMPORT = `mutation($input: ImportDumpInput!) { importDump(input: $input) { __typename ... on Error { code message } } }`;
const memberships = async () =>
  new Map((await t.sql<{ headline: string; story_id: number }>('select a.headline, m.story_id from story_articles m join articles a on a.id = m.article_id')).map((r) => [r.headline, Number(r.story_id)]));

beforeAll(async () => {
  t = await createTestApp();
  for (const key of ['strikePost', 'strikeCourier', 'festivalPost'] as const) {
    const [source, headline, body] = ARTICLES[key];
    const res = await t.gql(IMPORT, { input: { text: logoDump(source, headline, body) } });
    expect(res.data.importDump.__typename).toBe('ImportDumpPayload');
  }
  await t.drain();
  // as before stories existed: enriched articles, no story
  await t.sql('delete from story_articles');
  await t.sql('delete from stories');
});
afterAll(async () => {
  await t?.close();
});

describe('story backfill', () => {
  it('gives every enriched article the story the enrichment job would have given it', async () => {
    const enriched = Number((await t.sql<{ n: number }>('select count(*)::int as n from articles where enriched_at is not null'))[0]!.n);
    expect(enriched).toBe(3);
    const result = await backfillStories(t.database.db, { batch: 2 });
    expect(result.assigned).toBe(3);
    const m = await memberships();
    expect(m.size).toBe(3);
    expect(m.get(ARTICLES.strikePost[1])).toBe(m.get(ARTICLES.strikeCourier[1]));
    expect(m.get(ARTICLES.festivalPost[1])).not.toBe(m.get(ARTICLES.strikePost[1]));
    const res = await t.gql(`{ stories(first: 10) { edges { node { size headline } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.stories.edges.map((e: { node: { size: number } }) => e.node.size).sort()).toEqual([1, 2]);
  });

  it('is idempotent: a second run assigns nothing and moves nothing', async () => {
    const before = await memberships();
    expect(await backfillStories(t.database.db)).toEqual({ assigned: 0, stories: 0 });
    expect(await memberships()).toEqual(before);
  });
});
