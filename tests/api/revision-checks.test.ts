/**
 * What a save or a status change says about the revision the editor saw: STALE_REVISION only when
 * a newer revision was saved after it, INVALID_INPUT for one that does not exist or is only
 * proposed; segmentation errors name the actual fault; setting the status a dump has is a no-op;
 * rules are not stored twice; one bad item of a batch is that item's error. Dumps written for this test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_TOKEN, type TestApp } from '../helpers/app.ts';
import { flatDump, logoDump } from '../helpers/dumps.ts';
import { CSRF_HEADER } from '@copydesk/server/graphql/limits.ts';

let t: TestApp;
let dumpId: string;
let segments: any[];
const LINE = 'Audio only';
const REVISE = `mutation($input: ReviseSegmentationInput!) { reviseSegmentation(input: $input) { __typename ... on Error { code message } ... on ReviseSegmentationPayload { revisionNumber } ... on InvalidSegmentationError { reason } } }`;
const STATUS = `mutation($input: SetDumpStatusInput!) { setDumpStatus(input: $input) { __typename ... on Error { code message } ... on Dump { status currentRevisionNumber } } }`;
const CREATE = `mutation($input: CreateParseRuleInput!) { createParseRule(input: $input) { __typename ... on Error { code message } ... on ParseRule { id } } }`;
const count = async (sql: string) => Number((await t.sql<{ n: string }>(sql))[0]!.n);

beforeAll(async () => {
  t = await createTestApp();
  const lines = [
    'Ashby opened its new library on Monday after a two-year build that cost the town 2 million pounds in all.',
    'Readers signed up in their thousands for the first week of Ashby talks.',
    LINE,
  ];
  const res = await t.gql(`mutation($input: ImportDumpInput!) { importDump(input: $input) { ... on ImportDumpPayload { dump { id currentRevision { segments { kind start end fields { field start end } } } } } } }`, {
    input: { text: logoDump('Harbour Post', 'Ashby opens a library', lines) },
  });
  dumpId = res.data.importDump.dump.id;
  segments = res.data.importDump.dump.currentRevision.segments;
  // revision 2: the editor's (the parser's segments, saved as theirs)
  expect((await t.gql(REVISE, { input: { dumpId, baseRevision: 1, segments } })).data.reviseSegmentation.revisionNumber).toBe(2);
  // revision 3: a rule re-parses it, proposed for review (the editor's revision stays current)
  const rule = (await t.gql(CREATE, { input: { lineText: LINE, scope: 'SOURCE', source: 'Harbour Post' } })).data.createParseRule;
  const applied = await t.gql(`mutation($id: ID!) { applyParseRule(id: $id) { ... on ApplyParseRulePayload { proposed } } }`, { id: rule.id });
  expect(applied.data.applyParseRule.proposed).toBe(1);
});
afterAll(async () => {
  await t?.close();
});

describe('the revision an editor saw', () => {
  it('that does not exist, or is only proposed, is INVALID_INPUT saying so, for a status change and a save', async () => {
    const changes = await count(`select count(*) as n from dump_status_changes`);
    for (const revision of [99, -5]) {
      const status = (await t.gql(STATUS, { input: { dumpId, revision, status: 'APPROVED' } })).data.setDumpStatus;
      expect(status.code, String(revision)).toBe('INVALID_INPUT');
      expect(status.message).toContain(`no revision ${revision}`);
    }
    const proposed = (await t.gql(STATUS, { input: { dumpId, revision: 3, status: 'APPROVED' } })).data.setDumpStatus;
    expect(proposed.code).toBe('INVALID_INPUT');
    expect(proposed.message).toContain('proposed');
    const save = (await t.gql(REVISE, { input: { dumpId, baseRevision: 50, segments } })).data.reviseSegmentation;
    expect(save.code).toBe('INVALID_INPUT');
    expect(save.message).toContain('no revision 50');
    const saveProposed = (await t.gql(REVISE, { input: { dumpId, baseRevision: 3, segments } })).data.reviseSegmentation;
    expect(saveProposed.code).toBe('INVALID_INPUT');
    expect(await count(`select count(*) as n from dump_status_changes`)).toBe(changes);
  });

  it('that was current once is STALE_REVISION, without blaming someone else', async () => {
    const stale = (await t.gql(STATUS, { input: { dumpId, revision: 1, status: 'APPROVED' } })).data.setDumpStatus;
    expect(stale.code).toBe('STALE_REVISION');
    expect(stale.message).not.toMatch(/someone else/);
    expect(stale.message).toContain('revision 2');
    const save = (await t.gql(REVISE, { input: { dumpId, baseRevision: 1, segments } })).data.reviseSegmentation;
    expect(save.code).toBe('STALE_REVISION');
  });
});

describe('setDumpStatus', () => {
  it('to the status the dump already has is a no-op: no status change, no audit entry', async () => {
    expect((await t.gql(STATUS, { input: { dumpId, revision: 2, status: 'APPROVED' } })).data.setDumpStatus.status).toBe('APPROVED');
    const changes = await count(`select count(*) as n from dump_status_changes`);
    const audited = await count(`select count(*) as n from audit_log where action = 'status'`);
    const again = (await t.gql(STATUS, { input: { dumpId, revision: 2, status: 'APPROVED' } })).data.setDumpStatus;
    expect(again).toMatchObject({ __typename: 'Dump', status: 'APPROVED', currentRevisionNumber: 2 });
    expect(await count(`select count(*) as n from dump_status_changes`)).toBe(changes);
    expect(await count(`select count(*) as n from audit_log where action = 'status'`)).toBe(audited);
  });
});

describe('segmentation errors', () => {
  const first = () => JSON.parse(JSON.stringify(segments));
  it('name the actual fault: a segment ending before it starts, a negative offset', async () => {
    const backwards = first();
    backwards[0] = { ...backwards[0], start: 0, end: 0, fields: [] };
    backwards.splice(1, 0, { kind: 'residue', start: 92, end: 0, fields: [] });
    const r1 = (await t.gql(REVISE, { input: { dumpId, baseRevision: 2, segments: backwards } })).data.reviseSegmentation;
    expect(r1.code).toBe('INVALID_SEGMENTATION');
    expect(r1.message).toMatch(/empty|ends \(0\) before it starts/);
    const reversed = [{ kind: 'residue', start: 92, end: 0, fields: [] }, ...first()];
    const r2 = (await t.gql(REVISE, { input: { dumpId, baseRevision: 2, segments: reversed } })).data.reviseSegmentation;
    expect(r2.reason).toBe('the segment ends (0) before it starts (92)');
    const negative = [{ kind: 'residue', start: -10, end: 0, fields: [] }, ...first()];
    const r3 = (await t.gql(REVISE, { input: { dumpId, baseRevision: 2, segments: negative } })).data.reviseSegmentation;
    expect(r3.reason).toMatch(/must not be negative/);
    expect(r3.reason).not.toMatch(/overlaps/);
  });

  it('a request too large for the server gets advice for any operation, not "send large dumps"', async () => {
    const body = JSON.stringify({ query: REVISE, variables: { input: { dumpId, baseRevision: 2, segments: Array.from({ length: 40_000 }, (_, i) => ({ kind: 'residue', start: i, end: i + 1, fields: [] })) } } });
    const res = await t.app.fetch('http://localhost/graphql', { method: 'POST', body, headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), authorization: `Bearer ${TEST_TOKEN}`, [CSRF_HEADER]: '1' } });
    expect(res.status).toBe(413);
    const message = ((await res.json()) as { errors: { message: string }[] }).errors[0]!.message;
    expect(message).toMatch(/^The request is \d+ bytes; the limit is \d+ bytes/);
    expect(message).toContain('Send less in one request');
    expect(message).not.toMatch(/Send large dumps/);
  });
});

describe('parse rules', () => {
  it('a rule that another already is, is refused naming it; a marked span on a BOILERPLATE rule is refused', async () => {
    const input = { lineText: 'Read the full story', scope: 'EVERYWHERE' };
    const made = (await t.gql(CREATE, { input })).data.createParseRule;
    expect(made.__typename).toBe('ParseRule');
    const before = await count('select count(*) as n from parse_rules');
    const twice = (await t.gql(CREATE, { input: { ...input, lineText: '  Read the full story ' } })).data.createParseRule;
    expect(twice.code).toBe('INVALID_INPUT');
    expect(twice.message).toContain(made.id);
    const span = (await t.gql(CREATE, { input: { lineText: 'Read the whole story', scope: 'EVERYWHERE', action: 'BOILERPLATE', fieldStart: 0, fieldEnd: 4 } })).data.createParseRule;
    expect(span.code).toBe('INVALID_INPUT');
    expect(span.message).toMatch(/fieldStart/);
    expect(await count('select count(*) as n from parse_rules')).toBe(before);
  });
});

describe('importDumps', () => {
  it('gives one item with an invalid fetchedAt its own error and imports the others', async () => {
    const res = await t.gql(`mutation($i: [ImportDumpInput!]!) { importDumps(inputs: $i) { __typename ... on ImportBatchResult { items { index result { __typename ... on Error { code message } } } } } }`, {
      i: [
        { text: flatDump('Tram line opens on Sunday', 'The new tram line opens.\nRiders cheered.'), fetchedAt: '2025-07-25T09:30:00Z' },
        { text: flatDump('Bridge closes for repairs', 'The bridge closes.\nDrivers must detour.'), fetchedAt: 'yesterday-ish' },
        { text: flatDump('Market moves to the quay', 'The market moves.\nTraders agreed.') },
      ],
    });
    expect(res.errors).toBeUndefined();
    const items = res.data.importDumps.items;
    expect(items.map((i: any) => i.result.__typename)).toEqual(['ImportDumpPayload', 'InvalidInputError', 'ImportDumpPayload']);
    expect(items[1].result.message).toMatch(/^fetchedAt: DateTime must be an ISO 8601 date-time/);
    // elsewhere a DateTime that is not one still refuses the request, naming the argument
    const filter = await t.gql(`{ articles(filter: { publishedAfter: "Tuesday" }) { totalCount } }`);
    expect(filter.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'filter.publishedAfter' });
  });
});
