import { Client, cacheExchange, fetchExchange, subscriptionExchange } from 'urql';
import { createClient as createSseClient } from 'graphql-sse';
import { env } from './env.ts';

/**
 * One client per editor token: the token goes out as `Authorization: Bearer`; none means
 * read-only. Every operation is a POST (the server refuses GET without its CSRF header); the
 * header is sent anyway. Subscriptions are Server-Sent Events (graphql-sse in distinct
 * connections mode, what graphql-yoga serves at the same endpoint), signed the same way.
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
      cacheExchange,
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
