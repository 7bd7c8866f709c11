/** The drift report: per source, how often editors changed the parser's output, by kind. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { logoDump, type Seg } from '../helpers/dumps.ts';

const PROMO = 'Harbour Post is printed at the Quayside works on Mill Lane, Calder Bay.';
const lines = (place: string) => [
  `${place} opened its new library on Monday after a two-year build that cost the town two million pounds.`,
  'A Quiet Reading Room',
  `The ${place} reading room seats forty and stays open until nine on weekdays, the council said on Monday evening.`,
  PROMO,
];

let t: TestApp;

async function importAndRead(text: string): Promise<{ id: string; segments: Seg[] }> {
  const res = await t.gql(`mutation($input: ImportDumpInput!) { importDump(input: $input) { ... on ImportDumpPayload { dump { id currentRevision { segments { kind start end fields { field start end } } } } } } }`, { input: { text } });
  const d = res.data.importDump.dump;
  return { id: d.id, segments: d.currentRevision.segments };
}
async function revise(id: string, segments: Seg[]) {
  const res = await t.gql(`mutation($input: ReviseSegmentationInput!) { reviseSegmentation(input: $input) { __typename ... on Error { message } } }`, { input: { dumpId: id, baseRevision: 1, segments } });
  expect(res.data.reviseSegmentation).toEqual({ __typename: 'ReviseSegmentationPayload' });
}

beforeAll(async () => {
  t = await createTestApp();
  // an editor marks the podcast promo as publisher boilerplate in a Harbour Post dump
  const hpText = logoDump('Harbour Post', 'Ashby opens a library', lines('Ashby'));
  const hp = await importAndRead(hpText);
  const hpMain = hp.segments.find((s) => s.kind === 'main')!;
  const promo = hpMain.fields.find((f) => f.field === 'body' && hpText.slice(f.start, f.end) === PROMO)!;
  promo.field = 'noise';
  await revise(hp.id, hp.segments);
  // another Harbour Post dump nobody edited
  await importAndRead(logoDump('Harbour Post', 'Calder opens a library', lines('Calder')));
  // an editor marks a subhead the parser missed in a Valley Times dump
  const vtText = logoDump('Valley Times', 'Brightwater opens a library', lines('Brightwater').slice(0, 3).map((l, i) => (i === 1 ? 'and the quiet reading room' : l)));
  const vt = await importAndRead(vtText);
  const vtMain = vt.segments.find((s) => s.kind === 'main')!;
  const second = vtMain.fields.filter((f) => f.field === 'body')[1]!;
  expect(vtMain.fields.some((f) => f.field === 'subhead')).toBe(false);
  vtMain.fields.push({ field: 'subhead', start: second.start, end: second.end });
  await revise(vt.id, vt.segments);
});
afterAll(async () => {
  await t?.close();
});

describe('driftReport', () => {
  it('counts, per source and kind, the articles editors changed', async () => {
    const res = await t.gql(`{ driftReport { source dumps articles changed kinds { kind count } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.driftReport).toEqual([
      { source: 'Harbour Post', dumps: 1, articles: 1, changed: 1, kinds: [{ kind: 'BODY_END', count: 1 }, { kind: 'BOILERPLATE', count: 1 }] },
      { source: 'Valley Times', dumps: 1, articles: 1, changed: 1, kinds: [{ kind: 'SUBHEAD', count: 1 }] },
    ]);
  });
});
