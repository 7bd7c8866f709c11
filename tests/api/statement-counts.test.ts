/**
 * SQL statements per query shape, for every list the schema has: each root list or connection of
 * `Query` is asked for with everything below it two levels deep (every nested list and connection
 * included, arguments left at their defaults, pages of K), and the number of statements it runs is
 * pinned in STATEMENTS. The count must not grow with the page size: a resolver that runs a
 * statement per row (N+1) fails here with K = 4 against K = 12. The queries are written from the
 * printed schema, so a new list or field is counted without editing this file (and a new root list
 * must be added to STATEMENTS).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  getNamedType,
  getNullableType,
  isInputType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLObjectType,
} from 'graphql';
import { schema } from '@copydesk/server/graphql/schema.ts';
import { DEFAULT_LIMITS } from '@copydesk/server/graphql/limits.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { REPO_ROOT } from '../helpers/paths.ts';

/** statements per root list, whatever the page size (K = 4 and K = 12 alike) */
const STATEMENTS: Record<string, number> = {
  // the page (topics, source, appearances... folded in), its count, the current revisions' warnings
  // and dismissals (one each for the page), the story links, and the stories' members
  articles: 6,
  auditLog: 2,
  driftReport: 1,
  // the page with each dump's current and proposed revision folded in, its count, warnings and dismissals
  dumps: 4,
  // the rules, and one rule's impact (one per request: a parse of the dumps holding its line:
  // their ids, the rules (re-read only when their fingerprint changed), then per chunk of up to
  // 25 dumps their texts and their lines' memory; the twelve rules name distinct lines)
  parseRules: 4,
  repeatedLines: 1,
  sources: 2,
  stories: 5,
  topics: 3,
};

let t: TestApp;

const isConnection = (type: GraphQLObjectType) => type.name.endsWith('Connection') && 'edges' in type.getFields() && 'pageInfo' in type.getFields();
const askable = (f: GraphQLField<unknown, unknown>) => f.args.every((a) => !isNonNullType(a.type) || a.defaultValue !== undefined);
const pageArg = (f: GraphQLField<unknown, unknown>, k: number) => (f.args.some((a) => a.name === 'first') ? `(first: ${k})` : '');

/** a selection of everything on `type`, objects `depth` levels down, pages of `k` */
function select(type: GraphQLObjectType, depth: number, k: number): string {
  const parts: string[] = ['__typename'];
  for (const f of Object.values(type.getFields())) {
    if (!askable(f)) continue;
    const named = getNamedType(f.type);
    if (isLeafType(named)) parts.push(f.name);
    else if (!isObjectType(named)) parts.push(`${f.name} { __typename }`);
    else if (depth > 0) parts.push(`${f.name}${pageArg(f, k)} ${isConnection(named) ? connection(named, depth - 1, k) : `{ ${select(named, depth - 1, k)} }`}`);
  }
  return parts.join(' ');
}

function connection(type: GraphQLObjectType, depth: number, k: number): string {
  const node = getNamedType((getNamedType(type.getFields().edges!.type) as GraphQLObjectType).getFields().node!.type) as GraphQLObjectType;
  const total = 'totalCount' in type.getFields() ? 'totalCount ' : '';
  return `{ ${total}pageInfo { hasNextPage endCursor } edges { cursor node { ${select(node, depth, k)} } } }`;
}

/** the root lists and connections of Query (no required arguments) */
const ROOT_LISTS = Object.values(schema.getQueryType()!.getFields()).filter((f) => {
  const named = getNamedType(f.type);
  return askable(f) && isObjectType(named) && (isListType(getNullableType(f.type)) || isConnection(named));
});

function rootQuery(f: GraphQLField<unknown, unknown>, k: number): string {
  const named = getNamedType(f.type) as GraphQLObjectType;
  return `{ ${f.name}${pageArg(f, k)} ${isConnection(named) ? connection(named, 2, k) : `{ ${select(named, 2, k)} }`} }`;
}

/** the statements a query ran, and how many rows its root list returned */
async function statementsFor(f: GraphQLField<unknown, unknown>, query: string): Promise<{ count: number; rows: number }> {
  t.queries.length = 0;
  const res = await t.gql(query);
  expect(res.errors).toBeUndefined();
  const root = res.data[f.name];
  return { count: t.queries.length, rows: Array.isArray(root) ? root.length : root.edges.length };
}

const IMPORT = `mutation($input: ImportDumpInput!) { importDump(input: $input) { __typename } }`;

beforeAll(async () => {
  // no depth, cost or token limit on these wide queries
  t = await createTestApp({ limits: { ...DEFAULT_LIMITS, maxDepth: 100, maxCost: 1e9, maxTokens: 1e6, maxAliases: 1000 } });
  const dir = join(REPO_ROOT, 'tests/fixtures/dumps');
  const texts = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
  for (const text of texts) await t.gql(IMPORT, { input: { text, fetchedAt: '2025-07-26T12:00:00Z' } });
  await t.drain();
  // editor revisions (the drift report) and parse rules tied to dumps, so that every list has rows
  const dumps = (await t.gql(`{ dumps(first: 12) { edges { node { id currentRevisionNumber currentRevision { segments { kind start end fields { field start end } } } } } } }`)).data.dumps.edges.map((e: any) => e.node);
  // distinct words: lines that differ only in a number are one line to a rule (the same lineKey), and a rule is not stored twice
  const PARTS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
  for (const [i, d] of dumps.entries()) {
    const saved = await t.gql(`mutation($input: ReviseSegmentationInput!) { reviseSegmentation(input: $input) { __typename } }`, {
      input: { dumpId: d.id, baseRevision: d.currentRevisionNumber, segments: d.currentRevision.segments },
    });
    expect(saved.data.reviseSegmentation.__typename).toBe('ReviseSegmentationPayload');
    const rule = await t.gql(`mutation($input: CreateParseRuleInput!) { createParseRule(input: $input) { __typename } }`, { input: { lineText: `Listen to this story, part ${PARTS[i]}`, scope: 'EVERYWHERE', dumpId: d.id } });
    expect(rule.data.createParseRule.__typename).toBe('ParseRule');
  }
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('statements per query shape', () => {
  it('covers every root list of the schema', () => {
    expect(ROOT_LISTS.map((f) => f.name).sort()).toEqual(Object.keys(STATEMENTS).sort());
  });
  for (const f of ROOT_LISTS) {
    it(`${f.name}: a fixed number of statements, whatever the page size`, async () => {
      const small = await statementsFor(f, rootQuery(f, 4));
      const large = await statementsFor(f, rootQuery(f, 12));
      expect(small.rows).toBeGreaterThan(0);
      if (process.env.SHOW_STATEMENTS) console.log(f.name, small.count, large.count, t.queries.map((q) => q.slice(0, 300)).join('\n---\n'));
      expect(large.count).toBe(small.count);
      expect(small.count).toBe(STATEMENTS[f.name]);
    });
  }
});
