/** `copydesk stories backfill`: gives a story to every enriched article that has none (idempotent). */
import { backfillStories, BACKFILL_BATCH } from '../stories/backfill.ts';
import { UsageError } from './errors.ts';
import { readArgs, wholeNumberFlag } from './args.ts';
import { withDatabase } from './shared.ts';

export async function storiesCommand(args: string[]): Promise<number> {
  const { values, positionals } = readArgs('stories', args, { batch: { type: 'string' }, 'data-dir': { type: 'string' } }, true);
  if (positionals[0] !== 'backfill' || positionals.length > 1) throw new UsageError('stories', positionals.length ? `unknown stories command "${positionals.join(' ')}": the one is backfill` : 'needs a command: backfill');
  const batch = values.batch === undefined ? BACKFILL_BATCH : wholeNumberFlag('stories backfill', '--batch', values.batch, 1, Number.MAX_SAFE_INTEGER);
  return withDatabase(values['data-dir'], async (db) => {
    const { assigned, stories } = await backfillStories(db, { batch, onBatch: (n) => process.stderr.write(`assigned ${n} article(s)\n`) });
    process.stderr.write(`copydesk stories backfill: ${assigned} article(s) given a story (${stories} stories touched)\n`);
    return 0;
  });
}
