/**
 * Input under the size limits that used to end in INTERNAL_SERVER_ERROR (issue 9): each is stored
 * or refused with a typed error. And one item's internal failure never takes its batch down.
 * The dumps are generated here, in the flat layout.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { segmentationLimits } from '@copydesk/core';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { flatDump, relatedBlock } from '../helpers/dumps.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const count = async (table: string, where = 'true') => Number((await t.sql<{ n: string }>(`select count(*) as n from ${table} where ${where}`))[0]!.n);
const IMPORT = `mutation($i: ImportDumpInput!) { importDump(input: $i) { __typename ... on Error { code message } ... on ImportDumpPayload { created dump { id currentRevisionNumber } changes { articlesCreated appearancesAdded edgesAdded } } } }`;

/** n distinct lower-case words of letters only ("wordaa", "wordab", ...), none a stop word */
function distinctWords(n: number): string[] {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  return Array.from({ length: n }, (_, i) => {
    let w = '';
    for (let k = i; w.length < 4 || k > 0; k = Math.floor(k / 26)) w = letters[k % 26]! + w;
    return `q${w}`;
  });
}

describe('batches answer per item', () => {
  it('reports an item that fails inside the server as IMPORT_FAILED, keeps the others, and writes nothing of it', async () => {
    // a database-side failure for one item only, as a broken row or a full disk would give
    await t.sql(`create function copydesk_test_refuse() returns trigger language plpgsql as $$
      begin if new.filename = 'bad.txt' then raise exception 'copydesk test: refused by trigger'; end if; return new; end $$`);
    await t.sql(`create trigger copydesk_test_refuse before insert on dumps for each row execute function copydesk_test_refuse()`);
    try {
      const inputs = ['a', 'bad', 'c'].map((k) => ({ filename: `${k}.txt`, text: flatDump(`Batch item ${k} headline about the bridge works`, `Body of batch item ${k}: the bridge works go on.`) }));
      const res = await t.gql(`mutation($inputs: [ImportDumpInput!]!) { importDumps(inputs: $inputs) { __typename ... on ImportBatchResult { total created failed items { index filename result { __typename ... on Error { code message } ... on ImportDumpPayload { created dump { filename } } } } } } }`, { inputs });
      expect(res.errors).toBeUndefined();
      const r = res.data.importDumps;
      expect(r).toMatchObject({ total: 3, created: 2, failed: 1 });
      expect(r.items.map((i: any) => [i.index, i.filename, i.result.__typename])).toEqual([
        [0, 'a.txt', 'ImportDumpPayload'],
        [1, 'bad.txt', 'ImportFailedError'],
        [2, 'c.txt', 'ImportDumpPayload'],
      ]);
      expect(r.items[1].result.code).toBe('IMPORT_FAILED');
      // masked: no SQL, no trigger text
      expect(r.items[1].result.message).not.toMatch(/trigger|insert|copydesk test/i);
      expect((await t.sql<{ filename: string }>(`select filename from dumps order by filename`)).map((d) => d.filename)).toEqual(['a.txt', 'c.txt']);
    } finally {
      await t.sql(`drop trigger copydesk_test_refuse on dumps`);
      await t.sql(`drop function copydesk_test_refuse()`);
    }
  });
});

describe('dumps under the size limit are stored, never a 500', () => {
  it('stores a dump of 120,000 distinct words, indexing what fits in a tsvector', async () => {
    const words = distinctWords(120_000);
    const lines: string[] = [];
    for (let i = 0; i < words.length; i += 200) lines.push(`${words.slice(i, i + 200).join(' ')}.`);
    const text = flatDump('Glossary of the harbour dialect in one long page', lines.join('\n'));
    expect(Buffer.byteLength(text)).toBeLessThan(1024 * 1024);
    const res = await t.gql(IMPORT, { i: { text, filename: 'glossary.txt' } });
    expect(res.errors).toBeUndefined();
    expect(res.data.importDump).toMatchObject({ __typename: 'ImportDumpPayload', created: true });
    // the body is stored whole; its beginning is searchable
    const [row] = await t.sql<{ len: number; found: boolean }>(`select length(body) as len, search @@ to_tsquery('english', '${words[1]}') as found from articles where headline like 'Glossary%'`);
    expect(Number(row!.len)).toBeGreaterThan(words.length * 5);
    expect(row!.found).toBe(true);
  });

  it('stores a dump of 7,000 related blocks (rows go as one parameter, never past the 65,535 bind parameters of a statement)', async () => {
    const related = Array.from({ length: 7000 }, (_, i) => relatedBlock('Coast Wire', '2 hours ago', `Ferry bulletin ${i} night`, `Bulletin ${i}: the service ran on time.`)).join('');
    const text = flatDump('Ferry service runs all night for a week', 'The ferry service ran all night for a week, the operator said on Monday.', related);
    expect(Buffer.byteLength(text)).toBeLessThan(1024 * 1024);
    const res = await t.gql(IMPORT, { i: { text, filename: 'bulletins.txt' } });
    expect(res.errors).toBeUndefined();
    const r = res.data.importDump;
    expect(r.__typename).toBe('ImportDumpPayload');
    expect(r.changes).toEqual({ articlesCreated: 7001, appearancesAdded: 7001, edgesAdded: 7000 });
    const dumpId = await t.sql<{ id: number }>(`select id from dumps where filename = 'bulletins.txt'`);
    expect(await count('appearances', `dump_id = ${dumpId[0]!.id}`)).toBe(7001);
    expect(await count('story_edges', `dump_id = ${dumpId[0]!.id} and kind = 'LISTED'`)).toBe(7000);
  });

  for (const n of [10_000, 16_000]) {
    it(`refuses a revision of ${n.toLocaleString('en')} one-character segments with INVALID_SEGMENTATION (the SIZE rule names the limit), keeping the parser's`, async () => {
      const text = flatDump(`Revision stress page for ${n} segments`, 'x'.repeat(n));
      const imported = await t.gql(IMPORT, { i: { text, filename: `segments-${n}.txt` } });
      const dump = imported.data.importDump.dump;
      // every character its own segment: 3,000 related articles of one character each (its headline, as a related block
      // needs one), then one-character boilerplate segments; the request stays under the 1 MB JSON limit
      const related = 3000;
      const segments = Array.from({ length: text.length }, (_, i) =>
        i < related ? { kind: 'related', start: i, end: i + 1, fields: [{ field: 'headline', start: i, end: i + 1 }] } : { kind: 'boilerplate', start: i, end: i + 1 },
      );
      const res = await t.gql(`mutation($input: ReviseSegmentationInput!) { reviseSegmentation(input: $input) { __typename ... on Error { code message } ... on InvalidSegmentationError { rule } ... on ReviseSegmentationPayload { revisionNumber } } }`, {
        input: { dumpId: dump.id, baseRevision: dump.currentRevisionNumber, segments },
      });
      expect(res.errors).toBeUndefined();
      const limit = segmentationLimits(text.length).segments;
      expect(res.data.reviseSegmentation).toMatchObject({ __typename: 'InvalidSegmentationError', code: 'INVALID_SEGMENTATION', rule: 'SIZE' });
      expect(res.data.reviseSegmentation.message).toContain(`at most ${limit}`);
      const [d] = await t.sql<{ id: number }>(`select id from dumps where filename = 'segments-${n}.txt'`);
      expect(await count('segmentation_revisions', `dump_id = ${d!.id}`)).toBe(1);
    });
  }
});
