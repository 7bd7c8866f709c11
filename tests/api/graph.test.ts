/**
 * Topics, SAME_STORY and TOPICAL edges, full-text search and filters, on dumps written for this
 * test (two outlets carrying one wire story, and a third story about the same people).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flatDump, relatedBlock } from '../helpers/dumps.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

const WIRE = [
  'Chancellor Angela Merkel met President Emmanuel Macron in Paris on Monday to discuss a joint plan for rail freight across the border regions.',
  'The two leaders agreed to fund a study of new freight corridors between Strasbourg and Frankfurt, officials in Berlin said after the meeting.',
  'Merkel told reporters the corridors would take lorries off the motorways and cut emissions, while Macron said the study should report within a year.',
  'Transport unions in both countries welcomed the plan but asked for guarantees on jobs at the existing depots along the Rhine.',
].join('\n');

let t: TestApp;
const IMPORT = `mutation($input: ImportDumpInput!) { importDump(input: $input) { __typename ... on ImportDumpPayload { articles { id headline } } ... on Error { code message } } }`;

beforeAll(async () => {
  t = await createTestApp();
  const dumps = [
    flatDump('Merkel and Macron agree rail freight study', WIRE, relatedBlock('Rhine Post', '2 hours ago', 'Depot workers seek job guarantees', 'Workers at the freight depots along the Rhine asked Angela Merkel and Emmanuel Macron for written guarantees on their jobs, union leaders in Frankfurt said on Tuesday.')),
    flatDump('Leaders back study of cross-border freight corridors', WIRE.replace('on Monday', 'on Monday afternoon').replace('officials in Berlin said', 'government officials in Berlin said')),
    flatDump('Harbour ferries to run through the night', 'City ferries will run a round-the-clock timetable from Monday while engineers close the old swing bridge for repairs.\nShop owners on the north quay welcomed the extra sailings.'),
  ];
  for (const text of dumps) {
    const res = await t.gql(IMPORT, { input: { text, fetchedAt: '2025-07-25T12:00:00Z' } });
    expect(res.data.importDump.__typename).toBe('ImportDumpPayload');
  }
});
afterAll(async () => {
  await t?.close();
});

describe('enrichment after import', () => {
  it('queues one job per imported dump and shows progress through the API', async () => {
    const before = await t.gql(`{ enrichment { queued running done failed } }`);
    expect(before.data.enrichment).toEqual({ queued: 3, running: 0, done: 0, failed: 0 });
    expect(await t.drain()).toBe(3);
    const after = await t.gql(`{ enrichment { queued running done failed } }`);
    expect(after.data.enrichment).toEqual({ queued: 0, running: 0, done: 3, failed: 0 });
  });

  it('extracts people and places as topics, one topic per entity across articles', async () => {
    const res = await t.gql(`{ topics(first: 100, search: "merkel") { totalCount edges { node { name kind articleCount } } } }`);
    expect(res.errors).toBeUndefined();
    const merkel = res.data.topics.edges.map((e: any) => e.node).find((n: any) => n.kind === 'PERSON');
    expect(merkel?.name).toMatch(/Merkel/);
    expect(merkel.articleCount).toBeGreaterThanOrEqual(2);
    const places = await t.gql(`{ topics(first: 100, search: "paris") { edges { node { name kind } } } }`);
    expect(places.data.topics.edges.map((e: any) => e.node.kind)).toContain('PLACE');
  });

  it('links the same wire story at two outlets with a SAME_STORY edge weighted by similarity', async () => {
    const res = await t.gql(`{ articles(first: 10, filter: { search: "freight corridors" }) { edges { node { headline related(kinds: [SAME_STORY]) { edges { node { weight to { headline } } } } } } } }`);
    const nodes = res.data.articles.edges.map((e: any) => e.node);
    const a = nodes.find((n: any) => n.headline.startsWith('Merkel and Macron'));
    expect(a.related.edges).toHaveLength(1);
    expect(a.related.edges[0].node.to.headline).toBe('Leaders back study of cross-border freight corridors');
    expect(a.related.edges[0].node.weight).toBeGreaterThan(0.5);
    expect(a.related.edges[0].node.weight).toBeLessThan(1);
  });

  it('links articles that share topics with TOPICAL edges, and never the unrelated story', async () => {
    const res = await t.gql(`{ articles(first: 10) { edges { node { headline topics { weight topic { name } } related(kinds: [TOPICAL]) { edges { node { to { headline } } } } } } } }`);
    const nodes = res.data.articles.edges.map((e: any) => e.node);
    const depot = nodes.find((n: any) => n.headline === 'Depot workers seek job guarantees');
    expect(depot.topics.length).toBeGreaterThan(0);
    expect(depot.related.edges.map((e: any) => e.node.to.headline)).toContain('Merkel and Macron agree rail freight study');
    const ferries = nodes.find((n: any) => n.headline.startsWith('Harbour ferries'));
    expect(ferries.related.edges).toHaveLength(0);
  });
});

describe('articles(filter, orderBy)', () => {
  it('searches the full text with ranking and highlighted snippets', async () => {
    const res = await t.gql(`{ articles(first: 10, filter: { search: "ferries" }) { totalCount edges { node { headline searchSnippet } } } }`);
    expect(res.data.articles.totalCount).toBe(1);
    expect(res.data.articles.edges[0].node.searchSnippet).toContain('«ferries»'.replace('ferries', 'ferries'));
    const none = await t.gql(`{ articles(first: 10, filter: { search: "zeppelin" }) { totalCount } }`);
    expect(none.data.articles.totalCount).toBe(0);
  });

  it('filters by source, role and topic', async () => {
    const bySource = await t.gql(`{ articles(first: 10, filter: { source: "rhine post" }) { totalCount edges { node { headline source { name } } } } }`);
    expect(bySource.data.articles.totalCount).toBe(1);
    expect(bySource.data.articles.edges[0].node.source.name).toBe('Rhine Post');
    const related = await t.gql(`{ articles(first: 10, filter: { role: RELATED }) { totalCount } main: articles(filter: { role: MAIN }) { totalCount } }`);
    expect(related.data.articles.totalCount).toBe(1);
    expect(related.data.main.totalCount).toBe(3);
    const topic = await t.gql(`{ topics(first: 1, search: "macron") { edges { node { id } } } }`);
    const id = topic.data.topics.edges[0].node.id;
    const byTopic = await t.gql(`query($id: ID!) { articles(first: 10, filter: { topicId: $id }) { totalCount } }`, { id });
    expect(byTopic.data.articles.totalCount).toBeGreaterThanOrEqual(2);
  });

  it('orders by publication time, derived from the capture time', async () => {
    const res = await t.gql(`{ articles(first: 10, orderBy: PUBLISHED_DESC) { edges { node { headline published publishedAt } } } }`);
    const first = res.data.articles.edges[0].node;
    expect(first.published).toBe('2 hours ago');
    expect(first.publishedAt).toBe('2025-07-25T10:00:00.000Z');
  });
});

describe('no N+1', () => {
  it('answers a page of 50 articles with topics, appearances and related headlines in a constant number of statements', async () => {
    const q = `{ articles(first: 50) { totalCount edges { node { headline topics { weight topic { name } } appearances { role dump { filename } } related(first: 5) { edges { node { kind to { headline } } } } } } } }`;
    t.queries.length = 0;
    const res = await t.gql(q);
    expect(res.errors).toBeUndefined();
    const n = t.queries.length;
    // more articles must not mean more statements
    for (let i = 0; i < 6; i++) {
      await t.gql(IMPORT, { input: { text: flatDump(`Extra story number ${i} about bridges`, `Body of extra story ${i}, about the old swing bridge and the harbour.`) } });
    }
    await t.drain();
    t.queries.length = 0;
    const res2 = await t.gql(q);
    expect(res2.data.articles.edges.length).toBeGreaterThan(res.data.articles.edges.length);
    expect(t.queries.length).toBe(n);
    expect(n).toBeLessThanOrEqual(4);
  });
});
