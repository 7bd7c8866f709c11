import { DRIFT_KINDS, driftReport, type SourceDrift } from '../../learn/drift.ts';
import { builder } from '../builder.ts';

const DriftKindEnum = builder.enumType('DriftKind', {
  values: {
    ARTICLES: { description: 'an article added, removed or relabelled (segment boundaries)' },
    HEADLINE: {},
    BYLINE: {},
    SOURCE: {},
    PUBLISHED: {},
    SECTION: {},
    BODY_START: { description: "the body's first line" },
    BODY_END: { description: "the body's last line" },
    BOILERPLATE: { description: 'publisher or site boilerplate marked or unmarked' },
    SUBHEAD: {},
    COPYRIGHT: {},
  } satisfies Record<(typeof DRIFT_KINDS)[number], { description?: string }>,
});

const DriftCount = builder.objectRef<{ kind: (typeof DRIFT_KINDS)[number]; count: number }>('DriftCount').implement({
  fields: (t) => ({
    kind: t.field({ type: DriftKindEnum, resolve: (c) => c.kind }),
    count: t.exposeInt('count', { description: 'articles the editors changed in this way' }),
  }),
});

export const SourceDriftRef = builder.objectRef<SourceDrift>('SourceDrift').implement({
  description: "How often editors changed the parser's output for one source, by kind: where the parser needs work.",
  fields: (t) => ({
    source: t.exposeString('source', { nullable: true, description: 'the outlet; null for articles that name none' }),
    dumps: t.exposeInt('dumps', { description: "dumps with an editor's revision showing this source" }),
    articles: t.exposeInt('articles', { description: 'articles compared' }),
    changed: t.exposeInt('changed', { description: 'articles an editor changed' }),
    kinds: t.field({ type: [DriftCount], resolve: (d) => d.kinds }),
  }),
});

builder.queryFields((t) => ({
  driftReport: t.field({
    type: [SourceDriftRef],
    description: "Per source, how often editors changed the parser's output, by kind (each edited dump's latest editor revision against the parser revision it descends from; the 1000 most recently edited dumps). Most changed first.",
    resolve: (_root, _args, ctx) => driftReport(ctx.db),
  }),
}));
