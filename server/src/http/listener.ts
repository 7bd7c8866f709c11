/**
 * The HTTP listener's routing: `/audit.jsonl` and `/graphql` go to the app (Yoga), everything else
 * to the dashboard's files. A POST without Content-Length is refused (411 LENGTH_REQUIRED) where
 * a body is read, because the request-size limit reads that header; `/audit.jsonl` reads no body
 * and answers every method itself (GET; 405 with `Allow: GET` otherwise).
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { AUDIT_EXPORT_PATH } from './audit-export.ts';
import type { App } from '../yoga.ts';

export function requestListener(app: App, serveStatic: (req: IncomingMessage, res: ServerResponse) => void): RequestListener {
  return (req, res) => {
    const url = req.url ?? '';
    if (url.startsWith(AUDIT_EXPORT_PATH)) return void app(req, res);
    if (req.method === 'POST' && req.headers['content-length'] === undefined) {
      res.writeHead(411, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: 'Send a Content-Length header', extensions: { code: 'LENGTH_REQUIRED' } }] }));
      return;
    }
    if (url.startsWith('/graphql')) void app(req, res);
    else serveStatic(req, res);
  };
}
