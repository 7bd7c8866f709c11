/**
 * ParseRule.impact parses up to 500 stored dumps again (break report 8): editors only, parsed in a
 * worker thread (never on the request thread), and concurrent requests for one rule computed once.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { logoDump } from '../helpers/dumps.ts';

// counts the parses on this (the request) thread; the worker thread loads the real module
const mainThreadParses = vi.hoisted(() => ({ count: 0 }));
vi.mock('@copydesk/core', async (importOriginal) => {
  const core = await importOriginal<typeof import('@copydesk/core')>();
  return { ...core, parseDump: (...args: Parameters<typeof core.parseDump>) => (mainThreadParses.count++, core.parseDump(...args)) };
});

// "concurrent" must not depend on the machine's speed: while `hold.until` is set, the first parse in
// the worker thread waits for it, so every request reaches the resolver before the first impact ends
// (CI once finished one before the third request arrived and counted two searches)
const hold = vi.hoisted(() => ({ asked: 0, until: null as null | Promise<void>, release: () => {} }));
vi.mock('../../server/src/learn/rules.ts', async (importOriginal) => {
  const rules = await importOriginal<typeof import('../../server/src/learn/rules.ts')>();
  return { ...rules, sharedRuleImpact: (...args: Parameters<typeof rules.sharedRuleImpact>) => (hold.asked++, rules.sharedRuleImpact(...args)) };
});
vi.mock('../../server/src/import/prepare-thread.ts', async (importOriginal) => {
  const thread = await importOriginal<typeof import('../../server/src/import/prepare-thread.ts')>();
  return {
    ...thread,
    changedParsesOffThread: async (...args: Parameters<typeof thread.changedParsesOffThread>) => {
      if (hold.until) await hold.until;
      return thread.changedParsesOffThread(...args);
    },
  };
});

const LINE = 'Listen to this briefing';
const IMPACT = /* GraphQL */ `query($id: ID!) { node(id: $id) { ... on ParseRule { impact { __typename ... on Error { code } ... on RuleImpact { wouldChange checked } } } } }`;

let t: TestApp;
let ruleId: string;
const DUMPS = 4;

beforeAll(async () => {
  t = await createTestApp();
  for (let i = 0; i < DUMPS; i++) {
    const text = logoDump('Harbour Post', `Ferry route ${i} returns`, [
      `The ferry route number ${i} returns on Monday after a winter of repairs that cost the council ${i + 2} million pounds.`,
      `Riders from ${i + 3} villages had waited since October for the boats to run again.`,
      LINE,
    ]);
    const res = await t.gql(`mutation($input: ImportDumpInput!) { importDump(input: $input) { __typename } }`, { input: { text } });
    expect(res.data.importDump.__typename).toBe('ImportDumpPayload');
  }
  const res = await t.gql(`mutation($input: CreateParseRuleInput!) { createParseRule(input: $input) { ... on ParseRule { id } } }`, { input: { lineText: LINE, scope: 'EVERYWHERE' } });
  ruleId = res.data.createParseRule.id;
  expect(ruleId).toBeTruthy();
});
afterAll(async () => {
  await t?.close();
});

describe('ParseRule.impact', () => {
  it('is for editors only: anonymous readers get UNAUTHENTICATED, a rejected token too', async () => {
    const anon = await t.gql(IMPACT, { id: ruleId }, { token: null });
    expect(anon.data.node.impact).toEqual({ __typename: 'UnauthenticatedError', code: 'UNAUTHENTICATED' });
    const bad = await t.gql(IMPACT, { id: ruleId }, { token: 'not-a-token-of-anyone-here' });
    expect(bad.errors ?? bad.data.node.impact).toMatchObject(bad.errors ? [{ extensions: { code: 'UNAUTHENTICATED' } }] : { code: 'UNAUTHENTICATED' });
  });

  it('parses the stored dumps off the request thread', async () => {
    mainThreadParses.count = 0;
    const res = await t.gql(IMPACT, { id: ruleId });
    expect(res.data.node.impact).toMatchObject({ __typename: 'RuleImpact', checked: DUMPS });
    expect(mainThreadParses.count).toBe(0);
  });

  it('computes one impact for concurrent requests about the same rule', async () => {
    t.queries.length = 0;
    hold.asked = 0;
    hold.until = new Promise<void>((resolve) => (hold.release = resolve));
    const pending = Promise.all(Array.from({ length: 3 }, () => t.gql(IMPACT, { id: ruleId })));
    await vi.waitFor(() => expect(hold.asked).toBe(3), { timeout: 20_000, interval: 10 });
    hold.release();
    hold.until = null;
    const answers = await pending;
    expect(answers[0]!.data.node.impact).toMatchObject({ __typename: 'RuleImpact', checked: DUMPS });
    for (const a of answers) expect(a.data.node.impact).toEqual(answers[0]!.data.node.impact);
    // the search for the dumps holding the line ran once, not once per request
    expect(t.queries.filter((q) => q.includes('strpos(lower(d.text)')).length).toBe(1);
  });
});
