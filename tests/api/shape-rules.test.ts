/**
 * Shape rules through the API: an editor's byline fix becomes a rule of the line's shape
 * ("always, for this source"), shows how many stored dumps it would change, and re-parses them:
 * the parser's dumps get a new current revision, an editor's dump a proposed one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { logoDump } from '../helpers/dumps.ts';

const story = (place: string) => [
  `${place} opened its new library on Monday after a two-year build that cost the town two million pounds in all.`,
  `The ${place} reading room seats forty and stays open until nine on weekdays.`,
];
/** A credit line the built-in rules do not read (a dash, not a comma, before the job title: "Name, Title" is read since issue 10's field rules). */
const FIXED = 'Jane Doe — Senior Correspondent';

const IMPORT = /* GraphQL */ `mutation($input: ImportDumpInput!) { importDump(input: $input) { ... on ImportDumpPayload { dump { id } } } }`;
const CREATE = /* GraphQL */ `
  mutation($input: CreateParseRuleInput!) {
    createParseRule(input: $input) { __typename ... on Error { code message } ... on ParseRule { id name action scope source lineText shape dump { id } } }
  }
`;
const SHAPE = /* GraphQL */ `query($lineText: String!, $action: RuleAction!, $fieldStart: Int!, $fieldEnd: Int!) { ruleShape(lineText: $lineText, action: $action, fieldStart: $fieldStart, fieldEnd: $fieldEnd) { shape reason } }`;
const IMPACT = /* GraphQL */ `query($id: ID!) { node(id: $id) { ... on ParseRule { impact { ... on RuleImpact { wouldChange editorOwned checked dumps { id } } } } } }`;
const FIELDS = 'segments { fields { field start end rule reason } }';
const STATE = /* GraphQL */ `query($id: ID!) { dump(id: $id) { currentRevisionNumber currentRevision { author ${FIELDS} } proposedRevision { number ${FIELDS} } appearances { role article { byline } } } }`;

interface Field {
  field: string;
  start: number;
  end: number;
  rule: string | null;
  reason: string | null;
}
interface State {
  currentRevisionNumber: number;
  currentRevision: { author: string; segments: { fields: Field[] }[] };
  proposedRevision: { number: number; segments: { fields: Field[] }[] } | null;
  appearances: { role: string; article: { byline: string | null } }[];
}

let t: TestApp;
const ids: Record<string, string> = {};
const texts: Record<string, string> = {};

async function importDump(name: string, source: string, place: string, lines: string[]) {
  texts[name] = logoDump(source, `${place} opens a library`, lines);
  const res = await t.gql(IMPORT, { input: { text: texts[name] } });
  expect(res.errors).toBeUndefined();
  ids[name] = res.data.importDump.dump.id;
}
async function state(name: string): Promise<State> {
  const res = await t.gql(STATE, { id: ids[name] });
  expect(res.errors).toBeUndefined();
  return res.data.dump;
}
/** [field, text, rule] of the spans a rule produced */
const ruled = (name: string, segs: { fields: Field[] }[]) => segs.flatMap((s) => s.fields.filter((f) => f.rule).map((f) => [f.field, texts[name]!.slice(f.start, f.end), f.rule]));
const mainByline = (s: State) => s.appearances.find((a) => a.role === 'main')?.article.byline ?? null;

beforeAll(async () => {
  t = await createTestApp();
  const [a, b, c, d] = ['Ashby', 'Brightwater', 'Calder', 'Dunmore'].map(story) as [string[], string[], string[], string[]];
  await importDump('hp1', 'Harbour Post', 'Ashby', [FIXED, ...a]);
  await importDump('hp2', 'Harbour Post', 'Brightwater', ['John A. Smith — Political Editor', ...b]);
  // the same shape inside the article text: not a credit line
  await importDump('hp3', 'Harbour Post', 'Calder', [c[0]!, 'Maria Rossi — Chief Reporter', c[1]!]);
  await importDump('vt1', 'Valley Times', 'Dunmore', ['Ola Nordmann — Sports Reporter', ...d]);
  // an editor saves a revision of hp2: its current revision is theirs
  const cur = await t.gql(`query($id: ID!) { dump(id: $id) { currentRevision { segments { kind start end fields { field start end } } } } }`, { id: ids.hp2 });
  const saved = await t.gql(`mutation($input: ReviseSegmentationInput!) { reviseSegmentation(input: $input) { __typename } }`, {
    input: { dumpId: ids.hp2, baseRevision: 1, segments: cur.data.dump.currentRevision.segments },
  });
  expect(saved.data.reviseSegmentation.__typename).toBe('ReviseSegmentationPayload');
});
afterAll(async () => {
  await t?.close();
});

describe('shape rules', () => {
  let ruleId: string;

  it('before any rule, the parser keeps the byline lines as body', async () => {
    for (const name of ['hp1', 'hp2', 'vt1']) expect(mainByline(await state(name))).toBeNull();
  });

  it('ruleShape tells whether a fix generalises, and why not', async () => {
    const ok = await t.gql(SHAPE, { lineText: FIXED, action: 'BYLINE', fieldStart: 0, fieldEnd: 8 });
    expect(ok.data.ruleShape).toEqual({ shape: '[ <cap:2> ] - <title:2>', reason: null });
    const plain = await t.gql(SHAPE, { lineText: 'Jane Doe', action: 'BYLINE', fieldStart: 0, fieldEnd: 8 });
    expect(plain.data.ruleShape).toEqual({ shape: null, reason: expect.stringMatching(/names only/) });
    const noDate = await t.gql(SHAPE, { lineText: FIXED, action: 'PUBLISHED', fieldStart: 0, fieldEnd: 8 });
    expect(noDate.data.ruleShape.reason).toMatch(/no day, month, year or time/);
  });

  it('refuses a shape rule without a marked span, or one that does not generalise', async () => {
    const noSpan = await t.gql(CREATE, { input: { lineText: FIXED, scope: 'EVERYWHERE', action: 'BYLINE' } });
    expect(noSpan.data.createParseRule).toMatchObject({ __typename: 'InvalidInputError', code: 'INVALID_INPUT' });
    const outside = await t.gql(CREATE, { input: { lineText: FIXED, scope: 'EVERYWHERE', action: 'BYLINE', fieldStart: 5, fieldEnd: 99 } });
    expect(outside.data.createParseRule).toMatchObject({ __typename: 'InvalidInputError', code: 'INVALID_INPUT' });
    const plain = await t.gql(CREATE, { input: { lineText: 'Jane Doe', scope: 'EVERYWHERE', action: 'BYLINE', fieldStart: 0, fieldEnd: 8 } });
    expect(plain.data.createParseRule).toMatchObject({ __typename: 'InvalidInputError', code: 'INVALID_INPUT' });
    expect((await t.gql(`{ parseRules { id } }`)).data.parseRules).toEqual([]);
  });

  it('makes a byline fix a rule "always, for this source", with the span given on the untrimmed line', async () => {
    const res = await t.gql(CREATE, { input: { lineText: `  ${FIXED}`, scope: 'SOURCE', source: 'Harbour Post', action: 'BYLINE', fieldStart: 2, fieldEnd: 10, dumpId: ids.hp1 } });
    expect(res.data.createParseRule).toMatchObject({ __typename: 'ParseRule', action: 'byline', scope: 'SOURCE', source: 'Harbour Post', lineText: FIXED, shape: '[ <cap:2> ] - <title:2>', dump: { id: ids.hp1 } });
    ruleId = res.data.createParseRule.id;
  });

  it('shows how many stored dumps it would change: the credit lines of that outlet, not its article text nor other outlets', async () => {
    const res = await t.gql(IMPACT, { id: ruleId });
    expect(res.data.node.impact).toMatchObject({ wouldChange: 2, editorOwned: 1, dumps: [{ id: ids.hp1 }, { id: ids.hp2 }] });
  });

  it('re-parses them: a new parser revision, or a proposed one over an editor\'s revision; the span names the rule', async () => {
    const res = await t.gql(`mutation($id: ID!) { applyParseRule(id: $id) { __typename ... on ApplyParseRulePayload { reparsed becameCurrent proposed } } }`, { id: ruleId });
    expect(res.data.applyParseRule).toEqual({ __typename: 'ApplyParseRulePayload', reparsed: 2, becameCurrent: 1, proposed: 1 });
    const name = (await t.gql(`query($id: ID!) { node(id: $id) { ... on ParseRule { name } } }`, { id: ruleId })).data.node.name;
    const hp1 = await state('hp1');
    expect(hp1.currentRevisionNumber).toBe(2);
    expect(ruled('hp1', hp1.currentRevision.segments)).toEqual([['byline', 'Jane Doe', name]]);
    expect(hp1.currentRevision.segments.flatMap((s) => s.fields).find((f) => f.rule)!.reason).toMatch(/^byline-shape, always, for Harbour Post \(rule \d+ by editor\)$/);
    expect(mainByline(hp1)).toBe('Jane Doe');
    const hp2 = await state('hp2');
    expect(hp2.currentRevision.author).toBe('editor');
    expect(ruled('hp2', hp2.proposedRevision!.segments)).toEqual([['byline', 'John A. Smith', name]]);
    for (const other of ['hp3', 'vt1']) expect((await state(other)).currentRevisionNumber).toBe(1);
  });

  it('applies to new imports of the outlet at once', async () => {
    await importDump('hp4', 'Harbour Post', 'Eastleigh', ['Ana Lima, Transport Correspondent', ...story('Eastleigh')]);
    expect(mainByline(await state('hp4'))).toBe('Ana Lima');
  });

  it('keeps its line and shape when edited: scope and note change, the line does not', async () => {
    const line = await t.gql(`mutation($input: UpdateParseRuleInput!) { updateParseRule(input: $input) { __typename ... on Error { code } } }`, { input: { id: ruleId, lineText: 'Ola Nordmann — Sports Reporter' } });
    expect(line.data.updateParseRule).toEqual({ __typename: 'InvalidInputError', code: 'INVALID_INPUT' });
    const scope = await t.gql(`mutation($input: UpdateParseRuleInput!) { updateParseRule(input: $input) { __typename ... on ParseRule { scope shape } } }`, { input: { id: ruleId, scope: 'EVERYWHERE' } });
    expect(scope.data.updateParseRule).toEqual({ __typename: 'ParseRule', scope: 'EVERYWHERE', shape: '[ <cap:2> ] - <title:2>' });
    // everywhere now: the other outlet's credit line too
    const res = await t.gql(IMPACT, { id: ruleId });
    expect(res.data.node.impact.dumps).toContainEqual({ id: ids.vt1 });
  });
});
