/**
 * What a request may cost, enforced before execution with maintained plugins: GraphQL Armor's
 * depth, alias and token limits, CSRF prevention, and a request-size cap; the cost limit
 * (cost.ts: it needs the variables, to charge the page size the server returns) is
 * `costLimit` below, run with the other checks before execution (yoga.ts).
 */
import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { GraphQLError, type DocumentNode, type GraphQLSchema, type ValidationContext } from 'graphql';
import { operationCost } from './cost.ts';
import type { Plugin } from 'graphql-yoga';

export interface Limits {
  /** largest JSON/GraphQL request body (bytes) */
  maxRequestBytes: number;
  /** largest request body (bytes) of a request without a valid editor token: it can only read, and a read is small */
  maxAnonymousRequestBytes: number;
  /** largest multipart upload (bytes): importDumpFile */
  maxUploadBytes: number;
  /** most bytes an uploaded archive may unpack to (all entries together); inflating stops there */
  maxUnpackedBytes: number;
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  maxTokens: number;
  /** most bytes (UTF-8) of large text fields (Dump.text, Article.body) one request may return, all together (text-budget.ts) */
  maxTextBytes: number;
  /**
   * the same bound for one subscription event (text-budget.ts `reset`): each event is a response
   * of its own, serialised and written once per subscriber, again at every change, so it is kept
   * well below a request's (45 subscribers of 24 MB events took the server past 1.7 GB); the default
   * holds one copy of the largest dump's text (COPYDESK_MAX_DUMP_BYTES' default)
   */
  maxSubscriptionEventTextBytes: number;
  /** most subscriptions open at once in one server process, all clients together (live/limits.ts) */
  maxSubscriptions: number;
  /** most subscriptions one client holds open at once in one server process: an editor's token, or an anonymous client's address (live/limits.ts) */
  maxSubscriptionsPerClient: number;
  /**
   * most subscription events executed at once in one server process, all subscribers together
   * (live/event-queue.ts): the others wait their turn, clients in rotation, each on its latest event
   */
  subscriptionEventConcurrency: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxRequestBytes: 1024 * 1024,
  maxAnonymousRequestBytes: 64 * 1024,
  maxUploadBytes: 64 * 1024 * 1024,
  maxUnpackedBytes: 64 * 1024 * 1024,
  maxDepth: 12,
  maxAliases: 30,
  maxCost: 200_000,
  maxTokens: 5_000,
  maxTextBytes: 32 * 1024 * 1024,
  maxSubscriptionEventTextBytes: 5 * 1024 * 1024,
  maxSubscriptions: 1000,
  maxSubscriptionsPerClient: 50,
  subscriptionEventConcurrency: 2,
};

/** the header a request a browser sends without a preflight (GET, a form, text/plain or multipart body) must carry: only a preflighted request can add it */
export const CSRF_HEADER = 'x-copydesk-csrf';

/**
 * The content types a browser sends without a CORS preflight (a cross-site form, `fetch` with
 * `mode: 'no-cors'`, a beacon), by their essence (lower case, parameters and white space dropped).
 */
const SIMPLE_CONTENT_TYPES: ReadonlySet<string> = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);

/**
 * Whether a request with this Content-Type (null: none) can come from another site without a
 * preflight: no body type, or a "simple" one (SIMPLE_CONTENT_TYPES, in any case or spacing).
 */
export function skipsPreflight(contentType: string | null): boolean {
  const essence = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return essence === '' || SIMPLE_CONTENT_TYPES.has(essence);
}

/**
 * CSRF prevention: a request a browser would send without a CORS preflight (GET, and a POST
 * without a content type or of a simple one: a form, text/plain, multipart) must carry
 * CSRF_HEADER, which no other site's form or link can add. Refused with 403, code
 * CSRF_HEADER_REQUIRED, a message naming the header. (Yoga's plugin compared the content type's
 * start as sent, so " text/plain" or "Text/Plain ;" passed.) The dashboard and the CLI send the
 * header on every request, their uploads included.
 */
function csrfPrevention(): Plugin {
  return {
    onRequestParse({ request }) {
      if (!skipsPreflight(request.headers.get('content-type')) || request.headers.has(CSRF_HEADER)) return;
      throw new GraphQLError(`Send the header ${CSRF_HEADER} (any value) with GET requests and with form, text/plain and multipart bodies: it shows the request does not come from another site's form or link.`, {
        extensions: { code: 'CSRF_HEADER_REQUIRED', http: { status: 403 } },
      });
    },
  };
}

/**
 * The 413 answer to a body over its limit (REQUEST_TOO_LARGE). The body is refused unread, so the
 * operation is unknown: the message names only the size, the limit and the setting that raises it,
 * never an operation (a save refused for its size must not be told to import a file).
 */
const SETTINGS = { request: 'COPYDESK_MAX_REQUEST_BYTES', upload: 'COPYDESK_MAX_UPLOAD_BYTES', anonymous: 'COPYDESK_MAX_ANONYMOUS_REQUEST_BYTES' } as const;
type BodyKind = keyof typeof SETTINGS;

function tooLargeMessage(size: number | null, limit: number, what: BodyKind): string {
  const noun = what === 'upload' ? 'upload' : 'request';
  const scope = what === 'anonymous' ? ' without a valid editor token' : '';
  return `The ${noun}${scope} is ${size === null ? 'more than ' + limit : size} bytes; the limit is ${limit} bytes (${SETTINGS[what]}). Send less in one request.`;
}

function tooLarge(size: number | null, limit: number, what: BodyKind) {
  return new Response(JSON.stringify({ errors: [{ message: tooLargeMessage(size, limit, what), extensions: { code: 'REQUEST_TOO_LARGE' } }] }), {
    status: 413,
    headers: { 'content-type': 'application/json' },
  });
}

/** The body of `request`, read until more than `limit` bytes have come (then null: the rest is never read). */
async function readAtMost(request: Request, limit: number): Promise<Uint8Array | null> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) (body.set(c, at), (at += c.byteLength));
  return body;
}

/**
 * Refuses a body over its limit from its Content-Length, before reading it: an upload over
 * `maxUploadBytes`, any other request over `maxRequestBytes`, and a request without a valid
 * editor token (`signedIn` false: it can only read) over `maxAnonymousRequestBytes`. A body
 * without Content-Length (chunked; the HTTP listener refuses those, in-process callers may send
 * one) is counted as it is read, and refused at the first byte over the anonymous limit.
 */
function requestSizeLimit(limits: Limits, signedIn: (request: Request) => Promise<boolean>): Plugin {
  return {
    onRequest({ request, endResponse }) {
      if (request.method !== 'POST') return;
      const length = Number(request.headers.get('content-length') ?? NaN);
      if (!Number.isFinite(length)) return;
      const multipart = (request.headers.get('content-type') ?? '').startsWith('multipart/');
      const limit = multipart ? limits.maxUploadBytes : limits.maxRequestBytes;
      if (length > limit) endResponse(tooLarge(length, limit, multipart ? 'upload' : 'request'));
    },
    async onRequestParse({ request, requestParser, setRequestParser, endResponse }) {
      if (request.method !== 'POST' || (request.headers.get('content-type') ?? '').startsWith('multipart/')) return;
      const limit = limits.maxAnonymousRequestBytes;
      const length = Number(request.headers.get('content-length') ?? NaN);
      if (Number.isFinite(length) && length <= limit) return;
      // no token: refused without asking the database; a token is checked once (the context reuses the answer)
      if (request.headers.has('authorization') && (await signedIn(request))) return;
      if (Number.isFinite(length)) return endResponse(tooLarge(length, limit, 'anonymous'));
      if (!requestParser) return;
      setRequestParser(async (req) => {
        const body = await readAtMost(req, limit);
        if (!body) throw new GraphQLError(tooLargeMessage(null, limit, 'anonymous'), { extensions: { code: 'REQUEST_TOO_LARGE', http: { status: 413 } } });
        return requestParser(new Request(req.url, { method: req.method, headers: req.headers, body: body as Uint8Array<ArrayBuffer> }));
      });
    },
  };
}

/**
 * GraphQL Armor's rejection as the error clients get: the limit's own words ("Aliases limit of 30
 * exceeded, found 1000.") with the code LIMIT_EXCEEDED, reported as a validation error (Armor
 * itself throws an uncoded "Syntax Error: ...").
 */
const limitError = (err: GraphQLError) => new GraphQLError(err.message.replace(/^Syntax Error: /, ''), { extensions: { code: 'LIMIT_EXCEEDED' } });
const coded = {
  propagateOnRejection: false,
  onReject: [(ctx: ValidationContext | null, err: GraphQLError) => ctx?.reportError(limitError(err))],
};
/** the token limit rejects while parsing, where there is no validation context: it throws the coded error instead */
const codedWhileParsing = {
  onReject: [
    (_ctx: unknown, err: GraphQLError) => {
      throw limitError(err);
    },
  ],
};

/** `signedIn`: whether a request carries a valid editor token (asked only of a request whose body is over the anonymous limit) */
export function limitPlugins(limits: Limits, signedIn: (request: Request) => Promise<boolean>): Plugin[] {
  const common = { exposeLimits: true };
  return [
    requestSizeLimit(limits, signedIn),
    csrfPrevention(),
    maxTokensPlugin({ ...common, ...codedWhileParsing, n: limits.maxTokens }) as unknown as Plugin,
    maxDepthPlugin({ ...common, ...coded, n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: true }) as Plugin,
    maxAliasesPlugin({ ...common, ...coded, n: limits.maxAliases, allowList: [] }) as Plugin,
    blockFieldSuggestionsPlugin() as Plugin,
  ];
}

/**
 * The cost limit (cost.ts): an operation over `maxCost` is refused before it runs with
 * LIMIT_EXCEEDED, naming the limit and the cost found.
 */
export function costLimit(limits: Pick<Limits, 'maxCost'>): Plugin {
  const check = ({ args, setResultAndStopExecution }: { args: { schema: GraphQLSchema; document: DocumentNode; operationName?: string | null; variableValues?: unknown }; setResultAndStopExecution: (r: { errors: GraphQLError[] }) => void }) => {
    const variables = args.variableValues && typeof args.variableValues === 'object' ? (args.variableValues as Record<string, unknown>) : {};
    const cost = operationCost(args.schema, args.document, args.operationName, variables);
    if (cost > limits.maxCost) setResultAndStopExecution({ errors: [new GraphQLError(`Query Cost limit of ${limits.maxCost} exceeded, found ${cost}.`, { extensions: { code: 'LIMIT_EXCEEDED' } })] });
  };
  return { onExecute: check, onSubscribe: check };
}
