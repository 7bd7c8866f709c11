/**
 * Every mutation is for editors (README "Reading is open; every mutation needs an editor token").
 * A mutation without a valid token is answered here, before anything else looks at it: no
 * argument is coerced, checked (graphql/input.ts) or resolved, so a stranger's large input
 * (a big segmentation, a long dump) costs no work beyond parsing the request. The answer has the
 * shape the resolvers would give: each root field the UnauthenticatedError of its result union,
 * projected on the selection (`__typename`, `code`, `message`, fragments on `Error`).
 */
import {
  getNamedType,
  getOperationAST,
  isAbstractType,
  Kind,
  type DocumentNode,
  type ExecutionResult,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { UnauthenticatedError } from '../errors.ts';

/** an @skip/@include on a selection, with its condition from the variables (a variable of the wrong kind counts as false) */
function included(node: { directives?: readonly { name: { value: string }; arguments?: readonly { value: { kind: string; value?: unknown; name?: { value: string } } }[] }[] }, variables: Record<string, unknown>): boolean {
  for (const d of node.directives ?? []) {
    if (d.name.value !== 'skip' && d.name.value !== 'include') continue;
    const v = d.arguments?.[0]?.value;
    const value = v?.kind === Kind.VARIABLE ? variables[v.name!.value] === true : v?.kind === Kind.BOOLEAN ? v.value === true : false;
    if (d.name.value === 'skip' ? value : !value) return false;
  }
  return true;
}

/**
 * The answer to mutation `operationName` of `document` for a request without a valid editor
 * token, or null when the operation is no mutation (or a root field's result cannot hold the
 * error: then the resolvers answer as before).
 */
export function unauthenticatedMutation(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown>, tokenSent: boolean): ExecutionResult | null {
  const op = getOperationAST(document, operationName);
  const mutation = schema.getMutationType();
  if (op?.operation !== 'mutation' || !mutation) return null;
  const errorType = schema.getType('UnauthenticatedError') as GraphQLObjectType;
  const error = new UnauthenticatedError(tokenSent ? 'rejected' : 'missing');
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const applies = (typeName: string | undefined, on: GraphQLObjectType) => {
    if (!typeName || typeName === on.name) return true;
    const t = schema.getType(typeName);
    return Boolean(t && isAbstractType(t) && schema.isSubType(t, on));
  };
  /** the selection on the error object */
  const project = (set: SelectionSetNode, into: Record<string, unknown>, depth = 0): void => {
    if (depth > 20) return;
    for (const s of set.selections) {
      if (!included(s as never, variables)) continue;
      if (s.kind === Kind.FIELD) {
        const key = s.alias?.value ?? s.name.value;
        into[key] = s.name.value === '__typename' ? errorType.name : s.name.value === 'code' ? error.code : s.name.value === 'message' ? error.message : null;
      } else {
        const frag = s.kind === Kind.FRAGMENT_SPREAD ? fragments.get(s.name.value) : s;
        if (frag && applies(frag.typeCondition?.name.value, errorType)) project(frag.selectionSet, into, depth + 1);
      }
    }
  };
  const data: Record<string, unknown> = {};
  const root = (set: SelectionSetNode, depth = 0): boolean => {
    if (depth > 20) return true;
    for (const s of set.selections) {
      if (!included(s as never, variables)) continue;
      if (s.kind === Kind.FIELD) {
        const key = s.alias?.value ?? s.name.value;
        if (s.name.value === '__typename') {
          data[key] = mutation.name;
          continue;
        }
        const field = mutation.getFields()[s.name.value];
        const result = field && getNamedType(field.type);
        if (!result || !isAbstractType(result) || !schema.isSubType(result, errorType) || !s.selectionSet) return false;
        const value: Record<string, unknown> = {};
        project(s.selectionSet, value);
        data[key] = value;
      } else {
        const frag = s.kind === Kind.FRAGMENT_SPREAD ? fragments.get(s.name.value) : s;
        if (frag && (!frag.typeCondition || frag.typeCondition.name.value === mutation.name) && !root(frag.selectionSet, depth + 1)) return false;
      }
    }
    return true;
  };
  return root(op.selectionSet) ? { data } : null;
}
