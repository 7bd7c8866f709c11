/**
 * What an operation costs, checked before it runs (limits.ts `maxCost`): GraphQL Armor's
 * cost formula (a scalar 1, an object 2, each level deeper ×1.5, fragments flattened,
 * introspection free), with one change: a paginated field (one taking `first`/`last`) multiplies
 * its selection by the page size the server will actually return (builder.ts `pageSize`: the
 * request's `first`/`last`, from a literal or a variable, capped at 100; the default page size
 * when neither is given), never by the number asked for (Armor took `first: 1000000` at its word,
 * and a `first: $n` or a connection asked without `first` as 1). A field returning one item per
 * element of a list argument (`nodes(ids:)`, builder.ts ITEM_PER_ELEMENT_EXTENSION) multiplies its
 * selection by that list's length. Any other list field that is not paginated counts once, as in
 * Armor (such fields are short lists).
 */
import { Kind, getNamedType, getOperationAST, isInterfaceType, isObjectType, valueFromASTUntyped, type DocumentNode, type FieldNode, type FragmentDefinitionNode, type GraphQLCompositeType, type GraphQLField, type GraphQLSchema, type SelectionSetNode, type ValueNode } from 'graphql';
import { ITEM_PER_ELEMENT_EXTENSION, pageSize } from './builder.ts';

const SCALAR = 1;
const OBJECT = 2;
const DEPTH_FACTOR = 1.5;

/** whether an argument's value holds no variable (a literal, or lists and objects of literals): the same for every request of a document */
export function isLiteral(value: ValueNode): boolean {
  if (value.kind === Kind.VARIABLE) return false;
  if (value.kind === Kind.LIST) return value.values.every(isLiteral);
  if (value.kind === Kind.OBJECT) return value.fields.every((f) => isLiteral(f.value));
  return true;
}

/** per schema and parsed document (Yoga caches documents by their text), the cost of each operation whose page sizes are all literals */
const fixedCosts = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, number>>>();

/**
 * The cost of operation `operationName` of `document` with `variables` (a number, no unit), by
 * `schema`'s types: a field of `schema` that takes `first` or `last` is a page. A field the schema
 * does not know (the request fails validation) is charged as an unpaginated one. An operation
 * whose `first`/`last` are all literals costs the same for any variables: it is computed once per
 * parsed document.
 */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown>): number {
  let byDocument = fixedCosts.get(schema);
  if (!byDocument) fixedCosts.set(schema, (byDocument = new WeakMap()));
  const known = byDocument.get(document)?.get(operationName ?? '');
  if (known !== undefined) return known;
  const { cost, fixed } = costOf(schema, document, operationName, variables);
  if (fixed) {
    let byName = byDocument.get(document);
    if (!byName) byDocument.set(document, (byName = new Map()));
    byName.set(operationName ?? '', cost);
  }
  return cost;
}

/** the cost, and whether it is `fixed`: no page size came from a variable */
function costOf(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown>): { cost: number; fixed: boolean } {
  let fixed = true;
  const op = getOperationAST(document, operationName);
  if (!op) return { cost: 0, fixed };
  const root = schema.getRootType(op.operation) ?? undefined;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  /** a fragment's cost once computed (a fragment spread again costs the same; one spread inside itself costs nothing more) */
  const known = new Map<string, number>();
  const typeNamed = (name: string | undefined, fallback: GraphQLCompositeType | undefined) => {
    const t = name ? schema.getType(name) : fallback;
    return t && (isObjectType(t) || isInterfaceType(t)) ? t : undefined;
  };
  const fieldOf = (parent: GraphQLCompositeType | undefined, name: string): GraphQLField<unknown, unknown> | undefined =>
    parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[name] : undefined;
  const setCost = (set: SelectionSetNode, parent: GraphQLCompositeType | undefined): number => {
    let cost = 0;
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        if (s.name.value === '__schema') continue;
        cost += DEPTH_FACTOR * fieldCost(s, fieldOf(parent, s.name.value));
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        cost += setCost(s.selectionSet, typeNamed(s.typeCondition?.name.value, parent));
      } else {
        const name = s.name.value;
        if (!known.has(name)) {
          known.set(name, 0);
          const f = fragments.get(name);
          known.set(name, f ? setCost(f.selectionSet, typeNamed(f.typeCondition.name.value, undefined)) : 0);
        }
        cost += known.get(name)!;
      }
    }
    return cost;
  };
  /** the number of elements of `field`'s list argument `name` (a literal or a variable), or null when it is not a list */
  const listLength = (field: FieldNode, name: string): number | null => {
    const a = field.arguments?.find((x) => x.name.value === name);
    if (!a) return null;
    if (!isLiteral(a.value)) fixed = false;
    const v = valueFromASTUntyped(a.value, variables);
    return Array.isArray(v) ? v.length : null;
  };
  const fieldCost = (field: FieldNode, def: GraphQLField<unknown, unknown> | undefined): number => {
    if (!field.selectionSet) return SCALAR;
    const arg = (name: string) => {
      const a = field.arguments?.find((x) => x.name.value === name);
      if (!a) return undefined;
      if (!isLiteral(a.value)) fixed = false;
      const v = valueFromASTUntyped(a.value, variables);
      return typeof v === 'number' && Number.isFinite(v) ? v : null;
    };
    const first = arg('first');
    const last = arg('last');
    // a page: the field takes first/last (asked or not), or the request gives one
    const paged = first !== undefined || last !== undefined || !!def?.args.some((a) => a.name === 'first' || a.name === 'last');
    const perElement = def?.extensions?.[ITEM_PER_ELEMENT_EXTENSION] as string | undefined;
    const elements = perElement ? listLength(field, perElement) : null;
    const times = elements !== null ? Math.max(1, elements) : paged ? Math.max(1, pageSize(first, last)) : 1;
    const type = def ? getNamedType(def.type) : undefined;
    return (OBJECT + setCost(field.selectionSet, type && (isObjectType(type) || isInterfaceType(type)) ? type : undefined)) * times;
  };
  const cost = op.selectionSet.selections.reduce(
    (sum, s) =>
      sum +
      (s.kind === Kind.FIELD
        ? s.name.value === '__schema'
          ? 0
          : fieldCost(s, fieldOf(root, s.name.value))
        : s.kind === Kind.INLINE_FRAGMENT
          ? setCost(s.selectionSet, typeNamed(s.typeCondition?.name.value, root))
          : setCost({ kind: Kind.SELECTION_SET, selections: [s] }, root)),
    0,
  );
  return { cost, fixed };
}

