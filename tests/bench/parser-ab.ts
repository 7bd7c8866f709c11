/**
 * Parser throughput of this checkout against another one (an older parser), side by side in one
 * process: the same corpus as tests/bench/parser.ts (buildCorpus, learnedInputs), each tree's own
 * parseDump and deriveArticles, timed passes of PASS_MB alternating between the two trees so that
 * both see the same machine. Four figures per tree, MB/s of CPU time (10^6 UTF-16 code units of
 * dump text per CPU second, one thread): parse-only and parse + derive, without and with the
 * learned inputs (line memory + editors' rules).
 *
 *   pnpm tsx tests/bench/parser-ab.ts OTHER_CHECKOUT [--passes N]
 *
 * OTHER_CHECKOUT: see checkout.ts. Prints one JSON object per tree: medians and maxima. That
 * both trees give the same output is checked by parser-same.ts.
 */
import { parseArgs } from 'node:util';
import { buildCorpus, learnedInputs } from './parser.ts';
import { deriveArticles, parseDump } from '@copydesk/core';
import type { ParseOptions, Segmentation } from '@copydesk/core';
import { REPO_ROOT } from '../helpers/paths.ts';
import { loadCheckout } from './checkout.ts';

const PASS_MB = 8;
const FETCHED_AT = '2025-07-26T12:00:00.000Z';

interface Tree {
  name: string;
  parse: (text: string, opts: ParseOptions) => Segmentation;
  derive: (text: string, seg: Segmentation) => unknown[];
  learned: Pick<ParseOptions, 'memory' | 'rules'>;
}

/** MB/s of CPU time for one pass of PASS_MB over the pool. */
function pass(tree: Tree, pool: readonly string[], learned: boolean, derive: boolean, from: number): number {
  const opts: ParseOptions = { fetchedAt: FETCHED_AT, ...(learned ? tree.learned : {}) };
  const cpu0 = process.cpuUsage();
  let chars = 0;
  for (let i = from; chars < PASS_MB * 1e6; i++) {
    const t = pool[i % pool.length]!;
    const seg = tree.parse(t, opts);
    if (derive) tree.derive(t, seg);
    chars += t.length;
  }
  const cpu = process.cpuUsage(cpu0);
  return chars / 1e6 / ((cpu.user + cpu.system) / 1e6);
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { passes: { type: 'string', default: '8' } } });
  const other = positionals[0];
  if (!other) throw new Error('usage: pnpm tsx tests/bench/parser-ab.ts OTHER_CHECKOUT [--passes N]');
  const pool = buildCorpus();
  // each tree's learned inputs are built by its own code (its line keys), from the same corpus
  const o = await loadCheckout(other);
  const learned = learnedInputs(pool);
  const trees: Tree[] = [
    { name: REPO_ROOT, parse: parseDump, derive: deriveArticles, learned },
    // a checkout whose bench has no learnedInputs gets this one's (the same key format)
    { name: o.root, parse: o.parse, derive: o.derive, learned: o.learnedInputs?.(pool) ?? learned },
  ];
  const modes = [
    ['parse', false, false],
    ['parseDerive', false, true],
    ['learnedParse', true, false],
    ['learnedParseDerive', true, true],
  ] as const;
  // warm up the JIT: one pass (more than twice the pool) per tree and mode
  for (const tree of trees) for (const [, learned, derive] of modes) pass(tree, pool, learned, derive, 0);
  const rates = trees.map(() => new Map<string, number[]>(modes.map(([m]) => [m, []])));
  const passes = Number(values.passes);
  let from = 0;
  for (let p = 0; p < passes; p++) {
    for (const [mode, learned, derive] of modes) {
      // alternate which tree goes first
      for (let k = 0; k < 2; k++) {
        const t = (p + k) % 2;
        rates[t]!.get(mode)!.push(pass(trees[t]!, pool, learned, derive, from));
      }
      from += 997;
    }
  }
  const round = (x: number): number => Math.round(x * 10) / 10;
  trees.forEach((tree, t) => {
    const out: Record<string, unknown> = { tree: tree.name };
    for (const [mode] of modes) {
      const xs = rates[t]!.get(mode)!.sort((a, b) => a - b);
      out[mode] = { median: round(xs[xs.length >> 1]!), max: round(xs[xs.length - 1]!) };
    }
    process.stdout.write(JSON.stringify(out) + '\n');
  });
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exitCode = 1;
});

