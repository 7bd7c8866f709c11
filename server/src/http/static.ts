import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
};

/** a request for a file, never a client-side route: anything under /assets/, or a last segment with an extension */
function isFileRequest(pathname: string): boolean {
  return pathname.startsWith('/assets/') || extname(pathname.slice(pathname.lastIndexOf('/') + 1)) !== '';
}

/**
 * Serves the built dashboard. A path that names no file gets index.html when it can be a
 * client-side route; a missing file (a path with a file extension, e.g. `/assets/nope.js` or
 * `/favicon.png`, or anything under `/assets/`) is a 404, so that a stale or mistyped asset is
 * not answered with the page's HTML. Only GET and HEAD are answered (405 with `Allow: GET, HEAD`
 * otherwise), and only a request target that is a path (`OPTIONS *` or an absolute URL: 404).
 */
export function staticHandler(root: string) {
  const base = resolve(root);
  return (req: IncomingMessage, res: ServerResponse): void => {
    // files are read, never written: OPTIONS, TRACE, POST ... get no page
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' }).end('method not allowed: the dashboard answers GET and HEAD');
      return;
    }
    // a target that is not a path (`*`, an absolute URL) names no file nor route
    if (!req.url?.startsWith('/')) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' }).end('not found');
      return;
    }
    let url: URL;
    let decoded: string;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
      decoded = decodeURIComponent(url.pathname);
    } catch {
      // a malformed escape (`/%E0%A4%A`) or request target: the client's mistake (it threw, and ended the process)
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' }).end('bad request: the path is not a valid URL');
      return;
    }
    let path = normalize(join(base, decoded));
    if (path !== base && !path.startsWith(base + sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    if (!existsSync(path) || statSync(path).isDirectory()) {
      if (isFileRequest(url.pathname)) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' }).end('not found');
        return;
      }
      path = join(base, 'index.html');
    }
    if (!existsSync(path)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('dashboard not built: run `pnpm --filter @copydesk/dashboard build`');
      return;
    }
    const immutable = path.includes(`${sep}assets${sep}`);
    res.writeHead(200, {
      'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    // a read that fails after the status is out (the file removed or unreadable meanwhile) cuts the connection
    createReadStream(path)
      .on('error', () => res.destroy())
      .pipe(res);
  };
}
