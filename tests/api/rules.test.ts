/** Editors' rules: stored, listed, edited, removed; applied by the parser on import and by re-parse, never over an editor's revision. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { logoDump } from '../helpers/dumps.ts';

/** shorter than the line memory holds, and no prompt the built-in kind rules take ("Tap to play" is), so that only the rule can mark it */
const LINE = 'Audio only';
const story = (place: string, n: number) => [
  `${place} opened its new library on Monday after a two-year build that cost the town ${n} million pounds in all.`,
  `Readers signed up in their thousands for the first week of ${place} talks.`,
  LINE,
];

const IMPORT = /* GraphQL */ `
  mutation($input: ImportDumpInput!) {
    importDump(input: $input) {
      ... on ImportDumpPayload { dump { id currentRevision { segments { fields { field start end rule reason } } } } articles { body } }
    }
  }
`;
const RULE_FIELDS = 'id name action scope source lineText note createdBy updatedBy dump { id }';
const CREATE = /* GraphQL */ `
  mutation($input: CreateParseRuleInput!) {
    createParseRule(input: $input) { __typename ... on Error { code message } ... on ParseRule { ${RULE_FIELDS} } }
  }
`;
const IMPACT = /* GraphQL */ `query($id: ID!) { node(id: $id) { ... on ParseRule { impact { ... on RuleImpact { wouldChange editorOwned checked truncated dumps { id } } } } } }`;

let t: TestApp;
const ids: Record<string, string> = {};
const texts: Record<string, string> = {};

async function importDump(name: string, source: string, place: string, n: number) {
  texts[name] = logoDump(source, `${place} opens a library`, story(place, n));
  const res = await t.gql(IMPORT, { input: { text: texts[name] } });
  expect(res.errors).toBeUndefined();
  ids[name] = res.data.importDump.dump.id;
  return res.data.importDump;
}
const learnedOf = (name: string, segments: { fields: { rule: string | null; reason: string | null; start: number; end: number }[] }[]) =>
  segments.flatMap((s) => s.fields.filter((f) => f.rule).map((f) => ({ text: texts[name]!.slice(f.start, f.end), rule: f.rule, reason: f.reason })));

beforeAll(async () => {
  t = await createTestApp();
  await importDump('hp1', 'Harbour Post', 'Ashby', 2);
  await importDump('hp2', 'Harbour Post', 'Brightwater', 3);
  await importDump('vt1', 'Valley Times', 'Calder', 4);
  // an editor saves a revision of hp2 (its current revision is now theirs)
  const cur = await t.gql(`query($id: ID!) { dump(id: $id) { currentRevision { segments { kind start end fields { field start end } } } } }`, { id: ids.hp2 });
  const saved = await t.gql(`mutation($input: ReviseSegmentationInput!) { reviseSegmentation(input: $input) { __typename } }`, {
    input: { dumpId: ids.hp2, baseRevision: 1, segments: cur.data.dump.currentRevision.segments },
  });
  expect(saved.data.reviseSegmentation.__typename).toBe('ReviseSegmentationPayload');
});
afterAll(async () => {
  await t?.close();
});

describe('parse rules', () => {
  let ruleId: string;

  it('need an editor token', async () => {
    const res = await t.gql(CREATE, { input: { lineText: LINE, scope: 'EVERYWHERE' } }, { token: null });
    expect(res.data.createParseRule).toMatchObject({ __typename: 'UnauthenticatedError', code: 'UNAUTHENTICATED' });
    expect((await t.gql(`{ parseRules { id } }`)).data.parseRules).toEqual([]);
  });

  it('refuse "for this source" without the source', async () => {
    const res = await t.gql(CREATE, { input: { lineText: LINE, scope: 'SOURCE' } });
    expect(res.data.createParseRule).toMatchObject({ __typename: 'InvalidInputError', code: 'INVALID_INPUT' });
  });

  it('are stored with who, from which dump, and scope, and listed', async () => {
    const res = await t.gql(CREATE, { input: { lineText: `  ${LINE} `, scope: 'SOURCE', source: 'Harbour Post', dumpId: ids.hp1, note: 'audio player label' } });
    const r = res.data.createParseRule;
    expect(r).toMatchObject({ __typename: 'ParseRule', action: 'boilerplate', scope: 'SOURCE', source: 'Harbour Post', lineText: LINE, createdBy: 'editor', updatedBy: null, note: 'audio player label', dump: { id: ids.hp1 } });
    expect(r.name).toMatch(/^rule:\d+$/);
    ruleId = r.id;
    const list = await t.gql(`{ parseRules { id name createdAt } }`);
    expect(list.data.parseRules.map((x: any) => x.id)).toEqual([ruleId]);
  });

  it('show how many stored dumps they would change, and which are an editor\'s', async () => {
    const res = await t.gql(IMPACT, { id: ruleId });
    expect(res.errors).toBeUndefined();
    expect(res.data.node.impact).toEqual({ wouldChange: 2, editorOwned: 1, checked: 3, truncated: false, dumps: [{ id: ids.hp1 }, { id: ids.hp2 }] });
  });

  it('answer one impact per request (each parses the dumps again)', async () => {
    const res = await t.gql(`query($id: ID!) { a: node(id: $id) { ... on ParseRule { impact { __typename } } } b: node(id: $id) { ... on ParseRule { impact { __typename ... on Error { code } } } } }`, { id: ruleId });
    expect(res.data).toEqual({ a: { impact: { __typename: 'RuleImpact' } }, b: { impact: { __typename: 'InvalidInputError', code: 'INVALID_INPUT' } } });
  });

  it('re-parse those dumps: a new current parser revision, or a proposed one over an editor\'s', async () => {
    const res = await t.gql(`mutation($id: ID!) { applyParseRule(id: $id) { __typename ... on ApplyParseRulePayload { reparsed becameCurrent proposed dumps { id } } } }`, { id: ruleId });
    expect(res.data.applyParseRule).toEqual({ __typename: 'ApplyParseRulePayload', reparsed: 2, becameCurrent: 1, proposed: 1, dumps: [{ id: ids.hp1 }, { id: ids.hp2 }] });
    const q = `query($id: ID!) { dump(id: $id) { currentRevisionNumber currentRevision { author segments { fields { field start end rule reason } } } proposedRevision { number author segments { fields { field start end rule reason } } } appearances { article { body } } } }`;
    const hp1 = (await t.gql(q, { id: ids.hp1 })).data.dump;
    expect(hp1.currentRevisionNumber).toBe(2);
    expect(hp1.proposedRevision).toBeNull();
    const expected = [{ text: LINE, rule: ruleName(ruleId), reason: `always, for Harbour Post (rule ${ruleName(ruleId).slice(5)} by editor)` }];
    expect(learnedOf('hp1', hp1.currentRevision.segments)).toEqual(expected);
    expect(hp1.appearances[0].article.body).not.toContain(LINE);
    const hp2 = (await t.gql(q, { id: ids.hp2 })).data.dump;
    expect(hp2.currentRevisionNumber).toBe(2);
    expect(hp2.currentRevision.author).toBe('editor');
    expect(hp2.proposedRevision.number).toBe(3);
    expect(learnedOf('hp2', hp2.proposedRevision.segments)).toEqual(expected);
    expect(hp2.appearances[0].article.body).toContain(LINE);
    const vt1 = (await t.gql(`query($id: ID!) { dump(id: $id) { revisions { totalCount } } }`, { id: ids.vt1 })).data.dump;
    expect(vt1.revisions.totalCount).toBe(1);
    // nothing left to change
    expect((await t.gql(IMPACT, { id: ruleId })).data.node.impact.wouldChange).toBe(0);
  });

  it('apply to new imports of their source only', async () => {
    const hp3 = await importDump('hp3', 'harbour  post', 'Dunmore', 5);
    expect(learnedOf('hp3', hp3.dump.currentRevision.segments).map((l) => l.rule)).toEqual([ruleName(ruleId)]);
    const vt2 = await importDump('vt2', 'Valley Times', 'Eastleigh', 6);
    expect(learnedOf('vt2', vt2.dump.currentRevision.segments)).toEqual([]);
    expect(vt2.articles[0].body).toContain(LINE);
  });

  it('are edited ("always, everywhere" now) and removed', async () => {
    const up = await t.gql(`mutation($input: UpdateParseRuleInput!) { updateParseRule(input: $input) { __typename ... on ParseRule { scope source updatedBy } } }`, { input: { id: ruleId, scope: 'EVERYWHERE' } });
    expect(up.data.updateParseRule).toEqual({ __typename: 'ParseRule', scope: 'EVERYWHERE', source: null, updatedBy: 'editor' });
    expect((await t.gql(IMPACT, { id: ruleId })).data.node.impact).toMatchObject({ wouldChange: 2, editorOwned: 0, dumps: [{ id: ids.vt1 }, { id: ids.vt2 }] });
    const del = await t.gql(`mutation($id: ID!) { deleteParseRule(id: $id) { __typename ... on DeleteParseRulePayload { deletedId } } }`, { id: ruleId });
    expect(del.data.deleteParseRule).toEqual({ __typename: 'DeleteParseRulePayload', deletedId: ruleId });
    expect((await t.gql(`{ parseRules { id } }`)).data.parseRules).toEqual([]);
    const vt3 = await importDump('vt3', 'Valley Times', 'Fernhill', 7);
    expect(learnedOf('vt3', vt3.dump.currentRevision.segments)).toEqual([]);
    const again = await t.gql(`mutation($id: ID!) { deleteParseRule(id: $id) { __typename ... on Error { code } } }`, { id: ruleId });
    expect(again.data.deleteParseRule).toEqual({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
  });
});

/** "rule:12" from the rule's global id */
function ruleName(globalId: string): string {
  return `rule:${Buffer.from(globalId, 'base64').toString('utf8').split(':')[1]}`;
}
