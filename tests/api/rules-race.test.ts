/**
 * Two editors making the same rule at the same instant store one rule: the duplicate check reads
 * before it inserts, so concurrent transactions could both pass it; a unique index
 * (parse_rules_same_rule_key) refuses the second, answered with the check's own INVALID_INPUT.
 * The race is real on PostgreSQL (a pool of connections); PGlite runs one statement at a time.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const CREATE = `mutation($input: CreateParseRuleInput!) { createParseRule(input: $input) { __typename ... on Error { code message } ... on ParseRule { id } } }`;
const UPDATE = `mutation($input: UpdateParseRuleInput!) { updateParseRule(input: $input) { __typename ... on Error { code message } ... on ParseRule { id } } }`;
const N = 12;

describe('identical rules made at once', () => {
  it.each([
    ['everywhere', { lineText: 'Listen to this article now', scope: 'EVERYWHERE' }],
    ['for one source', { lineText: 'Share on the wire', scope: 'SOURCE', source: 'The Harbour Gazette' }],
  ])('stores one of %s, and refuses the others as duplicates naming it', async (_name, input) => {
    const results = await Promise.all(Array.from({ length: N }, () => t.gql(CREATE, { input })));
    for (const r of results) expect(r.errors).toBeUndefined();
    const made = results.map((r) => r.data.createParseRule);
    const stored = made.filter((r) => r.__typename === 'ParseRule');
    expect(stored).toHaveLength(1);
    const refused = made.filter((r) => r.__typename !== 'ParseRule');
    expect(refused).toHaveLength(N - 1);
    for (const r of refused) {
      expect(r).toMatchObject({ __typename: 'InvalidInputError', code: 'INVALID_INPUT' });
      expect(r.message).toContain(`(${stored[0].id}) already does this`);
    }
    const [row] = await t.sql<{ n: string }>(`select count(*) as n from parse_rules where line_text = '${input.lineText}'`);
    expect(Number(row!.n)).toBe(1);
  });

  it('lets one of several edits that would make rules the same through, refusing the others', async () => {
    const words = ['amber', 'birch', 'cedar', 'delta', 'ember', 'fjord', 'grove', 'heron', 'inlet', 'juniper', 'kestrel', 'larch'];
    const lines = words.slice(0, N).map((w) => `Rule line ${w} for the edit race`);
    const ids: string[] = [];
    for (const lineText of lines) {
      const made = (await t.gql(CREATE, { input: { lineText, scope: 'EVERYWHERE' } })).data.createParseRule;
      expect(made.__typename, made.message).toBe('ParseRule');
      ids.push(made.id);
    }
    const results = await Promise.all(ids.map((id) => t.gql(UPDATE, { input: { id, lineText: 'The line every edit turns into' } })));
    for (const r of results) expect(r.errors).toBeUndefined();
    const made = results.map((r) => r.data.updateParseRule);
    expect(made.filter((r) => r.__typename === 'ParseRule')).toHaveLength(1);
    for (const r of made.filter((r) => r.__typename !== 'ParseRule')) expect(r).toMatchObject({ __typename: 'InvalidInputError', code: 'INVALID_INPUT', message: expect.stringContaining('already does this') });
    const [row] = await t.sql<{ n: string }>(`select count(*) as n from parse_rules where line_text = 'The line every edit turns into'`);
    expect(Number(row!.n)).toBe(1);
  });
});

describe('the migration that adds the index', () => {
  it('keeps the oldest of rules stored twice before it, logs the others\' removal, and builds the index', async () => {
    const sql = readFileSync(new URL('../../schema/migrations/20261201113535_unique_parse_rules/migration.sql', import.meta.url), 'utf8');
    await t.sql('drop index parse_rules_same_rule_key');
    const insert = (line: string, source: string | null) =>
      t.sql<{ id: number }>(`insert into parse_rules (scope, source_key, source_name, line_text, line_key, created_by) values (${source ? `'source', '${source}', '${source}'` : `'everywhere', null, null`}, '${line}', '${line}', 'test') returning id`);
    const kept = (await insert('twice stored line', null))[0]!.id;
    const gone = (await insert('twice stored line', null))[0]!.id;
    const other = (await insert('twice stored line', 'gazette'))[0]!.id;
    for (const statement of sql.split('--> statement-breakpoint')) await t.sql(statement);
    const left = await t.sql<{ id: number }>(`select id from parse_rules where line_text = 'twice stored line' order by id`);
    expect(left.map((r) => r.id)).toEqual([kept, other]);
    const logged = await t.sql<{ subject: string; detail: { duplicateOf: number } }>(`select subject, detail from audit_log where action = 'rule.delete' and actor = 'system'`);
    expect(logged).toEqual([{ subject: `rule ${gone}`, detail: expect.objectContaining({ ruleId: gone, duplicateOf: kept }) }]);
    await expect(insert('twice stored line', null)).rejects.toThrow(/parse_rules_same_rule_key|duplicate key/);
  });
});
