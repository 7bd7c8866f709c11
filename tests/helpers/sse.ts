/** A GraphQL subscription over Server-Sent Events (graphql-yoga's transport), read in process. */
import type { App } from '@copydesk/server/yoga.ts';

export interface Subscription<T = any> {
  /** the next event's `data`/`errors` payload; rejects after `timeoutMs` without one */
  next(timeoutMs?: number): Promise<{ data?: T; errors?: { message: string; extensions?: { code?: string } }[] }>;
  /** waits for the first event whose payload passes `test` (earlier ones are skipped) */
  until(test: (p: { data?: T }) => boolean, timeoutMs?: number): Promise<{ data?: T }>;
  close(): void;
}

/**
 * Starts `query` on `app` as an SSE stream (POST, `accept: text/event-stream`), signed with
 * `token` when given, with `headers` added; events are queued as they arrive.
 */
export async function subscribe<T = any>(app: App, query: string, variables: Record<string, unknown> = {}, token?: string | null, headers: Record<string, string> = {}): Promise<Subscription<T>> {
  const abort = new AbortController();
  const res = await app.fetch('http://localhost/graphql', {
    method: 'POST',
    signal: abort.signal,
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const queue: any[] = [];
  const waiting: ((v: any) => void)[] = [];
  const put = (v: any) => (waiting.length ? waiting.shift()!(v) : queue.push(v));
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let buf = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buf += value;
        let at: number;
        while ((at = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, at);
          buf = buf.slice(at + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = block.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('\n');
          if (event === 'next' && data) put(JSON.parse(data));
          if (event === 'complete') put({ complete: true });
        }
      }
    } catch {
      // aborted
    }
  })();
  const next = (timeoutMs = 5000) =>
    new Promise<any>((ok, fail) => {
      if (queue.length) return ok(queue.shift());
      const timer = setTimeout(() => {
        waiting.splice(waiting.indexOf(done), 1);
        fail(new Error(`no subscription event within ${timeoutMs} ms`));
      }, timeoutMs);
      const done = (v: any) => (clearTimeout(timer), ok(v));
      waiting.push(done);
    });
  return {
    next,
    async until(test, timeoutMs = 5000) {
      const end = Date.now() + timeoutMs;
      for (;;) {
        const p = await next(Math.max(1, end - Date.now()));
        if (test(p)) return p;
      }
    },
    // cancelling the body ends the server's stream (in process the abort alone does not reach it)
    close: () => (void reader.cancel().catch(() => {}), abort.abort()),
  };
}
