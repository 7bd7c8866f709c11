/**
 * The GraphQL app's settings (createApp's `config`, the request context's `config`) and how the
 * parsed environment gives them.
 */
import type { Env } from './env.ts';
import { DEFAULT_LIMITS, type Limits } from './graphql/limits.ts';

export interface AppConfig {
  /** largest dump accepted, in bytes of UTF-8 */
  maxDumpBytes: number;
  /** bootstrap editor token (COPYDESK_EDITOR_TOKEN), or null */
  editorToken: string | null;
  /** when true, queries need an editor token too (mutations always do) */
  readRequiresToken: boolean;
  /** request size, depth, alias, cost and token limits */
  limits: Limits;
  /** how long anonymous read results are cached in this process (ms); 0 turns the cache off */
  responseCacheTtlMs: number;
  /** answer the reads compiled/entities.ts covers with one SQL statement (false: general executor only) */
  compiledReads: boolean;
  /** run the general executor's operations through graphql-jit (compiled once per document); default false */
  graphqlJit?: boolean;
  /** take the client address from X-Forwarded-For (behind a proxy that sets it: COPYDESK_TRUST_PROXY); default false, the socket's address (audit/log.ts clientAddress) */
  trustProxy?: boolean;
}

/** The app's settings from the environment (loadEnv): the default limits with the request, upload, text and subscription limits it sets. */
export function configOf(env: Env): AppConfig {
  return {
    maxDumpBytes: env.COPYDESK_MAX_DUMP_BYTES,
    editorToken: env.COPYDESK_EDITOR_TOKEN ?? null,
    readRequiresToken: env.COPYDESK_READ_REQUIRES_TOKEN,
    responseCacheTtlMs: env.COPYDESK_RESPONSE_CACHE_TTL_MS,
    compiledReads: env.COPYDESK_COMPILED_READS,
    graphqlJit: env.COPYDESK_GRAPHQL_JIT,
    trustProxy: env.COPYDESK_TRUST_PROXY,
    limits: { ...DEFAULT_LIMITS, maxRequestBytes: env.COPYDESK_MAX_REQUEST_BYTES, maxAnonymousRequestBytes: env.COPYDESK_MAX_ANONYMOUS_REQUEST_BYTES, maxUploadBytes: env.COPYDESK_MAX_UPLOAD_BYTES, maxTextBytes: env.COPYDESK_MAX_TEXT_BYTES, maxSubscriptionEventTextBytes: env.COPYDESK_MAX_SUBSCRIPTION_EVENT_TEXT_BYTES, maxSubscriptions: env.COPYDESK_MAX_SUBSCRIPTIONS, maxSubscriptionsPerClient: env.COPYDESK_MAX_SUBSCRIPTIONS_PER_CLIENT },
  };
}
