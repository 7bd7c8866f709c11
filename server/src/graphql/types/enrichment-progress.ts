import { enrichmentFailures, queueCounts, type QueueCounts } from '../../enrich/jobs.ts';
import { builder } from '../builder.ts';
import { watch } from '../../live/watch.ts';
import { EnrichmentFailureRef } from './enrichment-failure.ts';

const EnrichmentProgress = builder.objectRef<QueueCounts>('EnrichmentProgress').implement({
  description: 'The enrichment job queue (topics, SAME_STORY and TOPICAL edges), in jobs (one per imported, saved or re-parsed dump).',
  fields: (t) => ({
    queued: t.exposeInt('queued', { description: 'waiting to run, retries waiting out their backoff included' }),
    running: t.exposeInt('running'),
    done: t.exposeInt('done'),
    failed: t.exposeInt('failed', { description: 'failed every try' }),
    failures: t.field({
      type: [EnrichmentFailureRef],
      description: 'the most recently failed jobs, newest first, with their errors',
      args: { first: t.arg.int({ required: false, defaultValue: 20, description: 'at most 100' }) },
      resolve: (_r, args, ctx) => enrichmentFailures(ctx.db, Math.max(0, Math.min(100, args.first ?? 20))),
    }),
  }),
});

builder.queryFields((t) => ({
  enrichment: t.field({
    type: EnrichmentProgress,
    description: 'progress of topic and similarity enrichment after imports, saves and re-parses',
    resolve: (_r, _a, ctx) => queueCounts(ctx.db),
  }),
}));

/** while jobs wait or run, how often their progress is read again (a worker in another process announces nothing) */
const ENRICHMENT_POLL_MS = 1000;

builder.subscriptionFields((t) => ({
  enrichment: t.field({
    type: EnrichmentProgress,
    description: 'The enrichment queue at once, then again whenever its counts change (imports and saves queue jobs; workers finish them)',
    subscribe: (_r, _a, ctx) =>
      watch(ctx.changes, 'enrichment', () => queueCounts(ctx.db), {
        key: (c) => `${c.queued}:${c.running}:${c.done}:${c.failed}`,
        pollMs: (c) => (c.queued + c.running > 0 ? ENRICHMENT_POLL_MS : 0),
      }),
    resolve: (c: QueueCounts) => c,
  }),
}));
