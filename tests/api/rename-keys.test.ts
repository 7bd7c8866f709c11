/**
 * A rename moves the key the importer files new pages under: after "Alpha Courier" is renamed
 * "Beta Ledger", a page naming "Beta Ledger" (or "The Beta Ledger.") files under the renamed source,
 * and one still naming the old name does too (the old key stays, merged into it). Topics alike.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { logoDump } from '../helpers/dumps.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});
const gid = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');
const IMPORT = `mutation($input: ImportDumpInput!) { importDump(input: $input) { __typename ... on ImportDumpPayload { articles { id } } } }`;
const story = (n: string) => [`The town of ${n} opened a new footbridge over the river on Monday after two years of building work by the council.`, `Walkers in ${n} crossed it in their hundreds on the first morning.`];
const sourceOf = async (headline: string) => Number((await t.sql<{ s: number }>(`select source_id as s from articles where headline = '${headline}'`))[0]!.s);
const liveSources = async () => Number((await t.sql<{ n: string }>(`select count(*) as n from sources where merged_into_id is null`))[0]!.n);

describe('a renamed source', () => {
  it('takes the pages that name its new name, and keeps those that name its old one', async () => {
    expect((await t.gql(IMPORT, { input: { text: logoDump('Alpha Courier', 'Footbridge opens in Ashford', story('Ashford')) } })).data.importDump.__typename).toBe('ImportDumpPayload');
    const id = await sourceOf('Footbridge opens in Ashford');
    const before = await liveSources();
    const renamed = await t.gql(`mutation($id: ID!) { renameSource(id: $id, name: "Beta Ledger") { __typename } }`, { id: gid('Source', id) });
    expect(renamed.data.renameSource.__typename).toBe('Source');
    const pages: [string, string, string][] = [
      ['Beta Ledger', 'Footbridge opens in Bexley', 'Bexley'],
      ['The Beta Ledger.', 'Footbridge opens in Crayford', 'Crayford'],
      ['Alpha Courier', 'Footbridge opens in Dartford', 'Dartford'],
      ['The Alpha Courier', 'Footbridge opens in Erith', 'Erith'],
    ];
    for (const [source, headline, town] of pages) {
      expect((await t.gql(IMPORT, { input: { text: logoDump(source, headline, story(town)) } })).data.importDump.__typename).toBe('ImportDumpPayload');
      expect(await sourceOf(headline), source).toBe(id);
    }
    expect(await liveSources()).toBe(before);
    // renamed back: the keys swap, and both names still file here
    expect((await t.gql(`mutation($id: ID!) { renameSource(id: $id, name: "Alpha Courier") { __typename } }`, { id: gid('Source', id) })).data.renameSource.__typename).toBe('Source');
    for (const [source, headline, town] of [['Beta Ledger', 'Footbridge opens in Farnham', 'Farnham'], ['Alpha Courier', 'Footbridge opens in Godalming', 'Godalming']]) {
      expect((await t.gql(IMPORT, { input: { text: logoDump(source!, headline!, story(town!)) } })).data.importDump.__typename).toBe('ImportDumpPayload');
      expect(await sourceOf(headline!), source).toBe(id);
    }
    expect(await liveSources()).toBe(before);
  });
});

describe('a renamed topic', () => {
  it('is the topic a link by its new name, or by its old one, goes to', async () => {
    const [a] = await t.sql<{ id: number }>(`select id from articles order by id limit 1`);
    const ADD = `mutation($a: ID!, $n: String!) { addArticleTopic(articleId: $a, name: $n) { __typename } }`;
    expect((await t.gql(ADD, { a: gid('Article', a!.id), n: 'River Crossing Plan' })).data.addArticleTopic.__typename).toBe('Article');
    const [topic] = await t.sql<{ id: number }>(`select id from topics where name = 'River Crossing Plan'`);
    expect((await t.gql(`mutation($id: ID!) { renameTopic(id: $id, name: "Footbridge Scheme") { __typename } }`, { id: gid('Topic', topic!.id) })).data.renameTopic.__typename).toBe('Topic');
    for (const name of ['Footbridge Scheme', 'River Crossing Plan']) {
      expect((await t.gql(ADD, { a: gid('Article', a!.id), n: name })).data.addArticleTopic.__typename).toBe('Article');
      const live = await t.sql<{ id: number }>(`select t.id from article_topics l join topics t on t.id = l.topic_id where l.article_id = ${a!.id} and t.merged_into_id is null`);
      expect(live.map((r) => Number(r.id)), name).toEqual([Number(topic!.id)]);
    }
  });
});
