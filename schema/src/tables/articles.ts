import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { customType, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { sources } from './sources.ts';

/**
 * The sort key of "newest publication first, unknown dates last": the publication time, or
 * -infinity without one. The API's PUBLISHED_DESC ordering and its indexes use this one expression
 * (an index serves an ORDER BY only when the expressions are the same).
 */
export const publishedSortSql = (publishedAt: AnyColumn | SQL) => sql<string>`coalesce(${publishedAt}, '-infinity'::timestamptz)`;

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * An article: one story text, however many dumps show it. `fingerprint` identifies the story
 * (folded headline and source), so a related block repeated across pages is one row.
 */
export const articles = pgTable(
  'articles',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    fingerprint: text('fingerprint').notNull(),
    headline: text('headline'),
    byline: text('byline'),
    sourceId: integer('source_id').references(() => sources.id, { onDelete: 'set null' }),
    published: text('published'),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'string' }),
    section: text('section'),
    body: text('body').notNull().default(''),
    copyright: text('copyright'),
    subheads: jsonb('subheads').$type<string[]>().notNull().default([]),
    /**
     * full-text search document: headline weighted A, body B. A tsvector holds at most 1 MB, so
     * only the first 2,000 characters of the headline and 100,000 of the body are indexed (at
     * most about 5.5 bytes of tsvector per character): a longer article is stored whole and found
     * by its beginning.
     */
    search: tsvector('search').generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector('english', left(coalesce(${articles.headline}, ''), 2000)), 'A') || setweight(to_tsvector('english', left(${articles.body}, 100000)), 'B')`,
    ),
    /** MinHash signature of the cleaned body (SAME_STORY detection); null until enriched */
    minhash: integer('minhash').array(),
    /** when topics and similarity edges were last computed */
    enrichedAt: timestamp('enriched_at', { withTimezone: true, mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('articles_fingerprint_key').on(t.fingerprint),
    index('articles_source_idx').on(t.sourceId),
    index('articles_published_at_idx').on(t.publishedAt),
    // `articles(orderBy: PUBLISHED_DESC)`, alone and with a source: the exact ORDER BY of
    // publishedSortSql (unknown dates last), then id, so a page is an index walk, not a sort
    index('articles_published_sort_idx').on(sql`${publishedSortSql(t.publishedAt)} desc`, sql`${t.id} desc`),
    index('articles_source_published_sort_idx').on(t.sourceId, sql`${publishedSortSql(t.publishedAt)} desc`, sql`${t.id} desc`),
    index('articles_search_idx').using('gin', t.search),
  ],
);
