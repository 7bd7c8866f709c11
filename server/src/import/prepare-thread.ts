/**
 * The CPU part of importing one dump (line keys for the line memory; parse, derive, sightings and
 * content hash), run in a worker thread (prepare-worker.ts, a piscina pool) when the dump is large,
 * so that an import of several MB never holds the request thread; a small dump is prepared in
 * place, where a thread hop would cost more than the work. A rule's impact (re-parsing stored
 * dumps in bulk) always runs here.
 */
import { Piscina } from 'piscina';
import { memorableLineKeys } from '../learn/sightings.ts';
import { prepareImport, type PrepareResult, type PrepareTask } from './prepare.ts';
import { workerScript } from '../threads/spawn.ts';
import type { ParseCheckTask } from '../learn/reparse-check.ts';

/** dumps from this many characters on are prepared in a worker thread */
export const OFF_THREAD_FROM_CHARS = 128 * 1024;

let pool: Piscina | null = null;
const thePool = () => (pool ??= new Piscina({ ...workerScript('prepare'), minThreads: 0, maxThreads: 2, idleTimeout: 30_000 }));

/** The keys of `text`'s lines that the line memory could know (memorableLineKeys), off the request thread when `text` is large. */
export async function lineKeysForImport(text: string): Promise<string[]> {
  if (text.length < OFF_THREAD_FROM_CHARS) return memorableLineKeys(text);
  return (await thePool().run(text, { name: 'lineKeys' })) as string[];
}

/** prepareImport(task), off the request thread when the dump is large (`task.valid` is already checked). */
export async function prepareForImport(task: PrepareTask): Promise<PrepareResult> {
  if (task.valid.text.length < OFF_THREAD_FROM_CHARS) return prepareImport(task);
  return (await thePool().run(task, { name: 'prepare' })) as PrepareResult;
}

/** lineKeysOfEach(texts) in a worker thread (a rule's impact: bulk work, never on the request thread). */
export async function lineKeysOffThread(texts: string[]): Promise<string[][]> {
  return (await thePool().run(texts, { name: 'lineKeysOfEach' })) as string[][];
}

/** changedParses(task) in a worker thread (a rule's impact: bulk work, never on the request thread). */
export async function changedParsesOffThread(task: ParseCheckTask): Promise<boolean[]> {
  return (await thePool().run(task, { name: 'changedParses' })) as boolean[];
}

/** Ends the worker threads (server shutdown, end of a command). */
export async function closePreparePool(): Promise<void> {
  const p = pool;
  pool = null;
  if (p) await p.close({ force: true });
}
