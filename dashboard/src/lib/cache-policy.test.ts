import { describe, expect, it } from 'vitest';
import { Client, fetchExchange, gql } from '@urql/core';
import { cacheExchange } from '@urql/exchange-graphcache';
import schema from '../graphql-schema.json';
import { cacheOptions, MUTATION_STALE, PAGED_CONNECTIONS } from './cache-policy.ts';

type Field = { name: string; args: { name: string }[]; type: { kind: string; name: string | null; ofType: unknown } };
const typeNamed = (name: string) => schema.__schema.types.find((t) => t.name === name) as unknown as { fields: Field[] };
const fieldsOf = (name: string) => typeNamed(name).fields;
/** the named type under NON_NULL / LIST wrappers */
const named = (t: Field['type']): string => (t.name ?? named(t.ofType as Field['type']));

describe('the cache tables cover the schema', () => {
  it('names every mutation of the schema, and only those', () => {
    const mutations = fieldsOf(schema.__schema.mutationType.name).map((f) => f.name).sort();
    expect(Object.keys(MUTATION_STALE).sort()).toEqual(mutations);
  });

  it('marks stale only fields the Query type has', () => {
    const roots = new Set(fieldsOf(schema.__schema.queryType.name).map((f) => f.name));
    for (const [name, stale] of Object.entries(MUTATION_STALE)) for (const r of stale.roots) expect(roots.has(r), `${name}: Query.${r}`).toBe(true);
  });

  it('pages only connections that take a cursor', () => {
    for (const path of PAGED_CONNECTIONS) {
      const [type, field] = path.split('.') as [string, string];
      const f = fieldsOf(type === 'Query' ? schema.__schema.queryType.name : type).find((x) => x.name === field);
      expect(f, path).toBeDefined();
      expect(named(f!.type), path).toMatch(/Connection$/);
      expect(f!.args.map((a) => a.name), path).toContain('after');
    }
  });
});

/** a client on the dashboard's cache whose server is `answer`, counting the operations it sends by name */
function clientOn(answer: (operationName: string, variables: Record<string, unknown>) => unknown) {
  const sent: string[] = [];
  const fetch = async (_url: unknown, init?: { body?: unknown }) => {
    const { operationName, variables } = JSON.parse(String(init?.body));
    sent.push(operationName);
    return new Response(JSON.stringify({ data: answer(operationName, variables ?? {}) }), { headers: { 'content-type': 'application/json' } });
  };
  const client = new Client({ url: 'http://copydesk.test/graphql', exchanges: [cacheExchange(cacheOptions()), fetchExchange], fetch: fetch as typeof globalThis.fetch, preferGetMethod: false });
  return { client, sent };
}

const settle = () => new Promise((ok) => setTimeout(ok, 20));

const TOPICS = gql`
  query Topics {
    topics(first: 10) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name kind articleCount } } }
  }
`;
const MERGE = gql`
  mutation Merge($from: [ID!]!, $into: ID!) {
    mergeTopics(from: $from, into: $into) { __typename ... on Topic { id name kind articleCount } ... on Error { message } }
  }
`;
const topic = (id: string, name: string, articleCount: number) => ({ __typename: 'Topic', id, name, kind: 'PERSON', articleCount });
const page = (nodes: ReturnType<typeof topic>[]) => ({
  __typename: 'QueryTopicsConnection',
  totalCount: nodes.length,
  pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
  edges: nodes.map((node) => ({ __typename: 'QueryTopicsConnectionEdge', cursor: node.id, node })),
});

describe('a mutation marks stale what it changed', () => {
  it('fetches a list on screen again after a merge, and shows the merged topic gone', async () => {
    let topics = [topic('T1', 'Marco Rubio', 2), topic('T2', 'Rubio', 1)];
    const { client, sent } = clientOn((op) =>
      op === 'Topics'
        ? { topics: page(topics) }
        : (() => {
            topics = [topic('T1', 'Marco Rubio', 3)];
            return { mergeTopics: topics[0] };
          })(),
    );
    const seen: string[][] = [];
    const sub = client.query(TOPICS, {}).subscribe((r) => r.data && seen.push(r.data.topics.edges.map((e: { node: { name: string } }) => e.node.name)));
    await settle();
    expect(sent).toEqual(['Topics']);
    const merged = await client.mutation(MERGE, { from: ['T2'], into: 'T1' }).toPromise();
    // the topic merged into is the result: marking it stale must not empty the result itself
    expect(merged.data.mergeTopics).toMatchObject({ __typename: 'Topic', id: 'T1', articleCount: 3 });
    await settle();
    sub.unsubscribe();
    expect(sent).toEqual(['Topics', 'Merge', 'Topics']);
    expect(seen.at(-1)).toEqual(['Marco Rubio']);
  });

  it('changes nothing after a refused mutation', async () => {
    const { client, sent } = clientOn((op) =>
      op === 'Topics' ? { topics: page([topic('T1', 'Marco Rubio', 2)]) } : { mergeTopics: { __typename: 'NotFoundError', message: 'no topic T9' } },
    );
    const sub = client.query(TOPICS, {}).subscribe(() => {});
    await settle();
    await client.mutation(MERGE, { from: ['T9'], into: 'T1' }).toPromise();
    await settle();
    sub.unsubscribe();
    expect(sent).toEqual(['Topics', 'Merge']);
  });
});

describe('paged connections', () => {
  const STORIES = gql`
    query Stories($after: String) {
      stories(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id headline } } }
    }
  `;
  const story = (n: number) => ({ __typename: 'Story', id: `S${n}`, headline: `Story ${n}` });
  const pageOf = (nodes: ReturnType<typeof story>[], hasNextPage: boolean) => ({
    __typename: 'QueryStoriesConnection',
    totalCount: 3,
    pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: nodes.at(-1)!.id },
    edges: nodes.map((node) => ({ __typename: 'QueryStoriesConnectionEdge', cursor: node.id, node })),
  });

  it('merges the next page of a list under the first', async () => {
    const { client } = clientOn((_op, v) => ({ stories: v.after ? pageOf([story(3)], false) : pageOf([story(1), story(2)], true) }));
    await client.query(STORIES, { after: null }).toPromise();
    const next = await client.query(STORIES, { after: 'S2' }).toPromise();
    expect(next.data.stories.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(['S1', 'S2', 'S3']);
    expect(next.data.stories.pageInfo.hasNextPage).toBe(false);
  });
});
