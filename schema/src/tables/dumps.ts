import { index, integer, pgTable, real, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** A dump: the raw text of one scraped page, immutable once stored, keyed by its content hash. */
export const dumps = pgTable(
  'dumps',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** sha256 of the text, hex: importing the same text again finds this row */
    contentHash: text('content_hash').notNull(),
    text: text('text').notNull(),
    filename: text('filename'),
    url: text('url'),
    fetchedAt: timestamp('fetched_at', { withTimezone: true, mode: 'string' }),
    /** review status: new, in_review, approved */
    status: text('status').notNull().default('new'),
    /** page template the parser recognised */
    template: text('template').notNull().default('unknown'),
    /** confidence of the current revision, in [0, 1]: the review queue sorts on it */
    confidence: real('confidence').notNull().default(0),
    /** number of the current segmentation revision */
    currentRevision: integer('current_revision').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('dumps_content_hash_key').on(t.contentHash),
    index('dumps_review_idx').on(t.status, t.confidence, t.id),
  ],
);
