import { migrationsFolder } from '@copydesk/schema';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { Database } from './client.ts';
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
