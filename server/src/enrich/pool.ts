/**
 * Worker threads for the CPU part of enrichment (piscina). Topic extraction and MinHash run here,
 * off the thread that answers requests; every batch has a time limit, and a worker that passes it
 * is terminated (piscina ends the thread of an aborted task) so a stuck extraction frees its slot.
 */
import { Piscina } from 'piscina';
import type { ArticleAnalysis, ArticleText } from './analyse.ts';
import { workerScript } from '../threads/spawn.ts';

/** the longest a batch of analyses may run before its worker thread is terminated, in ms */
export const ANALYSE_TIME_LIMIT_MS = 30_000;

export class AnalyseTimeoutError extends Error {
  readonly code = 'ENRICH_TIMEOUT';
  constructor(ms: number) {
    super(`enrichment of the batch took longer than ${ms} ms; its worker thread was terminated`);
  }
}

let pool: Piscina | null = null;
let size = 1;

/** Sets how many worker threads analyse at once (the server's COPYDESK_WORKERS); takes effect for a new pool. */
export function setAnalyseThreads(threads: number): void {
  size = Math.max(1, threads);
  if (pool && pool.options.maxThreads !== size) {
    const old = pool;
    pool = null;
    void old.close();
  }
}

function thePool(): Piscina {
  pool ??= new Piscina({ ...workerScript('analyse'), minThreads: 0, maxThreads: size, idleTimeout: 30_000 });
  return pool;
}

export interface AnalyseOptions {
  /** per-batch time limit in ms (default ANALYSE_TIME_LIMIT_MS) */
  timeLimitMs?: number;
  /** aborts the batch (its thread is terminated) and rejects with the signal's reason: a worker shutting down */
  signal?: AbortSignal;
}

/**
 * Analyses articles in a worker thread: topics and MinHash signatures, in input order.
 * Throws AnalyseTimeoutError when the batch runs past its time limit (the thread is terminated),
 * and `opts.signal`'s reason once it is aborted.
 */
export async function analyseOffThread(batch: ArticleText[], opts: AnalyseOptions = {}): Promise<ArticleAnalysis[]> {
  if (!batch.length) return [];
  const ms = opts.timeLimitMs ?? ANALYSE_TIME_LIMIT_MS;
  // a timer of our own, cleared when the task ends either way: a task that failed (a worker that
  // could not start) must leave no abort behind to reject later, unheard
  opts.signal?.throwIfAborted();
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), ms);
  try {
    return (await thePool().run(batch, { signal: opts.signal ? AbortSignal.any([abort.signal, opts.signal]) : abort.signal })) as ArticleAnalysis[];
  } catch (e) {
    opts.signal?.throwIfAborted();
    if (abort.signal.aborted) throw new AnalyseTimeoutError(ms);
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

/** Ends the worker threads (server shutdown, end of a CLI command). */
export async function closeAnalysePool(): Promise<void> {
  const p = pool;
  pool = null;
  if (p) await p.close({ force: true });
}
