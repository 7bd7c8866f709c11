/**
 * The read paths the compiled executor knows, in one place: which GraphQL fields of which types it
 * can answer straight from SQL, and how. A document that touches anything not listed here runs on
 * the general executor (Pothos resolvers), so this table may stay small: it covers what clients
 * read all day (an article with its topics and related headlines, pages of articles).
 *
 * Every entry must answer exactly what the Pothos field in ../types answers; the differential
 * test (tests/api/compiled-reads.test.ts) runs the same documents through both executors.
 */

/** A column of the entity's row, passed through the field type's `serialize`. */
export interface ColumnField {
  kind: 'column';
  column: string;
}

/** The Relay global ID of the row (`encodeGlobalID(typename, id)`). */
export interface GlobalIdField {
  kind: 'globalId';
  column: string;
}

/** At most one row of another entity: `child.<childColumn> = parent.<parentColumn>`. */
export interface OneField {
  kind: 'one';
  entity: EntityName;
  parentColumn: string;
  childColumn: string;
}

/** Every row of another entity that points at this one, in a fixed order. */
export interface ManyField {
  kind: 'many';
  entity: EntityName;
  parentColumn: string;
  childColumn: string;
  orderBy: OrderTerm[];
}

/**
 * A Relay connection over the rows of another entity that point at this one (Pothos
 * `relatedConnection`), forward pages only (`first`), with an optional enum-list filter argument.
 */
export interface ConnectionField {
  kind: 'connection';
  entity: EntityName;
  parentColumn: string;
  childColumn: string;
  orderBy: OrderTerm[];
  /** an argument naming values of `column` to keep; absent or empty keeps all */
  inFilter?: { arg: string; column: string };
}

export interface OrderTerm {
  column: string;
  desc?: boolean;
}

export type EntityField = ColumnField | GlobalIdField | OneField | ManyField | ConnectionField;

export interface Entity {
  table: string;
  fields: Record<string, EntityField>;
}

import { getTableName, type Column } from 'drizzle-orm';
import { articles, articleTopics, relations, sources, storyEdges, topics } from '@copydesk/schema';
import type { SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { CursorOrdering } from '../input.ts';
import { ARTICLE_TOPICS_ORDER, articlePage, RELATED_ORDER } from '../types/article.ts';

// Names, joins and orders come from the drizzle tables and relations and from the orders the
// Pothos fields use: only which GraphQL field maps to which column or relation is listed here.

/** a column of the row */
const column = (c: Column): ColumnField => ({ kind: 'column', column: c.name });

type Relations = typeof relations;
/** the join columns of a drizzle relation (single-column relations only) */
function join<T extends keyof Relations>(table: T, relation: keyof Relations[T]['relations'] & string): { parentColumn: string; childColumn: string } {
  const r = relations[table].relations[relation as never] as { sourceColumns: Column[]; targetColumns: Column[] };
  if (r.sourceColumns.length !== 1 || r.targetColumns.length !== 1) throw new Error(`${table}.${relation}: the compiled reads join on one column`);
  return { parentColumn: r.sourceColumns[0]!.name, childColumn: r.targetColumns[0]!.name };
}

/** a drizzle orderBy object (`{ weight: 'desc', id: 'asc' }`) over `table` as order terms */
function order<T extends object>(table: T, spec: { [K in keyof T]?: 'asc' | 'desc' }): OrderTerm[] {
  return Object.entries(spec).map(([key, dir]) => ({ column: (table[key as keyof T] as Column).name, desc: dir === 'desc' }));
}

export type EntityName = 'Article' | 'Source' | 'Topic' | 'ArticleTopic' | 'StoryEdge';

export const ENTITIES: Record<EntityName, Entity> = {
  Article: {
    table: getTableName(articles),
    fields: {
      id: { kind: 'globalId', column: articles.id.name },
      headline: column(articles.headline),
      byline: column(articles.byline),
      published: column(articles.published),
      publishedAt: column(articles.publishedAt),
      section: column(articles.section),
      body: column(articles.body),
      copyright: column(articles.copyright),
      subheads: column(articles.subheads),
      enrichedAt: column(articles.enrichedAt),
      source: { kind: 'one', entity: 'Source', ...join('articles', 'source') },
      topics: { kind: 'many', entity: 'ArticleTopic', ...join('articles', 'topicLinks'), orderBy: order(articleTopics, ARTICLE_TOPICS_ORDER) },
      related: {
        kind: 'connection',
        entity: 'StoryEdge',
        ...join('articles', 'outEdges'),
        orderBy: order(storyEdges, RELATED_ORDER),
        inFilter: { arg: 'kinds', column: storyEdges.kind.name },
      },
    },
  },
  Source: {
    table: getTableName(sources),
    fields: { id: { kind: 'globalId', column: sources.id.name }, name: column(sources.name) },
  },
  Topic: {
    table: getTableName(topics),
    fields: { id: { kind: 'globalId', column: topics.id.name }, name: column(topics.name), kind: column(topics.kind) },
  },
  ArticleTopic: {
    table: getTableName(articleTopics),
    fields: {
      weight: column(articleTopics.weight),
      topic: { kind: 'one', entity: 'Topic', ...join('articleTopics', 'topic') },
      article: { kind: 'one', entity: 'Article', ...join('articleTopics', 'article') },
    },
  },
  StoryEdge: {
    table: getTableName(storyEdges),
    fields: {
      kind: column(storyEdges.kind),
      weight: column(storyEdges.weight),
      from: { kind: 'one', entity: 'Article', ...join('storyEdges', 'from') },
      to: { kind: 'one', entity: 'Article', ...join('storyEdges', 'to') },
    },
  },
};

/**
 * What a root connection's arguments (Relay IDs decoded as Pothos decodes them) read: the rows of
 * `table` (or its alias) that `where` keeps, ordered by `keys` (the last unique), whose values a
 * cursor holds (`ordering.values`). The Pothos resolver of the same field pages by the same object
 * (e.g. `articlePage` in ../types/article.ts); it throws for arguments it refuses.
 */
export interface RootPage<T extends PgTable = PgTable> {
  ordering: CursorOrdering;
  where: (t: T) => SQL | undefined;
  keys: { name: string; desc: boolean; sql?: (t: T) => SQL }[];
}

export type Root =
  | { kind: 'byId'; entity: EntityName; typename: string }
  | { kind: 'rootConnection'; entity: EntityName; table: PgTable; page: (args: Record<string, unknown>) => RootPage<any> };

/** Root query fields the compiled executor answers. */
export const ROOTS: Record<string, Root> = {
  /** `article(id: ID!)`: one article by its global ID */
  article: { kind: 'byId', entity: 'Article', typename: 'Article' },
  /** `articles(first, after, filter, orderBy)`: a page of articles, as the Pothos resolver reads it */
  articles: { kind: 'rootConnection', entity: 'Article', table: articles, page: articlePage },
};
