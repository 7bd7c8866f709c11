/**
 * Who is still waiting for the statements being sent: the AbortSignal of the request (a GraphQL
 * read) on whose behalf they run, carried with AsyncLocalStorage so that no resolver or loader has
 * to pass it along. The embedded database (pglite-thread.ts) drops a statement whose signal has
 * aborted before the statement started: a read whose client went away, or whose answer is already
 * decided (refused, timed out), leaves no work queued for every later request to wait behind. On
 * PostgreSQL (client.ts cancelAbandoned) such a statement is not sent, and one already running
 * when the signal aborts is cancelled.
 * Statements sent outside a scope (mutations, imports, workers) are never dropped this way.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const scope = new AsyncLocalStorage<AbortSignal>();

/** Runs `fn` with its statements given up once `signal` aborts. */
export function withStatementScope<T>(signal: AbortSignal, fn: () => T): T {
  return scope.run(signal, fn);
}

/**
 * Runs `fn` outside any scope: work shared by several requests (one computation whose answer
 * concurrent requests share) must not be given up when the request that started it is.
 */
export function withoutStatementScope<T>(fn: () => T): T {
  return scope.exit(fn);
}

/** the signal of the scope the caller runs in, if any */
export function statementSignal(): AbortSignal | undefined {
  return scope.getStore();
}

/**
 * the error a statement given up on rejects with (before it started, or cancelled while it ran on
 * PostgreSQL: `cause` is the driver's error then): PostgreSQL's query_canceled
 */
export class StatementAbandonedError extends Error {
  readonly code = '57014';
  constructor(cause?: unknown) {
    super('canceling statement: the request it ran for was given up', cause === undefined ? undefined : { cause });
  }
}

/** whether `error` (or an error in its cause chain) is a statement given up on: no fault of the server's, nothing to log */
export function isAbandoned(error: unknown): boolean {
  for (let e = error, i = 0; e && i < 8; e = (e as { cause?: unknown }).cause, i++) if (e instanceof StatementAbandonedError) return true;
  return false;
}
