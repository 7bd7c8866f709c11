import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { spawnWorker, WORKER_ENTRIES, workerExecArgv, workerScript, type WorkerName } from './spawn.ts';

describe('workerExecArgv', () => {
  it('keeps the loader flags and drops V8 and process flags, which Node refuses for a worker thread', () => {
    // `pnpm start` runs node --max-semi-space-size=64 --import tsx: every enrichment job failed with it
    expect(workerExecArgv(['--max-semi-space-size=64', '--import', 'tsx'])).toEqual(['--import', 'tsx']);
    expect(workerExecArgv(['--inspect=9229', '--import=tsx', '--stack-size=2000'])).toEqual(['--import=tsx']);
    expect(workerExecArgv(['--require', './x.cjs'])).toEqual(['--require', './x.cjs', '--import', 'tsx']);
    expect(workerExecArgv([])).toEqual(['--import', 'tsx']);
  });
});

describe('workerScript', () => {
  it('names an existing source file for every worker entry (from source)', () => {
    for (const name of Object.keys(WORKER_ENTRIES) as WorkerName[]) {
      const { filename } = workerScript(name);
      expect(filename.endsWith(WORKER_ENTRIES[name])).toBe(true);
      expect(existsSync(filename)).toBe(true);
    }
  });

  it('starts a TypeScript worker from a working directory outside the repository', async () => {
    const cwd = process.cwd();
    process.chdir('/');
    try {
      // the unpack worker answers garbage bytes (a refused item) when asked: proof that its TypeScript loaded
      const w = spawnWorker('unpack', { workerData: { filename: 'x.zip', limits: { maxUploadBytes: 1000, maxDumpBytes: 1000, maxUnpackedBytes: 1000, maxEntries: 10 } } });
      const answer = new Promise<unknown>((ok, fail) => (w.once('message', ok), w.once('error', fail)));
      w.postMessage(new Uint8Array([1, 2, 3]));
      w.postMessage(null);
      w.postMessage('next');
      expect(await answer).toBeTypeOf('object');
      await w.terminate();
    } finally {
      process.chdir(cwd);
    }
  });
});
