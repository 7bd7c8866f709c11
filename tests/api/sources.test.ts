/**
 * Sources: one outlet under a canonical name with aliases. The importer folds obvious variants,
 * the `source` filters match any alias and part of a name, editors merge and rename, and rows
 * written before aliases existed are folded when the database is migrated.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldLegacySources } from '@copydesk/server/sources/index.ts';
import { flatDump, relatedBlock } from '../helpers/dumps.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
const IMPORT = `mutation($input: ImportDumpInput!) { importDump(input: $input) { __typename ... on Error { code message } } }`;
const block = (source: string, n: number) =>
  relatedBlock(source, `${n} hours ago`, `Council approves harbour plan number ${n}`, `The city council approved the harbour plan number ${n} on Tuesday after a long debate about the cost of dredging the channel.`);

beforeAll(async () => {
  t = await createTestApp();
  const related = [block('The Independent', 1), block('Independent', 2), block('INDEPENDENT:', 3), block('Rate_Watch', 4), block('Rate%Watch', 5), block('RateXWatch', 6), block('Indy Daily', 7)].join('');
  const res = await t.gql(IMPORT, { input: { text: flatDump('Harbour plan wins the vote', 'Councillors voted for the harbour plan late on Tuesday.', related) } });
  expect(res.data.importDump.__typename).toBe('ImportDumpPayload');
});
afterAll(async () => {
  await t?.close();
});

const sourcesQuery = `query($s: String) { sources(first: 50, search: $s) { totalCount edges { node { id name aliases articles { totalCount } } } } }`;

describe('the importer', () => {
  it('folds a leading "The", case and trailing punctuation into one source, keeping every spelling as an alias', async () => {
    const res = await t.gql(sourcesQuery, { s: 'independent' });
    expect(res.errors).toBeUndefined();
    expect(res.data.sources.totalCount).toBe(1);
    const src = res.data.sources.edges[0].node;
    expect(src.name).toBe('The Independent');
    expect(src.aliases).toEqual(['Independent', 'INDEPENDENT:', 'The Independent']);
    expect(src.articles.totalCount).toBe(3);
  });
});

describe('the source filter', () => {
  it('matches any alias and part of a name, whatever the case', async () => {
    for (const q of ['The Independent', 'independent', 'INDEP', 'Independent.', 'the indep']) {
      const res = await t.gql(`query($q: String) { articles(first: 10, filter: { source: $q }) { totalCount } dumps(filter: { source: $q }) { totalCount } }`, { q });
      expect(res.errors, q).toBeUndefined();
      expect(res.data.articles.totalCount, q).toBe(3);
      expect(res.data.dumps.totalCount, q).toBe(1);
    }
  });

  it('takes LIKE wildcards literally', async () => {
    for (const [q, name] of [['e%w', 'Rate%Watch'], ['E_W', 'Rate_Watch']]) {
      const res = await t.gql(`query($q: String) { articles(first: 10, filter: { source: $q }) { edges { node { source { name } } } } sources(search: $q) { edges { node { name } } } }`, { q });
      expect(res.data.articles.edges.map((e: any) => e.node.source.name), q).toEqual([name]);
      expect(res.data.sources.edges.map((e: any) => e.node.name), q).toEqual([name]);
    }
  });
});

describe('editors', () => {
  it('need a token to merge or rename', async () => {
    const { data } = await t.gql(sourcesQuery, { s: 'indy' });
    const id = data.sources.edges[0].node.id;
    const res = await t.gql(`mutation($id: ID!) { renameSource(id: $id, name: "X") { __typename ... on Error { code } } }`, { id }, { token: null });
    expect(res.data?.renameSource?.code ?? res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('merge sources: articles and aliases move, the merged name finds the outlet, and later imports file under it', async () => {
    const ind = (await t.gql(sourcesQuery, { s: 'the independent' })).data.sources.edges[0].node;
    const indy = (await t.gql(sourcesQuery, { s: 'indy daily' })).data.sources.edges[0].node;
    const res = await t.gql(`mutation($into: ID!, $from: [ID!]!) { mergeSources(into: $into, from: $from) { __typename ... on Source { name aliases articles { totalCount } } ... on Error { code message } } }`, {
      into: ind.id,
      from: [indy.id],
    });
    expect(res.errors).toBeUndefined();
    expect(res.data.mergeSources).toEqual({ __typename: 'Source', name: 'The Independent', aliases: ['Independent', 'INDEPENDENT:', 'Indy Daily', 'The Independent'], articles: { totalCount: 4 } });
    const gone = await t.gql(`query($id: ID!) { node(id: $id) { ... on Source { mergedInto { name } } } }`, { id: indy.id });
    expect(gone.data.node.mergedInto.name).toBe('The Independent');
    expect((await t.gql(sourcesQuery, { s: 'indy' })).data.sources.edges.map((e: any) => e.node.name)).toEqual(['The Independent']);
    await t.gql(IMPORT, { input: { text: flatDump('Ferry timetable changes', 'The ferries change timetable on Monday.', block('Indy Daily', 8)) } });
    const after = await t.gql(`{ articles(first: 10, filter: { source: "indy daily" }) { totalCount edges { node { source { name } } } } }`);
    expect(after.data.articles.totalCount).toBe(5);
    expect(new Set(after.data.articles.edges.map((e: any) => e.node.source.name))).toEqual(new Set(['The Independent']));
  });

  it('merging into a merged source or an unknown id is a typed error, and changes nothing', async () => {
    const indy = await t.sql<{ id: number }>(`select id from sources where merged_into_id is not null limit 1`);
    const gid = Buffer.from(`Source:${indy[0]!.id}`).toString('base64');
    const all = (await t.gql(sourcesQuery, {})).data.sources.edges.map((e: any) => e.node);
    const res = await t.gql(`mutation($into: ID!, $from: [ID!]!) { mergeSources(into: $into, from: $from) { __typename ... on Error { code } } }`, { into: gid, from: [all[0].id] });
    expect(res.data.mergeSources).toEqual({ __typename: 'InvalidInputError', code: 'INVALID_INPUT' });
    const missing = await t.gql(`mutation($into: ID!, $from: [ID!]!) { mergeSources(into: $into, from: $from) { __typename ... on Error { code } } }`, { into: all[0].id, from: [Buffer.from('Source:999999').toString('base64')] });
    expect(missing.data.mergeSources.code).toBe('NOT_FOUND');
    expect((await t.gql(sourcesQuery, {})).data.sources.totalCount).toBe(all.length);
  });

  it('rename a source: the new name is canonical, old names stay aliases', async () => {
    const ind = (await t.gql(sourcesQuery, { s: 'independent' })).data.sources.edges[0].node;
    const res = await t.gql(`mutation($id: ID!) { renameSource(id: $id, name: "  The  Independent (UK) ") { ... on Source { name aliases } ... on Error { code } } }`, { id: ind.id });
    expect(res.data.renameSource.name).toBe('The Independent (UK)');
    expect(res.data.renameSource.aliases).toContain('The Independent (UK)');
    expect(res.data.renameSource.aliases).toContain('Indy Daily');
    const bad = await t.gql(`mutation($id: ID!) { renameSource(id: $id, name: " -- ") { ... on Error { code } } }`, { id: ind.id });
    expect(bad.data.renameSource.code).toBe('INVALID_INPUT');
  });
});

describe('sources written before aliases', () => {
  it('fold into the source holding their canonical key and get their aliases, idempotently', async () => {
    await t.sql(`insert into sources (key, name) values ('the guardian', 'The Guardian'), ('guardian', 'Guardian'), ('sky news', 'Sky News')`);
    await t.sql(`insert into articles (fingerprint, headline, source_id) select 'legacy:' || key, 'Legacy ' || name, id from sources where key in ('the guardian', 'guardian', 'sky news')`);
    const merged = await t.database.db.transaction((tx) => foldLegacySources(tx));
    expect(merged).toBe(1);
    expect(await t.database.db.transaction((tx) => foldLegacySources(tx))).toBe(0);
    const res = await t.gql(sourcesQuery, { s: 'guardian' });
    expect(res.data.sources.totalCount).toBe(1);
    expect(res.data.sources.edges[0].node).toMatchObject({ name: 'Guardian', aliases: ['Guardian', 'The Guardian'], articles: { totalCount: 2 } });
    const sky = await t.gql(sourcesQuery, { s: 'sky' });
    expect(sky.data.sources.edges[0].node.aliases).toEqual(['Sky News']);
  });
});
