/**
 * The read paths the compiled executor knows, read from the schema itself: every object type that
 * Pothos built over a drizzle table (`pothosDrizzleTable`) maps the fields it can to SQL, from
 * what Pothos recorded when the field was defined in ../types:
 * - `t.expose*('column')` (`pothosExposedField`): that column, serialised by the field's type;
 * - a field that selects exactly one column and is charged to the text budget (`Article.body`):
 *   that column, charged as the resolver charges it;
 * - `id` of a Node type: the table's one-column primary key, as a Relay global ID;
 * - `t.relation` and `t.relatedConnection` (`pothosDrizzleSelect` names the drizzle relation):
 *   the relation's join columns from the drizzle relations, and, per request, the order, filter and
 *   page the field's own query gives for the arguments (`relationQuery`).
 * No names, orders or cursor formats are kept here. A field that maps to none of these (a computed
 * field) is not compiled: a document that asks for it runs on the general executor. The
 * differential test (tests/api/compiled-reads.test.ts) runs documents through both executors.
 */
import { getColumns, getTableName, type Column, type SQL } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import type { GraphQLField, GraphQLObjectType } from 'graphql';
import { TEXT_BUDGET_EXTENSION } from '../text-budget.ts';
import type { CursorOrdering } from '../input.ts';
import { articlePage } from '../types/article.ts';
import { articles } from '@copydesk/schema';

/** A column of the row, passed through the field type's `serialize`. */
export interface ColumnField {
  kind: 'column';
  column: string;
}

/** The Relay global ID of the row (`encodeGlobalID(typename, id)`). */
export interface GlobalIdField {
  kind: 'globalId';
  column: string;
}

/** The rows of another table a drizzle relation joins (`child.<childColumn> = parent.<parentColumn>`). */
export interface RelationField {
  /** `one`: at most one row; `many`: a list; `connection`: a Relay connection (forward pages) */
  kind: 'one' | 'many' | 'connection';
  table: PgTable;
  parentColumn: string;
  childColumn: string;
  /** the field's drizzle select (Pothos's `pothosDrizzleSelect`), called per request by relationQuery */
  select: DrizzleSelect;
  relation: string;
}

type DrizzleSelect = (args: Record<string, unknown>, ctx: unknown, nested: (q: unknown) => unknown, selection: () => Set<string>, path?: unknown) => unknown;

export type EntityField = ColumnField | GlobalIdField | RelationField;

export interface Entity {
  table: string;
  fields: Record<string, EntityField>;
}

interface DrizzleTableInfo {
  table: PgTable;
  relations: Record<string, { sourceColumns?: Column[]; targetColumns?: Column[]; targetTable: PgTable; throughTable?: unknown; where?: unknown }>;
}

const entities = new WeakMap<GraphQLObjectType, Entity | null>();

/** The SQL mapping of a drizzle object type's fields (computed once per type), or null for other types. */
export function entityOf(type: GraphQLObjectType): Entity | null {
  let entity = entities.get(type);
  if (entity === undefined) entities.set(type, (entity = deriveEntity(type)));
  return entity;
}

function deriveEntity(type: GraphQLObjectType): Entity | null {
  const info = type.extensions?.pothosDrizzleTable as DrizzleTableInfo | undefined;
  if (!info) return null;
  const columns = getColumns(info.table) as Record<string, Column>;
  const primary = getTableConfig(info.table).columns.filter((c) => c.primary);
  const isNode = type.getInterfaces().some((i) => i.name === 'Node');
  const fields: Record<string, EntityField> = {};
  for (const [name, def] of Object.entries(type.getFields())) {
    const f = fieldOf(def, info, columns);
    if (f) fields[name] = f;
    else if (name === 'id' && isNode && primary.length === 1) fields[name] = { kind: 'globalId', column: primary[0]!.name };
  }
  return { table: getTableName(info.table), fields };
}

function fieldOf(def: GraphQLField<unknown, unknown>, info: DrizzleTableInfo, columns: Record<string, Column>): EntityField | null {
  const ext = def.extensions ?? {};
  const exposed = ext.pothosExposedField;
  if (typeof exposed === 'string') return columns[exposed] ? { kind: 'column', column: columns[exposed].name } : null;
  const select = ext.pothosDrizzleSelect;
  if (select && typeof select === 'object') {
    const { columns: picked, ...rest } = select as { columns?: Record<string, boolean> };
    const keys = Object.keys(picked ?? {});
    // a resolver over one column that only charges it to the text budget returns the column
    if (ext[TEXT_BUDGET_EXTENSION] && keys.length === 1 && !Object.keys(rest).length && columns[keys[0]!]) return { kind: 'column', column: columns[keys[0]!]!.name };
    return null;
  }
  if (typeof select !== 'function' || !ext.pothosDrizzleLoaded) return null;
  // the relation the field selects: Pothos's select names it as the one key of `with`
  let probe: { with?: Record<string, unknown> };
  try {
    probe = (select as DrizzleSelect)({}, {}, (q) => q, () => new Set(['edges'])) as typeof probe;
  } catch {
    return null;
  }
  const names = Object.keys(probe?.with ?? {});
  const relation = names.length === 1 ? info.relations[names[0]!] : undefined;
  if (!relation || relation.throughTable || relation.where || relation.sourceColumns?.length !== 1 || relation.targetColumns?.length !== 1) return null;
  const named = def.type.toString().replace(/!/g, '');
  const kind = named.startsWith('[') ? 'many' : /Connection$/.test(named) ? 'connection' : 'one';
  return { kind, table: relation.targetTable, parentColumn: relation.sourceColumns[0]!.name, childColumn: relation.targetColumns[0]!.name, select: select as DrizzleSelect, relation: names[0]! };
}

/** What a relation field's own query reads for these arguments: its filter (drizzle `where` object) and its order. */
export interface RelationQuery {
  where: Record<string, unknown> | undefined;
  orderBy: { column: Column; desc: boolean }[];
}

/**
 * Calls the field's drizzle select as Pothos does when it plans the request, and reads back what
 * it asks of the relation. Throws when the query holds what the compiled path does not write
 * (an order by expression): the caller answers on the general executor then.
 */
export function relationQuery(rel: RelationField, args: Record<string, unknown>, ctx: unknown): RelationQuery {
  const selected = rel.select(args, ctx, (q) => q, () => new Set(['edges'])) as { with: Record<string, { where?: Record<string, unknown>; orderBy?: unknown }> };
  const query = selected.with[rel.relation] ?? {};
  const columns = getColumns(rel.table) as Record<string, Column>;
  const orderBy: RelationQuery['orderBy'] = [];
  if (query.orderBy !== undefined) {
    if (typeof query.orderBy !== 'object' || query.orderBy === null) throw new Error('order by an expression');
    for (const [key, dir] of Object.entries(query.orderBy as Record<string, string>)) {
      if (!columns[key]) throw new Error(`order by ${key}`);
      orderBy.push({ column: columns[key], desc: dir === 'desc' });
    }
  }
  return { where: query.where && Object.keys(query.where).length ? query.where : undefined, orderBy };
}

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

export type Root = { kind: 'byId'; table: PgTable } | { kind: 'rootConnection'; table: PgTable; page: (args: Record<string, unknown>) => RootPage<any> };

/** Root query fields the compiled executor answers, and how each reads its rows (the field's resolver reads them so too). */
export const ROOTS: Record<string, Root> = {
  /** `article(id: ID!)`: one row by its global ID */
  article: { kind: 'byId', table: articles },
  /** `articles(first, after, filter, orderBy)`: a page of articles, as the Pothos resolver reads it */
  articles: { kind: 'rootConnection', table: articles, page: articlePage },
};
