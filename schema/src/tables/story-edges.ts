import { index, integer, pgTable, real, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { articles } from './articles.ts';
import { dumps } from './dumps.ts';

/** LISTED (the page listed it as related), SAME_STORY (near-duplicate text), TOPICAL (shared topics) */
export const STORY_EDGE_KINDS = ['LISTED', 'SAME_STORY', 'TOPICAL'] as const;
export type StoryEdgeKind = (typeof STORY_EDGE_KINDS)[number];

/** A directed, weighted edge between two articles. */
export const storyEdges = pgTable(
  'story_edges',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    fromArticleId: integer('from_article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    toArticleId: integer('to_article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<StoryEdgeKind>().notNull(),
    weight: real('weight').notNull().default(1),
    /** provenance: the dump that listed it (LISTED edges) */
    dumpId: integer('dump_id').references(() => dumps.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('story_edges_from_to_kind_key').on(t.fromArticleId, t.toArticleId, t.kind),
    index('story_edges_to_idx').on(t.toArticleId),
  ],
);
