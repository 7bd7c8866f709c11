/**
 * The HTTP listener's routing: `/audit.jsonl` and `/graphql` go to the app (Yoga), everything else
 * to the dashboard's files. A POST without Content-Length is refused (411 LENGTH_REQUIRED) where
 * a body is read, because the request-size limit reads that header; `/audit.jsonl` reads no body
 * and answers every method itself (GET; 405 with `Allow: GET` otherwise).
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { AUDIT_EXPORT_PATH } from './audit-export.ts';
import type { App } from '../yoga.ts';

/**
 * Runs the app on one request. A failure while the answer is sent (a streamed body whose read
 * fails half-way, as the audit export's can) rejects the app's promise after the status is out:
 * it is logged and the connection closed, so the client sees a cut answer; left unhandled, the
 * rejection ended the whole server process.
 */
function serve(app: App, req: IncomingMessage, res: ServerResponse): void {
  Promise.resolve()
    .then(() => app(req, res))
    .catch((e: unknown) => {
      console.error(`copydesk: a response to ${req.method} ${(req.url ?? '').slice(0, 200)} failed: ${String((e as Error)?.message ?? e).slice(0, 1000)}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }));
      else res.destroy();
    });
}

export function requestListener(app: App, serveStatic: (req: IncomingMessage, res: ServerResponse) => void): RequestListener {
  return (req, res) => {
    const url = req.url ?? '';
    if (url.startsWith(AUDIT_EXPORT_PATH)) return serve(app, req, res);
    if (req.method === 'POST' && req.headers['content-length'] === undefined) {
      res.writeHead(411, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: 'Send a Content-Length header', extensions: { code: 'LENGTH_REQUIRED' } }] }));
      return;
    }
    if (url.startsWith('/graphql')) serve(app, req, res);
    else {
      try {
        serveStatic(req, res);
      } catch (e) {
        // a throw here would end the server process
        console.error(`copydesk: serving ${req.method} ${url.slice(0, 200)} failed: ${String((e as Error)?.message ?? e).slice(0, 1000)}`);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('unexpected error');
        else res.destroy();
      }
    }
  };
}
