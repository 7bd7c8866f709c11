/**
 * Compiled reads: a query document whose every field maps to SQL (entities.ts: read from the
 * schema's drizzle types) under a root in ROOTS is answered by one SQL
 * statement that returns the response tree (plain columns for the root object, nested JSON arrays
 * below it), and a walk that shapes it into the GraphQL result. This is what PostGraphile does, and it skips the per-request cost of
 * the general executor (Pothos selection planning, the drizzle query builder, one resolver call
 * per field), which is most of a small read's CPU time.
 *
 * Three steps, each cached or cheap:
 * - `compileOperation` (once per parsed document: Yoga caches documents by text) turns the
 *   selection into a plan, or null when the document needs anything the plan does not know
 *   (directives, interfaces, mutations, introspection, a computed field...);
 * - `emitStatement` (per request) binds the arguments and writes the SQL text and parameters;
 *   arguments the plan does not handle (`last`, `before`, a malformed ID) raise `Unsupported`, and
 *   the request runs on the general executor, which answers them or reports the error;
 * - `shapeResult` turns the statement's rows (`resultValue`) into `data`, serialising every leaf with
 *   the schema's own scalar and enum types and Relay IDs and cursors with Pothos's encoders.
 */
import { decodeBase64, decodeCursorChunk, encodeBase64, encodeCursorChunk, encodeCursorTuple } from '@pothos/core';
import { eq, getColumns, inArray, sql, type Column, type SQL } from 'drizzle-orm';
import { alias, PgDialect, type PgTable } from 'drizzle-orm/pg-core';
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  isInputObjectType,
  isLeafType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLLeafType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { pageSize } from '../builder.ts';
import { isLiteral } from '../cost.ts';
import { nameCursor, unnameCursor, type CursorOrdering } from '../input.ts';
import { entityOf, relationQuery, ROOTS, type RelationField, type RelationQuery, type RootPage } from './entities.ts';
import { TEXT_BUDGET_EXTENSION, type TextBudget } from '../text-budget.ts';

/** A request the plan cannot answer as asked: run it on the general executor instead. */
export class Unsupported extends Error {}

type Vars = Record<string, unknown>;

interface FieldRef {
  node: FieldNode;
  def: GraphQLField<unknown, unknown>;
}

/** One entry of an object's selection, in response order. */
type Item =
  | { key: string; t: 'typename'; value: string }
  | { key: string; t: 'leaf'; column: string; serialize: (v: unknown) => unknown; list: boolean; budget: string | null }
  | { key: string; t: 'globalId'; column: string; typename: string }
  | { key: string; t: 'one'; rel: RelationField; obj: ObjectPlan; fixed: Fixed | null }
  | { key: string; t: 'many'; rel: RelationField; obj: ObjectPlan; fixed: Fixed | null }
  | { key: string; t: 'connection'; rel: RelationField; conn: ConnectionPlan; field: FieldRef; fixed: Fixed | null };

/**
 * A relation field's query and page limit, the same for every request of the document: read once
 * when the plan is made (`fixedQuery`), instead of calling the field's drizzle select per request.
 */
interface Fixed {
  query: RelationQuery;
  /** a connection's `pageLimit` of its arguments (0 for a `one` or `many` relation) */
  limit: number;
}

interface ObjectPlan {
  /** the table's SQL name */
  table: string;
  items: Item[];
}

/** What a connection's selection asks for; the node is an entity. */
interface ConnectionPlan {
  typename: string;
  edgeTypename: string;
  items: ConnectionItem[];
  node: ObjectPlan;
  /** edges carry cursors (only where the cursor is the row id) */
  cursors: boolean;
  totalCount: boolean;
}

type ConnectionItem =
  | { key: string; t: 'typename' }
  | { key: string; t: 'totalCount' }
  | { key: string; t: 'edges'; items: { key: string; t: 'typename' | 'cursor' | 'node' }[] }
  | { key: string; t: 'pageInfo'; items: { key: string; t: 'typename' | keyof PageInfo }[] };

interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

type RootItem =
  | { key: string; t: 'typename' }
  | { key: string; t: 'byId'; obj: ObjectPlan; field: FieldRef; typename: string; idColumn: string }
  | { key: string; t: 'rootConnection'; conn: ConnectionPlan; field: FieldRef; table: PgTable; page: (args: Record<string, unknown>) => RootPage<any> };

export interface Plan {
  operation: OperationDefinitionNode;
  roots: RootItem[];
}

class Compiler {
  constructor(
    readonly schema: GraphQLSchema,
    readonly fragments: Map<string, FragmentDefinitionNode>,
  ) {}

  /** The fields of a selection set on `type`, fragments flattened; response keys must be unique. */
  fields(set: SelectionSetNode, type: GraphQLObjectType, out: FieldNode[] = [], seen = new Set<string>()): FieldNode[] {
    for (const s of set.selections) {
      if (s.directives?.length) throw new Unsupported('directive');
      if (s.kind === Kind.FIELD) {
        const key = s.alias?.value ?? s.name.value;
        if (seen.has(key)) throw new Unsupported('merged field');
        seen.add(key);
        out.push(s);
      } else {
        const frag = s.kind === Kind.FRAGMENT_SPREAD ? this.fragments.get(s.name.value) : s;
        if (!frag || frag.directives?.length) throw new Unsupported('fragment');
        if (frag.typeCondition && frag.typeCondition.name.value !== type.name) throw new Unsupported('type condition');
        this.fields(frag.selectionSet, type, out, seen);
      }
    }
    return out;
  }

  objectType(name: string): GraphQLObjectType {
    const t = this.schema.getType(name);
    if (!isObjectType(t)) throw new Unsupported(name);
    return t;
  }

  entity(typename: string) {
    const entity = entityOf(this.objectType(typename));
    if (!entity) throw new Unsupported(`${typename} is not a table's type`);
    return entity;
  }

  object(typename: string, set: SelectionSetNode | undefined): ObjectPlan {
    if (!set) throw new Unsupported('no selection');
    const type = this.objectType(typename);
    const entity = this.entity(typename);
    const spec = entity.fields;
    const items: Item[] = [];
    for (const node of this.fields(set, type)) {
      const key = node.alias?.value ?? node.name.value;
      const name = node.name.value;
      if (name === '__typename') {
        items.push({ key, t: 'typename', value: type.name });
        continue;
      }
      const f = Object.hasOwn(spec, name) ? spec[name] : undefined;
      const def = type.getFields()[name];
      if (!f || !def) throw new Unsupported(`${type.name}.${name}`);
      if (f.kind === 'column') {
        if (node.arguments?.length) throw new Unsupported('arguments');
        const nullable = getNullableType(def.type);
        const list = isListType(nullable);
        const leaf = getNamedType(def.type);
        if (!isLeafType(leaf)) throw new Unsupported('not a leaf');
        const budget = def.extensions?.[TEXT_BUDGET_EXTENSION] ? `${type.name}.${name}` : null;
        items.push({ key, t: 'leaf', column: f.column, serialize: serializerOf(leaf), list, budget });
      } else if (f.kind === 'globalId') {
        items.push({ key, t: 'globalId', column: f.column, typename: type.name });
      } else if (f.kind === 'one' || f.kind === 'many') {
        if (node.arguments?.length) throw new Unsupported('arguments');
        const child = getNamedType(def.type);
        const obj = this.object(child.name, node.selectionSet);
        const fixed = fixedQuery(f, node, def);
        items.push(f.kind === 'one' ? { key, t: 'one', rel: f, obj, fixed } : { key, t: 'many', rel: f, obj, fixed });
      } else {
        const conn = this.connection(getNamedType(def.type).name, node.selectionSet, false);
        items.push({ key, t: 'connection', rel: f, conn, field: { node, def }, fixed: fixedQuery(f, node, def) });
      }
    }
    return { table: entity.table, items };
  }

  connection(typename: string, set: SelectionSetNode | undefined, cursors: boolean): ConnectionPlan {
    if (!set) throw new Unsupported('no selection');
    const type = this.objectType(typename);
    const edgeType = getNamedType(type.getFields().edges?.type);
    const pageInfoType = getNamedType(type.getFields().pageInfo?.type);
    if (!edgeType || !isObjectType(edgeType) || !pageInfoType || !isObjectType(pageInfoType)) throw new Unsupported('not a connection');
    const nodeType = getNamedType(edgeType.getFields().node?.type);
    if (!nodeType) throw new Unsupported('not a connection');
    let node: ObjectPlan = { table: this.entity(nodeType.name).table, items: [] };
    let wantsCursor = false;
    let totalCount = false;
    const items: ConnectionItem[] = [];
    for (const f of this.fields(set, type)) {
      const key = f.alias?.value ?? f.name.value;
      if (f.name.value === '__typename') items.push({ key, t: 'typename' });
      else if (f.name.value === 'totalCount') {
        totalCount = true;
        items.push({ key, t: 'totalCount' });
      } else if (f.name.value === 'edges') {
        const edgeItems: { key: string; t: 'typename' | 'cursor' | 'node' }[] = [];
        for (const e of this.fields(f.selectionSet!, edgeType)) {
          const k = e.alias?.value ?? e.name.value;
          if (e.name.value === '__typename') edgeItems.push({ key: k, t: 'typename' });
          else if (e.name.value === 'cursor') {
            wantsCursor = true;
            edgeItems.push({ key: k, t: 'cursor' });
          } else if (e.name.value === 'node') {
            // one node selection per connection: a second (aliased) one would need its own rows
            if (node.items.length) throw new Unsupported('two node selections');
            node = this.object(nodeType.name, e.selectionSet);
            edgeItems.push({ key: k, t: 'node' });
          } else throw new Unsupported(`edge field ${e.name.value}`);
        }
        items.push({ key, t: 'edges', items: edgeItems });
      } else if (f.name.value === 'pageInfo') {
        const pi: { key: string; t: 'typename' | keyof PageInfo }[] = [];
        for (const p of this.fields(f.selectionSet!, pageInfoType)) {
          const k = p.alias?.value ?? p.name.value;
          const n = p.name.value;
          if (n === '__typename') pi.push({ key: k, t: 'typename' });
          else if (n === 'hasNextPage' || n === 'hasPreviousPage') pi.push({ key: k, t: n });
          else if (n === 'startCursor' || n === 'endCursor') {
            wantsCursor = true;
            pi.push({ key: k, t: n });
          } else throw new Unsupported(`pageInfo.${n}`);
        }
        items.push({ key, t: 'pageInfo', items: pi });
      } else throw new Unsupported(`connection field ${f.name.value}`);
    }
    if (wantsCursor && !cursors) throw new Unsupported('cursor over a compound order');
    return { typename: type.name, edgeTypename: edgeType.name, items, node, cursors, totalCount };
  }

  roots(op: OperationDefinitionNode): RootItem[] {
    const query = this.schema.getQueryType();
    if (!query) throw new Unsupported('no query type');
    const roots: RootItem[] = [];
    for (const node of this.fields(op.selectionSet, query)) {
      const key = node.alias?.value ?? node.name.value;
      if (node.name.value === '__typename') {
        roots.push({ key, t: 'typename' });
        continue;
      }
      const spec = Object.hasOwn(ROOTS, node.name.value) ? ROOTS[node.name.value] : undefined;
      const def = query.getFields()[node.name.value];
      if (!spec || !def) throw new Unsupported(`Query.${node.name.value}`);
      const field = { node, def };
      const typename = getNamedType(def.type).name;
      if (spec.kind === 'byId') {
        const id = this.entity(typename).fields.id;
        if (id?.kind !== 'globalId') throw new Unsupported(`${typename} has no global ID`);
        roots.push({ key, t: 'byId', obj: this.object(typename, node.selectionSet), field, typename, idColumn: id.column });
      } else {
        const conn = this.connection(typename, node.selectionSet, true);
        roots.push({ key, t: 'rootConnection', conn, field, table: spec.table, page: spec.page });
      }
    }
    return roots;
  }
}

/**
 * The query of relation field `rel` as `node` asks it, once for the document, when it cannot
 * change from one request to the next: every argument is a literal, and the field's drizzle select
 * does not read the request's context (it is called once with a context that notes any read).
 * Null otherwise, and for arguments the compiled path does not answer (`after`, a backward page,
 * a query it cannot write): those are read per request, as before, where they raise Unsupported.
 */
function fixedQuery(rel: RelationField, node: FieldNode, def: GraphQLField<unknown, unknown>): Fixed | null {
  if (!(node.arguments ?? []).every((a) => isLiteral(a.value))) return null;
  let read = false;
  const noted = () => {
    read = true;
    return undefined;
  };
  const ctx = new Proxy({}, { get: noted, has: () => (noted(), false), ownKeys: () => (noted(), []), getOwnPropertyDescriptor: noted, getPrototypeOf: () => (noted(), null) });
  try {
    // a `one` or `many` relation takes no arguments: its query is read for none, as emitStatement reads it
    const args = rel.kind === 'connection' ? getArgumentValues(def, node, {}) : {};
    if (args.after != null) return null;
    const query = relationQuery(rel, args, ctx);
    return read ? null : { query, limit: rel.kind === 'connection' ? pageLimit(args) : 0 };
  } catch {
    return null;
  }
}

/** graphql-js completes a leaf with its type's `serialize`: scalars (DateTime, Float...) and enums alike */
const serializerOf = (type: GraphQLLeafType) => (v: unknown) => type.serialize(v);

/** The plan for one operation of a document, or null when the general executor must run it. */
export function compileOperation(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined): Plan | null {
  const ops = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const op = operationName ? ops.find((o) => o.name?.value === operationName) : ops.length === 1 ? ops[0] : undefined;
  if (!op || op.operation !== 'query' || op.directives?.length) return null;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  try {
    const roots = new Compiler(schema, fragments).roots(op);
    // nothing to read: no statement to save
    return roots.some((r) => r.t !== 'typename') ? { operation: op, roots } : null;
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// SQL: one statement, `select json_build_array(<root>, ...)`. An object is a json array of its
// selected columns and sub-selections, in item order (typenames take no slot).

interface Emit {
  vars: Vars;
  /** the request's context, handed to the fields' drizzle selects */
  ctx: unknown;
  params: unknown[];
  alias: number;
}

const param = (e: Emit, value: unknown, type: string) => {
  e.params.push(value);
  return `$${e.params.length}::${type}`;
};

const q = (ident: string) => `"${ident}"`;

/** an object as a json array of its values */
function objectSql(e: Emit, obj: ObjectPlan, t: string): string {
  return `json_build_array(${objectColumns(e, obj, t).join(', ')})`;
}

/** an object's values, one SQL expression each: its columns, and json for what it nests */
function objectColumns(e: Emit, obj: ObjectPlan, t: string): string[] {
  const cols: string[] = [];
  for (const it of obj.items) {
    if (it.t === 'leaf' || it.t === 'globalId') cols.push(`${t}.${q(it.column)}`);
    else if (it.t === 'one' || it.t === 'many') {
      const c = `t${e.alias++}`;
      const { where, orderBy } = it.fixed?.query ?? queryOf(it.rel, {}, e);
      const conds = [`${c}.${q(it.rel.childColumn)} = ${t}.${q(it.rel.parentColumn)}`, ...whereSql(e, it.rel, c, where)].join(' and ');
      const table = q(it.obj.table);
      if (it.t === 'one') cols.push(`(select ${objectSql(e, it.obj, c)} from ${table} ${c} where ${conds})`);
      else cols.push(`(select coalesce(json_agg(${objectSql(e, it.obj, c)}${orderBy.length ? ` order by ${orderSql(c, orderBy)}` : ''}), '[]'::json) from ${table} ${c} where ${conds})`);
    } else if (it.t === 'connection') cols.push(relatedConnectionSql(e, it, t));
  }
  return cols;
}

const orderSql = (t: string, order: { column: Column; desc: boolean }[], alias = false) =>
  order.map((o, i) => `${alias ? `${t}.o${i}` : `${t}.${q(o.column.name)}`}${o.desc ? ' desc' : ''}`).join(', ');

/** the relation field's own query for these arguments; one the compiled path cannot write is the general executor's */
function queryOf(rel: RelationField, args: Record<string, unknown>, e: Emit) {
  try {
    return relationQuery(rel, args, e.ctx);
  } catch {
    throw new Unsupported('relation query');
  }
}

/** drizzle's filter operators the compiled path writes: a relation query's `where` (`{ column: { in: [...] } }`) */
const OPERATORS: Record<string, (c: Column, v: never) => SQL> = { eq, in: inArray };

/** a relation query's `where` object over the alias `c` of the relation's table, as conditions */
function whereSql(e: Emit, rel: RelationField, c: string, where: Record<string, unknown> | undefined): string[] {
  if (!where) return [];
  const columns = getColumns(alias(rel.table, c)) as Record<string, Column>;
  return Object.entries(where).map(([key, cond]) => {
    const ops = cond && typeof cond === 'object' && !Array.isArray(cond) ? Object.entries(cond) : [];
    if (!columns[key] || ops.length !== 1 || !OPERATORS[ops[0]![0]]) throw new Unsupported(`where ${key}`);
    return render(e, OPERATORS[ops[0]![0]]!(columns[key], ops[0]![1] as never));
  });
}

/** `first` as Pothos reads it: default 50, capped at 100, one extra row tells whether there is more */
function pageLimit(args: Record<string, unknown>): number {
  if (args.last != null || args.before != null) throw new Unsupported('backward page');
  const first = args.first as number | null | undefined;
  if (first != null && first < 0) throw new Unsupported('negative first');
  return pageSize(first) + 1;
}

function relatedConnectionSql(e: Emit, it: Extract<Item, { t: 'connection' }>, t: string): string {
  let query = it.fixed?.query;
  let limit = it.fixed?.limit ?? 0;
  if (!it.fixed) {
    const args = getArgumentValues(it.field.def, it.field.node, e.vars);
    if (args.after != null) throw new Unsupported('related after a cursor');
    limit = pageLimit(args);
    query = queryOf(it.rel, args, e);
  }
  const c = `t${e.alias++}`;
  const x = `x${e.alias++}`;
  const table = q(it.conn.node.table);
  const { where: filter, orderBy } = query!;
  // a connection pages by a unique order (Pothos appends the primary key)
  if (!orderBy.length) throw new Unsupported('connection without an order');
  const where = [`${c}.${q(it.rel.childColumn)} = ${t}.${q(it.rel.parentColumn)}`, ...whereSql(e, it.rel, c, filter)].join(' and ');
  const count = it.conn.totalCount ? `(select count(*) from ${table} ${c} where ${where})` : 'null';
  const orderCols = orderBy.map((o, i) => `${c}.${q(o.column.name)} as o${i}`).join(', ');
  const rows = `(select coalesce(json_agg(${x}.j order by ${orderSql(x, orderBy, true)}), '[]'::json) from (select ${objectSql(e, it.conn.node, c)} as j, ${orderCols} from ${table} ${c} where ${where} order by ${orderSql(c, orderBy)} limit ${param(e, limit, 'int')}) ${x})`;
  return `json_build_array(${count}, ${rows})`;
}

/** every compiled statement starts with this comment: it names them in logs and pg_stat_statements */
export const LABEL = '/* copydesk compiled read */';

export interface Statement {
  text: string;
  params: unknown[];
  /**
   * How the rows come back (as arrays: rowMode 'array'). `value`: one row, one json array of the
   * roots' values. When the plan reads one root, its object comes back as plain columns, so that
   * article bodies cross as text rather than inside json (PostgreSQL nests large json values
   * slowly: json_agg over 20 bodies cost 2 ms against 0.4 ms as rows, pgbench -M prepared):
   * `row`: zero or one row of the object's values; `page`: a row per node (the total count, the
   * node's sort keys, the node's values), or one row with null keys when the page is empty.
   */
  mode: 'value' | 'row' | 'page';
  /** per root (typenames skipped), the page its connection reads (null for other roots) */
  pages: (RootPage<any> | null)[];
}

/** the statement's rows as the json array of root values `shapeResult` reads */
function resultValue(statement: Statement, rows: unknown[][]): unknown[] {
  if (statement.mode === 'value') return rows[0]![0] as unknown[];
  if (statement.mode === 'row') return [rows[0] ?? null];
  const keys = statement.pages[0]!.keys.length;
  return [[rows[0]?.[0] ?? null, rows.flatMap((r) => (r[1] == null ? [] : [[r.slice(1, 1 + keys), r.slice(1 + keys)]]))]];
}

const dialect = new PgDialect();

/**
 * A drizzle SQL fragment as statement text, its parameters appended to the statement's (drizzle
 * numbers them from $1; no fragment here holds a `$` of its own, in a literal or a name).
 */
function render(e: Emit, chunk: SQL | Column): string {
  const query = dialect.sqlToQuery(sql`${chunk}`);
  const base = e.params.length;
  e.params.push(...query.params);
  return query.sql.replace(/\$(\d+)/g, (_, n: string) => `$${base + Number(n)}`);
}

/**
 * The sort keys of a page over the table alias `t` (its drizzle alias `table`), as statement text:
 * a column by its drizzle key, or its expression, rendered once (its parameters are referenced
 * wherever the text is used again).
 */
function sortKeys(e: Emit, page: RootPage<any>, t: string, table: PgTable): string[] {
  const columns = getColumns(table) as Record<string, Column>;
  return page.keys.map((k) => (k.sql ? render(e, k.sql(table)) : `${t}.${q(columns[k.name]!.name)}`));
}

/** a parameter whose type PostgreSQL infers from where it stands */
const bind = (e: Emit, value: unknown) => {
  e.params.push(value);
  return `$${e.params.length}`;
};

/**
 * Rows past the cursor `values` (one per key), as Pothos's drizzle connections page: the first
 * key that differs from the cursor's differs in the direction of the order.
 */
function keysetSql(e: Emit, page: RootPage<any>, keys: string[], values: unknown[]): string {
  const at = values.map((v) => bind(e, v));
  const parts = page.keys.map((k, i) => [...keys.slice(0, i).map((key, j) => `${key} = ${at[j]}`), `${keys[i]} ${k.desc ? '<' : '>'} ${at[i]}`].join(' and '));
  return parts.length > 1 ? `(${parts.map((p) => `(${p})`).join(' or ')})` : parts[0]!;
}

/** the field's arguments with Relay IDs decoded (`{ typename, id }`), as Pothos hands them to the resolver */
function decodedArgs(def: GraphQLField<unknown, unknown>, args: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const a of def.args) if (Object.hasOwn(args, a.name)) out[a.name] = decodeIds(a.type, args[a.name], a.extensions);
  return out;
}

function decodeIds(type: GraphQLInputType, value: unknown, ext: Readonly<Record<string, unknown>> | null | undefined): unknown {
  if (value == null) return value;
  const t = getNullableType(type);
  if (isListType(t)) return (value as unknown[]).map((v) => decodeIds(t.ofType, v, ext));
  if (isInputObjectType(t)) {
    const fields = t.getFields();
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, decodeIds(fields[k]!.type, v, fields[k]!.extensions)]));
  }
  if (ext?.isRelayGlobalID) {
    try {
      return decodeGlobalID(String(value));
    } catch {
      throw new Unsupported('malformed ID');
    }
  }
  return value;
}

/** the page a root connection's arguments ask for; arguments its resolver refuses are the general executor's to report */
function rootPage(r: Extract<RootItem, { t: 'rootConnection' }>, args: Record<string, unknown>): RootPage<any> {
  try {
    return r.page(decodedArgs(r.field.def, args));
  } catch {
    throw new Unsupported('arguments');
  }
}

/** The statement that answers the plan for these variables; `ctx` is the request's context. Throws Unsupported. */
export function emitStatement(plan: Plan, vars: Vars, ctx: unknown): Statement {
  const e: Emit = { vars, ctx, params: [], alias: 0 };
  const cols: string[] = [];
  const pages: (RootPage<any> | null)[] = [];
  const single = plan.roots.filter((r) => r.t !== 'typename').length === 1;
  for (const r of plan.roots) {
    if (r.t === 'typename') continue;
    const args = getArgumentValues(r.field.def, r.field.node, vars);
    const t = `t${e.alias++}`;
    const table = q(r.t === 'byId' ? r.obj.table : r.conn.node.table);
    if (r.t === 'byId') {
      pages.push(null);
      const where = `${t}.${q(r.idColumn)} = ${param(e, rowId(args.id, r.typename), 'int')}`;
      if (single) return { text: `${LABEL} select ${columnList(objectColumns(e, r.obj, t))} from ${table} ${t} where ${where}`, params: e.params, mode: 'row', pages };
      cols.push(`(select ${objectSql(e, r.obj, t)} from ${table} ${t} where ${where})`);
    } else {
      const page = rootPage(r, args);
      pages.push(page);
      // several roots come back as one json value, which would write timestamps as json does
      if (!single && page.keys.length > 1) throw new Unsupported('a compound order beside another root');
      const limit = pageLimit(args);
      const x = `x${e.alias++}`;
      const rows = alias(r.table, t);
      const countOf = () => {
        const c = `t${e.alias++}`;
        const where = page.where(alias(r.table, c));
        return `(select count(*)::int from ${table} ${c}${where ? ` where ${render(e, where)}` : ''})`;
      };
      const count = r.conn.totalCount ? countOf() : 'null';
      const conds: string[] = [];
      const filter = page.where(rows);
      if (filter) conds.push(render(e, filter));
      const keys = sortKeys(e, page, t, rows);
      if (args.after != null) conds.push(keysetSql(e, page, keys, cursorValues(page.ordering, args.after)));
      const order = keys.map((k, i) => `${k}${page.keys[i]!.desc ? ' desc' : ''}`).join(', ');
      const from = `from ${table} ${t}${conds.length ? ` where ${conds.join(' and ')}` : ''} order by ${order}`;
      if (single) {
        // timestamps as PostgreSQL writes them (drizzle reads them as text), sorted as what they are
        const values = objectColumns(e, r.conn.node, t);
        const text = (k: string, i: number) => (page.ordering.values[i] === 'timestamp' ? `(${k})::text` : k);
        if (!r.conn.totalCount) {
          // the page alone, in the index's order (no count to bring along)
          const cols = [...keys.map((k, i) => `${text(k, i)} as k${i}`), ...values.map((v, i) => `${v} as v${i}`)].join(', ');
          return { text: `${LABEL} select null as c, ${cols} ${from} limit ${param(e, limit, 'int')}`, params: e.params, mode: 'page', pages };
        }
        // one row even for an empty page, so that the count arrives
        const sortCols = keys.map((k, i) => `${k} as s${i}`);
        const inner = `select ${[...sortCols, ...values.map((v, i) => `${v} as v${i}`)].join(', ')} ${from} limit ${param(e, limit, 'int')}`;
        const outer = [...keys.map((_, i) => text(`${x}.s${i}`, i)), ...values.map((_, i) => `${x}.v${i}`)].join(', ');
        const outerOrder = page.keys.map((k, i) => `${x}.s${i}${k.desc ? ' desc' : ''}`).join(', ');
        return { text: `${LABEL} select ${count} as c, ${outer} from (select 1) one left join lateral (${inner}) ${x} on true order by ${outerOrder}`, params: e.params, mode: 'page', pages };
      }
      const k = keys[0]!;
      const inner = `select ${k} as k, ${objectSql(e, r.conn.node, t)} as j ${from} limit ${param(e, limit, 'int')}`;
      cols.push(`json_build_array(${count}, (select coalesce(json_agg(json_build_array(json_build_array(${x}.k), ${x}.j) order by ${x}.k${page.keys[0]!.desc ? ' desc' : ''}), '[]'::json) from (${inner}) ${x}))`);
    }
  }
  return { text: `${LABEL} select json_build_array(${cols.join(', ')}) as r`, params: e.params, mode: 'value', pages };
}

/** columns named v0, v1...: a row's values in item order (`x.*` keeps them in order) */
const columnList = (cols: string[]) => (cols.length ? cols.map((c, i) => `${c} as v${i}`).join(', ') : 'null as v0');

/** a global ID of `typename` with an integer id in int4 range; anything else is the general executor's to refuse */
function rowId(globalId: unknown, typename: string): number {
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalID(String(globalId));
  } catch {
    throw new Unsupported('malformed ID');
  }
  const n = Number(decoded.id);
  if (decoded.typename !== typename || !/^\d+$/.test(decoded.id) || n > 2147483647) throw new Unsupported(`not an ID of a ${typename}`);
  return n;
}

/** the sort-key values in an `after` cursor (checked by graphql/input.ts, as the general executor's are), one per key */
function cursorValues(ordering: CursorOrdering, cursor: unknown): unknown[] {
  try {
    const value = decodeCursorChunk(decodeBase64(unnameCursor(ordering, cursor, 'after')).slice(3));
    return ordering.values.length === 1 ? [value] : (value as unknown[]);
  } catch {
    throw new Unsupported('cursor');
  }
}

/** the cursor of the row with these sort-key values, as Pothos's drizzle connections write it and the general executor names it */
const rowCursor = (ordering: CursorOrdering, keys: unknown[]) =>
  nameCursor(ordering, encodeBase64(`DC:${keys.length > 1 ? encodeCursorTuple(keys) : encodeCursorChunk(keys[0])}`));

// ---------------------------------------------------------------------------------------------
// Shaping the statement's JSON into `data`

function shapeObject(obj: ObjectPlan, row: unknown[], vars: Vars, budget: TextBudget): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let i = 0;
  for (const it of obj.items) {
    if (it.t === 'typename') {
      out[it.key] = it.value;
      continue;
    }
    const v = row[i++];
    switch (it.t) {
      case 'leaf':
        out[it.key] = v == null ? null : it.list ? (v as unknown[]).map(it.serialize) : it.serialize(v);
        if (it.budget && typeof out[it.key] === 'string') budget.charge(out[it.key] as string, it.budget);
        break;
      case 'globalId':
        out[it.key] = encodeGlobalID(it.typename, String(v));
        break;
      case 'one':
        out[it.key] = v == null ? null : shapeObject(it.obj, v as unknown[], vars, budget);
        break;
      case 'many':
        out[it.key] = (v as unknown[][]).map((r) => shapeObject(it.obj, r, vars, budget));
        break;
      case 'connection':
        // the same limit emitStatement bound (the arguments are fixed for the request)
        out[it.key] = shapeConnection(it.conn, v as [number | null, unknown[]], vars, null, it.fixed?.limit ?? pageLimit(getArgumentValues(it.field.def, it.field.node, vars)), false, budget);
        break;
    }
  }
  return out;
}

function shapeConnection(conn: ConnectionPlan, value: [number | null, unknown[]], vars: Vars, ordering: CursorOrdering | null, limit: number, after: boolean, budget: TextBudget): Record<string, unknown> {
  const [count, rows] = value;
  // Pothos's wrapConnectionResult for forward pages: one extra row means there is a next page
  const full = rows.length === limit;
  const page = full ? rows.slice(0, -1) : rows;
  const nodes = page.map((r) => (ordering ? (r as [unknown[], unknown[]]) : ([[], r] as [unknown[], unknown[]])));
  const cursorOf = (keys: unknown[]) => rowCursor(ordering!, keys);
  const out: Record<string, unknown> = {};
  for (const it of conn.items) {
    if (it.t === 'typename') out[it.key] = conn.typename;
    else if (it.t === 'totalCount') out[it.key] = Number(count);
    else if (it.t === 'edges') {
      out[it.key] = nodes.map(([k, r]) => {
        const edge: Record<string, unknown> = {};
        for (const e of it.items) edge[e.key] = e.t === 'typename' ? conn.edgeTypename : e.t === 'cursor' ? cursorOf(k) : shapeObject(conn.node, r, vars, budget);
        return edge;
      });
    } else {
      const info: Record<string, unknown> = {};
      for (const p of it.items) {
        if (p.t === 'typename') info[p.key] = 'PageInfo';
        else if (p.t === 'hasNextPage') info[p.key] = full;
        else if (p.t === 'hasPreviousPage') info[p.key] = after;
        else if (p.t === 'startCursor') info[p.key] = nodes.length ? cursorOf(nodes[0]![0]) : null;
        else info[p.key] = nodes.length ? cursorOf(nodes[nodes.length - 1]![0]) : null;
      }
      out[it.key] = info;
    }
  }
  return out;
}

/**
 * `data` for the plan from the statement's rows (`emitStatement` wrote it for the same vars).
 * Fields marked with TEXT_BUDGET_EXTENSION are charged to `budget` (throws its LIMIT_EXCEEDED error).
 */
export function shapeResult(plan: Plan, vars: Vars, statement: Statement, rows: unknown[][], budget: TextBudget): Record<string, unknown> {
  const value = resultValue(statement, rows);
  const data: Record<string, unknown> = {};
  let i = 0;
  for (const r of plan.roots) {
    if (r.t === 'typename') {
      data[r.key] = 'Query';
      continue;
    }
    const page = statement.pages[i];
    const v = value[i++];
    if (r.t === 'byId') data[r.key] = v == null ? null : shapeObject(r.obj, v as unknown[], vars, budget);
    else {
      const args = getArgumentValues(r.field.def, r.field.node, vars);
      data[r.key] = shapeConnection(r.conn, v as [number | null, unknown[]], vars, page!.ordering, pageLimit(args), args.after != null, budget);
    }
  }
  return data;
}
