/**
 * Topics a client can use: entity resolution within an article (fragments fold into the full
 * name, aliases kept and searchable), kinds and subjects, and editors' rename / merge keeping
 * every name searchable. Dumps written for this test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flatDump } from '../helpers/dumps.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { enqueueEnrichment } from '@copydesk/server/enrich/jobs.ts';

let t: TestApp;
const IMPORT = `mutation($input: ImportDumpInput!) { importDump(input: $input) { __typename ... on Error { code message } } }`;
const TOPICS = `query($s: String) { topics(first: 50, search: $s) { totalCount edges { node { id name kind aliases articleCount } } } }`;

const SUMMIT = [
  "Brazil's Luiza Tavares met Secretary of Commerce Pedro Almeida in Valparaiso on Tuesday, while Chile's president said his finance minister would lead Santiago's team.",
  'Tavares said the deal was close. Almeida said the Valparaiso talks would go on, and officials from the South American trade hub agreed.',
  'The government said the election campaign would not delay the trade agreement, which parliament must approve.',
].join('\n');
const FOLLOW_UP = [
  'Luiza Tavares flew home on Wednesday after the Valparaiso talks with Pedro Almeida ended without a signed agreement.',
  'Tavares told reporters in Brasilia that the government would keep its tariff offer open.',
].join('\n');

beforeAll(async () => {
  t = await createTestApp();
  for (const [h, b] of [['Tavares and Almeida near a trade deal', SUMMIT], ['Trade talks end without a deal', FOLLOW_UP]] as const) {
    const res = await t.gql(IMPORT, { input: { text: flatDump(h, b) } });
    expect(res.data.importDump.__typename).toBe('ImportDumpPayload');
  }
  await t.drain();
});
afterAll(async () => {
  await t?.close();
});

const topicsOf = async (headline: string) => {
  const res = await t.gql(`{ articles(first: 10) { edges { node { headline topics { topic { name kind } } } } } }`);
  return res.data.articles.edges.map((e: any) => e.node).find((n: any) => n.headline === headline).topics.map((l: any) => l.topic);
};

describe('topics of an article', () => {
  it('are resolved within the article: a surname alone is the full name, and common-noun phrases name nothing', async () => {
    const topics = await topicsOf('Tavares and Almeida near a trade deal');
    const names = topics.map((x: any) => x.name);
    expect(names).toEqual(expect.arrayContaining(['Luiza Tavares', 'Pedro Almeida', 'Valparaiso', 'Santiago']));
    expect(names).not.toContain('Tavares');
    expect(names).not.toContain('Almeida');
    expect(names.some((n: string) => /team|hub|South American|Commerce/.test(n))).toBe(false);
    expect(topics.find((x: any) => x.name === 'Luiza Tavares').kind).toBe('PERSON');
    expect(topics.find((x: any) => x.name === 'Valparaiso').kind).toBe('PLACE');
  });

  it('include subjects for what is not an entity', async () => {
    const topics = await topicsOf('Tavares and Almeida near a trade deal');
    expect(topics.filter((x: any) => x.kind === 'SUBJECT').map((x: any) => x.name)).toContain('Politics');
    const res = await t.gql(TOPICS, { s: 'politics' });
    expect(res.data.topics.edges[0].node).toMatchObject({ name: 'Politics', kind: 'SUBJECT', articleCount: 1 });
  });

  it('are one topic per entity across articles, with the spellings folded into it as searchable aliases', async () => {
    const res = await t.gql(TOPICS, { s: 'tavares' });
    expect(res.errors).toBeUndefined();
    expect(res.data.topics.totalCount).toBe(1);
    expect(res.data.topics.edges[0].node).toMatchObject({ name: 'Luiza Tavares', aliases: ['Tavares'], articleCount: 2 });
  });
});

describe('across the corpus', () => {
  it('a person named by surname alone is the one person topic with that alias', async () => {
    const res = await t.gql(IMPORT, { input: { text: flatDump('Tavares rules out early election', 'Tavares told parliament on Thursday that there would be no early election this year.') } });
    expect(res.data.importDump.__typename).toBe('ImportDumpPayload');
    await t.drain();
    expect((await topicsOf('Tavares rules out early election')).map((x: any) => x.name)).toContain('Luiza Tavares');
    const topics = await t.gql(TOPICS, { s: 'tavares' });
    expect(topics.data.topics.totalCount).toBe(1);
    expect(topics.data.topics.edges[0].node.articleCount).toBe(3);
  });
});

describe('editors', () => {
  it('rename a topic: the old name stays an alias and still finds it', async () => {
    const id = (await t.gql(TOPICS, { s: 'pedro almeida' })).data.topics.edges[0].node.id;
    const res = await t.gql(`mutation($id: ID!) { renameTopic(id: $id, name: "Pedro  Almeida Neto") { ... on Topic { name aliases } ... on Error { code } } }`, { id });
    expect(res.data.renameTopic).toEqual({ name: 'Pedro Almeida Neto', aliases: ['Almeida', 'Pedro Almeida'] });
    expect((await t.gql(TOPICS, { s: 'Pedro Almeida' })).data.topics.edges.map((e: any) => e.node.name)).toEqual(['Pedro Almeida Neto']);
    const bad = await t.gql(`mutation($id: ID!) { renameTopic(id: $id, name: " ?! ") { ... on Error { code } } }`, { id });
    expect(bad.data.renameTopic.code).toBe('INVALID_INPUT');
  });

  it('merge topics: links move, merged names and aliases become aliases, and re-enrichment keeps them merged', async () => {
    const santiago = (await t.gql(TOPICS, { s: 'santiago' })).data.topics.edges[0].node;
    const valpo = (await t.gql(TOPICS, { s: 'valparaiso' })).data.topics.edges[0].node;
    const res = await t.gql(`mutation($into: ID!, $from: [ID!]!) { mergeTopics(into: $into, from: $from) { ... on Topic { name aliases articleCount } ... on Error { code message } } }`, { into: valpo.id, from: [santiago.id] });
    expect(res.data.mergeTopics).toEqual({ name: 'Valparaiso', aliases: ['Santiago'], articleCount: 2 });
    expect((await t.gql(TOPICS, { s: 'santiago' })).data.topics.edges.map((e: any) => e.node.name)).toEqual(['Valparaiso']);
    // re-enriching the article (an import of a new revision does this) files "Santiago" under Valparaiso again
    const ids = (await t.sql<{ id: number }>(`select id from dumps`)).map((d) => Number(d.id));
    await t.database.db.transaction((tx) => enqueueEnrichment(tx, ids));
    await t.drain();
    const names = (await topicsOf('Tavares and Almeida near a trade deal')).map((x: any) => x.name);
    expect(names).toContain('Valparaiso');
    expect(names).not.toContain('Santiago');
  });

  it('an editor-added topic survives re-enrichment of its article; extracted links are replaced', async () => {
    const headline = 'Tavares and Almeida near a trade deal';
    const id = (await t.gql(`{ articles(first: 10) { edges { node { id headline } } } }`)).data.articles.edges.map((e: any) => e.node).find((n: any) => n.headline === headline).id;
    const added = await t.gql(`mutation($a: ID!) { addArticleTopic(articleId: $a, name: "Harbour tariffs") { __typename } }`, { a: id });
    expect(added.errors).toBeUndefined();
    expect((await topicsOf(headline)).map((x: any) => x.name)).toContain('Harbour tariffs');
    const ids = (await t.sql<{ id: number }>(`select id from dumps`)).map((d) => Number(d.id));
    await t.database.db.transaction((tx) => enqueueEnrichment(tx, ids));
    await t.drain();
    const names = (await topicsOf(headline)).map((x: any) => x.name);
    expect(names).toContain('Harbour tariffs');
    expect(names).toContain('Luiza Tavares');
  });

  it('merging into a merged topic is a typed error', async () => {
    const merged = await t.sql<{ id: number }>(`select id from topics where merged_into_id is not null limit 1`);
    const gid = Buffer.from(`Topic:${merged[0]!.id}`).toString('base64');
    const other = (await t.gql(TOPICS, { s: 'tavares' })).data.topics.edges[0].node.id;
    const res = await t.gql(`mutation($into: ID!, $from: [ID!]!) { mergeTopics(into: $into, from: $from) { __typename ... on Error { code } } }`, { into: gid, from: [other] });
    expect(res.data.mergeTopics.code).toBe('INVALID_INPUT');
  });
});
