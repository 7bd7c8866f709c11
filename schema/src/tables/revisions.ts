import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgTable, real, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { dumps } from './dumps.ts';

/** One stored segment: the parser's `Segment` shape, offsets in UTF-16 code units. */
export interface StoredSegment {
  kind: string;
  start: number;
  end: number;
  confidence: number;
  /** `rule`/`reason`: the learned rule that produced a span (parser revisions only) */
  fields: { field: string; start: number; end: number; confidence: number; rule?: string; reason?: string }[];
}

export interface StoredWarning {
  code: string;
  message: string;
  start: number;
  end: number;
  /** set on an editor revision whose edit covered the warning's span: that revision's number and author */
  resolvedInRevision?: number;
  resolvedBy?: string;
}

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
    segments: jsonb('segments').$type<StoredSegment[]>().notNull(),
    warnings: jsonb('warnings').$type<StoredWarning[]>().notNull().default(sql`'[]'::jsonb`),
    confidence: real('confidence').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('segmentation_revisions_dump_number_key').on(t.dumpId, t.number),
    check('segmentation_revisions_number_positive', sql`${t.number} >= 1`),
  ],
);
