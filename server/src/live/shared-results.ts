/**
 * One execution per event for the subscribers who asked the same: every subscriber of a value
 * gets the same event object (live/watch.ts), and subscribers with the same operation, variables
 * and viewer (anonymous, or one editor) get one execution of their selection on it, shared,
 * instead of one each (a dump's fields read N times for N readers).
 */
import { createSourceEventStream, execute, print, type DocumentNode, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../graphql/builder.ts';

const printed = new WeakMap<DocumentNode, string>();
/** per event object: the result of each (operation, variables, viewer), while the event is alive */
const results = new WeakMap<object, Map<string, Promise<ExecutionResult>>>();

const isAsyncIterable = (v: unknown): v is AsyncIterable<unknown> => typeof v === 'object' && v !== null && Symbol.asyncIterator in v;

/** what makes two subscribers' results the same: the operation, its variables, and who reads (an editor may see more than anonymous) */
function resultKey(args: ExecutionArgs): string {
  let doc = printed.get(args.document);
  if (doc === undefined) printed.set(args.document, (doc = print(args.document)));
  const editor = (args.contextValue as Context).editor;
  return JSON.stringify([doc, args.operationName ?? null, args.variableValues ?? {}, editor ? `editor:${editor.name}` : 'anonymous']);
}

/** The plugin: subscriptions run on graphql-js's source stream, each event executed once per result key. */
export function shareSubscriptionResults(): Plugin<Context> {
  return {
    onSubscribe({ setSubscribeFn }) {
      setSubscribeFn(async (args: ExecutionArgs) => {
        const stream = await createSourceEventStream(args);
        if (!isAsyncIterable(stream)) return stream;
        const key = resultKey(args);
        const run = async (event: unknown): Promise<ExecutionResult> => {
          if (typeof event !== 'object' || event === null) return execute({ ...args, rootValue: event });
          let byKey = results.get(event);
          if (!byKey) results.set(event, (byKey = new Map()));
          let result = byKey.get(key);
          if (!result) byKey.set(key, (result = Promise.resolve(execute({ ...args, rootValue: event }))));
          // each subscriber its own envelope: later plugins may set fields on it
          return { ...(await result) };
        };
        const it = stream[Symbol.asyncIterator]();
        const mapped: AsyncIterableIterator<ExecutionResult> = {
          [Symbol.asyncIterator]: () => mapped,
          next: async () => {
            const r = await it.next();
            return r.done ? { done: true, value: undefined } : { done: false, value: await run(r.value) };
          },
          return: async () => (await it.return?.(), { done: true, value: undefined }),
          throw: async (e: unknown) => (await it.throw?.(e), { done: true, value: undefined }),
        };
        return mapped;
      });
    },
  };
}
