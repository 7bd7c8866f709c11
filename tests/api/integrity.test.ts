/**
 * Editorial integrity through the API: a status change names the revision it applies to (a stale
 * one is refused and who approved which revision is recorded), warnings are a checklist that lives
 * across revisions (resolved by an edit covering the span, or dismissed with who/when/why), and
 * the editorial rules (one main article, a headline on every related block) are refused by name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { strayTextDump, type Seg } from '../helpers/dumps.ts';

const IMPORT = `mutation($input: ImportDumpInput!) { importDump(input: $input) { ... on ImportDumpPayload { dump { id confidence currentRevision { segments { kind start end fields { field start end } } } } } } }`;
const REVISE = `mutation($input: ReviseSegmentationInput!) {
  reviseSegmentation(input: $input) {
    __typename
    ... on Error { code message }
    ... on InvalidSegmentationError { rule reason index }
    ... on ReviseSegmentationPayload { revisionNumber dump { status confidence openWarningCount } }
  }
}`;
const STATUS = `mutation($input: SetDumpStatusInput!) {
  setDumpStatus(input: $input) { __typename ... on Dump { status } ... on Error { code message } ... on StaleRevisionError { baseRevision currentRevision } }
}`;
const CHECKLIST = `query($id: ID!) { dump(id: $id) { confidence openWarningCount currentRevision { confidence } warnings { code start end state resolvedInRevision resolvedBy dismissal { editor reason at } } } }`;
const DISMISS = `mutation($input: DismissWarningInput!) { dismissWarning(input: $input) { __typename ... on Dump { confidence openWarningCount } ... on Error { code message } } }`;

let t: TestApp;
const clone = (s: Seg[]): Seg[] => JSON.parse(JSON.stringify(s));

async function importDump(text: string): Promise<{ id: string; confidence: number; segments: Seg[] }> {
  const res = await t.gql(IMPORT, { input: { text } });
  const d = res.data.importDump.dump;
  return { id: d.id, confidence: d.confidence, segments: d.currentRevision.segments };
}

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('status changes name the revision they apply to', () => {
  it('refuses an approve of a revision that is no longer current, and records who approved which revision', async () => {
    const text = strayTextDump(' (a)');
    const d = await importDump(text);
    // editor A saves revision 2 (the last related block becomes boilerplate) while B still looks at revision 1
    const segs = clone(d.segments);
    const last = segs.filter((s) => s.kind === 'related').at(-1)!;
    segs[segs.indexOf(last)] = { kind: 'boilerplate', start: last.start, end: last.end, fields: [] };
    expect((await t.gql(REVISE, { input: { dumpId: d.id, baseRevision: 1, segments: segs } })).data.reviseSegmentation.revisionNumber).toBe(2);

    const before = await t.sql<{ n: string }>(`select count(*) as n from dump_status_changes`);
    const stale = (await t.gql(STATUS, { input: { dumpId: d.id, revision: 1, status: 'APPROVED' } })).data.setDumpStatus;
    expect(stale).toMatchObject({ __typename: 'StaleRevisionError', code: 'STALE_REVISION', baseRevision: 1, currentRevision: 2 });
    expect(stale.message).toContain('revision 2');
    const after = await t.sql<{ n: string }>(`select count(*) as n from dump_status_changes`);
    expect(after[0]!.n).toBe(before[0]!.n);
    const read = await t.gql(`query($id: ID!) { dump(id: $id) { status } }`, { id: d.id });
    expect(read.data.dump.status).toBe('IN_REVIEW');

    const ok = (await t.gql(STATUS, { input: { dumpId: d.id, revision: 2, status: 'APPROVED' } })).data.setDumpStatus;
    expect(ok).toEqual({ __typename: 'Dump', status: 'APPROVED' });
    const log = await t.gql(`query($id: ID!) { dump(id: $id) { statusChanges { revision status editor at } } }`, { id: d.id });
    expect(log.data.dump.statusChanges.map((c: any) => [c.revision, c.status, c.editor])).toEqual([
      [2, 'IN_REVIEW', 'editor'],
      [2, 'APPROVED', 'editor'],
    ]);
    expect(Number.isNaN(Date.parse(log.data.dump.statusChanges[1].at))).toBe(false);
  });

  it('every status change needs the revision, and an approval in a save records the saved revision', async () => {
    const d = await importDump(strayTextDump(' (b)'));
    const missing = await t.gql(STATUS, { input: { dumpId: d.id, status: 'IN_REVIEW' } });
    expect(missing.errors?.[0]?.message).toMatch(/revision/);
    const res = await t.gql(REVISE, { input: { dumpId: d.id, baseRevision: 1, segments: d.segments, approve: true } });
    expect(res.data.reviseSegmentation.dump.status).toBe('APPROVED');
    const log = await t.gql(`query($id: ID!) { dump(id: $id) { statusChanges { revision status editor } } }`, { id: d.id });
    expect(log.data.dump.statusChanges).toEqual([{ revision: 2, status: 'APPROVED', editor: 'editor' }]);
  });
});

describe('warnings are a checklist across revisions', () => {
  let d: { id: string; confidence: number; segments: Seg[] };
  let parserWarnings: { code: string; start: number; end: number }[];

  beforeAll(async () => {
    d = await importDump(strayTextDump());
    parserWarnings = (await t.gql(CHECKLIST, { id: d.id })).data.dump.warnings;
  });

  it('a partial save resolves only the warning it covers, keeps the others open and the confidence they imply', async () => {
    expect(parserWarnings.map((w) => w.code)).toEqual(['UNATTRIBUTED_TEXT', 'UNATTRIBUTED_TEXT', 'UNATTRIBUTED_TEXT']);
    expect(d.confidence).toBeLessThan(0.9);
    // the editor relabels the first stray line as boilerplate (a split around it)
    const w = parserWarnings[0]!;
    const segs = clone(d.segments);
    const i = segs.findIndex((s) => s.start <= w.start && w.end <= s.end);
    const s = segs[i]!;
    expect(s).toMatchObject({ kind: 'residue', fields: [] });
    const pieces: Seg[] = [
      ...(s.start < w.start ? [{ kind: 'residue', start: s.start, end: w.start, fields: [] }] : []),
      { kind: 'boilerplate', start: w.start, end: w.end, fields: [] },
      ...(w.end < s.end ? [{ kind: 'residue', start: w.end, end: s.end, fields: [] }] : []),
    ];
    segs.splice(i, 1, ...pieces);
    const res = (await t.gql(REVISE, { input: { dumpId: d.id, baseRevision: 1, segments: segs } })).data.reviseSegmentation;
    expect(res.__typename).toBe('ReviseSegmentationPayload');
    expect(res.dump.openWarningCount).toBe(2);
    expect(res.dump.confidence).toBeLessThan(1);
    expect(res.dump.confidence).toBeGreaterThan(d.confidence);

    const list = (await t.gql(CHECKLIST, { id: d.id })).data.dump;
    expect(list.warnings.map((x: any) => [x.start, x.state, x.resolvedInRevision, x.resolvedBy])).toEqual([
      [parserWarnings[0]!.start, 'RESOLVED', 2, 'editor'],
      [parserWarnings[1]!.start, 'OPEN', null, null],
      [parserWarnings[2]!.start, 'OPEN', null, null],
    ]);
    expect(list.currentRevision.confidence).toBe(list.confidence);
  });

  it('an editor dismisses a warning with a reason (who, when, why); the confidence rises and the dismissal outlives later saves', async () => {
    const w = parserWarnings[1]!;
    const empty = (await t.gql(DISMISS, { input: { dumpId: d.id, code: w.code, start: w.start, end: w.end, reason: '  ' } })).data.dismissWarning;
    expect(empty.code).toBe('INVALID_INPUT');
    const unknown = (await t.gql(DISMISS, { input: { dumpId: d.id, code: w.code, start: w.start + 1, end: w.end, reason: 'fine' } })).data.dismissWarning;
    expect(unknown.code).toBe('NOT_FOUND');
    const resolved = parserWarnings[0]!;
    expect((await t.gql(DISMISS, { input: { dumpId: d.id, code: resolved.code, start: resolved.start, end: resolved.end, reason: 'x' } })).data.dismissWarning.code).toBe('NOT_FOUND');
    const anonymous = await t.gql(DISMISS, { input: { dumpId: d.id, code: w.code, start: w.start, end: w.end, reason: 'a caption' } }, { token: null });
    expect(anonymous.data.dismissWarning.code).toBe('UNAUTHENTICATED');

    const before = (await t.gql(CHECKLIST, { id: d.id })).data.dump.confidence;
    const ok = (await t.gql(DISMISS, { input: { dumpId: d.id, code: w.code, start: w.start, end: w.end, reason: 'a photo caption, nothing lost' } })).data.dismissWarning;
    expect(ok.__typename).toBe('Dump');
    expect(ok.openWarningCount).toBe(1);
    expect(ok.confidence).toBeGreaterThan(before);

    // another save elsewhere (the line the first save made boilerplate becomes residue again) keeps both the resolution and the dismissal
    // (a save of the same segments stores nothing: it must change something)
    const segs = (await t.gql(`query($id: ID!) { dump(id: $id) { currentRevision { segments { kind start end fields { field start end } } } } }`, { id: d.id })).data.dump.currentRevision.segments as Seg[];
    const marked = segs.find((s) => s.kind === 'boilerplate' && s.start === parserWarnings[0]!.start)!;
    marked.kind = 'residue';
    const res = (await t.gql(REVISE, { input: { dumpId: d.id, baseRevision: 2, segments: segs } })).data.reviseSegmentation;
    expect(res.revisionNumber).toBe(3);
    expect(res.dump.openWarningCount).toBe(1);
    const list = (await t.gql(CHECKLIST, { id: d.id })).data.dump;
    expect(list.warnings.map((x: any) => x.state)).toEqual(['RESOLVED', 'DISMISSED', 'OPEN']);
    expect(list.warnings[1].dismissal).toMatchObject({ editor: 'editor', reason: 'a photo caption, nothing lost' });
    expect(list.confidence).toBe(ok.confidence);
  });
});

describe('dismissals outlive a new parse', () => {
  it('a re-parse that becomes current keeps the dismissal and the confidence it implies', async () => {
    const d = await importDump(strayTextDump(' (reparse)'));
    const w = (await t.gql(CHECKLIST, { id: d.id })).data.dump.warnings[0];
    const dismissed = (await t.gql(DISMISS, { input: { dumpId: d.id, code: w.code, start: w.start, end: w.end, reason: 'fine' } })).data.dismissWarning;
    expect(dismissed.confidence).toBeGreaterThan(d.confidence);
    await t.sql(`update segmentation_revisions set parser_version = '0.0.1' where author = 'parser'`);
    const r = await t.gql(`mutation($id: ID!) { reparseDump(dumpId: $id) { ... on ReparseDumpPayload { becameCurrent dump { confidence openWarningCount } } } }`, { id: d.id });
    expect(r.data.reparseDump).toEqual({ becameCurrent: true, dump: { confidence: dismissed.confidence, openWarningCount: 2 } });
  });
});

describe('the checklist on a page of dumps', () => {
  it('loads the warnings of every dump on a page with two statements, not two per dump', async () => {
    t.queries.length = 0;
    const res = await t.gql(`{ dumps(first: 20, orderBy: CONFIDENCE_ASC) { edges { node { openWarningCount warnings { state } } } } }`);
    expect(res.errors).toBeUndefined();
    const nodes = res.data.dumps.edges.map((e: any) => e.node);
    expect(nodes.length).toBeGreaterThan(2);
    expect(nodes.some((n: any) => n.openWarningCount > 0)).toBe(true);
    for (const n of nodes) expect(n.openWarningCount).toBe(n.warnings.filter((w: any) => w.state === 'OPEN').length);
    expect(t.queries.filter((q) => q.includes('"warning_dismissals"')).length).toBe(1);
  });
});

describe('editorial rules', () => {
  it('refuses two main articles and a related block without a headline, naming the rule, writing nothing', async () => {
    const d = await importDump(strayTextDump(' (c)'));
    const twoMains = clone(d.segments);
    const related = twoMains.find((s) => s.kind === 'related')!;
    related.kind = 'main';
    const res = (await t.gql(REVISE, { input: { dumpId: d.id, baseRevision: 1, segments: twoMains } })).data.reviseSegmentation;
    expect(res).toMatchObject({ __typename: 'InvalidSegmentationError', code: 'INVALID_SEGMENTATION', rule: 'ONE_MAIN', index: twoMains.indexOf(related) });
    expect(res.message).toContain('ONE_MAIN');

    const noHeadline = clone(d.segments);
    const r = noHeadline.find((s) => s.kind === 'related')!;
    r.fields = r.fields.filter((f) => f.field !== 'headline');
    const res2 = (await t.gql(REVISE, { input: { dumpId: d.id, baseRevision: 1, segments: noHeadline } })).data.reviseSegmentation;
    expect(res2).toMatchObject({ __typename: 'InvalidSegmentationError', rule: 'RELATED_HEADLINE', index: noHeadline.indexOf(r) });
    const revs = await t.gql(`query($id: ID!) { dump(id: $id) { currentRevisionNumber revisions { totalCount } } }`, { id: d.id });
    expect(revs.data.dump).toEqual({ currentRevisionNumber: 1, revisions: { totalCount: 1 } });
  });
});
