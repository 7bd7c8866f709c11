import { Client, fetchExchange, subscriptionExchange } from 'urql';
import { cacheExchange, type CacheExchangeOpts } from '@urql/exchange-graphcache';
import { relayPagination } from '@urql/exchange-graphcache/extras';
import schema from './graphql-schema.json';
import { createClient as createSseClient } from 'graphql-sse';
import { env } from './env.ts';

const introspection = schema as CacheExchangeOpts['schema'];
const { queryType, mutationType, subscriptionType } = schema.__schema;
const ROOTS = new Set([queryType.name, mutationType.name, subscriptionType.name]);
/** object types without an `id` (counts, page info, links, warnings) are stored inside their parent, not as entities */
const embedded = Object.fromEntries(
  schema.__schema.types.filter((t) => t.kind === 'OBJECT' && !ROOTS.has(t.name) && !('fields' in t && t.fields?.some((f) => f.name === 'id'))).map((t) => [t.name, () => null]),
);

/**
 * One client per editor token: the token goes out as `Authorization: Bearer`; none means
 * read-only. Every operation is a POST (the server refuses GET without its CSRF header); the
 * header is sent anyway. Subscriptions are Server-Sent Events (graphql-sse in distinct
 * connections mode, what graphql-yoga serves at the same endpoint), signed the same way.
 * Results are cached normalised (graphcache, knowing the schema): an entity a mutation or a
 * subscription returns updates every page showing it, and the article list and the review queue
 * load further pages by cursor (`after`), merged into one list (relay pagination).
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
      cacheExchange({
        schema: introspection,
        keys: embedded,
        resolvers: { Query: { articles: relayPagination(), dumps: relayPagination() } },
      }),
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
