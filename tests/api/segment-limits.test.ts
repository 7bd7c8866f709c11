/**
 * Segment and field-span lists are bounded (break-it report, item 2): a revision holds at most
 * segmentationLimits(text length) of each (INVALID_SEGMENTATION, rule SIZE, on save and on
 * import), and a request pays for the lists it reads from the text budget (LIST_ITEM_BYTES per
 * segment and per span), so many aliases of a big revision's segments get LIMIT_EXCEEDED instead
 * of holding the server. The dumps are generated here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { segmentationLimits } from '@copydesk/core';
import { DEFAULT_LIMITS } from '@copydesk/server/graphql/limits.ts';
import { createTestApp, uploadFile, type TestApp } from '../helpers/app.ts';
import { distinctLinesDump, flatDump } from '../helpers/dumps.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const IMPORT = `mutation($i: ImportDumpInput!) { importDump(input: $i) { __typename ... on Error { code message } ... on InvalidSegmentationError { rule } ... on ImportDumpPayload { dump { id currentRevisionNumber } } } }`;
const REVISE = `mutation($input: ReviseSegmentationInput!) { reviseSegmentation(input: $input) { __typename ... on Error { code message } ... on InvalidSegmentationError { rule } ... on ReviseSegmentationPayload { revisionNumber } } }`;
const count = async (table: string, where: string) => Number((await t.sql<{ n: string }>(`select count(*) as n from ${table} where ${where}`))[0]!.n);

async function importText(text: string, filename: string) {
  const res = await t.gql(IMPORT, { i: { text, filename } });
  expect(res.errors).toBeUndefined();
  return res.data.importDump;
}

describe('segments and field spans per revision', () => {
  it('refuses a save of one main segment with one-character body spans past the limit (SIZE), and takes one under it', async () => {
    const body = 'x '.repeat(6000);
    const text = flatDump('Field span stress page for the limit', body);
    const d = (await importText(text, 'spans.txt')).dump;
    const start = text.indexOf(body);
    const spans = (n: number) => Array.from({ length: n }, (_, i) => ({ field: 'body', start: start + 2 * i, end: start + 2 * i + 1 }));
    const limit = segmentationLimits(text.length).fields;
    const save = (fields: { field: string; start: number; end: number }[]) =>
      t.gql(REVISE, { input: { dumpId: d.id, baseRevision: d.currentRevisionNumber, segments: [{ kind: 'main', start: 0, end: text.length, fields }] } });
    const over = await save(spans(limit + 1));
    expect(over.errors).toBeUndefined();
    expect(over.data.reviseSegmentation).toMatchObject({ __typename: 'InvalidSegmentationError', code: 'INVALID_SEGMENTATION', rule: 'SIZE' });
    expect(over.data.reviseSegmentation.message).toContain(`at most ${limit}`);
    const under = await save(spans(limit));
    expect(under.data.reviseSegmentation).toEqual({ __typename: 'ReviseSegmentationPayload', revisionNumber: 2 });
  });

  it('refuses to import a page whose parse has more field spans than the limit (a page of one-character lines), writing nothing', async () => {
    const text = flatDump('A page of one letter lines', 'a\n'.repeat(150_000));
    const r = await importText(text, 'letters.txt');
    expect(r).toMatchObject({ __typename: 'InvalidSegmentationError', code: 'INVALID_SEGMENTATION', rule: 'SIZE' });
    expect(r.message).toContain(`at most ${segmentationLimits(text.length).fields}`);
    expect(await count('dumps', `filename = 'letters.txt'`)).toBe(0);
  });
});

describe('a re-parse applies the SIZE rule', () => {
  it('refuses to store a re-parse with more field spans than the limit (a dump stored before the rule), writing nothing', async () => {
    // a page of one-letter lines, as an older server stored it: one parser revision of one segment
    const text = flatDump('A stored page of one letter lines', 'a\n'.repeat(150_000));
    const [row] = await t.sql<{ id: number }>(
      `insert into dumps (content_hash, text, filename, template, current_revision) values ('stored-before-size-rule', '${text.replace(/'/g, "''")}', 'stored.txt', 'flat', 1) returning id`,
    );
    await t.sql(`insert into segmentation_revisions (dump_id, number, author, parser_version, segments) values (${row!.id}, 1, 'parser', 'old', '[{"kind":"main","start":0,"end":${text.length},"confidence":1,"fields":[]}]'::jsonb)`);
    const id = Buffer.from(`Dump:${row!.id}`).toString('base64');
    const r = await t.gql(`mutation($id: ID!) { reparseDump(dumpId: $id) { __typename ... on Error { code message } ... on InvalidSegmentationError { rule } ... on ReparseDumpPayload { revisionNumber } } }`, { id });
    expect(r.errors).toBeUndefined();
    expect(r.data.reparseDump).toMatchObject({ __typename: 'InvalidSegmentationError', code: 'INVALID_SEGMENTATION', rule: 'SIZE' });
    expect(r.data.reparseDump.message).toContain(`at most ${segmentationLimits(text.length).fields}`);
    expect(await count('segmentation_revisions', `dump_id = ${row!.id}`)).toBe(1);
  });
});

describe('reading segment lists pays from the text budget', () => {
  const revisions = (aliases: number) =>
    `query($id: ID!) { ${Array.from({ length: aliases }, (_, i) => `a${i}: dump(id: $id) { revisions(first: 100) { edges { node { segments { kind start end fields { field start end } } } } } }`).join(' ')} }`;

  it('serves a big revision\'s spans to one alias, and refuses 20 aliases of it with LIMIT_EXCEEDED (anonymous)', async () => {
    // one main article of ~16,000 body lines: a real page's shape, under the SIZE limit
    const up = await uploadFile(t, `mutation($file: File!) { importDumpFile(file: $file) { ... on ImportBatchResult { items { result { __typename ... on ImportDumpPayload { dump { id } } } } } } }`, {}, 'big-revision.txt', new TextEncoder().encode(distinctLinesDump(2 * 1024 * 1024, 3)));
    const d = up.data.importDumpFile.items[0].result.dump;
    const one = await t.gql(revisions(1), { id: d.id }, { token: null });
    expect(one.errors).toBeUndefined();
    const fields = one.data.a0.revisions.edges[0].node.segments.reduce((n: number, s: { fields: unknown[] }) => n + s.fields.length, 0);
    expect(fields).toBeGreaterThan(15_000);
    expect(fields * 256).toBeLessThan(DEFAULT_LIMITS.maxTextBytes);
    // 20 aliases carry 20 times that: more than the budget allows, refused as their pages are loaded
    const many = await t.gql(revisions(20), { id: d.id }, { token: null });
    expect(many.errors?.[0]?.extensions?.code).toBe('LIMIT_EXCEEDED');
    expect(many.errors?.[0]?.message).toContain('exceeded by Dump.revisions');
  });
});

describe('a page of revisions pays for its segment lists as it is loaded', () => {
  // a budget of 4,000 list items, so the page's size decides, not the dump's
  const ITEMS = 4_000;
  let small: TestApp;
  beforeAll(async () => {
    small = await createTestApp({ limits: { ...DEFAULT_LIMITS, maxTextBytes: ITEMS * 256 } });
  });
  afterAll(async () => {
    await small?.close();
  });
  const PAGE = `query($id: ID!) { a0: dump(id: $id) { revisions(first: 100) { edges { node { number segments { kind start end fields { field start end } } } } } } }`;

  it('serves a page that fits whole (paid once, not again as it is built), and refuses one that does not at Dump.revisions, before any segment is resolved', async () => {
    const body = 'x '.repeat(6000);
    const text = flatDump('Field span stress page for the page budget', body);
    const imported = await small.gql(IMPORT, { i: { text, filename: 'page-budget.txt' } });
    const d = imported.data.importDump.dump;
    const start = text.indexOf(body);
    // each editor revision: one main segment of 1,500 one-character body spans (under the SIZE limit)
    const save = async (base: number) => {
      // each save differs from the one before (a save of the same segments stores nothing): its first span is one character longer
      const fields = Array.from({ length: 1_500 }, (_, i) => ({ field: 'body', start: start + 2 * i, end: start + 2 * i + 1 + (i === 0 ? base % 2 : 0) }));
      const r = await small.gql(REVISE, { input: { dumpId: d.id, baseRevision: base, segments: [{ kind: 'main', start: 0, end: text.length, fields }] } });
      expect(r.data.reviseSegmentation).toEqual({ __typename: 'ReviseSegmentationPayload', revisionNumber: base + 1 });
    };
    await save(1);
    await save(2);
    // three revisions, about 3,000 items: fits the budget once (charged twice it would not)
    const fits = await small.gql(PAGE, { id: d.id }, { token: null });
    expect(fits.errors).toBeUndefined();
    const items = fits.data.a0.revisions.edges.reduce((n: number, e: { node: { segments: { fields: unknown[] }[] } }) => n + e.node.segments.length + e.node.segments.reduce((m, s) => m + s.fields.length, 0), 0);
    expect(items).toBeGreaterThan(3_000);
    expect(items).toBeLessThan(ITEMS);
    // a fourth: the page is over the budget, though each revision alone fits; refused as the page is loaded
    await save(3);
    const over = await small.gql(PAGE, { id: d.id }, { token: null });
    expect(over.data?.a0).toBeNull();
    expect(over.errors).toHaveLength(1);
    expect(over.errors![0]!.extensions?.code).toBe('LIMIT_EXCEEDED');
    expect(over.errors![0]!.message).toContain('exceeded by Dump.revisions');
    expect((over.errors![0] as { path?: unknown }).path).toEqual(['a0', 'revisions']);
    // the segments alone (no field spans asked for) fit: spans are charged only when read
    const segmentsOnly = await small.gql(`query($id: ID!) { dump(id: $id) { revisions(first: 100) { edges { node { segments { kind } } } } } }`, { id: d.id }, { token: null });
    expect(segmentsOnly.errors).toBeUndefined();
    expect(segmentsOnly.data.dump.revisions.edges).toHaveLength(4);
  });
});
