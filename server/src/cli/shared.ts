import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase, type Db } from '../db/client.ts';
import { dataDirHolder } from '../db/lock.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { loadEnv } from '../env.ts';

import { CliError } from './errors.ts';

export { CliError };

/** Opens (and migrates) the database the server uses, runs fn, closes it. */
export async function withDatabase<T>(args: string[], fn: (db: Db) => Promise<T>): Promise<T> {
  const { values } = parseArgs({ args, options: { 'data-dir': { type: 'string' } }, allowPositionals: true, strict: false });
  const dataDirFlag = typeof values['data-dir'] === 'string' ? values['data-dir'] : undefined;
  const env = loadEnv(process.env, dataDirFlag ? { COPYDESK_DATA_DIR: dataDirFlag } : {});
  const dataDir = resolve(env.COPYDESK_DATA_DIR);
  if (!env.DATABASE_URL) {
    const holder = dataDirHolder(dataDir);
    if (holder) throw new CliError(`the embedded database in ${dataDir} is open in copydesk process ${holder}: stop it first, or use COPYDESK_EDITOR_TOKEN`);
  }
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir });
  try {
    await migrateDatabase(database);
    return await fn(database.db);
  } finally {
    await database.close();
  }
}
