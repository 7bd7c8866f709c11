/** vitest globalSetup for the API suite on real PostgreSQL: a server (ours, or DATABASE_URL's) and a migrated template database. */
import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { openDatabase } from '@copydesk/server/db/client.ts';
import { migrateDatabase } from '@copydesk/server/db/migrate.ts';
import { startPostgres, type PgServer } from './postgres.ts';

export const TEMPLATE_DB = `copydesk_template_${process.pid}`;

export default async function setup(project: TestProject) {
  let server: PgServer | null = null;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    server = await startPostgres();
    adminUrl = server.url;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB}`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  const templateUrl = withDatabase(adminUrl, TEMPLATE_DB);
  const database = await openDatabase({ databaseUrl: templateUrl, poolSize: 1 });
  await migrateDatabase(database);
  await database.close();
  project.provide('dbKind', 'postgres');
  project.provide('pgAdminUrl', adminUrl);
  project.provide('pgTemplate', TEMPLATE_DB);
  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`).catch(() => {});
    await admin.end();
    await server?.stop();
  };
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
