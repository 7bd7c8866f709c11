/**
 * Whether this checkout's parser gives byte for byte the same output as another checkout's (a
 * speed change must not change what the parser says): for every dump of ../shared/dumps,
 * ../shared/cases, tests/fixtures/dumps and the parser benchmark's corpus (tests/bench/parser.ts
 * buildCorpus), once without and once with the learned inputs (each tree's own learnedInputs over
 * that corpus), the JSON of parseDump's segmentation and of deriveArticles' articles.
 *
 *   pnpm tsx tests/bench/parser-same.ts OTHER_CHECKOUT
 *
 * OTHER_CHECKOUT: see checkout.ts. Prints how many outputs were compared and the first ones that
 * differ (dump, mode, first differing character); exits 1 when any differs.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deriveArticles, parseDump } from '@copydesk/core';
import type { ParseOptions } from '@copydesk/core';
import { REPO_ROOT } from '../helpers/paths.ts';
import { buildCorpus, learnedInputs } from './parser.ts';
import { loadCheckout, type Checkout } from './checkout.ts';

const FETCHED_AT = '2025-07-26T12:00:00.000Z';
const SHOWN = 5;

/** [name, text] of each .txt dump in `dir`, in name order (none when the folder is missing). */
function dumpsIn(dir: string): [string, string][] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f): [string, string] => [`${dir}/${f}`, readFileSync(join(dir, f), 'utf8')]);
}

/** The JSON a tree gives for one dump: segmentation and derived articles. */
function output(tree: Pick<Checkout, 'parse' | 'derive'>, text: string, opts: ParseOptions): string {
  const seg = tree.parse(text, opts);
  return JSON.stringify({ seg, articles: tree.derive(text, seg) });
}

async function main(): Promise<void> {
  const other = process.argv[2];
  if (!other) throw new Error('usage: pnpm tsx tests/bench/parser-same.ts OTHER_CHECKOUT');
  const o = await loadCheckout(other);
  const pool = buildCorpus();
  const dumps: [string, string][] = [
    ...dumpsIn(resolve(REPO_ROOT, '../shared/dumps')),
    ...dumpsIn(resolve(REPO_ROOT, '../shared/cases')),
    ...dumpsIn(resolve(REPO_ROOT, 'tests/fixtures/dumps')),
    ...pool.map((t, i): [string, string] => [`corpus #${i}`, t]),
  ];
  const mine = learnedInputs(pool);
  const theirs = o.learnedInputs?.(pool) ?? mine;
  let compared = 0;
  let differ = 0;
  for (const [name, text] of dumps) {
    for (const learned of [false, true]) {
      const a = output({ parse: parseDump, derive: deriveArticles }, text, { fetchedAt: FETCHED_AT, ...(learned ? mine : {}) });
      const b = output(o, text, { fetchedAt: FETCHED_AT, ...(learned ? theirs : {}) });
      compared++;
      if (a === b) continue;
      differ++;
      if (differ <= SHOWN) {
        let k = 0;
        while (k < a.length && a.charCodeAt(k) === b.charCodeAt(k)) k++;
        process.stdout.write(`differs: ${name} (${learned ? 'learned' : 'plain'}) at character ${k}: ${JSON.stringify(a.slice(k, k + 80))} vs ${JSON.stringify(b.slice(k, k + 80))}\n`);
      }
    }
  }
  process.stdout.write(`${compared} outputs compared (${dumps.length} dumps, plain and learned): ${differ ? `${differ} differ` : 'all identical'}\n`);
  if (differ) process.exitCode = 1;
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exitCode = 1;
});
