import { index, integer, pgTable, primaryKey, real, text, uniqueIndex, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { articles } from './articles.ts';

/** An entity or subject (person, place, organisation, subject). Editors rename and merge them. */
export const topics = pgTable(
  'topics',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** normalised name: "Zelenskyy" in two articles is one topic */
    key: text('key').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull().default('subject'),
    /** set when an editor merged this topic into another */
    mergedIntoId: integer('merged_into_id').references((): AnyPgColumn => topics.id, { onDelete: 'set null' }),
  },
  (t) => [uniqueIndex('topics_key_key').on(t.key)],
);

/** Which topics an article is about, with a weight. */
export const articleTopics = pgTable(
  'article_topics',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    topicId: integer('topic_id')
      .notNull()
      .references(() => topics.id, { onDelete: 'cascade' }),
    weight: real('weight').notNull().default(1),
    /** the editor who linked the topic by hand; null for a link enrichment extracted (which re-enrichment replaces) */
    addedBy: text('added_by'),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.topicId] }),
    index('article_topics_topic_idx').on(t.topicId),
    // an article's topics strongest first, as every read lists them: an index-only scan, no sort
    index('article_topics_article_weight_idx').on(t.articleId, t.weight.desc().nullsFirst(), t.topicId),
  ],
);

/** Other names a topic goes by: spellings folded into it by extraction ("Rubio"), and names merged or renamed away. Searchable. */
export const topicAliases = pgTable(
  'topic_aliases',
  {
    topicId: integer('topic_id')
      .notNull()
      .references(() => topics.id, { onDelete: 'cascade' }),
    /** topicKey of the alias */
    key: text('key').notNull(),
    name: text('name').notNull(),
  },
  (t) => [primaryKey({ columns: [t.topicId, t.key] }), index('topic_aliases_key_idx').on(t.key)],
);
