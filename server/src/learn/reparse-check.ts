/**
 * Whether parsing stored dumps again would change them: the pure, CPU-heavy part of a rule's
 * impact (learn/rules.ts ruleImpact), run in a worker thread (import/prepare-thread.ts).
 */
import { type LearnedRule, type LineMemory, parseDump, type Segment } from '@copydesk/core';
import { memorableLineKeys } from './sightings.ts';

/**
 * Whether two segment lists are the same (a stored revision, whose jsonb reorders keys, against a
 * fresh parse). A span's `reason` is words, not output: a rule whose description changed does not
 * make a dump worth re-parsing.
 */
export function sameSegments(a: readonly Segment[] | null | undefined, b: readonly Segment[]): boolean {
  const canon = (segs: readonly Segment[]) =>
    JSON.stringify(segs.map((s) => [s.kind, s.start, s.end, s.confidence, s.fields.map((f) => [f.field, f.start, f.end, f.confidence, f.rule ?? null])]));
  return !!a && canon(a) === canon(b);
}

/** one stored dump to check: its text, fetch time (ISO string or null) and latest parser revision's segments (null: none) */
export interface ParseCheck {
  text: string;
  fetchedAt: string | null;
  stored: Segment[] | null;
}

/** dumps to check with the same learned inputs (`memory` may hold the lines of every dump of the task) */
export interface ParseCheckTask {
  items: ParseCheck[];
  memory: LineMemory;
  rules: LearnedRule[];
}

/** For each item, in order: true when parsing it with `memory` and `rules` gives other segments than `stored`. */
export function changedParses({ items, memory, rules }: ParseCheckTask): boolean[] {
  return items.map((i) => !sameSegments(i.stored, parseDump(i.text, { fetchedAt: i.fetchedAt, memory, rules }).segments));
}

/** The keys of each text's lines that the line memory could know (memorableLineKeys), in order. */
export function lineKeysOfEach(texts: string[]): string[][] {
  return texts.map(memorableLineKeys);
}
