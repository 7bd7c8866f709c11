import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgTable, real, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { Segment, StoredWarning } from '@copydesk/core';
import { dumps } from './dumps.ts';

/**
 * Append-only segmentation revisions of a dump. Number 1 is the parser's; each editor save adds
 * the next number, naming the revision it was based on.
 */
export const segmentationRevisions = pgTable(
  'segmentation_revisions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    dumpId: integer('dump_id')
      .notNull()
      .references(() => dumps.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    baseNumber: integer('base_number'),
    /** "parser" for parser revisions, else the editor's name */
    author: text('author').notNull(),
    parserVersion: text('parser_version'),
    segments: jsonb('segments').$type<Segment[]>().notNull(),
    warnings: jsonb('warnings').$type<StoredWarning[]>().notNull().default(sql`'[]'::jsonb`),
    confidence: real('confidence').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('segmentation_revisions_dump_number_key').on(t.dumpId, t.number),
    check('segmentation_revisions_number_positive', sql`${t.number} >= 1`),
  ],
);
