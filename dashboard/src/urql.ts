import { Client, cacheExchange, fetchExchange } from 'urql';
import { env } from './env.ts';

/**
 * One client per editor token: the token goes out as `Authorization: Bearer`; none means
 * read-only. Every operation is a POST (the server refuses GET without its CSRF header); the
 * header is sent anyway.
 */
export function createClient(token: string | null): Client {
  return new Client({
    url: env.graphqlUrl,
    exchanges: [cacheExchange, fetchExchange],
    requestPolicy: 'cache-and-network',
    preferGetMethod: false,
    fetchOptions: () => ({ headers: { 'x-copydesk-csrf': '1', ...(token ? { authorization: `Bearer ${token}` } : {}) } }),
  });
}
