/**
 * How many subscriptions may be open at once in one server process: each client (an editor's
 * token, or an anonymous client's address: Context.client) at most
 * `Limits.maxSubscriptionsPerClient`, all clients together at most `Limits.maxSubscriptions`.
 * One more is refused before it starts with the code LIMIT_EXCEEDED; a subscription counts from
 * when it is asked for until its stream ends (the client goes away, or it fails, or the answer
 * does not serve it: see NOT_ACCEPTABLE below).
 */
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../graphql/builder.ts';
import type { Limits } from '../graphql/limits.ts';

/** Who holds a subscription: an editor's token, else the client's address (see audit/log.ts clientAddress). */
export function subscriberKey(editor: { tokenId: number | null } | null, address: string): string {
  return editor ? `token:${editor.tokenId ?? 'bootstrap'}` : `address:${address}`;
}

const refused = (message: string) => new GraphQLError(message, { extensions: { code: 'LIMIT_EXCEEDED' } });

/**
 * What a subscription asked by a request that does not accept `text/event-stream` is answered: 406
 * with this typed body. Yoga chooses the answer after the stream has started (by the Accept
 * header, only Server-Sent Events serve a subscription) and answered such a request 406 with no
 * body, the stream never read nor ended: it held a place in its client's limit for good, so a
 * few such requests took an address's subscriptions away until the server restarted.
 */
export const NOT_ACCEPTABLE = {
  status: 406,
  body: { errors: [{ message: 'A subscription is served as Server-Sent Events only: send the header accept: text/event-stream.', extensions: { code: 'NOT_ACCEPTABLE' } }] },
};

/** The plugin counting open subscriptions per client and in total (one count per app, that is per server process). */
export function subscriptionLimits(limits: Pick<Limits, 'maxSubscriptions' | 'maxSubscriptionsPerClient'>): Plugin<Context> & { open(): { total: number; byClient: Map<string, number> } } {
  const byClient = new Map<string, number>();
  let total = 0;
  /** each request's open stream, until its answer is made: one the answer does not serve is ended there */
  const streams = new WeakMap<Request, () => void>();
  return {
    open: () => ({ total, byClient: new Map(byClient) }),
    onResponse({ request, response, setResponse }) {
      const end = streams.get(request);
      streams.delete(request);
      if (!end || response.status !== 406) return;
      end();
      setResponse(Response.json(NOT_ACCEPTABLE.body, { status: NOT_ACCEPTABLE.status }));
    },
    onSubscribe({ args, subscribeFn, setSubscribeFn, setResultAndStopExecution }) {
      const client = (args.contextValue as Context).client;
      const mine = byClient.get(client) ?? 0;
      if (mine >= limits.maxSubscriptionsPerClient) {
        setResultAndStopExecution({ errors: [refused(`At most ${limits.maxSubscriptionsPerClient} subscriptions may be open at once per client; close one first.`)] });
        return;
      }
      if (total >= limits.maxSubscriptions) {
        setResultAndStopExecution({ errors: [refused(`The server holds its most subscriptions (${limits.maxSubscriptions}); try again later.`)] });
        return;
      }
      total++;
      byClient.set(client, mine + 1);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        total--;
        const n = (byClient.get(client) ?? 1) - 1;
        if (n > 0) byClient.set(client, n);
        else byClient.delete(client);
      };
      // a subscribe that throws never gets to onSubscribeResult
      setSubscribeFn(async (a) => {
        try {
          return await subscribeFn(a);
        } catch (e) {
          release();
          throw e;
        }
      });
      return {
        onSubscribeResult({ result }) {
          // an error answer (a refused argument, NOT_FOUND) is no open stream
          if (!(Symbol.asyncIterator in Object(result))) {
            release();
            return;
          }
          const request = (args.contextValue as { request?: Request }).request;
          if (request) {
            streams.set(request, () => {
              release();
              void Promise.resolve((result as AsyncGenerator<unknown>).return?.(undefined)).catch(() => {});
            });
          }
          return { onEnd: release };
        },
        onSubscribeError: () => release(),
      };
    },
  };
}
