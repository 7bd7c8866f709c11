import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staticHandler } from './static.ts';

describe('staticHandler', () => {
  let dir: string;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'copydesk-static-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(dir, 'assets', 'app-1.js'), 'console.log(1)');
    server = createServer(staticHandler(dir));
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const addr = server.address();
    base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  });
  afterAll(async () => {
    await new Promise((ok) => server.close(ok));
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves files that exist', async () => {
    const r = await fetch(`${base}/assets/app-1.js`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/javascript/);
  });

  it('answers a missing asset or any missing path with a file extension with 404, not the page', async () => {
    for (const path of ['/assets/nope.js', '/assets/old-hash.css', '/assets/deep/x', '/favicon.png', '/dump/robots.txt']) {
      const r = await fetch(`${base}${path}`);
      expect({ path, status: r.status }).toEqual({ path, status: 404 });
      expect(await r.text()).not.toContain('<title>app</title>');
    }
  });

  it('answers client-side routes with index.html', async () => {
    for (const path of ['/', '/stories', '/dump/RHVtcDo5OTk5', '/article/QXJ0aWNsZTox?x=a.b', '/audit']) {
      const r = await fetch(`${base}${path}`);
      expect({ path, status: r.status }).toEqual({ path, status: 200 });
      expect(await r.text()).toContain('<title>app</title>');
    }
  });

  it('answers a path that is not a valid URL with 400, and goes on serving', async () => {
    const { request } = await import('node:http');
    const get = (path: string) =>
      new Promise<number>((ok, fail) => {
        const req = request(`${base}${path}`, (res) => {
          res.resume();
          res.on('end', () => ok(res.statusCode!));
        });
        req.on('error', fail);
        req.end();
      });
    for (const path of ['/%E0%A4%A', '/assets/%', '/%ZZ', '/dump/%C0%80']) expect({ path, status: await get(path) }).toEqual({ path, status: 400 });
    expect(await get('/assets/app-1.js')).toBe(200);
  });

  /** status, Allow header and body of `method target` sent as is (fetch cannot send `OPTIONS *`) */
  const raw = (method: string, target: string) =>
    new Promise<{ status: number; allow: string | undefined; body: string }>((ok, fail) => {
      const u = new URL(base);
      const req = request({ host: u.hostname, port: u.port, method, path: target }, (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (c) => (body += c)).on('end', () => ok({ status: res.statusCode!, allow: res.headers.allow, body }));
      });
      req.on('error', fail).end();
    });

  it('answers the page to GET and HEAD only: another method is a 405 naming them, never the page', async () => {
    for (const [method, target] of [['OPTIONS', '*'], ['OPTIONS', '/'], ['TRACE', '/'], ['POST', '/dump/1'], ['PUT', '/'], ['DELETE', '/assets/app-1.js']] as const) {
      const r = await raw(method, target);
      expect({ method, target, status: r.status, allow: r.allow }).toEqual({ method, target, status: 405, allow: 'GET, HEAD' });
      expect(r.body).not.toContain('<title>app</title>');
    }
    expect((await raw('HEAD', '/dump/1')).status).toBe(200);
  });

  it('answers a request target that is not a path (`*`, an absolute URL) with 404, never the page', async () => {
    for (const target of ['*', 'http://evil.example/']) {
      const r = await raw('GET', target);
      expect({ target, status: r.status }).toEqual({ target, status: 404 });
      expect(r.body).not.toContain('<title>app</title>');
    }
  });
});
