/**
 * Dumps of 2 and 5 MB made of tens of thousands of distinct lines (break-it report, item 1): every
 * line is a sighting for the line memory and a line the learned inputs are looked up for. They
 * are stored within the server's default statement time bound (COPYDESK_STATEMENT_TIMEOUT_MS,
 * 10 s), never IMPORT_FAILED or an internal error: rows go to PostgreSQL as one bind parameter
 * (past 65,535 parameters the protocol's count wraps; past ~40,000 rows building the statement
 * overflowed the stack), and no statement of the import holds the database for long.
 * The dumps are generated here (own text, flat layout).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, uploadFile, type TestApp } from '../helpers/app.ts';
import { distinctLinesDump } from '../helpers/dumps.ts';

let t: TestApp;
beforeAll(async () => {
  // the server's default bound: a statement running longer fails the import
  t = await createTestApp({}, { statementTimeoutMs: 10_000 });
});
afterAll(async () => {
  await t?.close();
});

const UPLOAD = `mutation($file: File!) { importDumpFile(file: $file) { __typename ... on Error { code message } ... on ImportBatchResult { created failed items { result { __typename ... on Error { code message } ... on ImportDumpPayload { created dump { id } } } } } } }`;

describe('dumps of tens of thousands of distinct lines', () => {
  for (const mb of [2, 4.9]) {
    it(`stores a ${mb} MB dump of distinct lines, its sightings in the line memory`, async () => {
      const text = distinctLinesDump(Math.floor(mb * 1024 * 1024), Math.round(mb * 10));
      const lines = text.split('\n').length;
      expect(lines).toBeGreaterThan(mb * 7000);
      const res = await uploadFile(t, UPLOAD, {}, `lines-${mb}.txt`, new TextEncoder().encode(text));
      expect(res.errors).toBeUndefined();
      const r = res.data.importDumpFile;
      expect(r.items[0].result).toMatchObject({ __typename: 'ImportDumpPayload', created: true });
      expect(r).toMatchObject({ created: 1, failed: 0 });
      const [d] = await t.sql<{ id: number; len: number }>(`select id, length(text) as len from dumps where filename = 'lines-${mb}.txt'`);
      expect(Number(d!.len)).toBe(text.length);
      // every distinct body line is remembered once, from this dump
      const [m] = await t.sql<{ n: string }>(`select count(distinct line_key) as n from line_sightings where dump_id = ${d!.id}`);
      expect(Number(m!.n)).toBeGreaterThan(mb * 7000);
    });
  }
});
