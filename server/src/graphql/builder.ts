import SchemaBuilder from '@pothos/core';
import { GraphQLError } from 'graphql';
import DrizzlePlugin from '@pothos/plugin-drizzle';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { relations } from '@copydesk/schema';
import type { Db } from '../db/client.ts';
import type { AppConfig } from '../config.ts';
import type { Editor } from '../auth/tokens.ts';
import type { Upload } from '../http/uploads.ts';
import { UnauthenticatedError } from '../errors.ts';
import type { Actor } from '../audit/log.ts';
import type { ChangeFeed } from '../db/changes.ts';
import type { Presence } from '../live/presence.ts';
import type { TextBudget } from './text-budget.ts';
import { InvalidDateTime, isoDateTime } from '../date-time.ts';

export interface Context {
  db: Db;
  config: AppConfig;
  /** the signed-in editor, from the Authorization header; null when anonymous */
  editor: Editor | null;
  /** the request carried a bearer token (which may be unknown or revoked when `editor` is null) */
  tokenSent: boolean;
  /** where the request came from (client address and user agent), for the audit log */
  origin: string;
  /** who holds the request's subscriptions, for their per-client limit (live/limits.ts subscriberKey) */
  client: string;
  /** the change feed the live subscriptions listen to (db/changes.ts) */
  changes: ChangeFeed;
  /** who has which dump open (live/presence.ts) */
  presence: Presence;
  /** what this request has returned of large text fields so far (text-budget.ts) */
  textBudget: TextBudget;
}

/** Relay page sizes: `first`/`last` default to 50 and are capped at 100 */
export const CONNECTION_PAGE = { defaultSize: 50, maxSize: 100 } as const;

/**
 * Field extension naming the list argument a list field returns one item for each element of
 * (`nodes(ids:)`): such a list is a page, at most CONNECTION_PAGE.maxSize elements (input.ts
 * refuses a longer one, INVALID_INPUT naming the argument) and its selection is charged once per
 * element (cost.ts). Unbounded, 90,000 ids (a 1 MB body) became one statement over PostgreSQL's
 * 65,535 parameters, and a few thousand with a deep selection paid the cost of one.
 */
export const ITEM_PER_ELEMENT_EXTENSION = 'copydeskItemPerElementOf';

/** The number of items a page asked with `first`/`last` holds at most: the request's, default 50, capped at 100 (what the server returns; the cost limit charges this too) */
export function pageSize(first: number | null | undefined, last?: number | null): number {
  return Math.min(Math.max(0, first ?? last ?? CONNECTION_PAGE.defaultSize), CONNECTION_PAGE.maxSize);
}

export const builder = new SchemaBuilder<{
  DrizzleRelations: typeof relations;
  Context: Context;
  Scalars: {
    DateTime: { Input: string; Output: string };
    File: { Input: Upload; Output: never };
  };
  DefaultFieldNullability: false;
}>({
  plugins: [ErrorsPlugin, RelayPlugin, DrizzlePlugin],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // Relay: a node that does not exist is null, and one missing id does not lose the others
    // (ids are checked before execution, graphql/input.ts, so only "no such row" is left here)
    nodeQueryOptions: { resolve: (_root, args, _ctx, _info, resolveNode) => orMissing(resolveNode(args.id)) },
    nodesQueryOptions: {
      extensions: { [ITEM_PER_ELEMENT_EXTENSION]: 'ids' },
      resolve: (_root, args, _ctx, _info, resolveNodes) => {
        const ids = args.ids;
        // the plugin's resolveNodes reads `args.ids` when called: one call per id, batched by its loader
        const nodes = ids.map((id) => {
          (args as { ids: typeof ids }).ids = [id];
          return orMissing(Promise.resolve(resolveNodes([id] as never)).then((r) => r[0]));
        });
        (args as { ids: typeof ids }).ids = ids;
        return Promise.all(nodes);
      },
    },
  },
  drizzle: {
    client: (ctx) => ctx.db,
    getTableConfig,
    relations,
    defaultConnectionSize: CONNECTION_PAGE.defaultSize,
    maxConnectionSize: CONNECTION_PAGE.maxSize,
  },
  errors: { defaultTypes: [] },
});

/** drizzle's node loader rejects a missing row with "Model <table>(<id>) not found": that is null */
async function orMissing<T>(node: T | Promise<T>): Promise<T | null> {
  try {
    return await node;
  } catch (e) {
    if (e instanceof Error && /^Model \w+\(.*\) not found$/.test(e.message)) return null;
    throw e;
  }
}

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});

builder.scalarType('File', {
  description: 'A file sent as a multipart request part (GraphQL multipart request spec)',
  serialize: () => {
    throw new GraphQLError('File is an input-only scalar');
  },
});

export { DATE_TIME_EXPECTED, isoDateTime } from '../date-time.ts';

builder.scalarType('DateTime', {
  description: 'An ISO 8601 date-time string with time zone, e.g. 2025-07-25T09:30:00.000Z',
  // PostgreSQL gives "2025-07-25 10:00:00+00"; clients get ISO 8601 in UTC
  serialize: (v) => {
    const s = typeof v === 'string' ? v.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00') : v;
    const d = new Date(s as string | number | Date);
    if (Number.isNaN(d.getTime())) throw new GraphQLError(`not a date-time: ${String(v)}`);
    return d.toISOString();
  },
  // strict ISO 8601 with years 0001-9999: Date.parse takes far more ("Tuesday", year -271821)
  // than PostgreSQL stores, and the value is handed to SQL as the normalised UTC string
  parseValue: (v) => {
    // not one: a marker the edge check refuses by name (graphql/input.ts), or a batch item's own error
    return (isoDateTime(v) ?? new InvalidDateTime()) as string;
  },
});

/** Throws UNAUTHENTICATED unless an editor signed the request; returns the editor. */
export function requireEditor(ctx: Context): Editor {
  if (!ctx.editor) throw new UnauthenticatedError(ctx.tokenSent ? 'rejected' : 'missing');
  return ctx.editor;
}

/** The signed-in editor as the audit log's actor (name and origin); UnauthenticatedError without one. */
export function requireActor(ctx: Context): Actor {
  return { name: requireEditor(ctx).name, origin: ctx.origin };
}
