import { integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';

/** An outlet, as pages name it ("Asahi Shimbun", "Yahoo"). */
export const sources = pgTable(
  'sources',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** case- and space-folded name: "the independent" and "The  Independent" are one source */
    key: text('key').notNull(),
    name: text('name').notNull(),
  },
  (t) => [uniqueIndex('sources_key_key').on(t.key)],
);
