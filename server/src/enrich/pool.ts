/**
 * Worker threads for the CPU part of enrichment (piscina). Topic extraction and MinHash run here,
 * off the thread that answers requests; every batch has a time limit, and a worker that passes it
 * is terminated (piscina ends the thread of an aborted task) so a stuck extraction frees its slot.
 */
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { ArticleAnalysis, ArticleText } from './analyse.ts';

/** the longest a batch of analyses may run before its worker thread is terminated, in ms */
export const ANALYSE_TIME_LIMIT_MS = 30_000;

export class AnalyseTimeoutError extends Error {
  readonly code = 'ENRICH_TIMEOUT';
  constructor(ms: number) {
    super(`enrichment of the batch took longer than ${ms} ms; its worker thread was terminated`);
  }
}

const entry = fileURLToPath(new URL('./analyse.ts', import.meta.url));

/** TypeScript runs in the worker threads through tsx, like in the main thread */
function workerExecArgv(): string[] {
  const argv = process.execArgv.filter((a) => !a.startsWith('--inspect'));
  return argv.some((a) => a === 'tsx' || a.includes('tsx/')) ? argv : [...argv, '--import', 'tsx'];
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
  pool ??= new Piscina({ filename: entry, minThreads: 0, maxThreads: size, idleTimeout: 30_000, execArgv: workerExecArgv() });
  return pool;
}

export interface AnalyseOptions {
  /** per-batch time limit in ms (default ANALYSE_TIME_LIMIT_MS) */
  timeLimitMs?: number;
}

/**
 * Analyses articles in a worker thread: topics and MinHash signatures, in input order.
 * Throws AnalyseTimeoutError when the batch runs past its time limit (the thread is terminated).
 */
export async function analyseOffThread(batch: ArticleText[], opts: AnalyseOptions = {}): Promise<ArticleAnalysis[]> {
  if (!batch.length) return [];
  const ms = opts.timeLimitMs ?? ANALYSE_TIME_LIMIT_MS;
  const signal = AbortSignal.timeout(ms);
  try {
    return (await thePool().run(batch, { signal })) as ArticleAnalysis[];
  } catch (e) {
    if (signal.aborted) throw new AnalyseTimeoutError(ms);
    throw e;
  }
}

/** Ends the worker threads (server shutdown, end of a CLI command). */
export async function closeAnalysePool(): Promise<void> {
  const p = pool;
  pool = null;
  if (p) await p.close({ force: true });
}
