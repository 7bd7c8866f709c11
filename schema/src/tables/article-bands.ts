import { bigint, index, integer, pgTable, primaryKey } from 'drizzle-orm/pg-core';
import { articles } from './articles.ts';

/** LSH bands of each article's MinHash signature: articles sharing a band are SAME_STORY candidates. */
export const articleBands = pgTable(
  'article_bands',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    band: integer('band').notNull(),
    key: bigint('key', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.band] }), index('article_bands_lookup_idx').on(t.band, t.key)],
);
