/**
 * Editors' renames and merges of sources, topics and stories answer alike (server/src/editor-checks.ts):
 * a name that is another's is refused with a pointer to merging, a merge needs something to merge
 * and never merges a thing into itself, what was merged away is refused naming where it went,
 * NOT_FOUND names the type and the id, and every change (and only a change) is audited.
 * Dumps written for this test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { flatDump, logoDump, relatedBlock } from '../helpers/dumps.ts';
import { STORY_ARTICLES } from '../helpers/stories.ts';

let t: TestApp;
const gid = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');
const IMPORT = `mutation($input: ImportDumpInput!) { importDump(input: $input) { __typename ... on Error { code message } } }`;
const RENAME_SOURCE = `mutation($id: ID!, $n: String!) { renameSource(id: $id, name: $n) { __typename ... on Error { code message } ... on Source { name aliases } } }`;
const MERGE_SOURCES = `mutation($into: ID!, $from: [ID!]!) { mergeSources(into: $into, from: $from) { __typename ... on Error { code message } ... on Source { name aliases } } }`;
const RENAME_TOPIC = `mutation($id: ID!, $n: String!) { renameTopic(id: $id, name: $n) { __typename ... on Error { code message } ... on Topic { name } } }`;
const MERGE_TOPICS = `mutation($into: ID!, $from: [ID!]!) { mergeTopics(into: $into, from: $from) { __typename ... on Error { code message } ... on Topic { name } } }`;
const SOURCES = `query($s: String) { sources(first: 50, search: $s) { edges { node { id name aliases } } } }`;
const block = (source: string, n: number) =>
  relatedBlock(source, `${n} hours ago`, `Council approves harbour plan number ${n}`, `The city council approved the harbour plan number ${n} on Tuesday after a long debate about the cost of dredging the channel.`);
const auditCount = async (action: string) => Number((await t.sql<{ n: string }>(`select count(*) as n from audit_log where action = '${action}'`))[0]!.n);
const sourceNamed = async (name: string) => (await t.gql(SOURCES, { s: name })).data.sources.edges.map((e: any) => e.node).find((n: any) => n.name === name);

beforeAll(async () => {
  t = await createTestApp();
  const related = [block('Harbor Herald', 1), block('Inland Ink', 2), block('Coastal Courier', 3), block('Valley Voice', 4)].join('');
  expect((await t.gql(IMPORT, { input: { text: flatDump('Harbour plan wins the vote', 'Councillors voted for the harbour plan late on Tuesday.', related) } })).data.importDump.__typename).toBe('ImportDumpPayload');
  for (const [source, headline, body] of Object.values(STORY_ARTICLES)) {
    expect((await t.gql(IMPORT, { input: { text: logoDump(source, headline, body) } })).data.importDump.__typename).toBe('ImportDumpPayload');
  }
  await t.drain();
});
afterAll(async () => {
  await t?.close();
});

describe('renameSource', () => {
  it("refuses another source's name, or a folded variant of it, naming that source and suggesting a merge; nothing changes", async () => {
    const herald = await sourceNamed('Harbor Herald');
    const ink = await sourceNamed('Inland Ink');
    for (const name of ['Harbor Herald', 'THE harbor herald:', '  harbor   HERALD ']) {
      const res = (await t.gql(RENAME_SOURCE, { id: ink.id, n: name })).data.renameSource;
      expect(res.code, name).toBe('INVALID_INPUT');
      expect(res.message).toContain('Harbor Herald');
      expect(res.message).toContain(herald.id);
      expect(res.message).toMatch(/merge/);
    }
    expect(await sourceNamed('Harbor Herald')).toEqual(herald);
    expect(await sourceNamed('Inland Ink')).toEqual(ink);
    expect(await auditCount('source.rename')).toBe(0);
    // a page naming the outlet is still filed under it
    expect((await t.gql(IMPORT, { input: { text: flatDump('Ferry fares rise again', 'The ferry company raised fares.', block('Harbor Herald', 9)) } })).data.importDump.__typename).toBe('ImportDumpPayload');
    expect((await sourceNamed('Harbor Herald')).aliases).toEqual(herald.aliases);
  });

  it('renames to a name of its own, audited (source.rename)', async () => {
    const ink = await sourceNamed('Inland Ink');
    const res = (await t.gql(RENAME_SOURCE, { id: ink.id, n: 'Inland Ink Weekly' })).data.renameSource;
    expect(res).toMatchObject({ __typename: 'Source', name: 'Inland Ink Weekly' });
    expect(res.aliases).toEqual(expect.arrayContaining(['Inland Ink', 'Inland Ink Weekly']));
    const [entry] = await t.sql<{ detail: any }>(`select detail from audit_log where action = 'source.rename'`);
    expect(entry!.detail).toMatchObject({ from: 'Inland Ink', to: 'Inland Ink Weekly' });
  });
});

describe('mergeSources', () => {
  it('refuses an empty `from`, a source merged into itself and an unknown id (naming it), with no audit entry', async () => {
    const courier = await sourceNamed('Coastal Courier');
    const self = (await t.gql(MERGE_SOURCES, { into: courier.id, from: [courier.id] })).data.mergeSources;
    expect(self.code).toBe('INVALID_INPUT');
    expect(self.message).toContain('itself');
    expect((await t.gql(MERGE_SOURCES, { into: courier.id, from: [] })).data.mergeSources.code).toBe('INVALID_INPUT');
    const unknown = (await t.gql(MERGE_SOURCES, { into: courier.id, from: [gid('Source', 999999)] })).data.mergeSources;
    expect(unknown).toMatchObject({ code: 'NOT_FOUND', message: 'No Source with id 999999.' });
    expect(await auditCount('source.merge')).toBe(0);
  });

  it('merges, audited (source.merge); the merged-away source is then refused naming where it went', async () => {
    const courier = await sourceNamed('Coastal Courier');
    const voice = await sourceNamed('Valley Voice');
    expect((await t.gql(MERGE_SOURCES, { into: courier.id, from: [voice.id] })).data.mergeSources.__typename).toBe('Source');
    expect(await auditCount('source.merge')).toBe(1);
    const again = (await t.gql(RENAME_SOURCE, { id: voice.id, n: 'Valley Voice Daily' })).data.renameSource;
    expect(again.code).toBe('INVALID_INPUT');
    expect(again.message).toMatch(/was merged into Source \d+/);
  });
});

describe('topics', () => {
  const topicIds = async () => (await t.sql<{ id: number; name: string }>('select id, name from topics where merged_into_id is null order by id')).map((r) => ({ id: Number(r.id), name: r.name }));

  it("renameTopic to another topic's name (or its key) is refused, suggesting a merge", async () => {
    const [a, b] = await topicIds();
    for (const name of [a!.name, a!.name.toUpperCase(), ` ${a!.name.toLowerCase()}  `]) {
      const res = (await t.gql(RENAME_TOPIC, { id: gid('Topic', b!.id), n: name })).data.renameTopic;
      expect(res.code, name).toBe('INVALID_INPUT');
      expect(res.message).toMatch(/merge/);
    }
    expect((await topicIds()).find((x) => x.id === b!.id)!.name).toBe(b!.name);
    expect(await auditCount('topic.rename')).toBe(0);
    // its own name in other letters is fine
    expect((await t.gql(RENAME_TOPIC, { id: gid('Topic', b!.id), n: b!.name.toUpperCase() })).data.renameTopic.__typename).toBe('Topic');
  });

  it('mergeTopics into itself or with an empty `from` is refused with no audit entry; a merged-away topic cannot be renamed', async () => {
    const [a, b] = await topicIds();
    expect((await t.gql(MERGE_TOPICS, { into: gid('Topic', a!.id), from: [gid('Topic', a!.id)] })).data.mergeTopics.code).toBe('INVALID_INPUT');
    expect((await t.gql(MERGE_TOPICS, { into: gid('Topic', a!.id), from: [] })).data.mergeTopics.code).toBe('INVALID_INPUT');
    expect(await auditCount('topic.merge')).toBe(0);
    expect((await t.gql(MERGE_TOPICS, { into: gid('Topic', a!.id), from: [gid('Topic', b!.id)] })).data.mergeTopics.__typename).toBe('Topic');
    const renamed = (await t.gql(RENAME_TOPIC, { id: gid('Topic', b!.id), n: 'Something else entirely' })).data.renameTopic;
    expect(renamed.code).toBe('INVALID_INPUT');
    expect(renamed.message).toContain(`was merged into Topic ${a!.id}`);
  });
});

describe('article topics', () => {
  it('removeArticleTopic of a topic not linked, or unknown, is NOT_FOUND and not audited; addArticleTopic takes a topicId or a name, not both', async () => {
    const [link] = await t.sql<{ article_id: number; topic_id: number }>('select article_id, topic_id from article_topics order by article_id limit 1');
    const [other] = await t.sql<{ id: number }>(`select id from topics where id not in (select topic_id from article_topics where article_id = ${link!.article_id}) limit 1`);
    const REMOVE = `mutation($a: ID!, $t: ID!) { removeArticleTopic(articleId: $a, topicId: $t) { __typename ... on Error { code message } } }`;
    const before = await auditCount('topic.remove');
    const unlinked = (await t.gql(REMOVE, { a: gid('Article', link!.article_id), t: gid('Topic', other!.id) })).data.removeArticleTopic;
    expect(unlinked.code).toBe('NOT_FOUND');
    const unknown = (await t.gql(REMOVE, { a: gid('Article', link!.article_id), t: gid('Topic', 999999) })).data.removeArticleTopic;
    expect(unknown).toMatchObject({ code: 'NOT_FOUND', message: 'No Topic with id 999999.' });
    expect(await auditCount('topic.remove')).toBe(before);
    const both = await t.gql(`mutation($a: ID!, $t: ID!) { addArticleTopic(articleId: $a, topicId: $t, name: "Ferries") { __typename ... on Error { code message } } }`, { a: gid('Article', link!.article_id), t: gid('Topic', other!.id) });
    expect(both.data.addArticleTopic.code).toBe('INVALID_INPUT');
  });
});

describe('stories', () => {
  const ERR = '__typename ... on Error { code message }';
  it('NOT_FOUND names the type and the id, once', async () => {
    const [story] = await t.sql<{ id: number }>('select id from stories where merged_into_id is null and size > 0 order by id limit 1');
    const rename = (await t.gql(`mutation($id: ID!) { renameStory(id: $id, title: "A title") { ${ERR} } }`, { id: gid('Story', 9999) })).data.renameStory;
    expect(rename).toMatchObject({ code: 'NOT_FOUND', message: 'No Story with id 9999.' });
    const merge = (await t.gql(`mutation($into: ID!, $from: [ID!]!) { mergeStories(into: $into, from: $from) { ${ERR} } }`, { into: gid('Story', 9998), from: [gid('Story', story!.id)] })).data.mergeStories;
    expect(merge).toMatchObject({ code: 'NOT_FOUND', message: 'No Story with id 9998.' });
    const move = (await t.gql(`mutation($a: ID!) { moveStoryArticle(articleId: $a) { ${ERR} } }`, { a: gid('Article', 9999) })).data.moveStoryArticle;
    expect(move).toMatchObject({ code: 'NOT_FOUND', message: 'No Article with id 9999.' });
  });

  it('a merged-away story reads the same through node(id) as through story(id), mergedInto set', async () => {
    const stories = await t.sql<{ id: number }>('select id from stories where merged_into_id is null and size > 0 order by id');
    expect(stories.length).toBeGreaterThanOrEqual(2);
    const [a, b] = [gid('Story', stories[0]!.id), gid('Story', stories[1]!.id)];
    expect((await t.gql(`mutation($into: ID!, $from: [ID!]!) { mergeStories(into: $into, from: $from) { __typename } }`, { into: a, from: [b] })).data.mergeStories.__typename).toBe('Story');
    const FIELDS = 'id headline size mergedInto { id }';
    const viaStory = (await t.gql(`query($id: ID!) { story(id: $id) { ${FIELDS} } }`, { id: b })).data.story;
    const viaNode = (await t.gql(`query($id: ID!) { node(id: $id) { ... on Story { ${FIELDS} } } }`, { id: b })).data.node;
    expect(viaStory.mergedInto).toEqual({ id: a });
    expect(viaNode).toEqual(viaStory);
    const renamed = (await t.gql(`mutation($id: ID!) { renameStory(id: $id, title: "Late title") { ${ERR} } }`, { id: b })).data.renameStory;
    expect(renamed.code).toBe('INVALID_INPUT');
    expect(renamed.message).toContain('was merged into Story');
  });
});
