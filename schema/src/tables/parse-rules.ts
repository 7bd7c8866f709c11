import { check, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
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

/** the unique index that makes a rule's action, scope, outlet and line (or shape) one rule's alone */
export const PARSE_RULE_UNIQUE_INDEX = 'parse_rules_same_rule_key';

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
    // one rule per action, scope, outlet and line (or shape): two editors making the same rule at
    // once cannot both store it. The line key is indexed by its md5 (a key of 1,000 characters of
    // another script would pass a btree row's size limit); the server maps a violation to the
    // error its duplicate check gives (learn/rules.ts).
    uniqueIndex(PARSE_RULE_UNIQUE_INDEX).on(t.action, t.scope, sql`coalesce(${t.sourceKey}, '')`, sql`md5(${t.lineKey})`),
    check('parse_rules_scope_source', sql`(${t.scope} = 'everywhere' and ${t.sourceKey} is null) or (${t.scope} = 'source' and ${t.sourceKey} is not null)`),
  ],
);
