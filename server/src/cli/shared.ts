import { resolve } from 'node:path';
import { holdsDatabase, openDatabase, type Db } from '../db/client.ts';
import { dataDirHolder } from '../db/lock.ts';
import { isCopydeskDatabase, migrateDatabase } from '../db/migrate.ts';
import { loadEnv } from '../env.ts';

import { CliError } from './errors.ts';

export { CliError };

/** what the CLI says when `where` holds no copydesk database: one line with the fix */
function noDatabase(where: string): string {
  return `${where} holds no copydesk database: pass the one the server uses (--data-dir DIR or COPYDESK_DATA_DIR for the embedded database, DATABASE_URL for PostgreSQL; the start banner names it), or run pnpm start with it once to create one`;
}

/**
 * Opens (and migrates) the database the server uses (`dataDirFlag`: the command's --data-dir, read
 * by cli/args.ts), runs fn, closes it. Throws CliError (one
 * line, exit 1) when the data folder or DATABASE_URL holds no copydesk database: only the server's
 * start creates one, so a mistyped --data-dir is refused, not filled with an empty database.
 */
export async function withDatabase<T>(dataDirFlag: string | undefined, fn: (db: Db) => Promise<T>): Promise<T> {
  const env = loadEnv(process.env, dataDirFlag ? { COPYDESK_DATA_DIR: dataDirFlag } : {});
  const dataDir = resolve(env.COPYDESK_DATA_DIR);
  if (!env.DATABASE_URL) {
    // opening a folder creates a database there: a mistyped --data-dir must not get an empty one
    if (!holdsDatabase(dataDir)) throw new CliError(noDatabase(`the folder ${dataDir}`));
    const holder = dataDirHolder(dataDir);
    if (holder) throw new CliError(`the embedded database in ${dataDir} is open in copydesk process ${holder}: stop it first, or use COPYDESK_EDITOR_TOKEN`);
  }
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir });
  try {
    if (!(await isCopydeskDatabase(database.db))) throw new CliError(noDatabase(env.DATABASE_URL ? `the database at ${database.location}` : `the folder ${dataDir}`));
    await migrateDatabase(database);
    return await fn(database.db);
  } finally {
    await database.close();
  }
}
