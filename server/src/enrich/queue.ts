/**
 * A PostgreSQL-backed job queue. Imports enqueue work in their own transaction; workers (in the
 * server process, or `copydesk worker` on other machines) claim jobs with FOR UPDATE SKIP LOCKED.
 * (pg-boss and graphile-worker need Node 22; this runs on Node 20 and on PGlite too.)
 */
import { hostname } from 'node:os';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { jobs } from '@copydesk/schema';
import type { Db } from '../db/client.ts';
import type { Executor } from '../import/write.ts';
import { articlesOfDump, enrichArticles } from './enrich.ts';

export const MAX_ATTEMPTS = 3;

export interface EnrichJob {
  dumpId: number;
}

export async function enqueueEnrich(tx: Executor, dumpIds: number[]): Promise<void> {
  if (!dumpIds.length) return;
  await tx.insert(jobs).values(dumpIds.map((dumpId) => ({ kind: 'enrich', payload: { dumpId } })));
}

/** Claims up to `limit` due jobs for this worker. */
async function claim(db: Db, worker: string, limit: number) {
  return db
    .update(jobs)
    .set({ status: 'running', lockedAt: sql`now()`, lockedBy: worker, attempts: sql`${jobs.attempts} + 1` })
    .where(
      inArray(
        jobs.id,
        db
          .select({ id: jobs.id })
          .from(jobs)
          .where(and(eq(jobs.status, 'queued'), sql`${jobs.runAfter} <= now()`))
          .orderBy(jobs.runAfter, jobs.id)
          .limit(limit)
          .for('update', { skipLocked: true }),
      ),
    )
    .returning({ id: jobs.id, kind: jobs.kind, payload: jobs.payload, attempts: jobs.attempts });
}

/** Runs due jobs until none is left (or `max` ran); returns how many ran. */
export async function runQueuedJobs(db: Db, { worker = `${hostname()}:${process.pid}`, batch = 8, max = Infinity } = {}): Promise<number> {
  let ran = 0;
  while (ran < max) {
    const claimed = await claim(db, worker, batch);
    if (!claimed.length) break;
    for (const job of claimed) {
      try {
        await db.transaction(async (tx) => {
          if (job.kind === 'enrich') {
            const { dumpId } = job.payload as unknown as EnrichJob;
            await enrichArticles(tx, await articlesOfDump(tx, dumpId));
          } else {
            throw new Error(`unknown job kind ${job.kind}`);
          }
          await tx.update(jobs).set({ status: 'done', finishedAt: sql`now()`, lastError: null }).where(eq(jobs.id, job.id));
        });
      } catch (e) {
        const failed = job.attempts >= MAX_ATTEMPTS;
        await db
          .update(jobs)
          .set({
            status: failed ? 'failed' : 'queued',
            lastError: String((e as Error).message ?? e).slice(0, 2000),
            runAfter: sql`now() + (${2 ** job.attempts} * interval '1 second')`,
            finishedAt: failed ? sql`now()` : null,
          })
          .where(eq(jobs.id, job.id));
      }
      ran++;
    }
  }
  return ran;
}

export interface QueueCounts {
  queued: number;
  running: number;
  done: number;
  failed: number;
}

export async function queueCounts(db: Db): Promise<QueueCounts> {
  const rows = await db.select({ status: jobs.status, n: sql<number>`count(*)::int` }).from(jobs).groupBy(jobs.status);
  const by = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  return { queued: by.queued ?? 0, running: by.running ?? 0, done: by.done ?? 0, failed: by.failed ?? 0 };
}

/** Polls the queue until stopped; for the server process and `copydesk worker`. */
export function startWorker(db: Db, { intervalMs = 500, onError = (e: unknown) => console.error('worker:', e) } = {}) {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  const tick = async () => {
    if (stopped) return;
    try {
      await runQueuedJobs(db);
    } catch (e) {
      onError(e);
    }
    if (!stopped) timer = setTimeout(() => (running = tick()), intervalMs);
  };
  running = tick();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
