/**
 * The anonymous response cache, kept correct for readers who just wrote: every mutation that
 * did something (not one refused as a whole, nor one whose every field answered a typed error)
 * empties it in this process before its response is sent, and in every other process on the
 * database through the change feed. A read that started before the change can still finish
 * after it: its result is stored under the generation it started in, and never served.
 */
import { randomUUID } from 'node:crypto';
import { createInMemoryCache, hashSHA256, useResponseCache, type Cache } from '@graphql-yoga/plugin-response-cache';
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

/**
 * Plugins caching anonymous reads for `ttl` ms (at most `max` results); editors (signed
 * requests) bypass it. `changes` empties it here and in every other process.
 */
export function responseCachePlugins(schema: GraphQLSchema, ttl: number, changes: ChangeFeed, max = 5000): Plugin[] {
  const errorInterface = schema.getType('Error');
  const errorTypes = new Set(Object.values(schema.getTypeMap()).filter((t) => isObjectType(t) && errorInterface && t.getInterfaces().some((i) => i === errorInterface)).map((t) => t.name));
  let generation = 0;
  let store = createInMemoryCache({ max });
  changes.subscribe(() => {
    generation++;
    store = createInMemoryCache({ max });
  });
  const cache: Cache = {
    get: (key) => store.get(key),
    // a result read in an earlier generation may already be stale: dropped
    set: (key, ...rest) => (key.startsWith(`${generation}:`) ? store.set(key, ...rest) : undefined),
    invalidate: (entities) => store.invalidate(entities),
  };
  const announceMutations: Plugin = {
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
  return [
    useResponseCache({
      cache,
      session: () => null,
      ttl,
      enabled: (request) => !request.headers.has('authorization'),
      includeExtensionMetadata: false,
      buildResponseCacheKey: async ({ documentString, operationName, variableValues }) => {
        let variables: string;
        try {
          variables = JSON.stringify(variableValues ?? {});
        } catch {
          // too deep to print (or cyclic): a key no other request has, so never served from the cache
          variables = `uncacheable:${randomUUID()}`;
        }
        return `${generation}:${await hashSHA256([documentString, operationName ?? '', variables].join('|'))}`;
      },
    }),
    announceMutations,
  ];
}
