/** `copydesk stories backfill`: gives a story to every enriched article that has none (idempotent). */
import { parseArgs } from 'node:util';
import { backfillStories, BACKFILL_BATCH } from '../stories/backfill.ts';
import { CliError, withDatabase } from './shared.ts';

export async function storiesCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { batch: { type: 'string' }, 'data-dir': { type: 'string' } }, allowPositionals: true });
  if (positionals[0] !== 'backfill' || positionals.length > 1) throw new CliError('usage: copydesk stories backfill [--batch N]');
  const batch = values.batch === undefined ? BACKFILL_BATCH : Number.parseInt(values.batch, 10);
  if (!Number.isInteger(batch) || batch < 1) throw new CliError('--batch must be a positive whole number');
  return withDatabase(args, async (db) => {
    const { assigned, stories } = await backfillStories(db, { batch, onBatch: (n) => process.stderr.write(`assigned ${n} article(s)\n`) });
    process.stderr.write(`copydesk stories backfill: ${assigned} article(s) given a story (${stories} stories touched)\n`);
    return 0;
  });
}
