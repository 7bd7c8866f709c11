import { integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** Editor API tokens. Only a sha256 of each token is stored; the token is shown once, at creation. */
export const editorTokens = pgTable(
  'editor_tokens',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** the editor's name: it signs the revisions saved with this token */
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true, mode: 'string' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [uniqueIndex('editor_tokens_token_hash_key').on(t.tokenHash)],
);
