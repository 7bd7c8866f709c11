import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { REFERENCE_DUMP, SHARED_DUMPS } from '../helpers/paths.ts';
import type { Seg } from '../helpers/dumps.ts';

const text = readFileSync(join(SHARED_DUMPS, `${REFERENCE_DUMP}.txt`), 'utf8');

const REVISE = /* GraphQL */ `
  mutation($input: ReviseSegmentationInput!) {
    reviseSegmentation(input: $input) {
      __typename
      ... on Error { code message }
      ... on StaleRevisionError { baseRevision currentRevision }
      ... on InvalidSegmentationError { reason index start end field }
      ... on ReviseSegmentationPayload { revisionNumber unchanged dump { status currentRevisionNumber } articles { headline body } }
    }
  }
`;

let t: TestApp;
let dumpId: string;
let parserSegments: Seg[];

beforeAll(async () => {
  t = await createTestApp();
  const res = await t.gql(`mutation($input: ImportDumpInput!) { importDump(input: $input) { ... on ImportDumpPayload { dump { id currentRevision { segments { kind start end fields { field start end } } } } } } }`, {
    input: { text },
  });
  dumpId = res.data.importDump.dump.id;
  parserSegments = res.data.importDump.dump.currentRevision.segments;
});
afterAll(async () => {
  await t?.close();
});

const clone = (s: Seg[]): Seg[] => JSON.parse(JSON.stringify(s));
const count = async (table: string) => Number((await t.sql<{ n: string }>(`select count(*) as n from ${table}`))[0]!.n);

describe('reviseSegmentation', () => {
  it('saves a fix as revision 2, re-derives the articles, and keeps the parser revision', async () => {
    const segs = clone(parserSegments);
    const main = segs.find((s) => s.kind === 'main')!;
    const bodies = main.fields.filter((f) => f.field === 'body');
    const body = bodies.at(-1)!;
    // move the end of the main body up by one line
    const lastNl = text.lastIndexOf('\n', body.end - 2);
    let droppedLine: string;
    if (lastNl > body.start) {
      droppedLine = text.slice(lastNl + 1, body.end).trim();
      body.end = lastNl;
    } else {
      droppedLine = text.slice(body.start, body.end).trim();
      main.fields = main.fields.filter((f) => f !== body);
    }
    expect(bodies.length > 1 || lastNl > body.start).toBe(true);
    const lastBodyEnd = Math.max(...main.fields.filter((f) => f.field === 'body').map((f) => f.end));
    main.fields = main.fields.filter((f) => f.field !== 'subhead' || f.end <= lastBodyEnd);

    await t.drain();
    const res = await t.gql(REVISE, { input: { dumpId, baseRevision: 1, segments: segs } });
    expect(res.errors).toBeUndefined();
    const r = res.data.reviseSegmentation;
    expect(r.__typename).toBe('ReviseSegmentationPayload');
    expect(r.revisionNumber).toBe(2);
    expect(r.unchanged).toBe(false);
    expect(r.dump).toEqual({ status: 'IN_REVIEW', currentRevisionNumber: 2 });
    expect(r.articles[0].body).not.toContain(droppedLine);
    expect(r.articles[0].body.length).toBeGreaterThan(100);

    const read = await t.gql(`query($id: ID!) { dump(id: $id) { revisions { totalCount edges { node { number author baseNumber } } } appearances { article { body } } } }`, { id: dumpId });
    expect(read.data.dump.revisions.totalCount).toBe(2);
    expect(read.data.dump.revisions.edges.map((e: any) => e.node)).toEqual([
      { number: 1, author: 'parser', baseNumber: null },
      { number: 2, author: 'editor', baseNumber: 1 },
    ]);
    expect(read.data.dump.appearances[0].article.body).not.toContain(droppedLine);

    // topics and similarity edges: the save queued the dump's enrichment job (one policy with imports)
    const queued = await t.gql(`{ enrichment { queued } }`);
    expect(queued.data.enrichment.queued).toBe(1);
    expect(await t.drain()).toBe(1);
    const topics = await t.gql(`query($id: ID!) { dump(id: $id) { appearances { article { enrichedAt topics { topic { name } } } } } }`, { id: dumpId });
    const mainArticle = topics.data.dump.appearances[0].article;
    expect(mainArticle.enrichedAt).not.toBeNull();
    expect(mainArticle.topics.map((x: any) => x.topic.name)).toContain('Vladimir Putin');
  });

  it('refuses a save on a stale base revision with a conflict naming both revisions, writing nothing', async () => {
    const before = await count('segmentation_revisions');
    const res = await t.gql(REVISE, { input: { dumpId, baseRevision: 1, segments: parserSegments } });
    expect(res.data.reviseSegmentation).toMatchObject({ __typename: 'StaleRevisionError', code: 'STALE_REVISION', baseRevision: 1, currentRevision: 2 });
    expect(await count('segmentation_revisions')).toBe(before);
  });

  it('refuses segments that are not a partition of the text', async () => {
    const segs = clone(parserSegments);
    segs[1]!.start += 1; // a gap of one character
    const res = await t.gql(REVISE, { input: { dumpId, baseRevision: 2, segments: segs } });
    expect(res.data.reviseSegmentation).toMatchObject({ __typename: 'InvalidSegmentationError', code: 'INVALID_SEGMENTATION', index: 1 });
    const short = await t.gql(REVISE, { input: { dumpId, baseRevision: 2, segments: segs.slice(0, -1).map((s, i) => (i === 1 ? { ...s, start: s.start - 1 } : s)) } });
    expect(short.data.reviseSegmentation.code).toBe('INVALID_SEGMENTATION');
    expect(await count('segmentation_revisions')).toBe(2);
  });

  it('names the field span at fault, and gives offsets as "a to b"', async () => {
    const segs = clone(parserSegments);
    const main = segs.find((s) => s.kind === 'main')!;
    const byline = main.fields.find((f) => f.field !== 'subhead')!;
    // a field span past its segment's end
    const bad = { ...byline, end: main.end + 5 };
    main.fields = main.fields.map((f) => (f === byline ? bad : f));
    const r = (await t.gql(REVISE, { input: { dumpId, baseRevision: 2, segments: segs } })).data.reviseSegmentation;
    expect(r).toMatchObject({ __typename: 'InvalidSegmentationError', field: byline.field, start: bad.start, end: bad.end });
    expect(r.message).toContain(`${byline.field} span`);
    expect(r.message).toContain(`offsets ${bad.start} to ${bad.end}`);
    expect(r.message).not.toMatch(/\d-\d/);
    // a segment's own problem names no field
    const gap = clone(parserSegments);
    gap[1]!.start += 1;
    const g = (await t.gql(REVISE, { input: { dumpId, baseRevision: 2, segments: gap } })).data.reviseSegmentation;
    expect(g).toMatchObject({ __typename: 'InvalidSegmentationError', field: null });
    expect(g.message).toContain(`text ${gap[0]!.end} to ${gap[1]!.start} belongs to none`);
    expect(g.message).not.toMatch(/\d-\d/);
  });

  it('splits a related block in two and relabels a part as boilerplate', async () => {
    const segs = clone(parserSegments);
    const lastRelated = segs.filter((s) => s.kind === 'related').at(-1)!;
    const idx = segs.indexOf(lastRelated);
    const articlesBefore = segs.filter((s) => s.kind === 'related').length;
    // everything of the last related block becomes boilerplate
    segs[idx] = { kind: 'boilerplate', start: lastRelated.start, end: lastRelated.end, fields: [] };
    const res = await t.gql(REVISE, { input: { dumpId, baseRevision: 2, segments: segs, approve: true } });
    const r = res.data.reviseSegmentation;
    expect(r.__typename).toBe('ReviseSegmentationPayload');
    expect(r.revisionNumber).toBe(3);
    expect(r.dump.status).toBe('APPROVED');
    expect(r.articles).toHaveLength(articlesBefore); // main + one fewer related
  });

  it('stores nothing for a save identical to the current editor revision, and says so', async () => {
    const current = await t.gql(`query($id: ID!) { dump(id: $id) { currentRevision { number segments { kind start end fields { field start end } } } } }`, { id: dumpId });
    const rev = current.data.dump.currentRevision;
    expect(rev.number).toBe(3);
    const [revisions, audits, statuses] = [await count('segmentation_revisions'), await count('audit_log'), await count('dump_status_changes')];
    for (let i = 0; i < 2; i++) {
      const res = await t.gql(REVISE, { input: { dumpId, baseRevision: 3, segments: rev.segments } });
      const r = res.data.reviseSegmentation;
      expect(r).toMatchObject({ __typename: 'ReviseSegmentationPayload', revisionNumber: 3, unchanged: true, dump: { status: 'APPROVED', currentRevisionNumber: 3 } });
      expect(r.articles.length).toBeGreaterThan(0);
    }
    // the same segments in the order a client may send fields in: still the same revision
    const shuffled = clone(rev.segments).map((s) => ({ ...s, fields: [...s.fields].reverse() }));
    expect((await t.gql(REVISE, { input: { dumpId, baseRevision: 3, segments: shuffled, approve: true } })).data.reviseSegmentation).toMatchObject({ revisionNumber: 3, unchanged: true });
    expect([await count('segmentation_revisions'), await count('audit_log'), await count('dump_status_changes')]).toEqual([revisions, audits, statuses]);
  });

  it('needs an editor token', async () => {
    const res = await t.gql(REVISE, { input: { dumpId, baseRevision: 3, segments: parserSegments } }, { token: null });
    expect(res.data.reviseSegmentation.code).toBe('UNAUTHENTICATED');
  });

  it('moves a dump through review with setDumpStatus and counts it', async () => {
    const res = await t.gql(`mutation($input: SetDumpStatusInput!) { setDumpStatus(input: $input) { __typename ... on Dump { status } ... on Error { code } } }`, {
      input: { dumpId, revision: 3, status: 'IN_REVIEW' },
    });
    expect(res.data.setDumpStatus).toEqual({ __typename: 'Dump', status: 'IN_REVIEW' });
    const counts = await t.gql(`{ reviewCounts { new inReview approved total } dumps(filter: { status: IN_REVIEW }, orderBy: CONFIDENCE_ASC) { totalCount } }`);
    expect(counts.data.reviewCounts).toEqual({ new: 0, inReview: 1, approved: 0, total: 1 });
    expect(counts.data.dumps.totalCount).toBe(1);
    const none = await t.gql(`{ dumps(filter: { status: APPROVED }) { totalCount edges { node { id } } } }`);
    expect(none.data.dumps).toEqual({ totalCount: 0, edges: [] });
  });

  it('approves with an unchanged save: the status changes, no revision is stored', async () => {
    const current = await t.gql(`query($id: ID!) { dump(id: $id) { status currentRevision { number segments { kind start end fields { field start end } } } } }`, { id: dumpId });
    expect(current.data.dump.status).toBe('IN_REVIEW');
    const [revisions, statuses] = [await count('segmentation_revisions'), await count('dump_status_changes')];
    const r = (await t.gql(REVISE, { input: { dumpId, baseRevision: 3, segments: current.data.dump.currentRevision.segments, approve: true } })).data.reviseSegmentation;
    expect(r).toMatchObject({ revisionNumber: 3, unchanged: true, dump: { status: 'APPROVED', currentRevisionNumber: 3 } });
    expect([await count('segmentation_revisions'), await count('dump_status_changes')]).toEqual([revisions, statuses + 1]);
  });

  it('filters dumps by the outlets of their articles', async () => {
    const res = await t.gql(`{ a: dumps(filter: { source: "nikkei asia" }) { totalCount } b: dumps(filter: { source: "Nobody Times" }) { totalCount } c: dumps(filter: { source: "NIKKEI" }) { totalCount } d: dumps(filter: { source: "kei as" }) { totalCount } e: dumps(filter: { source: "%" }) { totalCount } }`);
    expect(res.data.a.totalCount).toBe(1);
    expect(res.data.b.totalCount).toBe(0);
    // part of the name matches too; LIKE wildcards are taken literally
    expect(res.data.c.totalCount).toBe(1);
    expect(res.data.d.totalCount).toBe(1);
    expect(res.data.e.totalCount).toBe(0);
  });

  it('re-parses without ever replacing an editor\'s revision', async () => {
    const REPARSE = `mutation($id: ID!) { reparseDump(dumpId: $id) { __typename ... on ReparseDumpPayload { revisionNumber becameCurrent dump { currentRevisionNumber } } ... on Error { code } } }`;
    // the same parser version: nothing to do
    expect((await t.gql(REPARSE, { id: dumpId })).data.reparseDump).toMatchObject({ revisionNumber: null, becameCurrent: false });
    // an older parser made revision 1: the new parse is stored, the editor's revision 3 stays current
    await t.sql(`update segmentation_revisions set parser_version = '0.9.0' where number = 1`);
    const r = (await t.gql(REPARSE, { id: dumpId })).data.reparseDump;
    expect(r).toEqual({ __typename: 'ReparseDumpPayload', revisionNumber: 4, becameCurrent: false, dump: { currentRevisionNumber: 3 } });
    const rows = await t.sql<{ number: number; author: string; base_number: number }>(`select number, author, base_number from segmentation_revisions order by number`);
    expect(rows.map((x) => [x.number, x.author])).toEqual([[1, 'parser'], [2, 'editor'], [3, 'editor'], [4, 'parser']]);
  });

  it('makes a new parse current when the parser\'s revision is current', async () => {
    const res = await t.gql(`mutation($input: ImportDumpInput!) { importDump(input: $input) { ... on ImportDumpPayload { dump { id } } } }`, { input: { text: text.replace('Peace breakthrough', 'Peace talks') } });
    const id = res.data.importDump.dump.id;
    await t.sql(`update segmentation_revisions set parser_version = '0.9.0' where author = 'parser'`);
    const r = await t.gql(`mutation($id: ID!) { reparseDump(dumpId: $id) { ... on ReparseDumpPayload { revisionNumber becameCurrent dump { currentRevisionNumber appearances { role } } } } }`, { id });
    expect(r.data.reparseDump).toMatchObject({ revisionNumber: 2, becameCurrent: true, dump: { currentRevisionNumber: 2 } });
    expect(r.data.reparseDump.dump.appearances).toHaveLength(4);
  });
});
