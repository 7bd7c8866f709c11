/** The line table answers each question as the rules it caches do, for every line of real and own dumps. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify } from './blocks.ts';
import { splitLines } from './lines.ts';
import { LineTable } from './line-table.ts';
import { creditLine } from './fields/credit.ts';
import { lineKind } from './fields/kinds.ts';
import { noiseContext, noiseLineRule } from './fields/noise.ts';
import { REPO_ROOT, SHARED_DUMPS } from '../../../../tests/helpers/paths.ts';

const dumps = [SHARED_DUMPS, join(REPO_ROOT, 'tests/fixtures/dumps')].flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(join(dir, f), 'utf8')),
);

describe('line table', () => {
  it('gives every line the noise rule (with the dump\'s noise context or none), kinds and credit line the rules give', () => {
    expect(dumps.length).toBeGreaterThan(10);
    let taken = 0;
    for (const text of dumps) {
      const ls = classify(text, splitLines(text));
      const table = new LineTable(ls, noiseContext(text));
      ls.forEach((l, i) => {
        // asked twice: the second answer comes from the table
        for (let round = 0; round < 2; round++) {
          expect(table.noiseRule(i)).toBe(noiseLineRule(l.text));
          expect(table.kind(i, true)).toEqual(lineKind(l.text, true));
          expect(table.kind(i, false)).toEqual(lineKind(l.text, false));
          expect(table.credit(i)).toEqual(creditLine(l.text));
        }
        if (table.noiseRule(i) || table.kind(i, true).rule) taken++;
      });
      const last = ls.findLastIndex((l) => l.kind !== 'blank');
      expect(table.lastNonBlank).toBe(last);
    }
    // the dumps hold boilerplate lines: the comparison saw rules that match
    expect(taken).toBeGreaterThan(0);
  });
});
