/**
 * Regenerates tests/fixtures/dumps/*.expected.json from the parser's current output.
 *   pnpm fixtures:update <name>|all      (name: "012_logo-glued" or "012_logo-glued.txt")
 * Fixtures are regenerated, never hand-edited: review the diff before committing.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deriveArticles, parseDump } from '@copydesk/core';

export const FIXTURE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/dumps');

/** Capture time used for every fixture, so relative dates derive a fixed publishedAt. */
export const FIXTURE_FETCHED_AT = '2025-07-26T12:00:00.000Z';

/** What a fixture's .expected.json holds: derived articles and the segmentation, minus the version. */
export function expectedFor(text: string): unknown {
  const opts = { fetchedAt: FIXTURE_FETCHED_AT };
  const seg = parseDump(text, opts);
  return {
    template: seg.template,
    confidence: seg.confidence,
    articles: deriveArticles(text, seg, opts).map(({ start, end, confidence, ...a }) => ({ ...a, start, end, confidence })),
    segments: seg.segments.map((s) => ({
      kind: s.kind,
      start: s.start,
      end: s.end,
      confidence: s.confidence,
      fields: s.fields.map((f) => ({ field: f.field, start: f.start, end: f.end, text: text.slice(f.start, f.end) })),
    })),
    warnings: seg.warnings.map((w) => ({ code: w.code, start: w.start, end: w.end })),
    notes: (seg.notes ?? []).map((w) => ({ code: w.code, start: w.start, end: w.end })),
    suspicions: (seg.suspicions ?? []).map((x) => ({ text: text.slice(x.start, x.end).slice(0, 80), suspicion: x.suspicion, reason: x.reason })),
  };
}

export function fixtureNames(): string[] {
  return readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.slice(0, -4))
    .sort();
}

function main(args: string[]): number {
  if (!args.length) {
    process.stderr.write('usage: pnpm fixtures:update <name>|all\n');
    return 2;
  }
  const all = fixtureNames();
  const names = args.includes('all') ? all : args.map((a) => a.replace(/\.(txt|expected\.json)$/u, ''));
  let failed = 0;
  for (const name of names) {
    if (!all.includes(name)) {
      process.stderr.write(`no fixture ${name}.txt in ${FIXTURE_DIR}\n`);
      failed++;
      continue;
    }
    const text = readFileSync(join(FIXTURE_DIR, `${name}.txt`), 'utf8');
    writeFileSync(join(FIXTURE_DIR, `${name}.expected.json`), JSON.stringify(expectedFor(text), null, 2) + '\n');
    process.stdout.write(`updated ${name}.expected.json\n`);
  }
  return failed ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
