/**
 * The enrichment job queue: pg-boss (10.x) on the database itself, on PostgreSQL and on PGlite
 * alike. This module owns the job format (queue name, payload, policy); nothing else writes jobs.
 *
 * - Imports, saves and re-parses enqueue one job per dump inside their own transaction
 *   (`enqueueEnrichment`): the job commits with the rows it enriches, or not at all.
 * - Workers (`startEnrichWorkers` in the server process, `copydesk worker` on other machines)
 *   claim jobs with pg-boss (FOR UPDATE SKIP LOCKED), run the CPU part in worker threads
 *   (`pool.ts`), and write the result and complete the job in one transaction.
 * - Policy (ENRICH_POLICY): a failed job is retried with exponential backoff; a job still active
 *   past its expiry (its worker died, or hangs) is taken back by pg-boss's maintenance and
 *   retried; after `retryLimit` retries it ends as failed, its error kept and shown through the API
 *   (`enrichment { failures }`). Finished jobs move to pg-boss's archive.
 */
import { hostname } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import PgBoss from 'pg-boss';
import { sql, type SQL } from 'drizzle-orm';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { type Db, type Executor, rowsOf } from '../db/client.ts';
import { enrichDump } from './enrich.ts';

export const ENRICH_QUEUE = 'enrich';

/** the payload of an enrichment job */
export interface EnrichJob {
  dumpId: number;
}

/**
 * One policy for every enrichment job (imports, saves, re-parses):
 * - retryLimit: retries after the first try (so 1 + retryLimit tries in all), then failed;
 * - retryDelay (s) with retryBackoff: the n-th retry waits about retryDelay * 2^n seconds;
 * - expireInSeconds: how long a job may stay active without committing; past it the job is taken
 *   back (its worker is presumed dead) and counts as a failed try. Each of the job's write
 *   transactions renews it (renewLease). Longer than the CPU time limit in pool.ts.
 */
export const ENRICH_POLICY = { retryLimit: 2, retryDelay: 5, retryBackoff: true, expireInSeconds: 120 } as const;

/** how often a running server's queue is checked for expired jobs and archived, in seconds */
const MAINTENANCE_INTERVAL_S = 30;

/** pg-boss's database interface (`{ executeSql(text, values) }`) */
type BossDb = { executeSql(text: string, values?: unknown[]): Promise<{ rows: any[] }> };

/** pg serialises a plain object parameter as JSON; PGlite is told the same way */
const param = (v: unknown) => (v === undefined ? null : v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) ? JSON.stringify(v) : v);

/** pg-boss's interface over the driver of a drizzle handle (node-postgres pool or PGlite) */
function clientDb(db: Db): BossDb {
  const client = (db as unknown as { $client: pg.Pool | PGlite }).$client;
  if (client instanceof pg.Pool) return { executeSql: (text, values) => client.query(text, values?.map(param)) };
  return {
    async executeSql(text, values) {
      // pg-boss sends its migrations as several statements without parameters
      if (!values?.length) {
        const results = await client.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      }
      return client.query(text, values.map(param));
    },
  };
}

/** pg-boss's interface over an open drizzle transaction: its statements run in that transaction */
function txDb(tx: Executor): BossDb {
  return {
    async executeSql(text, values = []) {
      const chunks: SQL[] = [];
      text.split(/\$(\d+)/).forEach((piece, i) => chunks.push(i % 2 ? sql`${sql.param(param(values[Number(piece) - 1]))}` : sql.raw(piece)));
      return { rows: rowsOf(await tx.execute(sql.join(chunks))) };
    },
  };
}

const bosses = new WeakMap<Db, PgBoss>();

/** A pg-boss handle on the database (not started: no polling, no maintenance of its own). */
function bossOf(db: Db): PgBoss {
  let boss = bosses.get(db);
  if (!boss) {
    boss = new PgBoss({ db: clientDb(db), supervise: false, schedule: false, migrate: false } as PgBoss.ConstructorOptions);
    boss.on('error', (e) => console.error('copydesk: job queue:', e));
    bosses.set(db, boss);
  }
  return boss;
}

/** Installs or upgrades pg-boss's schema and the enrichment queue with ENRICH_POLICY (idempotent; part of migrating). */
export async function installJobQueue(db: Db): Promise<void> {
  const boss = new PgBoss({ db: clientDb(db), supervise: false, schedule: false, migrate: true } as PgBoss.ConstructorOptions);
  boss.on('error', (e) => console.error('copydesk: job queue:', e));
  await boss.start();
  await boss.createQueue(ENRICH_QUEUE, { name: ENRICH_QUEUE, ...ENRICH_POLICY });
  await boss.updateQueue(ENRICH_QUEUE, { name: ENRICH_QUEUE, ...ENRICH_POLICY });
  await boss.stop({ graceful: false, wait: true, close: false });
}

/**
 * Enqueues one enrichment job per dump inside the caller's transaction (it commits or rolls back
 * with the rows it enriches). For imports, saves and re-parses.
 */
export async function enqueueEnrichment(tx: Executor, dumpIds: number[]): Promise<void> {
  const jobs = [...new Set(dumpIds)].map((dumpId) => ({ name: ENRICH_QUEUE, data: { dumpId } satisfies EnrichJob }));
  if (!jobs.length) return;
  // the sender is never started: every statement goes to the caller's transaction
  await sender.insert(jobs, { db: txDb(tx) } as PgBoss.InsertOptions);
}

const sender = new PgBoss({
  db: { executeSql: () => Promise.reject(new Error('the job sender runs statements in the caller’s transaction only')) },
  supervise: false,
  schedule: false,
  migrate: false,
} as PgBoss.ConstructorOptions);

/** An error's message for the job's record: a failed statement's database error, not the statement and its parameters. */
function errorMessage(e: unknown): string {
  const err = e as Error & { cause?: unknown };
  const message = err?.message?.startsWith('Failed query') && err.cause instanceof Error ? err.cause.message : String(err?.message ?? e);
  return message.slice(0, 500);
}

/**
 * Runs one claimed job: enrich its dump and complete the job in one transaction; a throw fails the
 * try. Never throws: returns null once the outcome is recorded, or the failure message when the
 * failing statement itself failed (e.g. the database's statement bound fired); the job then stays
 * active until `recordFailure` succeeds or its expiry takes it back.
 */
async function runJob(db: Db, boss: PgBoss, job: PgBoss.Job<EnrichJob>, signal?: AbortSignal): Promise<string | null> {
  let message: string;
  try {
    // the job's output is what it wrote (EnrichResult)
    await enrichDump(db, job.data.dumpId, (tx, result) => boss.complete(ENRICH_QUEUE, job.id, { ...result }, { db: txDb(tx) }), { heartbeat: (tx) => renewLease(tx, job.id), signal });
    return null;
  } catch (e) {
    if (signal?.aborted) {
      await releaseJob(db, job.id);
      return null;
    }
    message = errorMessage(e);
  }
  return (await recordFailure(boss, job.id, message)) ? null : message;
}

/**
 * Puts an active job that this process stopped (its worker shut down) back in the queue as it was
 * before it was claimed: due at once, the try not counted (pg-boss's fetch counts a retry when
 * `started_on` is set, so a first try gets it cleared and a later one its count taken back).
 * A job no longer active (completed in its last transaction, or taken back) is left alone.
 * Never throws: a failed statement is logged in one line and the job's expiry takes it back.
 */
async function releaseJob(db: Db, jobId: string): Promise<void> {
  try {
    await db.execute(sql`update pgboss.job set state = (case when retry_count = 0 then 'created' else 'retry' end)::pgboss.job_state,
      start_after = now(), started_on = case when retry_count = 0 then null else started_on end, retry_count = greatest(retry_count - 1, 0)
      where name = ${ENRICH_QUEUE} and id = ${jobId}::uuid and state = 'active'`);
  } catch (e) {
    console.error(`copydesk: job queue: could not release job ${jobId} at shutdown (${errorMessage(e)}); its expiry takes it back`);
  }
}

/**
 * Renews an active job's lease: its expiry (ENRICH_POLICY.expireInSeconds) counts again from now.
 * The job's writes call it in each of their transactions, so a job that keeps committing (a dump
 * of thousands of articles) is never taken back as dead, while one whose worker died is.
 */
async function renewLease(tx: Executor, jobId: string): Promise<void> {
  await tx.execute(sql`update pgboss.job set started_on = now() where name = ${ENRICH_QUEUE} and id = ${jobId}::uuid and state = 'active'`);
}

/** Fails a try of job `jobId` with `message`; false (one line logged) when the statement failed. Never throws. */
async function recordFailure(boss: PgBoss, jobId: string, message: string): Promise<boolean> {
  try {
    await boss.fail(ENRICH_QUEUE, jobId, { message });
    return true;
  } catch (e) {
    console.error(`copydesk: job queue: could not record the failed try of job ${jobId} (${errorMessage(e)}); trying again later`);
    return false;
  }
}

/** Takes back jobs active past their expiry (their worker is gone): each counts as a failed try. */
export async function expireStuckJobs(db: Db): Promise<void> {
  await bossOf(db).expire();
}

/**
 * Runs due enrichment jobs in this process until none is left or `max` ran, after taking back
 * expired ones; returns how many ran. For `copydesk worker --once`, tests and benchmarks.
 */
export async function runDueJobs(db: Db, { max = Infinity }: { max?: number } = {}): Promise<number> {
  const boss = bossOf(db);
  await boss.expire();
  let ran = 0;
  while (ran < max) {
    const [job] = (await boss.fetch<EnrichJob>(ENRICH_QUEUE, { batchSize: 1 })) ?? [];
    if (!job) break;
    await runJob(db, boss, job);
    ran++;
  }
  return ran;
}

export interface WorkerOptions {
  /** jobs run at once by this process (each one uses one worker thread for its CPU part) */
  concurrency?: number;
  /** how often an idle worker polls, in seconds (pg-boss's minimum is 0.5) */
  pollingIntervalSeconds?: number;
  /** how long `stop()` lets running jobs finish before it stops them and puts them back in the queue, in seconds (default STOP_GRACE_S) */
  stopGraceSeconds?: number;
}

/** how long a stopping worker lets its running jobs finish, in seconds (the server's stop waits for it) */
export const STOP_GRACE_S = 5;

/**
 * Starts `concurrency` pollers on the enrichment queue in this process, and pg-boss's maintenance
 * (expired jobs taken back, finished ones archived). For the server and `copydesk worker`.
 *
 * The pollers are copydesk's own loops over `fetch` and awaited complete/fail (pg-boss's `work`
 * settles jobs without awaiting, so a settling statement that fails would be an unhandled
 * rejection and end the process). A statement that fails is logged in one line and the loop goes
 * on: an unrecorded failed try is recorded again on the next poll (until the job's expiry takes it
 * back), a failed fetch is tried again after the polling interval.
 *
 * `stop()` fetches no more jobs, lets running ones finish for up to `stopGraceSeconds`, then stops
 * them at their next step (before their next transaction or analysis) and puts them back in the
 * queue, their try not counted (`releaseJob`). It resolves only once no job of this worker runs
 * and no statement of its is in flight, so the caller may then end the database pool.
 */
export async function startEnrichWorkers(db: Db, { concurrency = 1, pollingIntervalSeconds = 1, stopGraceSeconds = STOP_GRACE_S }: WorkerOptions = {}): Promise<{ stop(): Promise<void> }> {
  const graceMs = Math.max(0, stopGraceSeconds) * 1000;
  const boss = new PgBoss({
    db: clientDb(db),
    supervise: true,
    maintenanceIntervalSeconds: MAINTENANCE_INTERVAL_S,
    schedule: false,
    migrate: false,
    application_name: `copydesk:${hostname()}:${process.pid}`,
  } as PgBoss.ConstructorOptions);
  boss.on('error', (e) => console.error('copydesk: job queue:', errorMessage(e)));
  await boss.start();
  const idleMs = Math.max(0.5, pollingIntervalSeconds) * 1000;
  const stopping = new AbortController();
  /** aborted once the stop's grace has passed: running jobs stop at their next step and are released */
  const cancel = new AbortController();
  /** failed tries whose recording failed: job id → message and when */
  const unrecorded = new Map<string, { message: string; at: number }>();

  const recordPending = async () => {
    for (const [id, { message, at }] of [...unrecorded]) {
      unrecorded.delete(id); // taken before the await: two pollers never fail one try twice
      // past its expiry the job was taken back (a failed try) and may be running again elsewhere
      if (Date.now() - at > ENRICH_POLICY.expireInSeconds * 1000) continue;
      if (!(await recordFailure(boss, id, message))) unrecorded.set(id, { message, at });
    }
  };

  const poll = async () => {
    while (!stopping.signal.aborted) {
      let found = false;
      try {
        await recordPending();
        const [job] = (await boss.fetch<EnrichJob>(ENRICH_QUEUE, { batchSize: 1 })) ?? [];
        if (job) {
          found = true;
          const message = await runJob(db, boss, job, cancel.signal);
          if (message !== null) unrecorded.set(job.id, { message, at: Date.now() });
        }
      } catch (e) {
        console.error(`copydesk: job queue: polling failed (${errorMessage(e)}); polling again in ${idleMs / 1000} s`);
      }
      // a poller that found a job asks for the next one at once
      if (!found) await delay(idleMs, undefined, { signal: stopping.signal }).catch(() => {});
    }
  };
  const pollers = Array.from({ length: concurrency }, poll);

  return {
    async stop() {
      stopping.abort();
      if (graceMs > 0) {
        const waited = new AbortController();
        await Promise.race([Promise.all(pollers), delay(graceMs, undefined, { signal: waited.signal }).catch(() => {})]);
        waited.abort();
      }
      // past the grace, running jobs stop at their next step (a statement in flight ends first,
      // bounded by the statement timeout) and release themselves: once the pollers are done, no
      // statement of this worker is left, and the caller may end the database pool
      cancel.abort();
      await Promise.all(pollers);
      await boss.stop({ graceful: false, wait: true, close: false });
    },
  };
}

export interface EnrichmentFailure {
  dumpId: number;
  /** the last try's error message */
  error: string;
  /** tries made */
  attempts: number;
  failedAt: Date;
}

export interface QueueCounts {
  queued: number;
  running: number;
  done: number;
  failed: number;
}

const FROM_JOBS = sql.raw(`(select state, data, output, retry_count, completed_on, id from pgboss.job where name = '${ENRICH_QUEUE}'
  union all select state, data, output, retry_count, completed_on, id from pgboss.archive where name = '${ENRICH_QUEUE}') j`);

/** Jobs per state, the archive included: queued (created or waiting to retry), running, done, failed (or cancelled). */
export async function queueCounts(db: Db): Promise<QueueCounts> {
  const rows = rowsOf<{ state: string; n: number }>(await db.execute(sql`select state::text, count(*)::int as n from ${FROM_JOBS} group by state`));
  const n = (...states: string[]) => rows.filter((r) => states.includes(r.state)).reduce((s, r) => s + Number(r.n), 0);
  return { queued: n('created', 'retry'), running: n('active'), done: n('completed'), failed: n('failed', 'cancelled') };
}

/** The most recently failed jobs (up to `limit`), newest first, with their last error. */
export async function enrichmentFailures(db: Db, limit = 20): Promise<EnrichmentFailure[]> {
  const rows = rowsOf<{ dump_id: number; error: string | null; tries: number; failed_at: Date | string }>(
    await db.execute(sql`select (data->>'dumpId')::int as dump_id, coalesce(output->>'message', output->'value'->>'message') as error, retry_count + 1 as tries, completed_on as failed_at
      from ${FROM_JOBS} where state = 'failed' order by completed_on desc, id limit ${limit}`),
  );
  return rows.map((r) => ({ dumpId: Number(r.dump_id), error: r.error ?? 'unknown error', attempts: Number(r.tries), failedAt: new Date(r.failed_at) }));
}
