/** `copydesk worker`: drains the enrichment queue of the configured database; run several on several machines. */
import { parseArgs } from 'node:util';
import { queueCounts, startWorker } from '../enrich/queue.ts';
import { withDatabase } from './shared.ts';

export async function workerCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { once: { type: 'boolean', default: false }, 'data-dir': { type: 'string' } } });
  return withDatabase(args, async (db) => {
    if (values.once) {
      const { runQueuedJobs } = await import('../enrich/queue.ts');
      const n = await runQueuedJobs(db);
      process.stderr.write(`ran ${n} job(s); queue now ${JSON.stringify(await queueCounts(db))}\n`);
      return 0;
    }
    const worker = startWorker(db);
    process.stderr.write('copydesk worker: draining the enrichment queue (Ctrl-C to stop)\n');
    const timer = setInterval(async () => process.stderr.write(`queue ${JSON.stringify(await queueCounts(db))}\n`), 10_000);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    clearInterval(timer);
    await worker.stop();
    return 0;
  });
}
