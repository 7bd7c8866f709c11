/**
 * A batch of many small dumps with many rules stored (break-it report, item 20: 900 dumps with
 * 1,550 rules ran at ~5 dumps/s): each import used to read every rule's row again. The rules are
 * read once and kept while their digest is the same; a created, changed or deleted rule applies
 * to the very next import. Own dumps and rules; the rate is measured by `pnpm bench`, not here.
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

/** a short line no built-in rule takes: only the editor's rule marks it */
const PROMO = 'Quay desk only';
const dump = (i: number) => {
  const route = 'abcdefghijklmnopqrstuvwxyz'[i];
  return logoDump('Harbour Post', `Ferry timetable changes for route ${route}`, [
    `The ferry operator changed the route ${route} timetable again this week after a month of complaints from night workers.`,
    `Crews said the new times on route ${route} suit the night shift better.`,
    PROMO,
  ]);
};
const BATCH = `mutation($inputs: [ImportDumpInput!]!) { importDumps(inputs: $inputs) { ... on ImportBatchResult { created items { result { ... on ImportDumpPayload { dump { currentRevision { segments { fields { field rule start end } } } } } } } } } }`;
/**
 * The digests the rule loads of the batch sent: a load sends the digest of the rules it holds,
 * and the database answers the rows only when the stored rules' digest differs (null: none held).
 */
const ruleDigestsSent = () => t.statements.filter((q) => /from "parse_rules"/.test(q.sql) && /md5\(/.test(q.sql)).map((q) => q.params.find((p) => p === null || /^[0-9a-f]{32}$/.test(String(p))));
/** the rules each item's current revision names, with the text they marked */
const marked = (res: any, texts: string[]) =>
  res.data.importDumps.items.map((it: any, i: number) => it.result.dump.currentRevision.segments.flatMap((s: any) => s.fields.filter((f: any) => f.rule).map((f: any) => `${f.rule} ${texts[i]!.slice(f.start, f.end)}`)));

describe('rules in a batch import', () => {
  it('reads the stored rules once for a batch, and applies a rule changed between batches to the next import', async () => {
    // many rules, as an editor's team builds up; one of them marks the promo line
    await t.sql(`insert into parse_rules (action, scope, line_text, line_key, created_by)
      select 'boilerplate', 'everywhere', 'Promo line ' || g, 'l:' || to_hex(g) || '.0.0', 'editor' from generate_series(1, 300) g`);
    const created = await t.gql(`mutation($input: CreateParseRuleInput!) { createParseRule(input: $input) { ... on ParseRule { name } } }`, { input: { lineText: PROMO, scope: 'EVERYWHERE' } });
    const rule = created.data.createParseRule.name as string;
    const texts = Array.from({ length: 6 }, (_, i) => dump(i));
    t.statements.length = 0;
    const res = await t.gql(BATCH, { inputs: texts.map((text, i) => ({ text, filename: `batch-${i}.txt` })) });
    expect(res.data.importDumps.created).toBe(6);
    // one load per dump; after the first, each holds the rules already (the same digest, the rows not sent again)
    const sent = ruleDigestsSent();
    expect(sent).toHaveLength(6);
    expect(sent[1]).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(sent.slice(1)).size).toBe(1);
    expect(marked(res, texts)).toEqual(texts.map(() => [`${rule} ${PROMO}`]));

    // the rule deleted: the next import parses without it (the line memory, having seen the line in 6 stories, may mark it instead)
    const del = await t.gql(`mutation($id: ID!) { deleteParseRule(id: $id) { __typename } }`, { id: (await t.gql(`{ parseRules { id name } }`)).data.parseRules.find((r: any) => r.name === rule).id });
    expect(del.data.deleteParseRule.__typename).toBe('DeleteParseRulePayload');
    const next = [dump(10)];
    const after = await t.gql(BATCH, { inputs: next.map((text) => ({ text, filename: 'after.txt' })) });
    expect(after.data.importDumps.created).toBe(1);
    expect(marked(after, next)[0]).not.toContain(`${rule} ${PROMO}`);
  });
});
