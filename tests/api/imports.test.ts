import { gzipSync, zipSync, strToU8 } from 'fflate';
import { createTar } from 'nanotar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, uploadFile, type TestApp } from '../helpers/app.ts';

/** a small dump in the flat layout, written for this test */
const dump = (n: number, related = true) =>
  `\nCouncil story number ${n} about the tram line\nBy Test Writer ${n}\nThe council discussed the tram line extension for the ${n}th time on Tuesday evening.\nResidents asked for a timetable.\nHashtags\n\nTry Our AI Features\nExplore what Daily8 AI can do for you:\nComments\nNo comments yet...\nRelated Articles\n` +
  (related ? `\n\nCity Wire\n3 hours ago\n- City Wire\nTram depot opens its doors to visitors\nThe tram depot will open to visitors on Saturday, the operator said in a statement on Monday.\n` : '');

const RESULT = /* GraphQL */ `
  total created unchanged failed
  changes { dumpsCreated articlesCreated articlesExisting appearancesAdded edgesAdded }
  items { index filename result { __typename ... on Error { code message } ... on ImportDumpPayload { created dryRun preview { role headline } } } }
`;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ maxDumpBytes: 64 * 1024 });
});
afterAll(async () => {
  await t?.close();
});
const count = async (table: string) => Number((await t.sql<{ n: string }>(`select count(*) as n from ${table}`))[0]!.n);

async function upload(name: string, bytes: Uint8Array, dryRun = false) {
  const query = `mutation($file: File!, $dryRun: Boolean) { importDumpFile(file: $file, dryRun: $dryRun) { __typename ... on Error { code } ... on ImportBatchResult { ${RESULT} } } }`;
  const json = await uploadFile(t, query, { dryRun }, name, bytes);
  expect(json.errors).toBeUndefined();
  return json.data.importDumpFile;
}

describe('dry runs', () => {
  it('reports the change-set of a new dump and keeps nothing', async () => {
    const res = await t.gql(`mutation($i: ImportDumpInput!) { importDump(input: $i, dryRun: true) { ... on ImportDumpPayload { created dryRun dump { id } articles { id } changes { dumpsCreated articlesCreated appearancesAdded edgesAdded } preview { role headline source published } } } }`, { i: { text: dump(1) } });
    const r = res.data.importDump;
    expect(r).toMatchObject({ created: true, dryRun: true, dump: null, articles: [] });
    expect(r.changes).toEqual({ dumpsCreated: 1, articlesCreated: 2, appearancesAdded: 2, edgesAdded: 1 });
    expect(r.preview).toEqual([
      { role: 'main', headline: 'Council story number 1 about the tram line', source: null, published: null },
      { role: 'related', headline: 'Tram depot opens its doors to visitors', source: 'City Wire', published: '3 hours ago' },
    ]);
    for (const table of ['dumps', 'articles', 'appearances', 'story_edges', 'segmentation_revisions', 'pgboss.job']) expect(await count(table)).toBe(0);
  });
});

describe('importDumps (batch)', () => {
  it('imports each dump in its own transaction and answers per item, in order', async () => {
    const res = await t.gql(`mutation($inputs: [ImportDumpInput!]!) { importDumps(inputs: $inputs) { __typename ... on ImportBatchResult { ${RESULT} } } }`, {
      inputs: [{ text: dump(1), filename: 'one.txt' }, { text: '   ' , filename: 'blank.txt' }, { text: dump(2), filename: 'two.txt' }, { text: dump(1), filename: 'one-again.txt' }],
    });
    const r = res.data.importDumps;
    expect(r).toMatchObject({ total: 4, created: 2, unchanged: 1, failed: 1 });
    expect(r.items.map((i: any) => [i.filename, i.result.__typename])).toEqual([
      ['one.txt', 'ImportDumpPayload'],
      ['blank.txt', 'EmptyDumpError'],
      ['two.txt', 'ImportDumpPayload'],
      ['one-again.txt', 'ImportDumpPayload'],
    ]);
    expect(r.items[3].result.created).toBe(false);
    // the related block repeats across the two pages: one article, two appearances
    expect(r.changes).toMatchObject({ dumpsCreated: 2, articlesCreated: 3, appearancesAdded: 4 });
    expect(await count('dumps')).toBe(2);
    expect(await count('articles')).toBe(3);
    expect(await count('appearances')).toBe(4);
  });

  it('answers a filename or url no name may hold as that dump\'s INVALID_INPUT, and imports the others of the batch', async () => {
    const before = await count('dumps');
    const res = await t.gql(`mutation($inputs: [ImportDumpInput!]!) { importDumps(inputs: $inputs) { __typename ... on ImportBatchResult { ${RESULT} } } }`, {
      inputs: [{ text: dump(13), filename: 'fine.txt' }, { text: dump(14), filename: 'a\u0000.txt' }, { text: dump(15), url: 'https://example.com/\u202e' }, { text: dump(16) }],
    });
    const r = res.data?.importDumps;
    expect(r, JSON.stringify(res)).toMatchObject({ total: 4, created: 2, failed: 2 });
    expect(r.items[1].result).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/^filename: holds/) });
    expect(r.items[2].result).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/^url: holds/) });
    expect(await count('dumps')).toBe(before + 2);
  });

  it('never duplicates a row when the same dumps arrive at once from several clients', async () => {
    const texts = [dump(10), dump(11), dump(12)];
    const before = { dumps: await count('dumps'), articles: await count('articles') };
    const calls = Array.from({ length: 4 }, () => t.gql(`mutation($inputs: [ImportDumpInput!]!) { importDumps(inputs: $inputs) { ... on ImportBatchResult { created unchanged failed } } }`, { inputs: texts.map((text) => ({ text })) }));
    const results = await Promise.all(calls);
    const created = results.reduce((a, r) => a + r.data.importDumps.created, 0);
    expect(created).toBe(3);
    expect(results.every((r) => r.data.importDumps.failed === 0)).toBe(true);
    expect(await count('dumps')).toBe(before.dumps + 3);
    expect(await count('articles')).toBe(before.articles + 3); // the shared related article already existed
    const dupes = await t.sql(`select fingerprint from articles group by fingerprint having count(*) > 1`);
    expect(dupes).toEqual([]);
  });
});

describe('importDumpFile (multipart upload)', () => {
  it('takes a .txt dump', async () => {
    const r = await upload('single.txt', strToU8(dump(20)));
    expect(r).toMatchObject({ total: 1, created: 1, failed: 0 });
    expect(r.items[0].filename).toBe('single.txt');
  });

  it('takes a .jsonl file and reports bad lines by number', async () => {
    const lines = [JSON.stringify({ text: dump(21), filename: 'a.txt', fetchedAt: '2025-07-01T00:00:00Z' }), '{not json', JSON.stringify({ nope: 1 }), '', JSON.stringify({ text: dump(22) })].join('\n');
    const r = await upload('batch.jsonl', strToU8(lines));
    expect(r).toMatchObject({ total: 4, created: 2, failed: 2 });
    expect(r.items.map((i: any) => i.result.__typename)).toEqual(['ImportDumpPayload', 'InvalidInputError', 'InvalidInputError', 'ImportDumpPayload']);
    expect(r.items[1].result.message).toMatch(/line 2/);
  });

  it('refuses, as INVALID_INPUT naming it, a filename or url from a file that no name may hold (NUL, a control character, a bidi control, a lone surrogate), and writes nothing of that dump', async () => {
    const before = await count('dumps');
    const lines = [
      JSON.stringify({ text: dump(23), filename: 'a\u0000b.txt' }),
      JSON.stringify({ text: dump(24), url: 'https://example.com/a\u0000b' }),
      JSON.stringify({ text: dump(25), filename: 'evil\u202etxt.exe' }),
      `{"text":${JSON.stringify(dump(26))},"filename":"a\\ud800.txt"}`,
      JSON.stringify({ text: dump(27), url: 'https://example.com/\u202e' }),
      JSON.stringify({ text: dump(28), filename: 'two\nlines.txt' }),
      JSON.stringify({ text: dump(29), filename: 'fine.txt' }),
    ].join('\n');
    const r = await upload('names.jsonl', strToU8(lines));
    expect(r).toMatchObject({ total: 7, created: 1, failed: 6 });
    const fields = ['filename', 'url', 'filename', 'filename', 'url', 'filename'];
    r.items.slice(0, 6).forEach((item: any, i: number) => {
      expect(item.result.code).toBe('INVALID_INPUT');
      expect(item.result.message).toMatch(new RegExp(`^${fields[i]}: holds`));
    });
    // the upload's own name is the dump's filename: the same rule
    const named = await upload('x\u0001.txt', strToU8(dump(20)));
    expect(named.items[0].result).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/^filename: holds the control character U\+0001/) });
    expect(await count('dumps')).toBe(before + 1);
  });

  it('takes a .zip of .txt dumps, skipping other files and refusing oversized entries', async () => {
    const zip = zipSync({ 'dumps/a.txt': strToU8(dump(30)), 'dumps/b.txt': strToU8(dump(31)), 'dumps/readme.md': strToU8('# not a dump'), 'big.txt': strToU8('x'.repeat(70 * 1024)) });
    const r = await upload('dumps.zip', zip);
    expect(r).toMatchObject({ total: 3, created: 2, failed: 1 });
    expect(r.items.find((i: any) => i.filename === 'big.txt').result.code).toBe('DUMP_TOO_LARGE');
  });

  it('takes a .tar.gz of .txt dumps, and a dry run keeps nothing', async () => {
    const tgz = gzipSync(createTar([{ name: 'x/c.txt', data: dump(40) }, { name: 'x/d.txt', data: dump(41) }]));
    const before = await count('dumps');
    const dry = await upload('dumps.tar.gz', tgz, true);
    expect(dry).toMatchObject({ total: 2, created: 2, failed: 0 });
    expect(dry.items[0].result.dryRun).toBe(true);
    expect(await count('dumps')).toBe(before);
    const real = await upload('dumps.tar.gz', tgz);
    expect(real).toMatchObject({ total: 2, created: 2 });
    expect(await count('dumps')).toBe(before + 2);
  });

  it('refuses a Latin-1 dump, alone or in an archive, naming the file or entry and the byte offset (import/read-text.ts)', async () => {
    const latin1 = new Uint8Array(Buffer.from(dump(50).replace(/\n/, '\nCaf\u00e9 '), 'latin1'));
    const at = latin1.indexOf(0xe9);
    const alone = await upload('cafe.txt', latin1);
    expect(alone.items[0].result).toMatchObject({ code: 'INVALID_TEXT', message: expect.stringContaining(`cafe.txt is not UTF-8 text: byte 0xE9 at byte offset ${at}`) });
    const zip = await upload('mixed.zip', zipSync({ 'in/cafe.txt': latin1, 'in/fine.txt': strToU8(dump(51)) }));
    expect(zip).toMatchObject({ total: 2, created: 1, failed: 1 });
    expect(zip.items[0].result).toMatchObject({ code: 'INVALID_TEXT', message: expect.stringContaining(`in/cafe.txt is not UTF-8 text: byte 0xE9 at byte offset ${at}`) });
  });

  it('refuses a file that is not text, and an unknown file type', async () => {
    const r = await upload('bad.txt', new Uint8Array([0xff, 0xfe, 0x00, 0xc3, 0x28]));
    expect(r.items[0].result.code).toBe('INVALID_TEXT');
    const pdf = await upload('report.pdf', strToU8('%PDF-1.4'));
    expect(pdf.items[0].result.code).toBe('INVALID_INPUT');
  });
});
