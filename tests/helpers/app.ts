/** An in-process copydesk app on a fresh database of the project's kind (PGlite or PostgreSQL). */
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '@copydesk/server/db/client.ts';
import { createApp, type App } from '@copydesk/server/yoga.ts';
import type { AppConfig } from '@copydesk/server/config.ts';
import { CSRF_HEADER, DEFAULT_LIMITS } from '@copydesk/server/graphql/limits.ts';
import { runDueJobs } from '@copydesk/server/enrich/jobs.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dbKind: 'pglite' | 'postgres';
    pgliteTemplate: string;
    pgAdminUrl: string;
    pgTemplate: string;
  }
}

export interface GqlResponse<T = any> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export interface TestApp {
  app: App;
  database: Database;
  kind: 'pglite' | 'postgres';
  /** the test database's URL on PostgreSQL (undefined on PGlite) */
  databaseUrl: string | undefined;
  /** every SQL statement the app's database handle ran, in order (clear it with .length = 0) */
  queries: string[];
  /** the same statements with their parameters */
  statements: { sql: string; params: unknown[] }[];
  /** runs the enrichment queue until it is empty (what the server's worker does in the background) */
  drain(): Promise<number>;
  /** POSTs a GraphQL operation to the app, in process, signed with TEST_TOKEN unless `token` is given (null: anonymous) */
  gql<T = any>(query: string, variables?: Record<string, unknown>, opts?: { token?: string | null; headers?: Record<string, string> }): Promise<GqlResponse<T>>;
  /** runs raw SQL, for assertions on what was (not) written */
  sql<T = Record<string, unknown>>(text: string): Promise<T[]>;
  close(): Promise<void>;
}

/** the bootstrap editor token every test app accepts */
export const TEST_TOKEN = 'test-editor-token-0123456789';
export const DEFAULT_CONFIG: AppConfig = { maxDumpBytes: 5 * 1024 * 1024, editorToken: TEST_TOKEN, readRequiresToken: false, limits: DEFAULT_LIMITS, responseCacheTtlMs: 0, compiledReads: true };

/**
 * `db.statementTimeoutMs`: the server's statement time bound (COPYDESK_STATEMENT_TIMEOUT_MS); off
 * unless given, as a loaded test machine would otherwise time out statements a server would not.
 */
export async function createTestApp(config: Partial<AppConfig> = {}, db: { statementTimeoutMs?: number } = {}): Promise<TestApp> {
  const kind = inject('dbKind');
  let database: Database;
  let sql: TestApp['sql'];
  let cleanup: () => Promise<void>;
  let databaseUrl: string | undefined;
  const queries: string[] = [];
  const statements: TestApp['statements'] = [];
  const logger = {
    logQuery: (q: string, params: unknown[]) => {
      queries.push(q);
      statements.push({ sql: q, params });
    },
  };
  if (kind === 'pglite') {
    // as the server runs it: PGlite in a worker thread, started from the migrated template
    database = await openDatabase({ pgliteLoadDataDir: readFileSync(inject('pgliteTemplate')), logger, ...db });
    const client = (database.db as unknown as { $client: Pick<PGlite, 'query'> }).$client;
    sql = async (text) => (await client.query(text)).rows as any[];
    cleanup = () => database.close();
  } else {
    const adminUrl = inject('pgAdminUrl');
    const name = `copydesk_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')}`);
    const u = new URL(adminUrl);
    u.pathname = `/${name}`;
    databaseUrl = u.toString();
    database = await openDatabase({ databaseUrl: u.toString(), poolSize: 10, logger, onPoolError: () => {}, ...db });
    const pool = new pg.Pool({ connectionString: u.toString(), max: 2 });
    pool.on('error', () => {});
    sql = async (text) => (await pool.query(text)).rows;
    cleanup = async () => {
      await pool.end();
      await database.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
  }
  const app = createApp({ db: database.db, config: { ...DEFAULT_CONFIG, ...config } });
  return {
    app,
    database,
    kind,
    databaseUrl,
    sql,
    queries,
    statements,
    drain: () => runDueJobs(database.db),
    async gql(query, variables, opts = {}) {
      const token = opts.token === undefined ? TEST_TOKEN : opts.token;
      const res = await app.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...opts.headers },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as GqlResponse;
    },
    close: async () => {
      await cleanup();
    },
  };
}

/**
 * Sends one file as a GraphQL multipart request (the upload spec: `operations`, `map`, part `0`
 * for the variable `file`) as an editor, and returns the parsed JSON answer.
 */
export async function uploadFile(t: TestApp, query: string, variables: Record<string, unknown>, name: string, bytes: Uint8Array): Promise<any> {
  const form = new FormData();
  form.set('operations', JSON.stringify({ query, variables: { ...variables, file: null } }));
  form.set('map', JSON.stringify({ 0: ['variables.file'] }));
  form.set('0', new File([bytes as Uint8Array<ArrayBuffer>], name));
  const res = await t.app.fetch('http://localhost/graphql', { method: 'POST', body: form, headers: { authorization: `Bearer ${TEST_TOKEN}`, [CSRF_HEADER]: '1' } });
  return res.json();
}
