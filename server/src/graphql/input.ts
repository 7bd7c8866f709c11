/**
 * API input checked at the edge: before an operation runs, every argument it carries (at any
 * depth, nested connections included) is checked against what the database will accept, so that
 * nothing JavaScript accepts and PostgreSQL refuses reaches SQL. A bad value is a typed error,
 * INVALID_INPUT, naming the argument (`after`, `filter.topicId`, `ids`), never a 500.
 *
 * - strings: no NUL (PostgreSQL text cannot hold it) and no lone UTF-16 surrogate (not text: it
 *   cannot be stored as UTF-8 and would come back as U+FFFD); in a mutation's arguments (text an
 *   editor writes and copydesk stores: names, titles, rule lines, notes, reasons) no bidi control
 *   either (U+202A-U+202E embeddings and overrides, U+2066-U+2069 isolates: they make stored
 *   text read differently from what it holds). An input field that reports bad characters itself
 *   (a dump's text: InvalidTextError with an offset) opts out with `textCheckedByResolver`;
 *   each within its length limit and free of the control characters its kind may not hold
 *   (text-limits.ts, one table by schema coordinate);
 * - DateTimes: ISO 8601 within years 0001-9999 (a field whose resolver reports it per item opts
 *   out with `dateTimeCheckedByResolver`);
 * - Relay global IDs: decodable, of the type the argument names (`for:`), or of any node type,
 *   and an integer id within PostgreSQL's `integer`;
 * - cursors (`after`, `before`): of the ordering the field is asked for, holding values of that
 *   ordering's types (see `CursorOrdering` and `cursorOrdering`);
 * - Floats: within PostgreSQL's `real` (what every Float argument is stored as);
 * - `first`/`last`: not negative, not both; a list argument a field returns an item for each
 *   element of (`nodes(ids:)`, builder.ts ITEM_PER_ELEMENT_EXTENSION) at most a page long;
 * - variables: nested at most MAX_VARIABLE_DEPTH deep (graphql-js coerces them recursively, and
 *   100,000 levels overflowed its stack), and of their declared types: one graphql-js cannot coerce
 *   (a string for an Int, an unknown input field, a required one missing) is INVALID_INPUT naming
 *   the variable (`$first`), where graphql-js answers an error without a code.
 */
import { loneSurrogateAt } from '@copydesk/core';
import { decodeBase64, decodeCursorChunk, encodeBase64 } from '@pothos/core';
import {
  GraphQLFloat,
  getArgumentValues,
  getNamedType,
  getVariableValues,
  getNullableType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isObjectType,
  isUnionType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { InvalidInputError, withArticle } from '../errors.ts';
import { DATE_TIME_EXPECTED, InvalidDateTime, isoDateTime } from '../date-time.ts';
import { BIDI_CONTROL } from '../names.ts';
import { checkTextInput } from './text-limits.ts';
import { CONNECTION_PAGE, ITEM_PER_ELEMENT_EXTENSION } from './builder.ts';

/** PostgreSQL `integer`: every copydesk table's id */
export const INT4_MAX = 2147483647;

/** PostgreSQL `real`: the largest magnitude it holds */
const REAL_MAX = 3.4028234e38;

/** Field extension naming the cursor a paginated field issues and accepts: `(args) => CursorOrdering`. */
export const CURSOR_EXTENSION = 'copydeskCursor';

/** Input-field extension: the resolver reports a bad character in this string itself (NUL, a lone surrogate, a bidi control), with a typed result. */
export const TEXT_CHECKED_EXTENSION = 'textCheckedByResolver';

/** Input-field extension: the resolver reports a DateTime that is not one itself (a batch item's own error result). */
export const DATE_TIME_CHECKED_EXTENSION = 'dateTimeCheckedByResolver';

/**
 * The value types of a cursor's positions, in ordering order:
 * `int` an integer in int4 range; `float` a finite number; `timestamp` a timestamptz as PostgreSQL
 * writes it (or `infinity`/`-infinity`); `text` a string without NUL.
 */
export type CursorValue = 'int' | 'float' | 'timestamp' | 'text';

/**
 * One ordering of one connection. `name` (root connections, whose resolvers run their own query)
 * goes into every cursor the ordering issues (`<name>|<Pothos cursor>`, base64), and a cursor is
 * accepted only by the ordering that names it. A nested connection is loaded with its parent, from
 * the arguments as sent, so its cursor stays Pothos's own; it has one ordering, whose value types
 * the cursor must hold.
 */
export interface CursorOrdering {
  name?: string;
  values: readonly CursorValue[];
}

/** The `extensions` of a paginated field whose cursor follows `ordering(args)`. */
export function cursorOrdering(ordering: CursorOrdering | ((args: Record<string, unknown>) => CursorOrdering)) {
  return { [CURSOR_EXTENSION]: typeof ordering === 'function' ? ordering : () => ordering };
}

/** The cursor clients see for a Pothos drizzle cursor of `ordering`. */
export function nameCursor(ordering: CursorOrdering, pothosCursor: string): string {
  return ordering.name ? encodeBase64(`${ordering.name}|${decodeBase64(pothosCursor)}`) : pothosCursor;
}

/**
 * The Pothos drizzle cursor inside a client's cursor of `ordering`, after checking that it names
 * that ordering and holds values of its types. Throws InvalidInputError(arg) otherwise.
 */
export function unnameCursor(ordering: CursorOrdering, cursor: unknown, arg: string): string {
  if (typeof cursor !== 'string' || cursor.length > 2000) return badCursor(arg, 'not a cursor');
  let decoded: string;
  try {
    decoded = decodeBase64(cursor);
  } catch {
    return badCursor(arg, 'not a cursor');
  }
  // the cursor must be canonical base64: Node's decoder skips characters it does not know
  if (encodeBase64(decoded) !== cursor) return badCursor(arg, 'not a cursor');
  const bar = ordering.name ? decoded.indexOf('|') : -1;
  if (!decoded.startsWith('DC:', bar + 1)) return badCursor(arg, 'not a cursor');
  const named = decoded.slice(0, Math.max(bar, 0));
  if (ordering.name && named !== ordering.name) return badCursor(arg, `this cursor is for another ordering (${named.slice(0, 40) || 'none'}), not ${ordering.name}`);
  let value: unknown;
  try {
    value = decodeCursorChunk(decoded.slice(bar + 4));
  } catch {
    return badCursor(arg, 'not a cursor');
  }
  const values = ordering.values.length === 1 ? [value] : value;
  if (!Array.isArray(values) || values.length !== ordering.values.length || !values.every((v, i) => fits(v, ordering.values[i]!))) {
    return badCursor(arg, `this cursor does not hold a position of ${ordering.name ?? 'this connection'}`);
  }
  return encodeBase64(decoded.slice(bar + 1));
}

function badCursor(arg: string, why: string): never {
  throw new InvalidInputError(arg, `${why}; pass a cursor this connection returned with the same orderBy (and search), or none to start over`);
}

const TIMESTAMP = /^(-?infinity|\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(\.\d{1,6})?(Z|[+-]\d\d(:?\d\d)?)?)$/;

function fits(v: unknown, kind: CursorValue): boolean {
  switch (kind) {
    case 'int':
      return typeof v === 'number' && Number.isInteger(v) && Math.abs(v) <= INT4_MAX;
    case 'float':
      return typeof v === 'number' && Number.isFinite(v);
    case 'timestamp':
      return typeof v === 'string' && TIMESTAMP.test(v) && (v.endsWith('infinity') || !Number.isNaN(Date.parse(v.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'))));
    case 'text':
      return typeof v === 'string' && !v.includes('\u0000');
  }
}

/**
 * A Relay global ID's type and integer id, checked: decodable, of one of `types` (any node type
 * when null), id a decimal integer in int4 range. Throws InvalidInputError(arg) otherwise.
 */
export function parseGlobalId(globalId: unknown, types: readonly string[] | null, arg: string, nodeTypes: ReadonlySet<string>): { typename: string; id: number } {
  if (typeof globalId !== 'string' || globalId.length > 200) return badId(arg, types, 'not an ID');
  let decoded: string;
  try {
    decoded = decodeBase64(globalId);
  } catch {
    return badId(arg, types, 'not an ID');
  }
  const colon = decoded.indexOf(':');
  const typename = decoded.slice(0, colon);
  const id = decoded.slice(colon + 1);
  if (colon < 1 || !nodeTypes.has(typename)) return badId(arg, types, 'not an ID');
  if (types?.length && !types.includes(typename)) return badId(arg, types, `an ID of ${withArticle(typename)}`);
  if (!/^\d{1,10}$/.test(id) || Number(id) > INT4_MAX) return badId(arg, types, 'not an ID (its number is malformed or out of range)');
  return { typename, id: Number(id) };
}

function badId(arg: string, types: readonly string[] | null, why: string): never {
  const expected = types?.length ? types.join(' or ') : 'copydesk object';
  throw new InvalidInputError(arg, `${why}: pass the ID of ${withArticle(expected)} as the API returned it`);
}

/** the names of the schema's node types (those with a global ID), computed once per schema */
const nodeTypeNames = new WeakMap<GraphQLSchema, ReadonlySet<string>>();
function nodeTypesOf(schema: GraphQLSchema): ReadonlySet<string> {
  let names = nodeTypeNames.get(schema);
  if (!names) {
    const node = schema.getType('Node');
    names = new Set(isInterfaceType(node) ? schema.getPossibleTypes(node).map((t) => t.name) : []);
    nodeTypeNames.set(schema, names);
  }
  return names;
}

/** nesting of variables' JSON beyond which a request is refused */
export const MAX_VARIABLE_DEPTH = 32;

/** how deep `value` nests, counted level by level without recursion, up to `limit + 1` */
function depthOf(value: unknown, limit: number): number {
  let level: unknown[] = [value];
  for (let depth = 0; level.length; depth++) {
    if (depth > limit) return depth;
    const next: unknown[] = [];
    for (const v of level) if (v && typeof v === 'object') for (const c of Object.values(v)) if (c && typeof c === 'object') next.push(c);
    level = next;
  }
  return 0;
}

interface Walk {
  schema: GraphQLSchema;
  /** the operation is a mutation: its strings are stored, so bidi controls are refused too */
  mutation: boolean;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  nodeTypes: ReadonlySet<string>;
  seen: Set<SelectionSetNode>;
}

/**
 * Checks every argument of the operation `operationName` in `document` (fields, nested fields,
 * fragments). Throws InvalidInputError naming the first bad argument; returns when all are sound.
 * Literal arguments graphql-js cannot coerce are left to its own (typed) validation errors.
 */
export function checkOperationInput(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | null | undefined): void {
  if (depthOf(variables, MAX_VARIABLE_DEPTH) > MAX_VARIABLE_DEPTH) throw new InvalidInputError('variables', `nested deeper than ${MAX_VARIABLE_DEPTH} levels`);
  const ops = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const op = operationName ? ops.find((o) => o.name?.value === operationName) : ops[0];
  if (!op) return;
  const coerced = getVariableValues(schema, op.variableDefinitions ?? [], variables ?? {}, { maxErrors: 1 });
  if (coerced.errors?.length) {
    const first = coerced.errors[0]!;
    const at = first.nodes?.[0];
    throw new InvalidInputError(at?.kind === Kind.VARIABLE_DEFINITION ? `$${at.variable.name.value}` : 'variables', first.message);
  }
  const root = op.operation === 'query' ? schema.getQueryType() : op.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  if (!root) return;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  walkSelections({ schema, mutation: op.operation === 'mutation', fragments, variables: variables ?? {}, nodeTypes: nodeTypesOf(schema), seen: new Set() }, op.selectionSet, [root]);
}

/** `types`: the object types the selection may apply to (several below an interface or union) */
function walkSelections(w: Walk, set: SelectionSetNode, types: readonly GraphQLObjectType[]): void {
  if (w.seen.has(set)) return; // a fragment spread twice is checked once
  w.seen.add(set);
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) {
      for (const type of types) {
        const def = type.getFields()[s.name.value];
        if (!def) continue;
        if (s.arguments?.length) {
          let args: Record<string, unknown>;
          try {
            args = getArgumentValues(def, s, w.variables);
          } catch {
            continue; // graphql-js reports it as a typed validation error when the field runs
          }
          checkField(w, type.name, def, args);
        }
        if (s.selectionSet) walkSelections(w, s.selectionSet, objectTypes(w.schema, getNamedType(def.type)));
        break;
      }
    } else {
      const frag = s.kind === Kind.FRAGMENT_SPREAD ? w.fragments.get(s.name.value) : s;
      if (!frag) continue;
      const cond = frag.typeCondition ? w.schema.getType(frag.typeCondition.name.value) : undefined;
      walkSelections(w, frag.selectionSet, cond ? objectTypes(w.schema, cond).filter((c) => types.includes(c) || types.length > 1 || !types.length) : types);
    }
  }
}

function objectTypes(schema: GraphQLSchema, type: unknown): GraphQLObjectType[] {
  if (isObjectType(type)) return [type];
  if (isInterfaceType(type) || isUnionType(type)) return [...schema.getPossibleTypes(type)];
  return [];
}

function checkField(w: Walk, typeName: string, def: GraphQLField<unknown, unknown>, args: Record<string, unknown>): void {
  for (const a of def.args) {
    if (args[a.name] != null) checkValue(w, a.type, args[a.name], a.name, a.extensions as Record<string, unknown>, `${typeName}.${def.name}(${a.name})`);
  }
  const { first, last } = args as { first?: number | null; last?: number | null };
  if (first != null && first < 0) throw new InvalidInputError('first', 'must be 0 or more');
  if (last != null && last < 0) throw new InvalidInputError('last', 'must be 0 or more');
  if (first != null && last != null) throw new InvalidInputError('last', 'give first or last, not both');
  const perElement = def.extensions?.[ITEM_PER_ELEMENT_EXTENSION] as string | undefined;
  const list = perElement ? args[perElement] : undefined;
  if (Array.isArray(list) && list.length > CONNECTION_PAGE.maxSize) {
    throw new InvalidInputError(perElement!, `${list.length} items; at most ${CONNECTION_PAGE.maxSize} in one request (a page): ask for the others in another`);
  }
  const ordering = def.extensions?.[CURSOR_EXTENSION] as ((args: Record<string, unknown>) => CursorOrdering) | undefined;
  if (ordering) {
    for (const arg of ['after', 'before'] as const) if (args[arg] != null) unnameCursor(ordering(args), args[arg], arg);
  }
}

/** `coordinate`: the schema coordinate of the argument or input field (`Mutation.renameTopic(name)`, `CreateParseRuleInput.note`) */
function checkValue(w: Walk, type: GraphQLInputType, value: unknown, path: string, ext: Record<string, unknown> | undefined, coordinate: string): void {
  if (value == null) return;
  const t = getNullableType(type);
  if (isListType(t)) {
    if (Array.isArray(value)) value.forEach((v, i) => checkValue(w, t.ofType, v, `${path}[${i}]`, ext, coordinate));
    return;
  }
  if (isInputObjectType(t)) {
    const fields = t.getFields();
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const f = fields[k];
      if (f) checkValue(w, f.type, v, `${path}.${k}`, f.extensions as Record<string, unknown>, `${t.name}.${k}`);
    }
    return;
  }
  if ('name' in t && t.name === 'DateTime' && !ext?.[DATE_TIME_CHECKED_EXTENSION] && (value instanceof InvalidDateTime || isoDateTime(value) === null)) {
    throw new InvalidInputError(path, DATE_TIME_EXPECTED);
  }
  if (ext?.isRelayGlobalID) {
    const forTypes = ext.relayGlobalIDFor as { typename: string }[] | null | undefined;
    parseGlobalId(value, forTypes ? forTypes.map((f) => f.typename) : null, path, w.nodeTypes);
    return;
  }
  if (t === GraphQLFloat && typeof value === 'number' && !(Math.abs(value) <= REAL_MAX)) {
    throw new InvalidInputError(path, `${value} is out of range (at most ${REAL_MAX} either way)`);
  }
  if (typeof value === 'string' && !ext?.[TEXT_CHECKED_EXTENSION]) {
    const bad = badCharacter(value, w.mutation);
    if (bad) throw new InvalidInputError(path, bad);
  }
  if (typeof value === 'string') checkTextInput(coordinate, value, path);
}

/**
 * Why `value` cannot be taken as a string argument, or null when it can: a NUL, a lone UTF-16
 * surrogate, or (when `stored`, a mutation's argument) a bidi control. The reason names the
 * offending character and its UTF-16 offset.
 */
export function badCharacter(value: string, stored: boolean): string | null {
  const nul = value.indexOf('\u0000');
  if (nul >= 0) return `holds a NUL character (at ${nul}), which text cannot contain`;
  const lone = loneSurrogateAt(value);
  if (lone >= 0) return `holds a lone UTF-16 surrogate (at ${lone}, broken encoding), which is not text`;
  const bidi = stored ? BIDI_CONTROL.exec(value) : null;
  if (bidi) return `holds the bidi control U+${bidi[0].charCodeAt(0).toString(16).toUpperCase()} (at ${bidi.index}), which would make the stored text read differently from what it holds`;
  return null;
}

interface Connection {
  edges: ({ cursor: string } | null)[];
  pageInfo: { startCursor: string | null; endCursor: string | null; hasNextPage: boolean; hasPreviousPage: boolean };
}

/**
 * Wraps the resolvers of the schema's paginated fields (those with a CURSOR_EXTENSION).
 *
 * Root connections with a named ordering: the client's cursor is checked and unwrapped before the
 * Pothos resolver sees it, and the cursors it issues are named. pageInfo follows the Relay
 * connection spec where Pothos does not: with `first` and `before`, hasNextPage says whether edges
 * lie between the page and `before` (Pothos always answers true), with `last` and `after`
 * hasPreviousPage likewise (one more row read, for those pages only).
 *
 * Nested connections are loaded with their parent, so no row can be added: there a page shorter
 * than asked has nothing more toward the cursor (hasNextPage / hasPreviousPage false); a full page
 * keeps Pothos's true, and its end cursor leads to an empty page that says so.
 */
export function wrapConnections(schema: GraphQLSchema): GraphQLSchema {
  const query = schema.getQueryType();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const ordering = field.extensions?.[CURSOR_EXTENSION] as ((args: Record<string, unknown>) => CursorOrdering) | undefined;
      const inner = field.resolve;
      if (!ordering || !inner) continue;
      field.resolve = type === query ? rootConnection(inner, ordering) : nestedConnection(inner);
    }
  }
  return schema;
}

type Resolver = NonNullable<GraphQLField<unknown, unknown>['resolve']>;

function rootConnection(inner: Resolver, ordering: (args: Record<string, unknown>) => CursorOrdering): Resolver {
  return async (root, args: Record<string, unknown>, ctx, info) => {
    const o = ordering(args);
    const raw: Record<string, unknown> = {
      ...args,
      after: args.after == null || !o.name ? args.after : unnameCursor(o, args.after, 'after'),
      before: args.before == null || !o.name ? args.before : unnameCursor(o, args.before, 'before'),
    };
    const conn = (await inner(root, raw, ctx, info)) as Connection;
    const more = async (page: Record<string, unknown>) => ((await inner(root, { ...raw, first: null, last: null, ...page }, ctx, info)) as Connection).edges.length > 0;
    if (raw.first != null && raw.before != null) conn.pageInfo.hasNextPage = conn.pageInfo.endCursor != null && (await more({ first: 1, after: conn.pageInfo.endCursor }));
    if (raw.last != null && raw.after != null) conn.pageInfo.hasPreviousPage = conn.pageInfo.startCursor != null && (await more({ last: 1, before: conn.pageInfo.startCursor }));
    for (const e of conn.edges) if (e) e.cursor = nameCursor(o, e.cursor);
    if (conn.pageInfo.startCursor) conn.pageInfo.startCursor = nameCursor(o, conn.pageInfo.startCursor);
    if (conn.pageInfo.endCursor) conn.pageInfo.endCursor = nameCursor(o, conn.pageInfo.endCursor);
    return conn;
  };
}

function nestedConnection(inner: Resolver): Resolver {
  return async (root, args: { first?: number | null; last?: number | null; after?: unknown; before?: unknown }, ctx, info) => {
    const conn = (await inner(root, args, ctx, info)) as Connection | null;
    if (!conn) return conn;
    if (args.first != null && args.before != null && conn.edges.length < args.first) conn.pageInfo.hasNextPage = false;
    if (args.last != null && args.after != null && conn.edges.length < args.last) conn.pageInfo.hasPreviousPage = false;
    return conn;
  };
}
