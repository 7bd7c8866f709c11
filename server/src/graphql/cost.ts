/**
 * What an operation costs, checked before it runs (limits.ts `maxCost`): GraphQL Armor's
 * cost formula (a scalar 1, an object 2, each level deeper ×1.5, fragments flattened,
 * introspection free), with one change: a paginated field (`first`/`last`) multiplies its
 * selection by the page size the server will actually return (builder.ts `pageSize`: the request's
 * `first`/`last`, from a literal or a variable, capped at 100), never by the number asked for
 * (Armor took `first: 1000000` at its word, and a `first: $n` as 1). A field asked without
 * `first`/`last` counts once, as in Armor (most such fields are short lists).
 */
import { Kind, getOperationAST, valueFromASTUntyped, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import { pageSize } from './builder.ts';

const SCALAR = 1;
const OBJECT = 2;
const DEPTH_FACTOR = 1.5;

/** The cost of operation `operationName` of `document` with `variables`. */
export function operationCost(document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown>): number {
  const op = getOperationAST(document, operationName);
  if (!op) return 0;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  /** a fragment's cost once computed (a fragment spread again costs the same; one spread inside itself costs nothing more) */
  const known = new Map<string, number>();
  const setCost = (set: SelectionSetNode): number => {
    let cost = 0;
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        if (s.name.value === '__schema') continue;
        cost += DEPTH_FACTOR * fieldCost(s);
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        cost += setCost(s.selectionSet);
      } else {
        const name = s.name.value;
        if (!known.has(name)) {
          known.set(name, 0);
          const f = fragments.get(name);
          known.set(name, f ? setCost(f.selectionSet) : 0);
        }
        cost += known.get(name)!;
      }
    }
    return cost;
  };
  const fieldCost = (field: { selectionSet?: SelectionSetNode; arguments?: readonly { name: { value: string }; value: import('graphql').ValueNode }[] }): number => {
    if (!field.selectionSet) return SCALAR;
    const arg = (name: string) => {
      const a = field.arguments?.find((x) => x.name.value === name);
      if (!a) return undefined;
      const v = valueFromASTUntyped(a.value, variables);
      return typeof v === 'number' && Number.isFinite(v) ? v : null;
    };
    const first = arg('first');
    const last = arg('last');
    const paged = first !== undefined || last !== undefined;
    const times = paged ? Math.max(1, pageSize(first, last)) : 1;
    return (OBJECT + setCost(field.selectionSet)) * times;
  };
  return op.selectionSet.selections.reduce((sum, s) => sum + (s.kind === Kind.FIELD ? (s.name.value === '__schema' ? 0 : fieldCost(s)) : s.kind === Kind.INLINE_FRAGMENT ? setCost(s.selectionSet) : setCost({ kind: Kind.SELECTION_SET, selections: [s] })), 0);
}
