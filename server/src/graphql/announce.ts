/**
 * Every mutation that did something (not one refused as a whole, nor one whose every field
 * answered a typed error) is announced on the change feed (db/changes.ts) before its response is
 * sent: the response cache empties and the live subscriptions (graphql/live.ts) look again, in
 * this process and in every other one on the database.
 */
import { getOperationAST, isObjectType, Kind, type DocumentNode, type ExecutionResult, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { ChangeFeed } from '../db/changes.ts';

/** the alias under which each mutation root field's type name is asked for, and taken out again */
const TYPE_ALIAS = '__copydeskResultType';

/** the mutation with `__typename` (aliased) added to each root field that selects fields */
function withResultTypes(document: DocumentNode, op: OperationDefinitionNode): DocumentNode {
  const tagged: OperationDefinitionNode = {
    ...op,
    selectionSet: {
      ...op.selectionSet,
      selections: op.selectionSet.selections.map((s) =>
        s.kind === Kind.FIELD && s.selectionSet
          ? { ...s, selectionSet: { ...s.selectionSet, selections: [...s.selectionSet.selections, { kind: Kind.FIELD, alias: { kind: Kind.NAME, value: TYPE_ALIAS }, name: { kind: Kind.NAME, value: '__typename' } }] } }
          : s,
      ),
    },
  };
  return { ...document, definitions: document.definitions.map((d) => (d === op ? tagged : d)) };
}

/**
 * True when the mutation changed nothing: no data, or every root field null or a typed error
 * (an object type implementing `Error`). Takes the added type names out of `result`.
 */
function refused(result: ExecutionResult, errorTypes: Set<string>): boolean {
  if (!result.data) return true;
  let wrote = false;
  for (const [key, value] of Object.entries(result.data)) {
    // the cache plugin's own metadata (`__responseCacheTypeName`)
    if (key.startsWith('__')) continue;
    if (value === null || value === undefined) continue;
    if (typeof value !== 'object' || Array.isArray(value)) {
      wrote = true;
      continue;
    }
    const v = value as Record<string, unknown>;
    const type = v[TYPE_ALIAS];
    delete v[TYPE_ALIAS];
    if (typeof type !== 'string' || !errorTypes.has(type)) wrote = true;
  }
  return !wrote;
}

/** The plugin announcing each mutation that wrote on `changes`. */
export function announceMutations(schema: GraphQLSchema, changes: ChangeFeed): Plugin {
  const errorInterface = schema.getType('Error');
  const errorTypes = new Set(Object.values(schema.getTypeMap()).filter((t) => isObjectType(t) && errorInterface && t.getInterfaces().some((i) => i === errorInterface)).map((t) => t.name));
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const op = getOperationAST(args.document, args.operationName);
      if (op?.operation !== 'mutation') return;
      setExecuteFn(async (a) => {
        const result = (await executeFn({ ...a, document: withResultTypes(a.document, op) })) as ExecutionResult;
        if (!refused(result, errorTypes)) await changes.announce();
        return result;
      });
    },
  };
}
