import { migrationsFolder } from '@copydesk/schema';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { sql } from 'drizzle-orm';
import { rowsOf, type Database, type Db } from './client.ts';
import { installJobQueue } from '../enrich/jobs.ts';
import { foldLegacySources } from '../sources/index.ts';
import { backfillTopicAliases } from '../topics/store.ts';

/**
 * Applies the generated migrations in schema/migrations, installs or upgrades the job queue's
 * schema (pg-boss), then brings rows written before a migration up to what the code expects
 * (sources folded by canonical key, with aliases; merged topics' names as aliases). Idempotent.
 */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase<never>, { migrationsFolder });
  } else {
    await migratePg(database.db as unknown as NodePgDatabase<never>, { migrationsFolder });
  }
  await installJobQueue(database.db);
  await database.db.transaction(async (tx) => {
    await foldLegacySources(tx);
    await backfillTopicAliases(tx);
  });
}

/**
 * Whether `db` is a copydesk database: one a copydesk server has migrated (drizzle's migration
 * journal, `drizzle.__drizzle_migrations`, is there). The CLI opens only such a database; only the
 * server's start creates one.
 */
export async function isCopydeskDatabase(db: Db): Promise<boolean> {
  const [row] = rowsOf<{ journal: string | null }>(await db.execute(sql`select to_regclass('drizzle.__drizzle_migrations')::text as journal`));
  return row?.journal != null;
}
