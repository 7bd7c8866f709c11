import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { relations } from '@copydesk/schema';
import type { PgAsyncDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { Logger } from 'drizzle-orm';
import pg from 'pg';

export type Db = PgAsyncDatabase<PgQueryResultHKT, typeof relations>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** where the data lives, for the start banner: a folder or a URL without password */
  location: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL URL; when absent, PGlite in `dataDir` (or in memory when dataDir is "memory://") */
  databaseUrl?: string | undefined;
  dataDir?: string;
  /** an already-open PGlite instance (tests clone one per file) */
  pglite?: PGlite;
  logger?: Logger;
  poolSize?: number;
  /** an idle connection died (server restart, admin command): pg emits it on the pool, which must not crash the process */
  onPoolError?: (e: Error) => void;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  const logger = opts.logger;
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    pool.on('error', opts.onPoolError ?? ((e) => console.warn(`copydesk: a database connection was lost (${e.message}); it will be replaced`)));
    const db = drizzlePg({ client: pool, relations, ...(logger ? { logger } : {}) }) as unknown as Db;
    const url = new URL(opts.databaseUrl);
    url.password = url.password ? '***' : '';
    return { db, kind: 'postgres', location: url.toString(), close: () => pool.end() };
  }
  let client = opts.pglite;
  const dataDir = opts.dataDir ?? 'memory://';
  if (!client) {
    if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
    client = await PGlite.create(dataDir);
  }
  const owned = !opts.pglite;
  const db = drizzlePglite({ client, relations, ...(logger ? { logger } : {}) }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    location: dataDir,
    close: async () => {
      if (owned) await client.close();
    },
  };
}

/** The rows of a raw `db.execute(sql...)`, whichever driver answered (node-postgres and PGlite give `{ rows }`). */
export function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows?: T[] }).rows ?? []);
}
