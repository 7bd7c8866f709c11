/**
 * Who is still waiting for the statements being sent: the AbortSignal of the request (a GraphQL
 * read) on whose behalf they run, carried with AsyncLocalStorage so that no resolver or loader has
 * to pass it along. The embedded database (pglite-thread.ts) drops a statement whose signal has
 * aborted before the statement started: a read whose client went away, or whose answer is already
 * decided (refused, timed out), leaves no work queued for every later request to wait behind.
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

/** the error a statement given up on (before it started) rejects with: PostgreSQL's query_canceled */
export class StatementAbandonedError extends Error {
  readonly code = '57014';
  constructor() {
    super('canceling statement: the request it ran for was given up');
  }
}
