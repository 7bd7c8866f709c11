import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The audit log, append-only (no code path updates or deletes a row): imports, saves, status
 * changes, warning dismissals, topic edits, token creation and revocation, each with who, when,
 * what and from where. `dumpId` has no foreign key: an entry outlives what it is about.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    /** the editor's name ("cli" for token commands run on the server's machine) */
    actor: text('actor').notNull(),
    /** one of AUDIT_ACTIONS (@copydesk/core: server/core/src/review/audit-actions.ts) */
    action: text('action').notNull(),
    dumpId: integer('dump_id'),
    /** what it was about, in words: "revision 3", "topic 12 Tram fares", "token 4 (alice)" */
    subject: text('subject'),
    /** the change itself: from and to, counts, reasons */
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    /** where the request came from: client address and user agent, or "cli" */
    origin: text('origin').notNull(),
  },
  (t) => [
    index('audit_log_dump_idx').on(t.dumpId, t.id),
    index('audit_log_actor_idx').on(t.actor, t.id),
    index('audit_log_action_idx').on(t.action, t.id),
    index('audit_log_at_idx').on(t.at),
  ],
);
