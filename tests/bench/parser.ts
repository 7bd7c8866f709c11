/**
 * Parser throughput benchmark: parse + derive a corpus of >= 50 MB built by repeating and
 * varying the real dumps (../shared/dumps, read at run time) and the synthetic fixtures, on one
 * thread, in several timed passes (median reported): the parser alone (parseDump), and parse +
 * derive, alternating. MB counts 10^6 UTF-16 code units of dump text; seconds are the process's CPU time. Run alone: `pnpm tsx tests/bench/parser.ts` prints the figures.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deriveArticles, lineKey, lineShape, parseDump, type ParseOptions } from '@copydesk/core';
import { rng } from './rng.ts';
import { MemoryCollector, sightingsOf } from '@copydesk/server/learn/sightings.ts';

const here = dirname(fileURLToPath(import.meta.url));
const SHARED = resolve(here, '../../../shared/dumps');
const FIXTURES = resolve(here, '../fixtures/dumps');
const TARGET_MB = 50;
const FETCHED_AT = '2025-07-26T12:00:00.000Z';

function readDumps(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .filter((t) => t.length > 0);
}


/** One variant of a dump: CRLF, a truncated capture, a dropped or duplicated line, or as is. */
function vary(text: string, r: () => number): string {
  const k = r();
  if (k < 0.15) return text.replace(/\n/gu, '\r\n');
  if (k < 0.35) return text.slice(0, Math.max(1, Math.floor(text.length * (0.3 + 0.7 * r()))));
  if (k < 0.6) {
    const lines = text.split('\n');
    const at = Math.floor(r() * lines.length);
    if (k < 0.5) lines.splice(at, 1);
    else lines.splice(at, 0, lines[at] ?? '');
    return lines.join('\n');
  }
  return text;
}

/** A pool of distinct variants; the benchmark cycles through it until TARGET_MB is parsed. */
export function buildCorpus(): string[] {
  const base = [...readDumps(SHARED), ...readDumps(FIXTURES)];
  if (!base.length) throw new Error(`no dumps found in ${SHARED} or ${FIXTURES}`);
  const r = rng(20250726);
  const pool: string[] = [...base];
  for (let i = 0; i < 40; i++) for (const t of base) pool.push(vary(t, r));
  return pool;
}

/** Timed passes over TARGET_MB each; the figure is their median (the machines are shared and noisy). */
const PASSES = 5;

export interface ParserBench {
  /** parseDump alone: text to segmentation (the parser) */
  parseMbPerSec: number;
  /** parseDump + deriveArticles (what an import does before it writes) */
  mbPerSec: number;
  peakRssMb: number;
  heapDeltaMb: number;
  corpusMb: number;
  /**
   * The machine's speed during the passes: CPU nanoseconds per code unit of a fixed reference
   * loop (referenceNsPerChar), median of one measurement per pass. CPU time grows when other
   * processes share the core, so MB/s figures of two runs compare only when their references are
   * close (or scaled by them).
   */
  referenceNsPerChar: number;
}

const REFERENCE_TEXT = 'The quick brown fox jumps over the lazy dog. '.repeat(2000);

/** CPU ns per code unit of a plain loop (a multiplicative hash over REFERENCE_TEXT, 20 rounds): the machine's speed right now. */
export function referenceNsPerChar(): number {
  const t = REFERENCE_TEXT;
  let h = 0;
  const cpu0 = process.cpuUsage();
  for (let r = 0; r < 20; r++) for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 2654435761);
  const cpu = process.cpuUsage(cpu0);
  // h is used so that the loop cannot be dropped
  return ((cpu.user + cpu.system) * 1000) / (20 * t.length) + (h === 0.5 ? 1 : 0);
}

/**
 * Learned inputs as an import passes them: the line memory of the whole corpus (collected as
 * `pnpm parse` does), RULES editors' rules, half naming real body lines of the corpus, and the
 * shape rules of SHAPE_FIXES.
 */
export function learnedInputs(pool: readonly string[]): Pick<ParseOptions, 'memory' | 'rules'> {
  const collector = new MemoryCollector();
  const lines: string[] = [];
  pool.forEach((t, i) => {
    const seg = parseDump(t, { fetchedAt: FETCHED_AT });
    const sightings = sightingsOf(t, seg, deriveArticles(t, seg), `bench:${i}`);
    collector.add(sightings);
    for (const s of sightings) lines.push(s.text);
  });
  const r = rng(7);
  const rules = Array.from({ length: RULES }, (_, i) => ({
    name: `rule:${i + 1}`,
    key: i % 2 ? lineKey(`a promo line no dump holds, number ${i}`) : lineKey(lines[Math.floor(r() * lines.length)] ?? ''),
    source: i % 3 ? null : 'yahoo',
  }));
  return { memory: collector.memory(), rules: [...rules, ...shapeRules()] };
}
const RULES = 50;

/** Shape rules as editors make them from byline and date fixes (parse/shape.ts), everywhere: every article's credit zone is matched against each. */
const SHAPE_FIXES: [line: string, marked: string, field: 'byline' | 'published'][] = [
  ['Jane Doe, Senior Correspondent', 'Jane Doe', 'byline'],
  ['By Jane Doe | Culture desk', 'Jane Doe', 'byline'],
  ['Words: Jane Doe / Harbour Post', 'Jane Doe', 'byline'],
  ['Posted 09:30 GMT, 12 March 2024 - last modified 10:00 GMT, 12 March 2024', '09:30 GMT, 12 March 2024', 'published'],
  ['Filed at 09:30 on 12/03/2024', '09:30 on 12/03/2024', 'published'],
];
function shapeRules() {
  return SHAPE_FIXES.map(([line, marked, field], i) => ({
    name: `rule:${RULES + i + 1}`,
    action: field,
    key: lineShape(line, line.indexOf(marked), line.indexOf(marked) + marked.length, field),
    source: null,
  }));
}

/** `learned`: parse with the line memory and rules as inputs (learnedInputs). */
export async function benchParser(opts: { learned?: boolean } = {}): Promise<ParserBench & { memoryLines?: number; rules?: number }> {
  const pool = buildCorpus();
  const learned = opts.learned ? learnedInputs(pool) : {};
  const parseOpts: ParseOptions = { fetchedAt: FETCHED_AT, ...learned };
  const gc = (globalThis as { gc?: () => void }).gc;
  // warm up the JIT on two passes over the pool
  for (let w = 0; w < 2; w++) for (const t of pool) deriveArticles(t, parseDump(t, parseOpts));
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let peakRss = process.memoryUsage().rss;
  let articles = 0;
  let segments = 0;
  let chars = 0;
  const rates = { parse: [] as number[], both: [] as number[] };
  const reference: number[] = [];
  let i = 0;
  // the two measurements alternate pass by pass, so that both see the same machine
  for (let pass = 0; pass < 2 * PASSES; pass++) {
    const derive = pass % 2 === 1;
    chars = 0;
    const cpu0 = process.cpuUsage();
    for (; chars < TARGET_MB * 1e6; i++) {
      const t = pool[i % pool.length]!;
      const seg = parseDump(t, parseOpts);
      if (derive) articles += deriveArticles(t, seg).length;
      else segments += seg.segments.length;
      chars += t.length;
      if ((i & 1023) === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }
    const cpu = process.cpuUsage(cpu0);
    // CPU time of this process, not wall time: the figure stays put on a busy machine
    (derive ? rates.both : rates.parse).push(chars / 1e6 / ((cpu.user + cpu.system) / 1e6));
    reference.push(referenceNsPerChar());
  }
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  gc?.();
  const heapAfter = process.memoryUsage().heapUsed;
  if (articles === 0 || segments === 0) throw new Error('benchmark parsed no articles');
  const round = (x: number): number => Math.round(x * 10) / 10;
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1]!;
  return {
    parseMbPerSec: round(median(rates.parse)),
    mbPerSec: round(median(rates.both)),
    peakRssMb: round(peakRss / 1e6),
    heapDeltaMb: round((heapAfter - heapBefore) / 1e6),
    corpusMb: round(chars / 1e6),
    referenceNsPerChar: Math.round(median(reference) * 100) / 100,
    ...(learned.memory ? { memoryLines: learned.memory.lines.size, rules: learned.rules?.length ?? 0 } : {}),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  benchParser({ learned: process.argv.includes('--learned') }).then(
    (r) => process.stdout.write(JSON.stringify(r) + '\n'),
    (e: unknown) => {
      process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
