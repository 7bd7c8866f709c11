import type { EnrichmentFailure } from '../../enrich/jobs.ts';
import { builder } from '../builder.ts';

export const EnrichmentFailureRef = builder.objectRef<EnrichmentFailure>('EnrichmentFailure').implement({
  description: 'An enrichment job that failed every try (see the README on the job policy): its dump, its last error, how many tries ran.',
  fields: (t) => ({
    dump: t.drizzleField({
      type: 'dumps',
      nullable: true,
      description: 'the dump whose articles were to be enriched; null when it was deleted since',
      resolve: (query, r, _args, ctx) => ctx.db.query.dumps.findFirst(query({ where: { id: r.dumpId } })),
    }),
    error: t.exposeString('error', { description: 'the last try\'s error message' }),
    attempts: t.exposeInt('attempts', { description: 'tries made, the first one included' }),
    failedAt: t.field({ type: 'DateTime', resolve: (r) => r.failedAt.toISOString() }),
  }),
});
