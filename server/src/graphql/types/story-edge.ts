import { builder } from '../builder.ts';

export const StoryEdgeKind = builder.enumType('StoryEdgeKind', {
  values: {
    LISTED: { description: 'the page listed it as related' },
    SAME_STORY: { description: 'near-duplicate text from another outlet or capture' },
    TOPICAL: { description: 'shared topics' },
  } as const,
});

export const StoryEdge = builder.drizzleObject('storyEdges', {
  name: 'StoryEdge',
  description: 'A weighted link from one article to another.',
  fields: (t) => ({
    kind: t.expose('kind', { type: StoryEdgeKind }),
    weight: t.exposeFloat('weight'),
    from: t.relation('from'),
    to: t.relation('to'),
    dump: t.relation('dump', { nullable: true, description: 'provenance: the dump that listed it' }),
  }),
});
