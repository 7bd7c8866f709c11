import { index, integer, pgTable, real, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { articles } from './articles.ts';
import { dumps } from './dumps.ts';

/** Where an article appears: a segment of a dump's current revision. */
export const appearances = pgTable(
  'appearances',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    dumpId: integer('dump_id')
      .notNull()
      .references(() => dumps.id, { onDelete: 'cascade' }),
    /** main or related */
    role: text('role').notNull(),
    /** index among the dump's articles, in page order */
    position: integer('position').notNull(),
    start: integer('start').notNull(),
    end: integer('end').notNull(),
    confidence: real('confidence').notNull().default(0),
  },
  (t) => [
    uniqueIndex('appearances_dump_position_key').on(t.dumpId, t.position),
    index('appearances_article_idx').on(t.articleId),
  ],
);
