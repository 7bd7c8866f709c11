/**
 * Another checkout of the repository (an older parser) loaded into this process, for the parser
 * benchmarks that compare two trees side by side (parser-ab.ts: speed, parser-same.ts: output).
 * OTHER_CHECKOUT is a directory holding another version of the repository with its dependencies
 * reachable (e.g. `git archive OLD | tar -x -C /tmp/old` and a symlink to node_modules); its
 * ../shared must be the same shared folder.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ParseOptions, Segmentation } from '@copydesk/core';
import type { learnedInputs } from './parser.ts';

/** One tree's parser entry points. */
export interface Checkout {
  root: string;
  parse: (text: string, opts: ParseOptions) => Segmentation;
  derive: (text: string, seg: Segmentation) => unknown[];
  /** the checkout's own learnedInputs (its line keys), or undefined when its bench has none */
  learnedInputs?: typeof learnedInputs;
}

/** Where a checkout keeps the parser: `server/core/src` (the @copydesk/core package) or, before it, `server/src`. */
export function coreOf(root: string): string {
  const core = resolve(root, 'server/core/src');
  return existsSync(core) ? core : resolve(root, 'server/src');
}

/** Loads the checkout at `root` (its parseDump, deriveArticles and bench learnedInputs). */
export async function loadCheckout(root: string): Promise<Checkout> {
  const dir = resolve(root);
  const bench = (await import(resolve(dir, 'tests/bench/parser.ts'))) as { learnedInputs?: typeof learnedInputs };
  return {
    root: dir,
    parse: ((await import(resolve(coreOf(dir), 'parse/index.ts'))) as { parseDump: Checkout['parse'] }).parseDump,
    derive: ((await import(resolve(coreOf(dir), 'derive/articles.ts'))) as { deriveArticles: Checkout['derive'] }).deriveArticles,
    ...(bench.learnedInputs ? { learnedInputs: bench.learnedInputs } : {}),
  };
}
