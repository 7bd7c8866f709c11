/** `pnpm parse FILE...` learns from the batch it is given: a first pass collects the lines, the second parses. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { logoDump } from '../helpers/dumps.ts';
import { REPO_ROOT } from '../helpers/paths.ts';

/** the outlet's own line under each story: no prompt cue, so the built-in kind rules keep it as body and only the memory can take it */
const PROMO = 'Valley Times is published by Valley Press from its office on Mill Lane.';
const PLACES = ['Ashby', 'Brightwater', 'Calder', 'Dunmore'];
const WIRE = [
  'Rescue teams reached the flooded valley villages on Wednesday after the river burst its banks overnight, forcing hundreds of families onto upper floors.',
  'Schools in the valley will stay closed until Friday.',
  'The regional authority did not respond to a request for comment.',
];

const dir = mkdtempSync(join(tmpdir(), 'copydesk-cli-parse-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

function parse(files: string[]): { file: string; learned: { rule: string; reason: string; start: number; end: number }[]; articles: { body: string }[] }[] {
  const out = execFileSync(join(REPO_ROOT, 'node_modules/.bin/tsx'), [join(REPO_ROOT, 'server/src/cli.ts'), 'parse', ...files], { encoding: 'utf8' });
  return out.trim().split('\n').map((l) => JSON.parse(l));
}

const local = PLACES.map((p, i) =>
  write(`local-${i}.txt`, logoDump('Valley Times', `${p} opens a new library`, [`${p} opened its new library on Monday after a two-year build that cost the town ${i + 2} million pounds in all.`, PROMO])),
);

describe('pnpm parse over a batch', () => {
  it('marks a line repeated in 3 of the batch\'s stories as publisher boilerplate', () => {
    const lines = parse(local.slice(0, 3));
    for (const l of lines) {
      expect(l.learned.map((x) => [x.rule, x.reason])).toEqual([['line-memory', 'repeated in 3 articles']]);
      expect(l.articles[0]!.body).not.toContain(PROMO);
    }
  });

  it('leaves it in a batch of two stories', () => {
    for (const l of parse(local.slice(0, 2))) {
      expect(l.learned).toEqual([]);
      expect(l.articles[0]!.body).toContain(PROMO);
    }
  });

  it('leaves a syndicated story whole, however many outlets ran it', () => {
    const wire = ['Harbour Post', 'Valley Times', 'Daily Ledger', 'Morning Courier'].map((o, i) => write(`wire-${i}.txt`, logoDump(o, `Floods, take ${i}`, WIRE)));
    for (const l of parse(wire)) {
      expect(l.learned).toEqual([]);
      expect(l.articles[0]!.body).toContain(WIRE[2]);
    }
  });
});
