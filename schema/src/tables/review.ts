import { index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { dumps } from './dumps.ts';

/**
 * Append-only record of review status changes: who moved which revision of a dump to which
 * status (an approval names the revision the editor saw), and when.
 */
export const dumpStatusChanges = pgTable(
  'dump_status_changes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    dumpId: integer('dump_id')
      .notNull()
      .references(() => dumps.id, { onDelete: 'cascade' }),
    /** the segmentation revision the status applies to */
    revision: integer('revision').notNull(),
    /** new, in_review, approved */
    status: text('status').notNull(),
    /** the editor's name */
    editor: text('editor').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [index('dump_status_changes_dump_idx').on(t.dumpId, t.id)],
);

/**
 * A parser warning an editor dismissed (looked at, nothing to fix), with who, when and why.
 * Keyed by the warning's code and span: a dump's text never changes, so the dismissal holds for
 * every later revision that still carries the warning.
 */
export const warningDismissals = pgTable(
  'warning_dismissals',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    dumpId: integer('dump_id')
      .notNull()
      .references(() => dumps.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    start: integer('start').notNull(),
    end: integer('end').notNull(),
    editor: text('editor').notNull(),
    reason: text('reason').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('warning_dismissals_warning_key').on(t.dumpId, t.code, t.start, t.end)],
);
