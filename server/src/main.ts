/**
 * Starts copydesk: migrates the database, imports the samples into an empty one, and serves
 * GraphQL at /graphql and the dashboard at /.
 *   pnpm start [--port N] [--data-dir DIR]
 */
import { mkdirSync } from 'node:fs';
import cluster from 'node:cluster';
import { createServer, type Server } from 'node:http';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openDatabase, type Db } from './db/client.ts';
import { openChangeFeed, type ChangeFeed } from './db/changes.ts';
import { lockDataDir } from './db/lock.ts';
import { migrateDatabase } from './db/migrate.ts';
import { loadEnv, type Env } from './env.ts';
import { startupFailure, tokenHint, USAGE, type StartContext } from './startup.ts';
import { staticHandler } from './http/static.ts';
import { requestListener } from './http/listener.ts';
import { seedSamples } from './seed.ts';
import { createApp } from './yoga.ts';
import { listTokens } from './auth/tokens.ts';
import { startEnrichWorkers } from './enrich/jobs.ts';
import { closeAnalysePool, setAnalyseThreads } from './enrich/pool.ts';
import { configOf } from './config.ts';
import { closePreparePool } from './import/prepare-thread.ts';

/** The HTTP listener: GraphQL at /graphql, the dashboard elsewhere. */
async function listen(env: Env, db: Db, changes: ChangeFeed): Promise<{ server: Server; port: number }> {
  const app = createApp({ db, config: configOf(env), dev: env.COPYDESK_DEBUG_ERRORS, changes });
  const dashboardDir = env.COPYDESK_DASHBOARD_DIR ?? fileURLToPath(new URL('../../dashboard/dist', import.meta.url));
  const serveStatic = staticHandler(dashboardDir);
  const server = createServer(requestListener(app, serveStatic));
  server.requestTimeout = 120_000;
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(env.PORT, env.HOST, ok);
  });
  const addr = server.address();
  return { server, port: typeof addr === 'object' && addr ? addr.port : env.PORT };
}

/**
 * Rejects with the listen error (EADDRINUSE, EACCES) when `port` on `host` cannot be listened on,
 * by listening and closing at once; port 0 (any free port) always can. The server listens for good
 * only once the database is ready, so a port taken in between still fails there, with the same line.
 */
async function probePort(port: number, host: string): Promise<void> {
  if (!port) return;
  const probe = createServer();
  await new Promise<void>((ok, fail) => {
    probe.once('error', fail);
    probe.listen(port, host, ok);
  });
  await new Promise((ok) => probe.close(ok));
}

/** An extra HTTP process of a cluster: the primary migrated and seeded; this one only serves. */
async function httpWorker(env: Env) {
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, poolSize: 10, statementTimeoutMs: env.COPYDESK_STATEMENT_TIMEOUT_MS });
  const changes = await openChangeFeed(database, env.DATABASE_URL);
  const { server } = await listen(env, database.db, changes);
  process.once('SIGTERM', () => {
    server.close(() => void changes.close().then(() => database.close()).then(() => process.exit(0)));
    // subscriptions (Server-Sent Events) never end by themselves: after a grace for requests in flight, close them
    setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
  });
}

/** how long an HTTP process waits for requests in flight before closing every connection on SIGTERM (ms) */
const SHUTDOWN_GRACE_MS = 5000;

/** what the start was about to use, for a failure's one line */
const starting: StartContext = {};

async function main() {
  // `pnpm start -- --help` hands the `--` on: it only separates pnpm's arguments from ours
  const argv = process.argv.slice(2);
  const { values } = parseArgs({
    args: argv[0] === '--' ? argv.slice(1) : argv,
    options: { port: { type: 'string', short: 'p' }, 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const env = loadEnv(process.env, {
    ...(values.port ? { PORT: values.port } : {}),
    ...(values['data-dir'] ? { COPYDESK_DATA_DIR: values['data-dir'] } : {}),
  });
  if (cluster.isWorker) return httpWorker(env);
  const dataDir = resolve(env.COPYDESK_DATA_DIR);
  if (env.DATABASE_URL) {
    const u = new URL(env.DATABASE_URL);
    u.password = u.password ? '***' : '';
    starting.database = u.toString();
  } else starting.dataDir = dataDir;
  // the port first: a taken port is said before the database is created, migrated and seeded
  await probePort(env.PORT, env.HOST);
  if (!env.DATABASE_URL) mkdirSync(dataDir, { recursive: true });
  const unlock = env.DATABASE_URL ? () => {} : lockDataDir(dataDir);
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir, statementTimeoutMs: env.COPYDESK_STATEMENT_TIMEOUT_MS });
  await migrateDatabase(database);
  if (env.COPYDESK_SEED_SAMPLES) {
    const n = await seedSamples(database.db, env.COPYDESK_MAX_DUMP_BYTES);
    if (n) console.log(`imported ${n} sample dumps`);
  }
  setAnalyseThreads(env.COPYDESK_WORKERS);
  const workers = env.COPYDESK_WORKERS ? [await startEnrichWorkers(database.db, { concurrency: env.COPYDESK_WORKERS })] : [];
  const activeTokens = (await listTokens(database.db)).filter((t) => !t.revokedAt).length;
  // PGlite lives in this process: more HTTP processes need a PostgreSQL server
  const processes = env.DATABASE_URL ? env.COPYDESK_HTTP_PROCESSES : 1;
  // one process serves HTTP itself; a cluster's primary only forks the HTTP processes (they share the port)
  let server: Server | null = null;
  let changes: ChangeFeed | null = null;
  let port = env.PORT;
  const forked = processes > 1 ? Array.from({ length: processes }, () => cluster.fork()) : [];
  if (forked.length) {
    const addresses = await Promise.all(forked.map((w) => new Promise<{ port: number }>((ok) => w.once('listening', ok))));
    port = addresses[0]!.port;
  } else {
    changes = await openChangeFeed(database, env.DATABASE_URL);
    ({ server, port } = await listen(env, database.db, changes));
  }
  const config = configOf(env);
  console.log(`copydesk is running
  dashboard  http://localhost:${port}/
  GraphQL    http://localhost:${port}/graphql  (GraphiQL in a browser)
  database   ${database.kind === 'pglite' ? `embedded PostgreSQL (PGlite) in ${database.location}` : `PostgreSQL at ${database.location}`}
  processes  ${processes} HTTP process(es) (COPYDESK_HTTP_PROCESSES, with DATABASE_URL), ${env.COPYDESK_WORKERS} enrichment worker(s) (COPYDESK_WORKERS)
  port       ${port} on ${env.HOST}  (PORT or --port; HOST: 127.0.0.1 is this machine only, 0.0.0.0 every interface)
  data dir   ${database.kind === 'pglite' ? dataDir : '(unused: DATABASE_URL is set)'}  (COPYDESK_DATA_DIR or --data-dir)
  editors    ${config.editorToken ? 'bootstrap token from COPYDESK_EDITOR_TOKEN' : ''}${config.editorToken && activeTokens ? ' + ' : ''}${activeTokens ? `${activeTokens} token(s)` : ''}${!config.editorToken && !activeTokens ? `none yet: reading is open, but imports and edits need an editor token.\n             ${tokenHint(database.kind, dataDir)}` : ''}`);
  shutdown = async (signal: NodeJS.Signals) => {
    console.log(`copydesk: ${signal === 'SIGINT' ? 'Ctrl+C' : signal}: shutting down`);
    for (const w of forked) w.kill('SIGTERM');
    server?.close();
    await Promise.all(workers.map((w) => w.stop()));
    await closeAnalysePool();
    await closePreparePool();
    await changes?.close();
    await database.close();
    unlock();
    console.log('copydesk: stopped');
    process.exit(0);
  };
}

/** set once the server runs; a signal before that has nothing to shut down */
let shutdown: ((signal: NodeJS.Signals) => Promise<void>) | null = null;
let stopping = false;
// one handler for the process's whole life: a signal that arrives while handlers are swapped is lost
const onSignal = (signal: NodeJS.Signals) => {
  if (stopping) return;
  stopping = true;
  if (shutdown) return void shutdown(signal);
  console.log(`copydesk: ${signal === 'SIGINT' ? 'Ctrl+C' : signal} while starting: stopped`);
  process.exit(0);
};
if (!cluster.isWorker) process.on('SIGINT', onSignal).on('SIGTERM', onSignal);

main().catch((e: unknown) => {
  console.error(startupFailure(e, starting));
  process.exit(1);
});
