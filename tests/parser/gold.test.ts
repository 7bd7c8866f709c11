/**
 * The parser against the gold annotations in ../shared/dumps and ../shared/cases (read at test time, never copied
 * into the repo), compared the way shared/tools/eval-parse.mjs compares: strings with runs of
 * white space folded, bylines without a leading "By", and no notBody line in any body.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { deriveArticles, parseDump } from '@copydesk/core';
import { mismatches } from '../helpers/gold.ts';
import type { Gold } from '../helpers/gold.ts';
import { checkInvariants } from './invariants.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const GOLD_DIR = resolve(repoRoot, '../shared/dumps');

/**
 * Gold files the parser does not match yet, each with the reason. The test asserts they still
 * fail, so fixing one forces removing it from this list.
 */
const KNOWN_FAILURES: Record<string, string> = {};

/**
 * The gold sets: the shared dumps, the shared cases (phenomena from public extractor bug reports)
 * and the own synthetic fixtures that carry a .gold.json (tests/fixtures/dumps).
 */
const SETS: [string, string][] = [
  ['gold dumps (../shared/dumps)', GOLD_DIR],
  ['gold cases (../shared/cases)', resolve(repoRoot, '../shared/cases')],
  ['own fixtures with gold (tests/fixtures/dumps)', resolve(repoRoot, 'tests/fixtures/dumps')],
];

for (const [title, dir] of SETS) {
  const goldFiles = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.gold.json')).sort() : [];
  describe(title, () => {
    it('finds the gold files', () => {
      expect(goldFiles.length, `no gold files in ${dir}`).toBeGreaterThan(0);
    });
    for (const g of goldFiles) {
      it(g, () => {
        const gold = JSON.parse(readFileSync(join(dir, g), 'utf8')) as Gold;
        const text = readFileSync(join(dir, gold.file), 'utf8');
        const seg = parseDump(text);
        checkInvariants(text, seg);
        const miss = mismatches(gold, deriveArticles(text, seg));
        if (KNOWN_FAILURES[g]) {
          expect(miss.length, `${g} now passes: remove it from KNOWN_FAILURES`).toBeGreaterThan(0);
        } else {
          expect(miss).toEqual([]);
        }
      });
    }
    it('lists only existing gold files as known failures', () => {
      for (const k of Object.keys(KNOWN_FAILURES)) if (dir === GOLD_DIR) expect(goldFiles).toContain(k);
    });
  });
}
