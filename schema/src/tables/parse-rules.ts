import { check, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { dumps } from './dumps.ts';

/** "source": always, for this source; "everywhere": always, everywhere */
export const RULE_SCOPES = ['source', 'everywhere'] as const;
export type RuleScope = (typeof RULE_SCOPES)[number];

/**
 * What a rule does: "boilerplate" (the line is publisher boilerplate), "byline" or "published"
 * (a shape rule: lines shaped like the one the editor fixed hold the byline, or the published date).
 */
export const RULE_ACTIONS = ['boilerplate', 'byline', 'published'] as const;
export type RuleAction = (typeof RULE_ACTIONS)[number];

/**
 * An editor's rule, learned from a fix: "this line is publisher boilerplate", for one outlet or
 * everywhere. The parser takes the rules as input and names the rule on every span it produced.
 */
export const parseRules = pgTable(
  'parse_rules',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** what the rule does (RULE_ACTIONS): "boilerplate" (mark the line publisher boilerplate), "byline" or "published" (a shape rule) */
    action: text('action').$type<RuleAction>().notNull().default('boilerplate'),
    scope: text('scope').$type<RuleScope>().notNull(),
    /** folded outlet name for scope "source", else null */
    sourceKey: text('source_key'),
    sourceName: text('source_name'),
    /** the line as the editor marked it, and its key: the parser's lineKey, or for a shape rule the line's shape (parse/shape.ts lineShape) */
    lineText: text('line_text').notNull(),
    lineKey: text('line_key').notNull(),
    note: text('note'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    updatedBy: text('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }),
    /** the dump the editor was fixing when the rule was made */
    dumpId: integer('dump_id').references(() => dumps.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('parse_rules_line_key_idx').on(t.lineKey),
    check('parse_rules_scope_source', sql`(${t.scope} = 'everywhere' and ${t.sourceKey} is null) or (${t.scope} = 'source' and ${t.sourceKey} is not null)`),
  ],
);
