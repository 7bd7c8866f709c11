import { Client, cacheExchange, fetchExchange } from 'urql';
import { env } from './env.ts';

export const client = new Client({
  url: env.graphqlUrl,
  exchanges: [cacheExchange, fetchExchange],
  requestPolicy: 'cache-and-network',
});
