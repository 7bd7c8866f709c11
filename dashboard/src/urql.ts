import { Client, fetchExchange, subscriptionExchange } from 'urql';
import { cacheExchange } from '@urql/exchange-graphcache';
import { cacheOptions } from './lib/cache-policy.ts';
import { createClient as createSseClient } from 'graphql-sse';
import { env } from './env.ts';

/**
 * One client per editor token: the token goes out as `Authorization: Bearer`; none means
 * read-only. Every operation is a POST (the server refuses GET without its CSRF header); the
 * header is sent anyway. Subscriptions are Server-Sent Events (graphql-sse in distinct
 * connections mode, what graphql-yoga serves at the same endpoint), signed the same way.
 * Results are cached normalised (graphcache, knowing the schema): an entity a mutation or a
 * subscription returns updates every page showing it; lists load further pages by cursor
 * (`after`), merged into one list, and a mutation marks stale the lists and counts it changed
 * (both tables in `lib/cache-policy.ts`).
 */
export function createClient(token: string | null): Client {
  const headers = { 'x-copydesk-csrf': '1', ...(token ? { authorization: `Bearer ${token}` } : {}) };
  const sse = createSseClient({
    url: new URL(env.graphqlUrl, window.location.href).toString(),
    headers,
    // a dropped stream (server restart, network) comes back on its own
    retryAttempts: Infinity,
    retry: (n) => new Promise((ok) => setTimeout(ok, Math.min(10_000, 500 * 2 ** Math.min(n, 5)))),
  });
  return new Client({
    url: env.graphqlUrl,
    exchanges: [
      cacheExchange(cacheOptions()),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: sse.subscribe({ ...request, query: request.query ?? '' }, sink) }),
        }),
      }),
    ],
    requestPolicy: 'cache-and-network',
    preferGetMethod: false,
    fetchOptions: () => ({ headers }),
  });
}
