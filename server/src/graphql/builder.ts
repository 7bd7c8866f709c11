import SchemaBuilder from '@pothos/core';
import { GraphQLError } from 'graphql';
import DrizzlePlugin from '@pothos/plugin-drizzle';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { relations } from '@copydesk/schema';
import type { Db } from '../db/client.ts';
import type { Limits } from './limits.ts';
import type { Editor } from '../auth/tokens.ts';
import { UnauthenticatedError } from '../errors.ts';
import type { Actor } from '../audit/log.ts';

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
}

export interface Context {
  db: Db;
  config: AppConfig;
  /** the signed-in editor, from the Authorization header; null when anonymous */
  editor: Editor | null;
  /** where the request came from (client address and user agent), for the audit log */
  origin: string;
}

/** Relay page sizes: `first`/`last` default to 50 and are capped at 100 */
export const CONNECTION_PAGE = { defaultSize: 50, maxSize: 100 } as const;

export const builder = new SchemaBuilder<{
  DrizzleRelations: typeof relations;
  Context: Context;
  Scalars: {
    DateTime: { Input: string; Output: string };
    File: { Input: File; Output: never };
  };
  DefaultFieldNullability: false;
}>({
  plugins: [ErrorsPlugin, RelayPlugin, DrizzlePlugin],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
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

builder.queryType({});
builder.mutationType({});

builder.scalarType('File', {
  description: 'A file sent as a multipart request part (GraphQL multipart request spec)',
  serialize: () => {
    throw new GraphQLError('File is an input-only scalar');
  },
});

builder.scalarType('DateTime', {
  description: 'An ISO 8601 date-time string with time zone, e.g. 2025-07-25T09:30:00.000Z',
  // PostgreSQL gives "2025-07-25 10:00:00+00"; clients get ISO 8601 in UTC
  serialize: (v) => {
    const s = typeof v === 'string' ? v.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00') : v;
    const d = new Date(s as string | number | Date);
    if (Number.isNaN(d.getTime())) throw new GraphQLError(`not a date-time: ${String(v)}`);
    return d.toISOString();
  },
  parseValue: (v) => {
    if (typeof v !== 'string' || Number.isNaN(Date.parse(v))) throw new GraphQLError('DateTime must be an ISO 8601 string, e.g. 2025-07-25T09:30:00Z', { extensions: { code: 'INVALID_INPUT' } });
    return v;
  },
});

/** Throws UNAUTHENTICATED unless an editor signed the request; returns the editor. */
export function requireEditor(ctx: Context): Editor {
  if (!ctx.editor) throw new UnauthenticatedError();
  return ctx.editor;
}

/** The signed-in editor as the audit log's actor (name and origin); UnauthenticatedError without one. */
export function requireActor(ctx: Context): Actor {
  return { name: requireEditor(ctx).name, origin: ctx.origin };
}
