import { index, integer, pgTable, text, uniqueIndex, type AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * An outlet ("Asahi Shimbun", "Yahoo"), under one canonical name. Variants the importer sees
 * ("The Independent", "independent.") fold into one row by `key`; editors merge the rest.
 */
export const sources = pgTable(
  'sources',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** canonical key (case, spacing, a leading "The" and trailing punctuation folded): "The Independent." and "independent" are one source */
    key: text('key').notNull(),
    /** the canonical name, as editors and the most common spelling give it */
    name: text('name').notNull(),
    /** set when an editor merged this source into another */
    mergedIntoId: integer('merged_into_id').references((): AnyPgColumn => sources.id, { onDelete: 'set null' }),
  },
  (t) => [uniqueIndex('sources_key_key').on(t.key)],
);

/** Every name a source goes by (as pages spell it, and as editors merged or renamed it). */
export const sourceAliases = pgTable(
  'source_aliases',
  {
    /** the alias folded for case and spacing only ("the independent") */
    key: text('key').primaryKey(),
    sourceId: integer('source_id')
      .notNull()
      .references(() => sources.id, { onDelete: 'cascade' }),
    /** the alias as first seen ("The Independent") */
    name: text('name').notNull(),
  },
  (t) => [index('source_aliases_source_idx').on(t.sourceId)],
);
