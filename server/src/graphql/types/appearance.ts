import { builder } from '../builder.ts';

export const Appearance = builder.drizzleObject('appearances', {
  name: 'Appearance',
  description: 'An article as one dump shows it: a segment of the dump\'s current revision.',
  fields: (t) => ({
    role: t.exposeString('role', { description: 'main or related' }),
    position: t.exposeInt('position', { description: 'index among the dump\'s articles, page order' }),
    start: t.exposeInt('start'),
    end: t.exposeInt('end'),
    confidence: t.exposeFloat('confidence'),
    dump: t.relation('dump'),
    article: t.relation('article'),
  }),
});
