import { builder } from '../builder.ts';
import { cursorOrdering } from '../input.ts';

export const Source = builder.drizzleNode('sources', {
  name: 'Source',
  description: 'An outlet, as pages name it.',
  id: { column: (s) => s.id },
  fields: (t) => ({
    name: t.exposeString('name'),
    articles: t.relatedConnection('articles', { query: { orderBy: { id: 'asc' } }, totalCount: true, extensions: cursorOrdering({ values: ['int'] }) }),
  }),
});
