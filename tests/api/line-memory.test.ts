/** The line memory: counted per story on import, applied by the parser, listed and vetoed through GraphQL. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { flatDump, logoDump, relatedBlock } from '../helpers/dumps.ts';

/** the outlet's own line under each story: no prompt cue, so the built-in kind rules keep it as body and only the memory can take it */
const PROMO = 'Harbour Post is printed at the Quayside works on Mill Lane, Calder Bay.';
const TOWNS = ['Ashby', 'Brightwater', 'Calder', 'Dunmore', 'Eastleigh', 'Fernhill', 'Glenrock', 'Holloway'];
const THINGS = ['library', 'bridge', 'market hall', 'swimming pool', 'bus depot', 'town square', 'fire station', 'harbour wall'];

/** A local story of its own (no line shared with another story), ending with the outlet's promo. */
const story = (i: number, promo = PROMO) => [
  `${TOWNS[i]} councillors voted on Tuesday to rebuild the ${THINGS[i]}, which has stood closed since a storm damaged its roof and west wall last winter.`,
  `Work on the ${THINGS[i]} in ${TOWNS[i]} is due to begin in ${3 + i} weeks.`,
  promo,
];

/** A wire story: the same paragraphs (short closing line included) run by many outlets under their own headlines. */
const WIRE = [
  'Rescue teams reached the flooded valley villages on Wednesday after the river burst its banks overnight, forcing hundreds of families onto upper floors and rooftops.',
  'Officials said the water had begun to fall by midday but warned that more rain was expected over the weekend across the northern hills.',
  'Schools in the valley will stay closed until Friday.',
  'The regional authority did not respond to a request for comment.',
];
const WIRE_OUTLETS = ['Harbour Post', 'Valley Times', 'The Northern Star', 'Daily Ledger', 'Morning Courier'];

const IMPORT = /* GraphQL */ `
  mutation($input: ImportDumpInput!) {
    importDump(input: $input) {
      __typename
      ... on ImportDumpPayload {
        dump { id currentRevision { segments { kind fields { field start end rule reason } } } }
        articles { headline body }
      }
      ... on Error { code message }
    }
  }
`;
const REPEATED = /* GraphQL */ `
  query($source: String, $first: Int) { repeatedLines(source: $source, first: $first) { key text stories sources boilerplate vetoed vetoedBy } }
`;

let t: TestApp;
const imported: { id: string; text: string; body: string; learned: { text: string; rule: string; reason: string }[] }[] = [];

async function importText(text: string, extra: Record<string, unknown> = {}) {
  const res = await t.gql(IMPORT, { input: { text, ...extra } });
  expect(res.errors).toBeUndefined();
  const p = res.data.importDump;
  expect(p.__typename).toBe('ImportDumpPayload');
  const learned = (p.dump?.currentRevision.segments ?? []).flatMap((s: any) =>
    s.fields.filter((f: any) => f.rule).map((f: any) => ({ text: text.slice(f.start, f.end), rule: f.rule, reason: f.reason })),
  );
  return { id: p.dump?.id, text, body: p.articles[0]?.body ?? '', learned };
}

beforeAll(async () => {
  t = await createTestApp();
  for (let i = 0; i < 4; i++) imported.push(await importText(logoDump('Harbour Post', `${TOWNS[i]} to rebuild its ${THINGS[i]}`, story(i))));
});
afterAll(async () => {
  await t?.close();
});

describe('line memory on import', () => {
  it('marks a promo once it was seen in 3 stories, naming the memory and the count', () => {
    expect(imported[0]!.body).toContain(PROMO);
    expect(imported[1]!.body).toContain(PROMO);
    expect(imported[2]!.learned).toEqual([{ text: PROMO, rule: 'line-memory', reason: 'repeated in 3 articles' }]);
    expect(imported[2]!.body).not.toContain(PROMO);
    expect(imported[3]!.learned).toEqual([{ text: PROMO, rule: 'line-memory', reason: 'repeated in 4 articles' }]);
    // the story's own lines stay article text
    expect(imported[3]!.body).toContain(`${TOWNS[3]} councillors voted`);
  });

  it('lists the most repeated lines, overall and per source', async () => {
    const all = await t.gql(REPEATED, { first: 5 });
    expect(all.errors).toBeUndefined();
    expect(all.data.repeatedLines[0]).toMatchObject({ text: PROMO, stories: 4, sources: 1, boilerplate: true, vetoed: false });
    const bySource = await t.gql(REPEATED, { source: 'harbour  POST', first: 5 });
    expect(bySource.data.repeatedLines[0]).toMatchObject({ text: PROMO, stories: 4 });
    const other = await t.gql(REPEATED, { source: 'Valley Times', first: 5 });
    expect(other.data.repeatedLines).toEqual([]);
  });

  it('counts the same story once, however many pages show it', async () => {
    // the same related block on four pages, each page with a main story of its own
    const PIER = 'The pier reopened on Thursday after repairs to its deck.';
    const block = relatedBlock('Harbour Post', '2 hours ago', 'Pier reopens after repairs', PIER);
    const pages = [];
    for (let i = 0; i < 4; i++) pages.push(await importText(flatDump(`${TOWNS[i]} regatta draws a crowd`, `The ${TOWNS[i]} regatta drew ${i + 2} thousand visitors to the bay on Saturday.`, block)));
    const rows = await t.sql<{ stories: number }>(`select stories from line_memory where text = '${PIER}'`);
    expect(rows.map((r) => Number(r.stories))).toEqual([1]);
    for (const p of pages) expect(p.learned).toEqual([]);
  });

  it('never turns a syndicated story into boilerplate', async () => {
    const copies = [];
    for (const [i, outlet] of WIRE_OUTLETS.entries()) {
      // each outlet its own headline; one copy drops the closing line (a near-duplicate)
      const lines = i === 2 ? WIRE.slice(0, 3) : WIRE;
      copies.push(await importText(logoDump(outlet, `Floods: ${['rescue under way', 'valley cut off', 'families on rooftops', 'rain to return', 'schools shut'][i]}`, lines)));
    }
    for (const c of copies) {
      expect(c.learned).toEqual([]);
      expect(c.body).toContain('Schools in the valley will stay closed until Friday.');
    }
    expect(copies.at(-1)!.body).toContain('The regional authority did not respond to a request for comment.');
    const rows = await t.sql<{ text: string; stories: number; sources: number }>(`select text, stories, sources from line_memory where text like 'Schools in the valley%' or text like 'The regional authority%'`);
    expect(rows.length).toBe(2);
    for (const r of rows) expect(Number(r.stories)).toBe(1);
    expect(Math.max(...rows.map((r) => Number(r.sources)))).toBe(WIRE_OUTLETS.length);
  });

  it('writes nothing on a dry run', async () => {
    const before = await t.sql<{ n: string }>(`select count(*) as n from line_sightings`);
    const res = await t.gql(`mutation($input: ImportDumpInput!) { importDump(input: $input, dryRun: true) { ... on ImportDumpPayload { dryRun } } }`, {
      input: { text: logoDump('Harbour Post', 'Dry run story', story(7)) },
    });
    expect(res.data.importDump.dryRun).toBe(true);
    const after = await t.sql<{ n: string }>(`select count(*) as n from line_sightings`);
    expect(after[0]!.n).toBe(before[0]!.n);
  });
});

describe('vetoing a learned line', () => {
  it('needs an editor token', async () => {
    const key = (await t.gql(REPEATED, { first: 1 })).data.repeatedLines[0].key;
    const res = await t.gql(`mutation($input: VetoRememberedLineInput!) { vetoRememberedLine(input: $input) { __typename ... on Error { code } } }`, { input: { key } }, { token: null });
    expect(res.data.vetoRememberedLine).toEqual({ __typename: 'UnauthenticatedError', code: 'UNAUTHENTICATED' });
  });

  it('is stored, and the parser never applies a vetoed line again', async () => {
    const key = (await t.gql(REPEATED, { first: 1 })).data.repeatedLines[0].key;
    const res = await t.gql(`mutation($input: VetoRememberedLineInput!) { vetoRememberedLine(input: $input) { __typename ... on RememberedLine { text vetoed vetoedBy boilerplate } } }`, { input: { key } });
    expect(res.data.vetoRememberedLine).toEqual({ __typename: 'RememberedLine', text: PROMO, vetoed: true, vetoedBy: 'editor', boilerplate: false });
    const next = await importText(logoDump('Harbour Post', `${TOWNS[5]} to rebuild its ${THINGS[5]}`, story(5)));
    expect(next.learned).toEqual([]);
    expect(next.body).toContain(PROMO);
    const unknown = await t.gql(`mutation($input: VetoRememberedLineInput!) { vetoRememberedLine(input: $input) { __typename ... on Error { code } } }`, { input: { key: 'l:nope' } });
    expect(unknown.data.vetoRememberedLine.code).toBe('NOT_FOUND');
  });

  it('lifting the veto lets a re-parse apply the memory to a stored dump', async () => {
    const key = (await t.gql(REPEATED, { first: 1 })).data.repeatedLines[0].key;
    await t.gql(`mutation($input: VetoRememberedLineInput!) { vetoRememberedLine(input: $input) { __typename } }`, { input: { key, vetoed: false } });
    const res = await t.gql(`mutation($id: ID!) { reparseDump(dumpId: $id) { ... on ReparseDumpPayload { revisionNumber becameCurrent dump { appearances { article { body } } } } } }`, { id: imported[0]!.id });
    expect(res.data.reparseDump.revisionNumber).toBe(2);
    expect(res.data.reparseDump.becameCurrent).toBe(true);
    expect(res.data.reparseDump.dump.appearances[0].article.body).not.toContain(PROMO);
    // the same inputs again: nothing new to store
    const again = await t.gql(`mutation($id: ID!) { reparseDump(dumpId: $id) { ... on ReparseDumpPayload { revisionNumber } } }`, { id: imported[0]!.id });
    expect(again.data.reparseDump.revisionNumber).toBeNull();
  });
});
