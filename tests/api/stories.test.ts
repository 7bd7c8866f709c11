/**
 * Stories: articles about one event across outlets, kept by the enrichment job as dumps arrive;
 * editors merge, move an article out, and rename, and their decisions survive recomputation.
 * Dumps written for this test (logo layout: the outlet is named on the page).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrichDump, storeEnrichment } from '@copydesk/server/enrich/enrich.ts';
import { analyseArticle } from '@copydesk/server/enrich/analyse.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { flatDump, logoDump, relatedBlock } from '../helpers/dumps.ts';
import { STORY_ARTICLES as ARTICLES } from '../helpers/stories.ts';

let t: TestApp;
const IMPORT = `mutation($input: ImportDumpInput!) { importDump(input: $input) { __typename ... on Error { code message } } }`;


const articleIds = new Map<string, string>();
const dumpIds: number[] = [];
const storyOf = async (key: keyof typeof ARTICLES) => {
  const res = await t.gql(`query($id: ID!) { article(id: $id) { story { id size headline } } }`, { id: articleIds.get(ARTICLES[key][1]) });
  return res.data.article.story as { id: string; size: number; headline: string } | null;
};
const recompute = async () => {
  for (const d of dumpIds) await enrichDump(t.database.db, d);
};

beforeAll(async () => {
  t = await createTestApp();
  for (const [source, headline, body] of Object.values(ARTICLES)) {
    const res = await t.gql(IMPORT, { input: { text: logoDump(source, headline, body) } });
    expect(res.data.importDump.__typename).toBe('ImportDumpPayload');
  }
  await t.drain();
  const res = await t.gql(`{ articles(first: 20) { edges { node { id headline } } } }`);
  for (const e of res.data.articles.edges) articleIds.set(e.node.headline, e.node.id);
  dumpIds.push(...(await t.sql<{ id: number }>('select id from dumps order by id')).map((r) => Number(r.id)));
});
afterAll(async () => {
  await t?.close();
});

describe('stories kept by the enrichment job', () => {
  it('put two outlets’ reports of one event in one story, and keep a same-outlet story that only shares boilerplate apart', async () => {
    const [post, courier, festival] = [await storyOf('strikePost'), await storyOf('strikeCourier'), await storyOf('festivalPost')];
    expect(post).not.toBeNull();
    expect(courier!.id).toBe(post!.id);
    expect(post!.size).toBe(2);
    expect(festival!.id).not.toBe(post!.id);
    expect(festival!.size).toBe(1);
  });

  it('give a story its headline, articles by time, sources, first and last seen, topics and size', async () => {
    const { id } = (await storyOf('strikePost'))!;
    const res = await t.gql(
      `query($id: ID!) { story(id: $id) { headline size firstSeen lastSeen sources { name } topics(first: 5) { name }
        articles(first: 10) { totalCount edges { node { seenAt pinned article { headline source { name } } } } } } }`,
      { id },
    );
    expect(res.errors).toBeUndefined();
    const s = res.data.story;
    expect([ARTICLES.strikePost[1], ARTICLES.strikeCourier[1]]).toContain(s.headline);
    expect(s.size).toBe(2);
    expect(s.articles.totalCount).toBe(2);
    const times = s.articles.edges.map((e: any) => e.node.seenAt);
    expect([...times].sort()).toEqual(times);
    expect(s.firstSeen).toBe(times[0]);
    expect(s.lastSeen).toBe(times[1]);
    expect(s.sources.map((x: any) => x.name).sort()).toEqual(['Coast Courier', 'Harbour Post']);
    expect(s.topics.map((x: any) => x.name)).toEqual(expect.arrayContaining(['Ingrid de Vries']));
  });

  it('list stories with filters and orderings, paging with their own cursors', async () => {
    const q = `query($f: StoryFilter, $o: StoryOrder, $after: String) { stories(first: 1, filter: $f, orderBy: $o, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { size sources { name } } } } }`;
    const all = await t.gql(q, { o: 'SIZE_DESC' });
    expect(all.data.stories.totalCount).toBe(2);
    expect(all.data.stories.edges[0].node.size).toBe(2);
    const next = await t.gql(q, { o: 'SIZE_DESC', after: all.data.stories.pageInfo.endCursor });
    expect(next.data.stories.edges[0].node.size).toBe(1);
    const wrong = await t.gql(q, { o: 'LAST_SEEN_DESC', after: all.data.stories.pageInfo.endCursor });
    expect(wrong.errors?.[0]?.extensions?.code).toBe('INVALID_INPUT');
    expect((await t.gql(q, { f: { minSize: 2 } })).data.stories.totalCount).toBe(1);
    expect((await t.gql(q, { f: { source: 'courier' } })).data.stories.totalCount).toBe(1);
    expect((await t.gql(q, { f: { search: 'JAZZ' } })).data.stories.totalCount).toBe(1);
  });

  it('assign again when a dump is enriched again, without new stories', async () => {
    const before = await t.sql<{ id: number }>('select id from stories order by id');
    await recompute();
    expect(await t.sql<{ id: number }>('select id from stories order by id')).toEqual(before);
  });
});

describe('editors’ decisions on stories', () => {
  const MOVE = `mutation($a: ID!, $into: ID) { moveStoryArticle(articleId: $a, into: $into) { __typename ... on Story { id size } ... on Error { code } } }`;
  const MERGE = `mutation($into: ID!, $from: [ID!]!) { mergeStories(into: $into, from: $from) { __typename ... on Story { id size articles(first: 5) { edges { node { pinned } } } } ... on Error { code message } } }`;
  const RENAME = `mutation($id: ID!, $title: String!) { renameStory(id: $id, title: $title) { __typename ... on Story { headline title } ... on Error { code } } }`;

  it('need an editor token and log nothing when refused', async () => {
    const { id } = (await storyOf('strikePost'))!;
    const res = await t.gql(RENAME, { id, title: 'Anonymous title' }, { token: null });
    expect(res.data?.renameStory?.code ?? res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await t.sql(`select 1 from audit_log where action like 'story.%'`)).toHaveLength(0);
  });

  it('move an article out of a story, and recomputation does not put it back', async () => {
    const strike = (await storyOf('strikePost'))!;
    const res = await t.gql(MOVE, { a: articleIds.get(ARTICLES.strikeCourier[1]) });
    expect(res.data.moveStoryArticle).toMatchObject({ __typename: 'Story', size: 1 });
    expect(res.data.moveStoryArticle.id).not.toBe(strike.id);
    await recompute();
    expect((await storyOf('strikeCourier'))!.id).toBe(res.data.moveStoryArticle.id);
    expect((await storyOf('strikePost'))!.size).toBe(1);
    const again = await t.gql(MOVE, { a: articleIds.get(ARTICLES.strikeCourier[1]), into: res.data.moveStoryArticle.id });
    expect(again.data.moveStoryArticle.code).toBe('INVALID_INPUT');
  });

  it('merge two stories, pinning their articles, and recomputation keeps the merge', async () => {
    const [a, b] = [(await storyOf('strikePost'))!, (await storyOf('festivalPost'))!];
    const res = await t.gql(MERGE, { into: a.id, from: [b.id] });
    expect(res.data.mergeStories).toMatchObject({ __typename: 'Story', id: a.id, size: 2 });
    expect(res.data.mergeStories.articles.edges.every((e: any) => e.node.pinned)).toBe(true);
    await recompute();
    expect((await storyOf('festivalPost'))!.id).toBe(a.id);
    const merged = await t.gql(`query($id: ID!) { story(id: $id) { size mergedInto { id } } }`, { id: b.id });
    expect(merged.data.story).toEqual({ size: 0, mergedInto: { id: a.id } });
    const listed = await t.gql(`{ stories(first: 10) { edges { node { id } } } }`);
    expect(listed.data.stories.edges.map((e: any) => e.node.id)).not.toContain(b.id);
    // merging the merged-away story again is refused naming where it went (as topics and sources are)
    const twice = await t.gql(MERGE, { into: a.id, from: [b.id] });
    expect(twice.data.mergeStories.code).toBe('INVALID_INPUT');
    expect(twice.data.mergeStories.message).toMatch(/was merged into Story \d+/);
  });

  it('rename a story: the title is its headline from then on, and each decision is in the audit log', async () => {
    const { id } = (await storyOf('strikePost'))!;
    const res = await t.gql(RENAME, { id, title: '  Rotterdam dock strike  ' });
    expect(res.data.renameStory).toEqual({ __typename: 'Story', headline: 'Rotterdam dock strike', title: 'Rotterdam dock strike' });
    expect((await t.gql(RENAME, { id, title: '   ' })).data.renameStory.code).toBe('INVALID_INPUT');
    await recompute();
    expect((await storyOf('strikePost'))!.headline).toBe('Rotterdam dock strike');
    const log = await t.sql<{ action: string; actor: string }>(`select action, actor from audit_log where action like 'story.%' order by id`);
    expect(log.map((r) => r.action)).toEqual(['story.move', 'story.merge', 'story.rename']);
  });
});

describe('a story losing an article', () => {
  const FERRY = {
    related: ['Ferry crews at Port Talbot back the Unite overtime plan', 'Ferry crews at Port Talbot voted for the Unite overtime plan on Sunday, Unite official Megan Price said in Port Talbot.'],
    main: ['Port Talbot ferry crews accept Unite overtime deal', ['Ferry crews at Port Talbot accepted the overtime plan put forward by Unite, official Megan Price said on Sunday.', 'The vote ends a month of strikes at the Port Talbot ferry terminal, Megan Price said.']],
  } as const;
  const REVISE = `mutation($input: ReviseSegmentationInput!) { reviseSegmentation(input: $input) { __typename ... on Error { code message } } }`;

  it('shrinks when a saved revision drops the article (its size, times and headline follow)', async () => {
    const page = flatDump('Council report on the tram depot', 'The council published its report on the tram depot on Monday, officials said.\nThe depot will close for repairs in the spring.', relatedBlock('Harbour Times', '3 hours ago', ...FERRY.related));
    const imported = await t.gql(`mutation($input: ImportDumpInput!) { importDump(input: $input) { ... on ImportDumpPayload { dump { id currentRevision { number segments { kind start end fields { field start end } } } } } } }`, { input: { text: page } });
    const dump = imported.data.importDump.dump;
    await t.gql(IMPORT, { input: { text: logoDump('Valley Gazette', FERRY.main[0], FERRY.main[1]) } });
    await t.drain();
    const storyQ = `query($s: String) { stories(first: 5, filter: { search: $s }) { edges { node { id size headline sources { name } } } } }`;
    const before = (await t.gql(storyQ, { s: 'Port Talbot' })).data.stories.edges.map((e: any) => e.node);
    expect(before).toHaveLength(1);
    expect(before[0].size).toBe(2);

    const segments = dump.currentRevision.segments.map((s: any) => (s.kind === 'related' ? { ...s, kind: 'boilerplate', fields: [] } : s));
    const saved = await t.gql(REVISE, { input: { dumpId: dump.id, baseRevision: dump.currentRevision.number, segments } });
    expect(saved.data.reviseSegmentation.__typename).toBe('ReviseSegmentationPayload');
    const after = (await t.gql(`query($id: ID!) { story(id: $id) { size headline sources { name } articles(first: 5) { totalCount } } }`, { id: before[0].id })).data.story;
    expect(after).toEqual({ size: 1, headline: FERRY.main[0], sources: [{ name: 'Valley Gazette' }], articles: { totalCount: 1 } });
  });
});

// on PGlite (one connection) transactions queue up; on PostgreSQL they overlap and meet the advisory lock
describe('stories assigned by two jobs at once', () => {
  it('make one story of one event when the second job starts before the first commits', async () => {
    const outlets = ['North Wire', 'South Daily'];
    for (const [i, outlet] of outlets.entries()) {
      const body = [`Firefighters from Eldermoor and Brackenford fought a blaze at the Kestrel Mills warehouse for ${i + 5} hours, chief officer Rowan Achterberg said.`, `Rowan Achterberg said the fire at Kestrel Mills in Eldermoor started in a storeroom (report ${i}).`];
      const res = await t.gql(IMPORT, { input: { text: logoDump(outlet, `Kestrel Mills warehouse fire in Eldermoor, report ${i}`, body) } });
      expect(res.data.importDump.__typename).toBe('ImportDumpPayload');
    }
    const rows = await t.sql<{ id: number; headline: string; body: string }>(`select id, headline, body from articles where headline like 'Kestrel Mills warehouse fire%' order by id`);
    const [first, second] = rows.map((r) => analyseArticle({ id: Number(r.id), headline: r.headline, body: r.body }));
    const pause = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
    let firstWrote!: () => void;
    const wrote = new Promise<void>((ok) => (firstWrote = ok));
    await Promise.all([
      // the first job holds its transaction open after assigning
      t.database.db.transaction(async (tx) => {
        await storeEnrichment(tx, [first!]);
        firstWrote();
        await pause(400);
      }),
      wrote.then(() => t.database.db.transaction((tx) => storeEnrichment(tx, [second!]))),
    ]);
    const stories = await t.sql<{ story_id: number }>(`select distinct story_id from story_articles where article_id in (${rows.map((r) => r.id).join(', ')})`);
    expect(stories).toHaveLength(1);
    const [story] = await t.sql<{ size: number }>(`select size from stories where id = ${stories[0]!.story_id}`);
    expect(Number(story!.size)).toBe(2);
  });
});
