/**
 * One execution per event for the subscribers who asked the same: every subscriber of a value
 * gets the same event object (live/watch.ts), and subscribers with the same operation, variables
 * and viewer (anonymous, or one editor) get one execution of their selection on it, shared,
 * instead of one each (a dump's fields read N times for N readers). Every execution goes through
 * the app's one bounded queue (live/event-queue.ts): however many subscribers an event has, at most
 * `Limits.subscriptionEventConcurrency` executions run at once, clients in turn, each subscriber
 * on its latest event.
 */
import { createSourceEventStream, execute, print, type DocumentNode, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../graphql/builder.ts';
import type { Limits } from '../graphql/limits.ts';
import { createEventQueue, queuedResults } from './event-queue.ts';

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

/**
 * The plugin: subscriptions run on graphql-js's source stream, each event executed once per result
 * key, through one queue of `limits.subscriptionEventConcurrency` places (one queue per plugin, that is per app).
 */
export function shareSubscriptionResults(limits: Pick<Limits, 'subscriptionEventConcurrency'>): Plugin<Context> {
  const queue = createEventQueue(limits.subscriptionEventConcurrency);
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
        const ctx = args.contextValue as Context & { request?: Request };
        const mapped = queuedResults(stream[Symbol.asyncIterator](), run, queue, ctx.client, ctx.request?.signal);
        return mapped;
      });
    },
  };
}
