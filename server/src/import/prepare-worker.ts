/**
 * Worker thread (a piscina pool, prepare-thread.ts): the CPU part of importing a large dump, off
 * the request thread. Named tasks:
 * - `lineKeys(text)`: the keys of the lines the line memory could know (what to load before parsing);
 * - `prepare(PrepareTask)`: prepareImport (parse and derive with the learned inputs, sightings, content hash);
 * - `lineKeysOfEach(texts)`, `changedParses(ParseCheckTask)`: a rule's impact (learn/reparse-check.ts).
 */
import { memorableLineKeys } from '../learn/sightings.ts';
export { changedParses, lineKeysOfEach } from '../learn/reparse-check.ts';
import { prepareImport, type PrepareResult, type PrepareTask } from './prepare.ts';

export function lineKeys(text: string): string[] {
  return memorableLineKeys(text);
}

export function prepare(task: PrepareTask): PrepareResult {
  return prepareImport(task);
}

export default prepare;
