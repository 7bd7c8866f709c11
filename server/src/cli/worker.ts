/** `copydesk worker`: drains the enrichment queue of the configured database; run several on several machines. */
import { queueCounts, runDueJobs, startEnrichWorkers } from '../enrich/jobs.ts';
import { closeAnalysePool, setAnalyseThreads } from '../enrich/pool.ts';
import { readArgs, wholeNumberFlag } from './args.ts';
import { withDatabase } from './shared.ts';

export async function workerCommand(args: string[]): Promise<number> {
  const { values } = readArgs('worker', args, { once: { type: 'boolean', default: false }, concurrency: { type: 'string', default: '1' }, 'data-dir': { type: 'string' } });
  const concurrency = wholeNumberFlag('worker', '--concurrency', values.concurrency, 1, 16);
  setAnalyseThreads(concurrency);
  try {
    return await withDatabase(values['data-dir'], async (db) => {
      if (values.once) {
        const n = await runDueJobs(db);
        process.stderr.write(`ran ${n} job(s); queue now ${JSON.stringify(await queueCounts(db))}\n`);
        return 0;
      }
      const worker = await startEnrichWorkers(db, { concurrency });
      process.stderr.write(`copydesk worker: draining the enrichment queue with ${concurrency} job(s) at once (Ctrl-C to stop)\n`);
      const timer = setInterval(async () => process.stderr.write(`queue ${JSON.stringify(await queueCounts(db))}\n`), 10_000);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      clearInterval(timer);
      await worker.stop();
      return 0;
    });
  } finally {
    await closeAnalysePool();
  }
}
