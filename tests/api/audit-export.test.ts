/** GET /audit.jsonl: the audit log as JSON Lines, editors only, filtered like auditLog(filter:). */
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { App } from '@copydesk/server/yoga.ts';
import { requestListener } from '@copydesk/server/http/listener.ts';
import { readAuditLog } from '@copydesk/server/audit/log.ts';
import { createTestApp, TEST_TOKEN, type TestApp } from '../helpers/app.ts';
import { flatDump } from '../helpers/dumps.ts';

let t: TestApp;
const ids: string[] = [];
beforeAll(async () => {
  t = await createTestApp();
  for (const h of ['Harbour ferries to run all night', 'Tram fares frozen for a year', 'Library opens on Sundays']) {
    const r = await t.gql(`mutation($input: ImportDumpInput!) { importDump(input: $input) { ... on ImportDumpPayload { dump { id } } } }`, { input: { text: flatDump(h, `${h}, officials said on Monday.`) } });
    ids.push(r.data.importDump.dump.id);
  }
  await t.gql(`mutation($input: SetDumpStatusInput!) { setDumpStatus(input: $input) { ... on Dump { status } } }`, { input: { dumpId: ids[1], revision: 1, status: 'APPROVED' } });
});
afterAll(async () => {
  await t?.close();
});

/** a Relay global id's type and number (base64 of "Type:id") */
const decodeGlobalID = (id: string) => {
  const [typename, n] = Buffer.from(id, 'base64').toString('utf8').split(':');
  return { typename, id: n };
};
const get = (query = '', token: string | null = TEST_TOKEN) => t.app.fetch(`http://localhost/audit.jsonl${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
const lines = async (res: Response) => (await res.text()).split('\n').filter(Boolean).map((l) => JSON.parse(l));

describe('audit export (JSON Lines)', () => {
  it('refuses anyone without an editor token (401 UNAUTHENTICATED)', async () => {
    for (const token of [null, 'not-a-known-token-0123456789']) {
      const res = await get('', token);
      expect(res.status).toBe(401);
      expect((await res.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  it('gives every entry as one JSON object per line, newest first, the same entries auditLog has', async () => {
    const res = await get();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/x-ndjson');
    const all = await lines(res);
    const api = await t.gql(`{ auditLog(first: 100) { totalCount edges { node { at actor action subject } } } }`);
    expect(all).toHaveLength(api.data.auditLog.totalCount);
    expect(all.map((e) => [e.at, e.actor, e.action, e.subject])).toEqual(api.data.auditLog.edges.map((e: any) => [e.node.at, e.node.actor, e.node.action, e.node.subject]));
    expect(all.map((e) => e.action)).toEqual(['status', 'import', 'import', 'import']);
    for (const e of all) {
      expect(Object.keys(e).sort()).toEqual(['action', 'actor', 'at', 'detail', 'dumpId', 'id', 'origin', 'subject']);
      expect(e.actor).toBe('editor');
      expect(typeof e.detail).toBe('object');
    }
    const numbers = all.map((e) => Number(decodeGlobalID(e.id).id));
    expect([...numbers].sort((a, b) => b - a)).toEqual(numbers);
  });

  it('gives the same global ids as GraphQL (AuditEntry.id, AuditEntry.dumpId), and its own dumpId filter takes them back', async () => {
    const all = await lines(await get());
    const api = await t.gql(`{ auditLog(first: 100) { edges { node { id dumpId } } } }`);
    expect(all.map((e) => [e.id, e.dumpId])).toEqual(api.data.auditLog.edges.map((e: any) => [e.node.id, e.node.dumpId]));
    for (const e of all) {
      expect(typeof e.id).toBe('string');
      expect(decodeGlobalID(e.id).typename).toBe('AuditEntry');
      expect(decodeGlobalID(e.dumpId).typename).toBe('Dump');
      const same = await lines(await get(`?dumpId=${encodeURIComponent(e.dumpId)}`));
      expect(same.length).toBeGreaterThan(0);
      expect(same.every((x) => x.dumpId === e.dumpId)).toBe(true);
    }
  });

  it('filters by dump, action, editor and time', async () => {
    expect((await lines(await get(`?dumpId=${encodeURIComponent(ids[1]!)}`))).map((e) => e.action)).toEqual(['status', 'import']);
    expect((await lines(await get('?action=status'))).map((e) => e.action)).toEqual(['status']);
    expect(await lines(await get('?actor=nobody'))).toEqual([]);
    const all = await lines(await get());
    const statusAt = all[0].at;
    expect((await lines(await get(`?since=${encodeURIComponent(statusAt)}`))).map((e) => e.action)).toEqual(['status']);
    expect((await lines(await get(`?until=${encodeURIComponent(statusAt)}`))).every((e) => e.action === 'import')).toBe(true);
  });

  it('refuses a bad parameter with 400 INVALID_INPUT naming it', async () => {
    for (const [q, field] of [
      ['?since=yesterday', 'since'],
      ['?until=2026-13-01', 'until'],
      ['?dumpId=42', 'dumpId'],
      ['?action=delete-everything', 'filter.action'],
      [`?dumpId=${encodeURIComponent(ids[0]!)}&dumpId=${encodeURIComponent(ids[1]!)}`, 'dumpId'],
      ['?action=import&action=status', 'action'],
      ['?actor=editor&actor=editor', 'actor'],
      ['?since=2026-01-01T00:00:00Z&since=2026-02-01T00:00:00Z', 'since'],
      // checked as auditLog(filter:) checks them: a NUL reached SQL (PostgreSQL refused it mid-stream)
      ['?actor=%00', 'actor'],
      ['?actor=ed%00itor', 'actor'],
      ['?action=%00', 'action'],
      [`?actor=${'a'.repeat(5000)}`, 'actor'],
    ] as const) {
      const res = await get(q);
      expect(res.status, q).toBe(400);
      const body = await res.json();
      expect(body.errors[0].extensions).toEqual({ code: 'INVALID_INPUT', field });
    }
  });

  it('reads the log in batches (keyset on id): every entry once, in order, whatever the batch size', async () => {
    const whole: number[] = [];
    for await (const e of readAuditLog(t.database.db, {})) whole.push(e.id);
    const paged: number[] = [];
    for await (const e of readAuditLog(t.database.db, {}, 2)) paged.push(e.id);
    expect(paged).toEqual(whole);
    expect(whole.length).toBe(4);
  });
});

describe('audit export: methods', () => {
  /** a method other than GET: 405, Allow: GET, a typed JSON body */
  const expect405 = (status: number, allow: string | null | undefined, body: string) => {
    expect(status, body).toBe(405);
    expect(allow).toBe('GET');
    expect(JSON.parse(body).errors[0].extensions.code).toBe('METHOD_NOT_ALLOWED');
  };

  it('answers any other method 405 with Allow: GET and a typed body', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const res = await t.app.fetch('http://localhost/audit.jsonl', { method, headers: { authorization: `Bearer ${TEST_TOKEN}` }, body: '{}' });
      expect405(res.status, res.headers.get('allow'), await res.text());
    }
  });

  it('through the HTTP listener too: a POST without Content-Length is 405 there, while /graphql still asks for the length (411)', async () => {
    const server: Server = createServer(requestListener(t.app, (_req, res) => res.writeHead(404).end()));
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const port = (server.address() as AddressInfo).port;
    /** sends a chunked POST (no Content-Length) to `path` */
    const chunked = (path: string) =>
      new Promise<{ status: number; allow: string | undefined; body: string }>((ok, fail) => {
        const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_TOKEN}` } }, (res) => {
          let body = '';
          res.on('data', (d: Buffer) => (body += d));
          res.on('end', () => ok({ status: res.statusCode!, allow: res.headers.allow, body }));
        });
        req.on('error', fail);
        req.write('{"query":');
        req.end('"{ __typename }"}');
      });
    try {
      const audit = await chunked('/audit.jsonl');
      expect405(audit.status, audit.allow, audit.body);
      const graphql = await chunked('/graphql');
      expect(graphql.status).toBe(411);
      expect(JSON.parse(graphql.body).errors[0].extensions.code).toBe('LENGTH_REQUIRED');
    } finally {
      await new Promise((ok) => server.close(ok));
    }
  });
});

describe('the HTTP listener', () => {
  it('survives an answer that fails while it is sent: the connection is cut, the failure logged, the next request answered', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    let failing = true;
    // an app whose streamed answer fails half-way, after its status and first line are out
    const app = ((req: IncomingMessage, res: ServerResponse) => {
      if (!failing) return void res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      return new Promise((_ok, fail) => res.write('{"id":1}\n', () => fail(new Error('the read failed half-way'))));
    }) as unknown as App;
    const server: Server = createServer(requestListener(app, (_req, res) => res.writeHead(404).end()));
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const port = (server.address() as AddressInfo).port;
    const fetchOnce = () =>
      new Promise<{ status: number; body: string; complete: boolean }>((ok) => {
        const req = request({ host: '127.0.0.1', port, path: '/audit.jsonl', headers: { authorization: `Bearer ${TEST_TOKEN}` } }, (res) => {
          let body = '';
          res.on('data', (d: Buffer) => (body += d));
          res.on('error', () => ok({ status: res.statusCode!, body, complete: false }));
          res.on('close', () => ok({ status: res.statusCode!, body, complete: res.complete }));
        });
        req.on('error', () => ok({ status: 0, body: '', complete: false }));
        req.end();
      });
    try {
      const cut = await fetchOnce();
      expect(cut.status).toBe(200);
      expect(cut.complete).toBe(false);
      expect(logged).toHaveBeenCalledWith(expect.stringContaining('the read failed half-way'));
      failing = false;
      expect(await fetchOnce()).toEqual({ status: 200, body: 'ok', complete: true });
    } finally {
      logged.mockRestore();
      await new Promise((ok) => server.close(ok));
    }
  });

  it('answers 500 when serving a dashboard file throws, and goes on serving', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const server: Server = createServer(
      requestListener(t.app, (req, res) => {
        if (req.url === '/boom') throw new URIError('URI malformed');
        res.writeHead(200).end('page');
      }),
    );
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      expect((await fetch(`${base}/boom`)).status).toBe(500);
      expect(logged).toHaveBeenCalledWith(expect.stringContaining('URI malformed'));
      const page = await fetch(`${base}/stories`);
      expect([page.status, await page.text()]).toEqual([200, 'page']);
    } finally {
      logged.mockRestore();
      await new Promise((ok) => server.close(ok));
    }
  });
});
