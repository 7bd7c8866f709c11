/** Rule edits are audited: createParseRule, updateParseRule, deleteParseRule and applyParseRule (and reparseDump) each leave entries, in auditLog and /audit.jsonl; a refused edit leaves none. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_TOKEN, type TestApp } from '../helpers/app.ts';
import { logoDump } from '../helpers/dumps.ts';

const LINE = 'Listen to this piece';
const story = (place: string) => [`${place} council agreed on Tuesday to repair the old pier before the summer season starts.`, `Fishermen in ${place} welcomed the plan.`, LINE];

let t: TestApp;
const dumpIds: string[] = [];
beforeAll(async () => {
  t = await createTestApp();
  for (const place of ['Dunmore', 'Eskdale']) {
    const res = await t.gql(`mutation($input: ImportDumpInput!) { importDump(input: $input) { ... on ImportDumpPayload { dump { id } } } }`, { input: { text: logoDump('Coast Gazette', `${place} pier to be repaired`, story(place)) } });
    dumpIds.push(res.data.importDump.dump.id);
  }
});
afterAll(async () => {
  await t?.close();
});

const LOG = `query($filter: AuditLogFilter) { auditLog(filter: $filter, first: 100) { edges { node { actor action dumpId subject detail } } } }`;
const ruleLog = async () => ((await t.gql(LOG)).data.auditLog.edges as { node: { actor: string; action: string; dumpId: string | null; subject: string; detail: Record<string, unknown> } }[]).map((e) => ({ ...e.node, detail: JSON.parse(e.node.detail as unknown as string) as Record<string, unknown> })).filter((e) => e.action.startsWith('rule.') || e.action === 'reparse');

describe('audited rule edits', () => {
  let ruleId: string;
  let ruleNumber: number;

  it('createParseRule leaves rule.create with the editor and the rule', async () => {
    const res = await t.gql(`mutation($input: CreateParseRuleInput!) { createParseRule(input: $input) { __typename ... on ParseRule { id name } } }`, { input: { lineText: LINE, scope: 'SOURCE', source: 'Coast Gazette', dumpId: dumpIds[0] } });
    expect(res.data.createParseRule.__typename).toBe('ParseRule');
    ruleId = res.data.createParseRule.id;
    ruleNumber = Number(res.data.createParseRule.name.replace('rule:', ''));
    const log = await ruleLog();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ actor: 'editor', action: 'rule.create', dumpId: dumpIds[0], subject: `rule ${ruleNumber}`, detail: { ruleId: ruleNumber, lineText: LINE, scope: 'source', source: 'Coast Gazette' } });
  });

  it('a refused edit leaves no entry', async () => {
    const res = await t.gql(`mutation($input: CreateParseRuleInput!) { createParseRule(input: $input) { __typename } }`, { input: { lineText: LINE, scope: 'SOURCE' } });
    expect(res.data.createParseRule.__typename).toBe('InvalidInputError');
    expect(await ruleLog()).toHaveLength(1);
  });

  it('applyParseRule leaves rule.apply for each dump it re-parsed', async () => {
    const res = await t.gql(`mutation($id: ID!) { applyParseRule(id: $id) { __typename ... on ApplyParseRulePayload { reparsed dumps { id } } } }`, { id: ruleId });
    expect(res.data.applyParseRule.reparsed).toBe(2);
    const applied = (await ruleLog()).filter((e) => e.action === 'rule.apply');
    expect(applied.map((e) => e.dumpId).sort()).toEqual([...dumpIds].sort());
    for (const e of applied) expect(e).toMatchObject({ actor: 'editor', subject: `rule ${ruleNumber}`, detail: { ruleId: ruleNumber, revision: 2, becameCurrent: true } });
  });

  it('updateParseRule leaves rule.update with the values before and after', async () => {
    const res = await t.gql(`mutation($input: UpdateParseRuleInput!) { updateParseRule(input: $input) { __typename } }`, { input: { id: ruleId, scope: 'EVERYWHERE', note: 'audio label' } });
    expect(res.data.updateParseRule.__typename).toBe('ParseRule');
    const [e] = (await ruleLog()).filter((x) => x.action === 'rule.update');
    expect(e).toMatchObject({ actor: 'editor', subject: `rule ${ruleNumber}`, detail: { ruleId: ruleNumber, scope: 'everywhere', note: 'audio label', before: { scope: 'source', source: 'Coast Gazette', note: null } } });
  });

  it('deleteParseRule leaves rule.delete with what the rule was', async () => {
    const res = await t.gql(`mutation($id: ID!) { deleteParseRule(id: $id) { __typename } }`, { id: ruleId });
    expect(res.data.deleteParseRule.__typename).toBe('DeleteParseRulePayload');
    const [e] = (await ruleLog()).filter((x) => x.action === 'rule.delete');
    expect(e).toMatchObject({ actor: 'editor', subject: `rule ${ruleNumber}`, detail: { ruleId: ruleNumber, lineText: LINE, scope: 'everywhere' } });
  });

  it('reparseDump leaves reparse when it stores a new revision', async () => {
    // the rule is gone: the parse changes back
    const res = await t.gql(`mutation($id: ID!) { reparseDump(dumpId: $id) { __typename ... on ReparseDumpPayload { revisionNumber } } }`, { id: dumpIds[1] });
    expect(res.data.reparseDump.revisionNumber).toBe(3);
    const [e] = (await ruleLog()).filter((x) => x.action === 'reparse');
    expect(e).toMatchObject({ actor: 'editor', dumpId: dumpIds[1], detail: { revision: 3 } });
  });

  it('the entries are filterable by action and exported in /audit.jsonl', async () => {
    for (const action of ['rule.create', 'rule.update', 'rule.delete', 'rule.apply', 'reparse']) {
      const res = await t.gql(LOG, { filter: { action } });
      expect(res.errors).toBeUndefined();
      expect(res.data.auditLog.edges.length).toBeGreaterThan(0);
    }
    const jsonl = await t.app.fetch('http://localhost/audit.jsonl?action=rule.update', { headers: { authorization: `Bearer ${TEST_TOKEN}` } });
    expect(jsonl.status).toBe(200);
    const lines = (await jsonl.text()).split('\n').filter(Boolean).map((l) => JSON.parse(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ actor: 'editor', action: 'rule.update', subject: `rule ${ruleNumber}` });
  });
});
