import { boolean, index, integer, pgTable, primaryKey, text, timestamp, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { articles } from './articles.ts';

/**
 * A story: the articles about one event, across outlets. Kept incrementally by the enrichment job
 * (server/src/stories/assign.ts); `size`, `firstSeenAt`, `lastSeenAt` and `headline` are refreshed
 * whenever its membership changes.
 */
export const stories = pgTable(
  'stories',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** the representative headline: its best-connected article's, earliest first on ties */
    headline: text('headline'),
    /** an editor's name for it; shown instead of `headline` when set */
    title: text('title'),
    size: integer('size').notNull().default(0),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true, mode: 'string' }),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'string' }),
    /** set when it was merged into another story (by an editor, or by an article bridging both) */
    mergedIntoId: integer('merged_into_id').references((): AnyPgColumn => stories.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [index('stories_last_seen_idx').on(t.lastSeenAt, t.id), index('stories_size_idx').on(t.size, t.id)],
);

/** Which story an article belongs to (at most one). `pinned`: an editor put it there, and the assigner leaves it. */
export const storyArticles = pgTable(
  'story_articles',
  {
    articleId: integer('article_id')
      .primaryKey()
      .references(() => articles.id, { onDelete: 'cascade' }),
    storyId: integer('story_id')
      .notNull()
      .references(() => stories.id, { onDelete: 'cascade' }),
    /** the article's time on the story's timeline: published, else first imported */
    seenAt: timestamp('seen_at', { withTimezone: true, mode: 'string' }).notNull(),
    pinned: boolean('pinned').notNull().default(false),
  },
  (t) => [index('story_articles_story_seen_idx').on(t.storyId, t.seenAt, t.articleId)],
);

/** An editor moved the article out of the story: the assigner never puts it back there. */
export const storyExclusions = pgTable(
  'story_exclusions',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    storyId: integer('story_id')
      .notNull()
      .references(() => stories.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.storyId] })],
);
