import { sql } from 'drizzle-orm';
import { index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { dumps } from './dumps.ts';

/**
 * The line memory: body lines by key (the parser's `lineKey`: folded text, hashed), with in how
 * many distinct stories and outlets each appeared. The parser takes these counts as input and
 * marks a line seen in enough stories as publisher boilerplate, unless an editor vetoed it.
 */
export const lineMemory = pgTable(
  'line_memory',
  {
    key: text('key').primaryKey(),
    /** the line as first seen (trimmed) */
    text: text('text').notNull(),
    /** distinct stories (near-duplicate articles count once) the line appeared in */
    stories: integer('stories').notNull().default(0),
    /** distinct outlets among them */
    sources: integer('sources').notNull().default(0),
    /** an editor vetoed the line: the parser never applies it */
    vetoedAt: timestamp('vetoed_at', { withTimezone: true, mode: 'string' }),
    vetoedBy: text('vetoed_by'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [index('line_memory_stories_idx').on(t.stories.desc(), t.key)],
);

/** Each (line, story, outlet) once: what makes the memory count stories and outlets, not pages. */
export const lineSightings = pgTable(
  'line_sightings',
  {
    /** line_memory.key (no foreign key: sightings and counts are written in one statement) */
    lineKey: text('line_key').notNull(),
    /** the story the line appeared in (near-duplicate articles share it) */
    storyKey: text('story_key').notNull(),
    /** the outlet's folded name, '' when the article names none */
    sourceKey: text('source_key').notNull().default(sql`''`),
    /** the dump it was first seen in */
    dumpId: integer('dump_id').references(() => dumps.id, { onDelete: 'set null' }),
  },
  (t) => [primaryKey({ columns: [t.lineKey, t.storyKey, t.sourceKey] }), index('line_sightings_source_idx').on(t.sourceKey, t.lineKey)],
);
