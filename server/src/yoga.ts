import { createInMemoryCache, useResponseCache } from '@graphql-yoga/plugin-response-cache';
import { getOperationAST, GraphQLError } from 'graphql';
import { requestOrigin } from './audit/log.ts';
import { createYoga, maskError as defaultMaskError, type Plugin } from 'graphql-yoga';
import { authenticate } from './auth/tokens.ts';
import type { Db } from './db/client.ts';
import { CopydeskError, UnauthenticatedError } from './errors.ts';
import type { AppConfig, Context } from './graphql/builder.ts';
import { limitPlugins } from './graphql/limits.ts';
import { schema } from './graphql/schema.ts';
import { useCompiledReads } from './graphql/compiled/plugin.ts';

/**
 * Anonymous reads are cached in this process for `ttl` ms; signed requests (editors) bypass the
 * cache, and every mutation empties it, so an editor's change shows at once here and within `ttl`
 * on other instances.
 */
function responseCache(ttl: number): Plugin[] {
  const cache = createInMemoryCache({ max: 5000 });
  const types = Object.keys(schema.getTypeMap()).filter((n) => !n.startsWith('__')).map((typename) => ({ typename }));
  const emptyOnMutation: Plugin = {
    onExecute({ args }) {
      if (getOperationAST(args.document, args.operationName)?.operation !== 'mutation') return;
      return { onExecuteDone: () => void cache.invalidate(types) };
    },
  };
  return [
    useResponseCache({ cache, session: () => null, ttl, enabled: (request) => !request.headers.has('authorization'), includeExtensionMetadata: false }),
    emptyOnMutation,
  ];
}

/** With readRequiresToken, every operation needs an editor; otherwise reading is open. */
function requireTokenToRead(config: AppConfig): Plugin<Context> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      if (!config.readRequiresToken || (args.contextValue as Context).editor) return;
      const e = new UnauthenticatedError();
      setResultAndStopExecution({ errors: [new GraphQLError(e.message, { extensions: { code: e.code } })] });
    },
  };
}

export interface CreateAppOptions {
  db: Db;
  config: AppConfig;
  /** show error details (development only) */
  dev?: boolean;
}

/**
 * The GraphQL app as a fetch handler (`app.fetch(request)`), with no listener: tests call it in
 * process, main.ts puts it behind an HTTP server.
 */
export function createApp({ db, config, dev = false }: CreateAppOptions) {
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    // request sizes are limited from Content-Length by limitPlugins (and main.ts refuses a POST
    // without one); Yoga's own limit would pipe every body through a TransformStream as well
    maxRequestBodySize: false,
    graphiql: { title: 'copydesk GraphQL' },
    context: async ({ request, req }) => ({
      db,
      config,
      editor: await authenticate(db, request.headers.get('authorization'), config.editorToken),
      // node's http server passes its IncomingMessage as `req`; in-process callers have none
      origin: requestOrigin(request.headers, (req as { socket?: { remoteAddress?: string } } | undefined)?.socket?.remoteAddress),
    }),
    plugins: [
      ...limitPlugins(config.limits),
      requireTokenToRead(config),
      // before the cache, whose execute wraps this one's (it adds __typename and id to the document and stores the result)
      ...(config.compiledReads ? [useCompiledReads(schema)] : []),
      ...(config.responseCacheTtlMs > 0 ? responseCache(config.responseCacheTtlMs) : []),
    ],
    maskedErrors: {
      isDev: dev,
      maskError(error, message, isDev) {
        // a domain error thrown outside a typed result still reaches the client with its code
        const original = error instanceof GraphQLError ? error.originalError : error;
        if (original instanceof CopydeskError) {
          return new GraphQLError(original.message, {
            ...(error instanceof GraphQLError ? { nodes: error.nodes, path: error.path } : {}),
            extensions: { code: original.code },
          });
        }
        return defaultMaskError(error, message, isDev);
      },
    },
  });
}

export type App = ReturnType<typeof createApp>;
