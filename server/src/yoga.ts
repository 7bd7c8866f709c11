import { GraphQLError, getOperationAST, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { unauthenticatedMutation } from './graphql/editor-only.ts';
import { clientAddress, requestOrigin } from './audit/log.ts';
import { createYoga, maskError as defaultMaskError, type Plugin } from 'graphql-yoga';
import { useGraphQlJit } from '@envelop/graphql-jit';
import { authenticate } from './auth/tokens.ts';
import type { Db } from './db/client.ts';
import { badRequest, CopydeskError, InvalidInputError, InvalidSegmentationError, QueryTimeoutError, quoteInput, UnauthenticatedError } from './errors.ts';
import { checkOperationInput } from './graphql/input.ts';
import type { AppConfig } from './config.ts';
import type { Context } from './graphql/builder.ts';
import { costLimit, limitPlugins } from './graphql/limits.ts';
import { schema } from './graphql/schema.ts';
import { useCompiledReads } from './graphql/compiled/plugin.ts';
import { useUploads } from './http/uploads.ts';
import { useAuditExport } from './http/audit-export.ts';
import { responseCachePlugins } from './graphql/response-cache.ts';
import { localChangeFeed, type ChangeFeed } from './db/changes.ts';
import { announceMutations } from './graphql/announce.ts';
import { createPresence } from './live/presence.ts';
import { subscriberKey, subscriptionLimits } from './live/limits.ts';
import { shareSubscriptionResults } from './live/shared-results.ts';
import { createTextBudget } from './graphql/text-budget.ts';
import { isAbandoned, withStatementScope } from './db/statement-scope.ts';
import { subscriptionRootRule } from './graphql/subscription-root.ts';

/** longest error message a client gets (characters): a message that quotes a huge input is cut */
const MAX_ERROR_MESSAGE = 1000;

const bounded = (message: string) => (message.length > MAX_ERROR_MESSAGE ? `${message.slice(0, MAX_ERROR_MESSAGE)}… (${message.length} characters, cut)` : message);

/** longest error text written to the server log (characters): a hostile request must not write megabytes */
const MAX_LOGGED_ERROR = 4000;

/** an error answered with a 4xx status (a malformed request: invalid JSON, a missing query ...): the client's fault */
const clientError = (e: unknown) => {
  const status = e instanceof GraphQLError ? (e.extensions?.http as { status?: unknown } | undefined)?.status : undefined;
  return typeof status === 'number' && status >= 400 && status < 500;
};

/**
 * Yoga's logger. A typed domain error (CopydeskError: bad input, a stale revision ...) or a
 * refusal of a malformed request (a 4xx) is an answer to the client, not a fault of the server,
 * and is not logged, nor is a statement given up on once nobody waited for it (its client went
 * away: db/statement-scope.ts); anything else is logged with its stack, cut at MAX_LOGGED_ERROR
 * characters.
 */
const logger = {
  debug: () => {},
  info: (...args: unknown[]) => console.info(...args),
  warn: (...args: unknown[]) => console.warn(...args),
  error: (...args: unknown[]) => {
    const original = (e: unknown) => (e instanceof GraphQLError ? e.originalError : e);
    const domain = (e: unknown) => original(e) instanceof CopydeskError || clientError(e) || isAbandoned(original(e));
    if (args.length && args.every(domain)) return;
    console.error(...args.map((e) => (e instanceof Error ? String(e.stack ?? e.message).slice(0, MAX_LOGGED_ERROR) : e)));
  },
};

/** A domain error as the GraphQL error clients get: its message and code (and the argument an INVALID_INPUT names). */
function typedError(e: CopydeskError, at?: GraphQLError): GraphQLError {
  return new GraphQLError(bounded(e.message), {
    ...(at ? { nodes: at.nodes, path: at.path } : {}),
    extensions: { code: e.code, ...(e instanceof InvalidInputError ? { field: e.field } : {}), ...(e instanceof InvalidSegmentationError ? { rule: e.rule, index: e.index, start: e.start, end: e.end, field: e.field } : {}) },
  });
}

/**
 * PostgreSQL's query_canceled (statement_timeout), anywhere in an error's cause chain, as the typed
 * QUERY_TIMEOUT (busy when the embedded database's bound ran out behind other work,
 * db/pglite-thread.ts); null for any other error.
 */
function statementTimeout(error: unknown): QueryTimeoutError | null {
  for (let e = error, i = 0; e && i < 8; e = (e as { cause?: unknown }).cause, i++) {
    if ((e as { code?: unknown }).code === '57014') return new QueryTimeoutError((e as { busy?: unknown }).busy === true);
  }
  return null;
}

/**
 * Every mutation needs an editor: one without is answered UNAUTHENTICATED before its arguments
 * are coerced or checked (graphql/editor-only.ts). With readRequiresToken, every operation
 * (subscriptions too) needs an editor; otherwise reading is open.
 */
function requireToken(config: AppConfig): Plugin<Context> {
  type Args = { args: { schema: GraphQLSchema; document: DocumentNode; operationName?: string | null; variableValues?: unknown; contextValue: unknown }; setResultAndStopExecution: (r: ExecutionResult) => void };
  const check = ({ args, setResultAndStopExecution }: Args) => {
    const ctx = args.contextValue as Context;
    if (ctx.editor) return;
    const variables = (args.variableValues ?? {}) as Record<string, unknown>;
    const refused = unauthenticatedMutation(args.schema, args.document, args.operationName, typeof variables === 'object' ? variables : {}, ctx.tokenSent);
    if (refused) return setResultAndStopExecution(refused);
    if (!config.readRequiresToken) return;
    setResultAndStopExecution({ errors: [typedError(new UnauthenticatedError(ctx.tokenSent ? 'rejected' : 'missing'))] });
  };
  return { onExecute: check, onSubscribe: check };
}

/**
 * Every argument of the operation is checked before anything runs (graphql/input.ts): a bad one
 * is a typed INVALID_INPUT naming it, and nothing reaches SQL.
 */
function checkInput(): Plugin<Context> {
  const check = ({ args, setResultAndStopExecution }: { args: { schema: GraphQLSchema; document: DocumentNode; operationName?: string | null; variableValues?: unknown }; setResultAndStopExecution: (r: { errors: GraphQLError[] }) => void }) => {
    try {
      checkOperationInput(args.schema, args.document, args.operationName, args.variableValues as Record<string, unknown> | undefined);
    } catch (e) {
      if (!(e instanceof CopydeskError)) throw e;
      setResultAndStopExecution({ errors: [typedError(e)] });
    }
  };
  return { onExecute: check, onSubscribe: check };
}

/** The answer to a request whose Accept header names no type a GraphQL answer is sent in. */
const NOT_ACCEPTABLE_BODY = {
  errors: [{ message: 'This server answers in application/json or application/graphql-response+json (text/event-stream or multipart/mixed for a subscription): send one of them in the accept header.', extensions: { code: 'NOT_ACCEPTABLE' } }],
};

/**
 * A request Yoga cannot read (a POST body that is not JSON, a GET whose `variables` or `extensions`
 * is not JSON, a multipart body without a boundary) is answered 400 BAD_REQUEST; a body of a content
 * type no parser reads, 415 UNSUPPORTED_MEDIA_TYPE: Yoga's parsers throw a plain SyntaxError or
 * busboy's Error there, which would otherwise be masked as a 500 INTERNAL_SERVER_ERROR. Registered
 * after every plugin that picks a parser, so it wraps the one chosen. A request that accepts no type
 * an answer is sent in gets Yoga's 406 with a typed body (NOT_ACCEPTABLE) instead of an empty one.
 */
function readableRequests(): Plugin<Context> {
  return {
    onResponse({ response, setResponse }) {
      // no type the request accepts is one Yoga answers in: its 406 had no body and no code (a
      // subscription's own 406 is answered by live/limits.ts, with a body already)
      if (response.status === 406 && response.body == null) setResponse(Response.json(NOT_ACCEPTABLE_BODY, { status: 406 }));
    },
    onRequestParse({ request, requestParser, setRequestParser }) {
      if (!requestParser) {
        // no parser reads this content type (none, XML, ...): Yoga's bare 415 carried no code
        const type = quoteInput(request.headers.get('content-type') ?? '');
        setRequestParser(() => {
          throw new GraphQLError(`The request body cannot be read: ${type ? `its content type "${type}" is not one this server reads` : 'it declares no content type'}; send application/json (or multipart/form-data for an upload).`, {
            extensions: { code: 'UNSUPPORTED_MEDIA_TYPE', http: { status: 415 } },
          });
        });
        return;
      }
      const parse = requestParser;
      setRequestParser(async (request) => {
        try {
          return await parse(request);
        } catch (e) {
          // Yoga marks its own parse errors as the GraphQL-over-HTTP spec's, answered 200 to an
          // application/json client: a body that is not JSON is the client's error, a 400 always
          if (e instanceof GraphQLError && (e.extensions?.http as { spec?: boolean } | undefined)?.spec) throw badRequest(e.message);
          if (e instanceof GraphQLError) throw e;
          if (e instanceof SyntaxError) throw badRequest('The request cannot be read: a parameter that must be JSON (variables, extensions) is not valid JSON.');
          throw badRequest(`The request cannot be read: ${quoteInput(e instanceof Error ? e.message : String(e))}`);
        }
      });
    },
  };
}

/**
 * A read's statements are given up once nobody waits for them (db/statement-scope.ts): when its
 * client goes away, and when its execution has ended (its answer decided: done, refused,
 * timed out) with statements of it still queued. Mutations and subscriptions are not scoped (a
 * write finishes whatever its client does; a subscription's reads are shared by its subscribers).
 */
function giveUpAbandonedReads(): Plugin<Context> {
  // the reason the scope aborts with once execution has ended: without one, every request's abort
  // would build a DOMException (and its stack) that nothing reads
  const ended = 'the execution ended';
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (operation?.operation !== 'query') return;
      const request = (args.contextValue as { request?: Request }).request;
      setExecuteFn(async (a) => {
        const scope = new AbortController();
        const gone = () => scope.abort();
        request?.signal.addEventListener('abort', gone, { once: true });
        try {
          return await withStatementScope(scope.signal, () => executeFn(a));
        } finally {
          request?.signal.removeEventListener('abort', gone);
          scope.abort(ended);
        }
      });
    },
  };
}

/**
 * Every error message a response carries is cut at MAX_ERROR_MESSAGE characters, the ones
 * graphql-js writes while parsing and validating too ("Value "AAAA…" does not exist in
 * "ArticleOrder" enum." quotes the request): a request of a megabyte must not be echoed back.
 */
function boundedErrorMessages(): Plugin<Context> {
  const bound = (e: GraphQLError) =>
    e.message.length <= MAX_ERROR_MESSAGE ? e : new GraphQLError(bounded(e.message), { nodes: e.nodes, source: e.source, positions: e.positions, path: e.path, originalError: e.originalError, extensions: e.extensions });
  return {
    onExecutionResult({ result, setResult }) {
      if (!result || typeof result !== 'object' || Symbol.asyncIterator in result) return;
      const errors = (result as { errors?: readonly unknown[] }).errors;
      if (!errors?.some((e) => e instanceof GraphQLError && e.message.length > MAX_ERROR_MESSAGE)) return;
      setResult({ ...result, errors: errors.map((e) => (e instanceof GraphQLError ? bound(e) : e)) } as typeof result);
    },
  };
}

export interface CreateAppOptions {
  db: Db;
  config: AppConfig;
  /** show error details (development only) */
  dev?: boolean;
  /** announces writes and presence to every process on the database (the response cache and the subscriptions listen); this process only by default */
  changes?: ChangeFeed;
}

/**
 * The GraphQL app as a fetch handler (`app.fetch(request)`), with no listener: tests call it in
 * process, main.ts puts it behind an HTTP server.
 */
export function createApp({ db, config, dev = false, changes = localChangeFeed() }: CreateAppOptions) {
  const presence = createPresence(changes);
  /** each request's editor, authenticated once (the body-size limit may ask before the context does) */
  const editors = new WeakMap<Request, ReturnType<typeof authenticate>>();
  const editorOf = (request: Request) => {
    let editor = editors.get(request);
    if (!editor) editors.set(request, (editor = authenticate(db, request.headers.get('authorization'), config.editorToken)));
    return editor;
  };
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    logging: logger,
    // request sizes are limited from Content-Length by limitPlugins (and main.ts refuses a POST
    // without one); Yoga's own limit would pipe every body through a TransformStream as well
    maxRequestBodySize: false,
    graphiql: { title: 'copydesk GraphQL' },
    context: async ({ request, req }) => {
      const editor = await editorOf(request);
      // node's http server passes its IncomingMessage as `req`; in-process callers have none
      const remote = (req as { socket?: { remoteAddress?: string } } | undefined)?.socket?.remoteAddress;
      return {
        db,
        config,
        editor,
        tokenSent: Boolean(request.headers.get('authorization')?.trim()),
        origin: requestOrigin(request.headers, remote, config.trustProxy ?? false),
        client: subscriberKey(editor, clientAddress(request.headers, remote, config.trustProxy ?? false)),
        changes,
        presence,
        textBudget: createTextBudget(config.limits.maxTextBytes, config.limits.maxSubscriptionEventTextBytes),
      };
    },
    plugins: [
      ...limitPlugins(config.limits, async (request) => Boolean(await editorOf(request))),
      // multipart: refused from its headers without an editor token; files streamed, not buffered
      useUploads(db, config),
      // after the plugins that pick a request parser: a malformed request is a 400, not a 500
      readableRequests(),
      boundedErrorMessages(),
      // GET /audit.jsonl: the audit log as JSON Lines, editors only
      useAuditExport(db, config),
      // a subscription's root field may not be conditional: graphql-js 16 throws on an empty root
      subscriptionRootRule(),
      requireToken(config),
      costLimit(config.limits),
      checkInput(),
      // before the cache, whose execute wraps this one's (it adds __typename and id to the document and stores the result)
      // before compiled reads, which hand what they cannot answer to the executor set here
      ...(config.graphqlJit ? [useGraphQlJit()] : []),
      ...(config.compiledReads ? [useCompiledReads(schema)] : []),
      ...(config.responseCacheTtlMs > 0 ? responseCachePlugins(config.responseCacheTtlMs, changes) : []),
      announceMutations(schema, changes),
      // last, so that they wrap whatever subscribe the plugins above set:
      // one execution per event for subscribers who asked the same (wrapped by the limits below)
      shareSubscriptionResults(config.limits),
      // after the token and input checks: a refused subscription never counts
      subscriptionLimits(config.limits),
      // last, so that it wraps whatever execute the plugins above set
      giveUpAbandonedReads(),
    ],
    // internals (SQL, parameters, stacks, paths) never reach a client unless `dev` is set
    // (COPYDESK_DEBUG_ERRORS); every message is bounded
    maskedErrors: {
      isDev: dev,
      maskError(error, message, isDev) {
        // a domain error thrown outside a typed result still reaches the client with its code
        const original = error instanceof GraphQLError ? error.originalError : error;
        const at = error instanceof GraphQLError ? error : undefined;
        if (original instanceof CopydeskError) return typedError(original, at);
        const timeout = statementTimeout(original);
        if (timeout) return typedError(timeout, at);
        const masked = defaultMaskError(error, message, isDev);
        // Yoga puts the parser's own error in extensions.originalError (an invalid JSON body's
        // SyntaxError quotes the body): clients get the message and code only
        const echoes = masked instanceof GraphQLError && !isDev && masked.extensions?.originalError !== undefined;
        if (masked instanceof GraphQLError && (echoes || masked.message.length > MAX_ERROR_MESSAGE)) {
          const { originalError: _echo, ...extensions } = masked.extensions ?? {};
          return new GraphQLError(bounded(masked.message), { nodes: masked.nodes, path: masked.path, extensions: isDev ? masked.extensions : extensions });
        }
        return masked;
      },
    },
  });
}

export type App = ReturnType<typeof createApp>;
