/**
 * The anonymous response cache, kept correct for readers who just wrote: every mutation that
 * did something empties it in this process before its response is sent, and in every other
 * process on the database, through the change feed (graphql/announce.ts announces). A read that started before the change can still finish
 * after it: its result is stored under the generation it started in, and never served.
 */
import { randomUUID } from 'node:crypto';
import { createInMemoryCache, hashSHA256, useResponseCache, type Cache } from '@graphql-yoga/plugin-response-cache';
import type { Plugin } from 'graphql-yoga';
import type { ChangeFeed } from '../db/changes.ts';

/**
 * Whether an operation's text selects a revision's segment lists (`segments`): such a read is never
 * cached. Its result can hold tens of thousands of objects, and the cache walks every result it
 * keeps on the request thread, cloning each object (@envelop/response-cache's
 * removeMetadataFieldsFromResult): eight anonymous reads of 10 revisions at the SIZE cap held
 * `{ __typename }` 8.5 s, 4.8 s of it in that walk. A name that merely contains the word only
 * costs that request the cache.
 */
export const selectsSegmentLists = (query: unknown): boolean => typeof query === 'string' && /\bsegments\b/.test(query);

/**
 * Plugins caching anonymous reads for `ttl` ms (at most `max` results); editors (signed
 * requests) and reads of segment lists (selectsSegmentLists) bypass it. `changes` empties it here
 * and in every other process.
 */
export function responseCachePlugins(ttl: number, changes: ChangeFeed, max = 5000): Plugin[] {
  let generation = 0;
  let store = createInMemoryCache({ max });
  changes.subscribe((event) => {
    if (event.kind !== 'changed') return;
    generation++;
    store = createInMemoryCache({ max });
  });
  const cache: Cache = {
    get: (key) => store.get(key),
    // a result read in an earlier generation may already be stale: dropped
    set: (key, ...rest) => (key.startsWith(`${generation}:`) ? store.set(key, ...rest) : undefined),
    invalidate: (entities) => store.invalidate(entities),
  };
  return [
    useResponseCache({
      cache,
      session: () => null,
      ttl,
      enabled: (request, context) => !request.headers.has('authorization') && !selectsSegmentLists((context as { params?: { query?: unknown } } | undefined)?.params?.query),
      includeExtensionMetadata: false,
      buildResponseCacheKey: async ({ documentString, operationName, variableValues }) => {
        let variables: string;
        try {
          variables = JSON.stringify(variableValues ?? {});
        } catch {
          // too deep to print (or cyclic): a key no other request has, so never served from the cache
          variables = `uncacheable:${randomUUID()}`;
        }
        return `${generation}:${await hashSHA256([documentString, operationName ?? '', variables].join('|'))}`;
      },
    }),
  ];
}
