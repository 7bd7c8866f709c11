/**
 * The one place that knows how a worker thread's code is loaded. Every worker of copydesk (topic
 * extraction, upload unpacking, the embedded database) is named in WORKER_ENTRIES and started
 * through `workerScript` / `spawnWorker`, which work both ways copydesk runs:
 * - from source (`pnpm dev`, the tests, `tsx`): the entry is the `.ts` file, loaded through tsx.
 *   A plain worker thread starts from a bootstrap that loads the entry with tsx's API (`tsImport`):
 *   on Node 20 `--import tsx` in a worker's execArgv does not make its entry module loadable. A
 *   piscina pool imports the file itself, dynamically, which `--import tsx` does cover: it gets the
 *   `.ts` file and the main thread's loader flags (`workerExecArgv`);
 * - from the build (`pnpm start`, server/dist): the entry is its bundled `dist/<name>.js`, plain
 *   JavaScript, and no loader flag.
 */
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** every worker entry point: its name (the built file is `server/dist/<name>.js`) and its source under server/src */
export const WORKER_ENTRIES = {
  analyse: 'enrich/analyse.ts',
  unpack: 'import/unpack-worker.ts',
  prepare: 'import/prepare-worker.ts',
  pglite: 'db/pglite-worker.ts',
} as const;

export type WorkerName = keyof typeof WORKER_ENTRIES;

/** True when this code runs from the build (bundled into server/dist/*.js); from source this module's URL ends in `.ts`. */
const BUILT = !import.meta.url.endsWith('.ts');

/** the flags of the main thread that load code, the only ones a worker thread takes and needs */
const LOADER_FLAGS = new Set(['--import', '--require', '-r', '--loader', '--experimental-loader', '--conditions', '-C']);

/** tsx's API module (tsImport), as an absolute file URL: the bootstrap does not depend on the working directory */
const tsxApi = () => pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;

/**
 * A worker thread's execArgv when running from source: the main thread's loader flags, never its
 * V8 or process flags (`--max-semi-space-size`, `--inspect`), which Node refuses for a worker
 * thread ("Initiated Worker with invalid execArgv flags"). Adds tsx's loader when the main thread
 * has none (vitest, or a main thread started without tsx).
 */
export function workerExecArgv(execArgv: readonly string[] = process.execArgv): string[] {
  const kept: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const a = execArgv[i]!;
    const name = a.split('=')[0]!;
    if (!LOADER_FLAGS.has(name)) continue;
    if (a.includes('=')) kept.push(a);
    else if (i + 1 < execArgv.length) kept.push(a, execArgv[++i]!);
  }
  return kept.some((a) => a === 'tsx' || a.includes('tsx/') || a.endsWith('=tsx')) ? kept : [...kept, '--import', 'tsx'];
}

/** The file a piscina pool of workers named `name` runs (an absolute path) and the execArgv it needs, from source or from the build. */
export function workerScript(name: WorkerName): { filename: string; execArgv: string[] } {
  if (BUILT) return { filename: fileURLToPath(new URL(`./${name}.js`, import.meta.url)), execArgv: [] };
  return { filename: fileURLToPath(new URL(`../${WORKER_ENTRIES[name]}`, import.meta.url)), execArgv: workerExecArgv() };
}

/** Starts the worker thread named `name` with `options` (workerData, resourceLimits, ...); execArgv is set here. */
export function spawnWorker(name: WorkerName, options: Omit<WorkerOptions, 'execArgv' | 'eval'> = {}): Worker {
  if (BUILT) return new Worker(fileURLToPath(new URL(`./${name}.js`, import.meta.url)), { ...options, execArgv: [] });
  const entry = new URL(`../${WORKER_ENTRIES[name]}`, import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsxApi())}).then((tsx) => tsx.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}))`;
  return new Worker(bootstrap, { ...options, eval: true, execArgv: [] });
}
