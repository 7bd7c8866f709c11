import { getVariableValues, GraphQLError, type DocumentNode, type ExecutionArgs, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { queryRows } from '../../db/client.ts';
import type { Context } from '../builder.ts';
import { compileOperation, emitStatement, shapeResult, Unsupported, type Plan } from './compile.ts';

/**
 * Answers the reads ENTITIES covers with one SQL statement each (compile.ts), and hands every
 * other operation to the general executor unchanged. Plans are cached per parsed document (Yoga
 * caches documents by their text, so a client's repeated query compiles once).
 */
export function useCompiledReads(schema: GraphQLSchema): Plugin<Context> {
  const plans = new WeakMap<DocumentNode, Map<string, Plan | null>>();
  const planOf = (document: DocumentNode, operationName: string | null | undefined): Plan | null => {
    let byName = plans.get(document);
    if (!byName) plans.set(document, (byName = new Map()));
    const key = operationName ?? '';
    let plan = byName.get(key);
    if (plan === undefined) byName.set(key, (plan = compileOperation(schema, document, operationName)));
    return plan;
  };
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn((args: ExecutionArgs) => {
        const plan = planOf(args.document, args.operationName);
        if (!plan) return executeFn(args);
        const coerced = getVariableValues(schema, plan.operation.variableDefinitions ?? [], (args.variableValues ?? {}) as Record<string, unknown>);
        // invalid variables: the general executor reports them
        if (coerced.errors) return executeFn(args);
        let statement;
        try {
          statement = emitStatement(plan, coerced.coerced, args.contextValue);
        } catch (e) {
          if (e instanceof Unsupported) return executeFn(args);
          throw e;
        }
        const ctx = args.contextValue as Context;
        return queryRows(ctx.db, statement.text, statement.params).then(
          (rows): ExecutionResult => {
            try {
              return { data: shapeResult(plan, coerced.coerced, statement, rows, ctx.textBudget) };
            } catch (e) {
              // the text budget ran out (LIMIT_EXCEEDED): the request fails whole, as a request error
              if (e instanceof GraphQLError) return { errors: [e] };
              throw e;
            }
          },
        );
      });
    },
  };
}
