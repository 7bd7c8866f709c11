/**
 * The audit log: every change (import, save, status change, dismissal, topic edit, token create
 * and revoke) appends one entry with who, when, what and from where, in the change's own
 * transaction; editors read it through GraphQL with filters; a refused change logs nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, revokeToken } from '@copydesk/server/auth/tokens.ts';
import { seedSamples } from '@copydesk/server/seed.ts';
import { createApp } from '@copydesk/server/yoga.ts';
import { createTestApp, DEFAULT_CONFIG, TEST_TOKEN, type TestApp } from '../helpers/app.ts';
import { strayTextDump } from '../helpers/dumps.ts';

const FROM = { 'x-forwarded-for': '203.0.113.7, 10.0.0.1', 'user-agent': 'audit-test/1.0' };
const LOG = `query($filter: AuditLogFilter, $first: Int) {
  auditLog(filter: $filter, first: $first) { totalCount edges { node { at actor action dumpId subject detail origin } } }
}`;

interface Entry {
  at: string;
  actor: string;
  action: string;
  dumpId: string | null;
  subject: string | null;
  detail: string;
  origin: string;
}

let t: TestApp;
const log = async (filter: Record<string, unknown> = {}): Promise<Entry[]> => {
  const res = await t.gql(LOG, { filter, first: 100 });
  expect(res.errors).toBeUndefined();
  return res.data.auditLog.edges.map((e: { node: Entry }) => e.node);
};
const gql = (q: string, v: Record<string, unknown>) => t.gql(q, v, { headers: FROM });

beforeAll(async () => {
  // behind a proxy that sets X-Forwarded-For (COPYDESK_TRUST_PROXY)
  t = await createTestApp({ trustProxy: true });
});
afterAll(async () => {
  await t?.close();
});

describe('audit log', () => {
  let dumpId = '';

  it('records an import, a save, a status change and a dismissal with who, when, what and from where', async () => {
    const started = new Date(Date.now() - 1000).toISOString();
    const imp = await gql(`mutation($i: ImportDumpInput!) { importDump(input: $i) { ... on ImportDumpPayload { dump { id currentRevision { segments { kind start end fields { field start end } } } warnings { code start end } } } } }`, {
      i: { text: strayTextDump(' (audit)'), filename: 'audit.txt' },
    });
    const dump = imp.data.importDump.dump;
    dumpId = dump.id;
    // the same text again changes nothing and logs nothing
    await gql(`mutation($i: ImportDumpInput!) { importDump(input: $i) { __typename } }`, { i: { text: strayTextDump(' (audit)') } });

    const save = await gql(`mutation($i: ReviseSegmentationInput!) { reviseSegmentation(input: $i) { __typename } }`, { i: { dumpId, baseRevision: 1, segments: dump.currentRevision.segments } });
    expect(save.data.reviseSegmentation.__typename).toBe('ReviseSegmentationPayload');
    // a stale approve is refused and logs nothing
    const stale = await gql(`mutation($i: SetDumpStatusInput!) { setDumpStatus(input: $i) { __typename } }`, { i: { dumpId, revision: 1, status: 'APPROVED' } });
    expect(stale.data.setDumpStatus.__typename).toBe('StaleRevisionError');
    const w = dump.warnings[0];
    await gql(`mutation($i: DismissWarningInput!) { dismissWarning(input: $i) { __typename } }`, { i: { dumpId, code: w.code, start: w.start, end: w.end, reason: 'a link, nothing lost' } });
    await gql(`mutation($i: SetDumpStatusInput!) { setDumpStatus(input: $i) { __typename } }`, { i: { dumpId, revision: 2, status: 'APPROVED' } });

    const entries = await log({ dumpId });
    expect(entries.map((e) => e.action)).toEqual(['status', 'dismiss', 'status', 'save', 'import']);
    for (const e of entries) {
      expect(e.actor).toBe('editor');
      expect(e.origin).toBe('203.0.113.7 · audit-test/1.0');
      expect(e.dumpId).toBe(dumpId);
      expect(Date.parse(e.at)).toBeGreaterThanOrEqual(Date.parse(started));
    }
    expect(JSON.parse(entries[0]!.detail)).toEqual({ from: 'in_review', to: 'approved', revision: 2 });
    expect(JSON.parse(entries[1]!.detail)).toMatchObject({ code: w.code, start: w.start, reason: 'a link, nothing lost' });
    expect(entries[3]!.subject).toBe('revision 2');
    expect(JSON.parse(entries[4]!.detail)).toMatchObject({ filename: 'audit.txt' });
  });

  it('records topic edits and token creation and revocation', async () => {
    const d = await t.gql(`query($id: ID!) { dump(id: $id) { appearances { article { id } } } }`, { id: dumpId });
    const articleId = d.data.dump.appearances[0].article.id;
    const add = async (name: string) =>
      (await gql(`mutation($a: ID!, $n: String!) { addArticleTopic(articleId: $a, name: $n) { ... on Article { topics { topic { id name } } } } }`, { a: articleId, n: name })).data.addArticleTopic.topics.find(
        (x: { topic: { name: string } }) => x.topic.name === name,
      ).topic.id as string;
    const fares = await add('Audit fares');
    const tickets = await add('Audit tickets');
    await gql(`mutation($id: ID!) { renameTopic(id: $id, name: "Audit fares and passes") { __typename } }`, { id: fares });
    await gql(`mutation($into: ID!, $from: [ID!]!) { mergeTopics(into: $into, from: $from) { __typename } }`, { into: fares, from: [tickets] });
    await gql(`mutation($a: ID!, $t: ID!) { removeArticleTopic(articleId: $a, topicId: $t) { __typename } }`, { a: articleId, t: fares });

    const topicEntries = (await log()).filter((e) => e.action.startsWith('topic.'));
    expect(topicEntries.map((e) => e.action)).toEqual(['topic.remove', 'topic.merge', 'topic.rename', 'topic.add', 'topic.add']);
    expect(JSON.parse(topicEntries[2]!.detail)).toMatchObject({ from: 'Audit fares', to: 'Audit fares and passes' });

    const { id } = await createToken(t.database.db, 'auditor');
    expect(await revokeToken(t.database.db, 'auditor')).toBe(1);
    const tokens = await log({ actor: 'cli' });
    expect(tokens.map((e) => [e.action, e.subject])).toEqual([
      ['token.revoke', `token ${id} (auditor)`],
      ['token.create', `token ${id} (auditor)`],
    ]);
    expect(tokens[0]!.origin).toMatch(/^cli on /);
  });

  it('filters by action and time, and is for editors only', async () => {
    const saves = await log({ action: 'save' });
    expect(saves.length).toBe(1);
    expect(await log({ since: new Date(Date.now() + 60_000).toISOString() })).toEqual([]);
    expect((await log({ until: new Date(Date.now() + 60_000).toISOString() })).length).toBeGreaterThan(8);
    const bad = await t.gql(LOG, { filter: { action: 'delete' } });
    expect(bad.errors?.[0]?.message).toMatch(/filter.action/);
    const anonymous = await t.gql(LOG, {}, { token: null });
    expect(anonymous.data?.auditLog ?? null).toBeNull();
    expect(anonymous.errors?.length).toBeGreaterThan(0);
    // append-only: the rows are the same however often they are read
    const rows = await t.sql<{ n: string }>(`select count(*) as n from audit_log`);
    expect(Number(rows[0]!.n)).toBe((await log()).length);
  });
});

describe('audit log: the samples imported at first start', () => {
  it('audits each sample as an import by the system actor, as any importer is audited', async () => {
    const fresh = await createTestApp();
    try {
      const n = await seedSamples(fresh.database.db, 5 * 1024 * 1024);
      expect(n).toBeGreaterThan(0);
      const rows = await fresh.sql<{ actor: string; origin: string; action: string; dump_id: number | null; subject: string | null }>('select actor, origin, action, dump_id, subject from audit_log order by id');
      expect(rows).toHaveLength(n);
      const dumps = await fresh.sql<{ id: number; filename: string }>('select id, filename from dumps order by id');
      expect(rows.map((r) => [r.actor, r.action, Number(r.dump_id), r.subject])).toEqual(dumps.map((d) => ['system', 'import', Number(d.id), d.filename]));
      for (const r of rows) expect(r.origin).toMatch(/sample import at first start/);
      // a second start seeds nothing, and logs nothing
      expect(await seedSamples(fresh.database.db, 5 * 1024 * 1024)).toBe(0);
      expect(await fresh.sql('select id from audit_log')).toHaveLength(n);
    } finally {
      await fresh.close();
    }
  });

  it('ignores X-Forwarded-For unless told to trust a proxy: any client can write the header', async () => {
    const direct = createApp({ db: t.database.db, config: DEFAULT_CONFIG });
    const res = await direct.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_TOKEN}`, ...FROM },
      body: JSON.stringify({ query: `mutation($i: ImportDumpInput!) { importDump(input: $i) { __typename } }`, variables: { i: { text: strayTextDump(' (spoofed origin)') } } }),
    });
    expect(((await res.json()) as { data: unknown }).data).toEqual({ importDump: { __typename: 'ImportDumpPayload' } });
    const [entry] = await t.sql<{ origin: string }>(`select origin from audit_log where action = 'import' order by id desc limit 1`);
    expect(entry!.origin).toBe('in-process · audit-test/1.0');
  });
});
