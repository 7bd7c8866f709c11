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

import type { CursorOrdering } from '../input.ts';
import { ARTICLE_ORDERINGS } from '../types/article.ts';

const column = (name: string): ColumnField => ({ kind: 'column', column: name });

export type EntityName = 'Article' | 'Source' | 'Topic' | 'ArticleTopic' | 'StoryEdge';

export const ENTITIES: Record<EntityName, Entity> = {
  Article: {
    table: 'articles',
    fields: {
      id: { kind: 'globalId', column: 'id' },
      headline: column('headline'),
      byline: column('byline'),
      published: column('published'),
      publishedAt: column('published_at'),
      section: column('section'),
      body: column('body'),
      copyright: column('copyright'),
      subheads: column('subheads'),
      enrichedAt: column('enriched_at'),
      source: { kind: 'one', entity: 'Source', parentColumn: 'source_id', childColumn: 'id' },
      topics: {
        kind: 'many',
        entity: 'ArticleTopic',
        parentColumn: 'id',
        childColumn: 'article_id',
        orderBy: [{ column: 'weight', desc: true }, { column: 'topic_id' }],
      },
      related: {
        kind: 'connection',
        entity: 'StoryEdge',
        parentColumn: 'id',
        childColumn: 'from_article_id',
        orderBy: [{ column: 'weight', desc: true }, { column: 'id' }],
        inFilter: { arg: 'kinds', column: 'kind' },
      },
    },
  },
  Source: {
    table: 'sources',
    fields: { id: { kind: 'globalId', column: 'id' }, name: column('name') },
  },
  Topic: {
    table: 'topics',
    fields: { id: { kind: 'globalId', column: 'id' }, name: column('name'), kind: column('kind') },
  },
  ArticleTopic: {
    table: 'article_topics',
    fields: {
      weight: column('weight'),
      topic: { kind: 'one', entity: 'Topic', parentColumn: 'topic_id', childColumn: 'id' },
      article: { kind: 'one', entity: 'Article', parentColumn: 'article_id', childColumn: 'id' },
    },
  },
  StoryEdge: {
    table: 'story_edges',
    fields: {
      kind: column('kind'),
      weight: column('weight'),
      from: { kind: 'one', entity: 'Article', parentColumn: 'from_article_id', childColumn: 'id' },
      to: { kind: 'one', entity: 'Article', parentColumn: 'to_article_id', childColumn: 'id' },
    },
  },
};

/** Root query fields the compiled executor answers. */
export const ROOTS: Record<string, { kind: 'byId'; entity: EntityName; typename: string } | { kind: 'rootConnection'; entity: EntityName; orderColumn: string; ordering: CursorOrdering }> = {
  /** `article(id: ID!)`: one article by its global ID */
  article: { kind: 'byId', entity: 'Article', typename: 'Article' },
  /** `articles(first, after)`, no filter, id order (the default): a page of articles */
  articles: { kind: 'rootConnection', entity: 'Article', orderColumn: 'id', ordering: ARTICLE_ORDERINGS.ID_ASC },
};
