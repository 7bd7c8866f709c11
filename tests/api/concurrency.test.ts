/**
 * Saves and imports that share an article, run at the same time on a real PostgreSQL (PGlite has
 * one connection: nothing runs at the same time there, so the suite is skipped on it). An article
 * with appearances must never be deleted, and one without appearances must never survive.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { flatDump, relatedBlock, type Seg } from '../helpers/dumps.ts';
import { importDump } from '@copydesk/server/import/import-dump.ts';
import { reviseSegmentation } from '@copydesk/server/review/revise.ts';
import { rng } from '../bench/rng.ts';

const IMPORT = `mutation($input: ImportDumpInput!) { importDump(input: $input) { __typename ... on ImportDumpPayload { dump { id currentRevision { number segments { kind start end fields { field start end } } } } } ... on Error { code message } } }`;
const REVISE = `mutation($input: ReviseSegmentationInput!) { reviseSegmentation(input: $input) { __typename ... on Error { code message } } }`;

/**
 * How many times each race is run. Before articles were locked, the save-and-import race lost the
 * import's appearance in about 1 try of 10 and the two-saves race left an orphan in nearly every try.
 */
const TRIES = 60;

interface Imported {
  id: string;
  revision: number;
  segments: Seg[];
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

/** a page whose main story is unique to `tag` and which lists the shared related story of `tag` */
const page = (tag: string, side: string) =>
  flatDump(
    `Council ${side} report number ${tag} on the tram depot`,
    `The council published its ${side} report ${tag} on the tram depot on Monday, officials said.\nThe depot will close for repairs in the spring.`,
    relatedBlock('Harbour Times', '3 hours ago', `Ferry crews vote on overtime plan ${tag}`, `Ferry crews in the harbour voted on the overtime plan ${tag} on Sunday, union officials said.`),
  );

async function importPage(text: string): Promise<Imported> {
  const res = await t.gql(IMPORT, { input: { text } });
  expect(res.errors).toBeUndefined();
  const p = res.data.importDump;
  expect(p.__typename).toBe('ImportDumpPayload');
  return { id: p.dump.id, revision: p.dump.currentRevision.number, segments: p.dump.currentRevision.segments };
}

/** the dump's segments with its related story relabelled boilerplate */
function dropRelated(d: Imported): Seg[] {
  expect(d.segments.filter((s) => s.kind === 'related')).toHaveLength(1);
  return d.segments.map((s) => (s.kind === 'related' ? { ...s, kind: 'boilerplate', fields: [] } : s));
}

const save = (d: Imported) => t.gql(REVISE, { input: { dumpId: d.id, baseRevision: d.revision, segments: dropRelated(d) } });

/** the database id behind a dump's global id */
const dbId = (globalId: string) => Number(Buffer.from(globalId, 'base64').toString('utf8').split(':')[1]);

/** articles of one test's stories (tags starting with `prefix`) left without any appearance */
async function orphans(prefix: string): Promise<number> {
  const [row] = await t.sql<{ n: string }>(
    `select count(*) as n from articles a where a.headline like 'Ferry crews vote on overtime plan ${prefix}%' and not exists (select 1 from appearances p where p.article_id = a.id)`,
  );
  return Number(row!.n);
}

describe.skipIf(inject('dbKind') !== 'postgres')('concurrent writers on PostgreSQL', () => {
  it('a save dropping a related story never takes it from a dump imported at the same time', async () => {
    const failures: string[] = [];
    for (let i = 0; i < TRIES; i++) {
      const tag = `a${i}`;
      const x = await importPage(page(tag, 'first'));
      const [saved, imported] = await Promise.all([save(x), t.gql(IMPORT, { input: { text: page(tag, 'second') } })]);
      expect(saved.data.reviseSegmentation.__typename).toBe('ReviseSegmentationPayload');
      expect(imported.data.importDump.__typename).toBe('ImportDumpPayload');
      const y = dbId(imported.data.importDump.dump.id);
      const [counts] = await t.sql<{ appearances: string; listed: string }>(
        `select (select count(*) from appearances where dump_id = ${y}) as appearances,
                (select count(*) from story_edges where dump_id = ${y} and kind = 'LISTED') as listed`,
      );
      if (Number(counts!.appearances) !== 2 || Number(counts!.listed) !== 1) failures.push(`try ${i}: ${counts!.appearances} appearances, ${counts!.listed} LISTED`);
    }
    expect(failures).toEqual([]);
    expect(await orphans('a')).toBe(0);
  });

  it('two saves dropping the same related story at once leave no orphan article', async () => {
    const failures: string[] = [];
    for (let i = 0; i < TRIES / 2; i++) {
      const tag = `b${i}`;
      const x = await importPage(page(tag, 'first'));
      const y = await importPage(page(tag, 'second'));
      const [sx, sy] = await Promise.all([save(x), save(y)]);
      expect(sx.data.reviseSegmentation.__typename).toBe('ReviseSegmentationPayload');
      expect(sy.data.reviseSegmentation.__typename).toBe('ReviseSegmentationPayload');
      const left = await t.sql<{ n: string }>(`select count(*) as n from articles where headline = 'Ferry crews vote on overtime plan ${tag}'`);
      if (Number(left[0]!.n) !== 0) failures.push(`try ${i}: the dropped story survived without appearances`);
    }
    expect(failures).toEqual([]);
    expect(await orphans('b')).toBe(0);
  });

  it('a save and an import of the same story, both keeping it, leave it with both appearances', async () => {
    for (let i = 0; i < 5; i++) {
      const tag = `c${i}`;
      const x = await importPage(page(tag, 'first'));
      const [saved, imported] = await Promise.all([
        t.gql(REVISE, { input: { dumpId: x.id, baseRevision: x.revision, segments: x.segments } }),
        t.gql(IMPORT, { input: { text: page(tag, 'second') } }),
      ]);
      expect(saved.data.reviseSegmentation.__typename).toBe('ReviseSegmentationPayload');
      expect(imported.data.importDump.__typename).toBe('ImportDumpPayload');
      const rows = await t.sql<{ n: string }>(
        `select count(*) as n from appearances p join articles a on a.id = p.article_id where a.headline = 'Ferry crews vote on overtime plan ${tag}'`,
      );
      expect(Number(rows[0]!.n)).toBe(2);
    }
    expect(await orphans('c')).toBe(0);
  });

  it('eight writers importing and saving over shared related stories: every write lands, nothing is orphaned or lost', async () => {
    const r = rng(11);
    const shared = Array.from({ length: 24 }, (_, i) => relatedBlock('Harbour Times', '2 hours ago', `Shared story ${i} about the harbour`, `Body of shared story ${i}, officials said on Monday.`));
    let serial = 0;
    const page = () => {
      const k = serial++;
      const related = [0, 1, 2].map(() => shared[Math.floor(r() * shared.length)]).join('');
      return flatDump(`Mixed story ${k} on the depot`, `Body of mixed story ${k} about the depot, officials said.`, related);
    };
    const ids: number[] = [];
    const errors: string[] = [];
    const writer = async () => {
      for (let i = 0; i < 25; i++) {
        try {
          if (ids.length < 3 || r() < 0.5) {
            const res = await importDump(t.database.db, { text: page() }, { maxBytes: 5_000_000 });
            if (res.dumpId) ids.push(res.dumpId);
          } else {
            const id = ids[Math.floor(r() * ids.length)]!;
            const [cur] = await t.sql<{ current_revision: number; segments: Seg[] }>(
              `select d.current_revision, r.segments from dumps d join segmentation_revisions r on r.dump_id = d.id and r.number = d.current_revision where d.id = ${id}`,
            );
            const related = cur!.segments.filter((s) => s.kind === 'related');
            const drop = related.length ? related[Math.floor(r() * related.length)] : null;
            const segments = cur!.segments.map((s) => (s === drop ? { ...s, kind: 'boilerplate', fields: [] } : s));
            await reviseSegmentation(t.database.db, { dumpId: id, baseRevision: cur!.current_revision, segments, author: 'tester', origin: 'test' });
          }
        } catch (e) {
          // another writer saved the same dump first: the editor is told, nothing is written
          if ((e as Error).name !== 'StaleRevisionError') errors.push(`${(e as { cause?: { code?: string } }).cause?.code ?? ''} ${(e as Error).message.slice(0, 120)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, writer));
    expect(errors).toEqual([]);
    const [audit] = await t.sql<{ orphans: string; wrong: string }>(`
      select (select count(*) from articles a where a.headline like 'Shared story %' and not exists (select 1 from appearances p where p.article_id = a.id)) as orphans,
             (select count(*) from dumps d join segmentation_revisions r on r.dump_id = d.id and r.number = d.current_revision
               where (select count(*) from appearances p where p.dump_id = d.id)
                   <> (select count(*) from jsonb_array_elements(r.segments) s where s->>'kind' in ('main', 'related'))) as wrong`);
    expect(Number(audit!.orphans)).toBe(0);
    // each dump shows exactly the articles its current revision segments
    expect(Number(audit!.wrong)).toBe(0);
  });
});
