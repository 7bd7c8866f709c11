/**
 * How many subscriptions may be open at once in one server process: each client (an editor's
 * token, or an anonymous client's address: Context.client) at most
 * `Limits.maxSubscriptionsPerClient`, all clients together at most `Limits.maxSubscriptions`.
 * One more is refused before it starts with the code LIMIT_EXCEEDED; a subscription counts from
 * when it is asked for until its stream ends (the client goes away, or it fails).
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

/** The plugin counting open subscriptions per client and in total (one count per app, that is per server process). */
export function subscriptionLimits(limits: Pick<Limits, 'maxSubscriptions' | 'maxSubscriptionsPerClient'>): Plugin<Context> & { open(): { total: number; byClient: Map<string, number> } } {
  const byClient = new Map<string, number>();
  let total = 0;
  return {
    open: () => ({ total, byClient: new Map(byClient) }),
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
          return { onEnd: release };
        },
        onSubscribeError: () => release(),
      };
    },
  };
}
