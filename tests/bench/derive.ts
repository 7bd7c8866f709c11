/**
 * The boundary editor's hot path, measured: one boundary move on a ~50 KB dump = the edit
 * operation + the partition check + deriving every article (what the browser runs per key
 * press or drag step). Also the gzip size of the dashboard's initial JS.
 *   pnpm exec tsx tests/bench/derive.ts
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { checkPartition, deriveArticles, parseDump, type Segmentation } from '@copydesk/core';
import { applyOp, toEditSegments, type EditSegment } from '../../dashboard/src/lib/segmentation-edit.ts';
import { allHandles, moveOp } from '../../dashboard/src/lib/handles.ts';
import { step } from '../../dashboard/src/lib/text-nav.ts';
import { REPO_ROOT, SHARED_DUMPS, REFERENCE_DUMP } from '../helpers/paths.ts';

/** The reference dump followed by the related blocks of every shared dump, varied, up to `kb`. */
export function buildDump(kb = 50): string {
  let text = readFileSync(join(SHARED_DUMPS, `${REFERENCE_DUMP}.txt`), 'utf8');
  const blocks = readdirSync(SHARED_DUMPS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(SHARED_DUMPS, f), 'utf8'))
    .map((t) => t.split(/\r?\nRelated Articles\r?\n/)[1] ?? '')
    .filter((t) => t.trim());
  for (let round = 0; text.length < kb * 1024; round++) {
    for (const b of blocks) {
      // vary each copy a little so that no two blocks are the same text
      text += `\n\n${b.trim().replace(/^(.+)$/m, `$1 (${round})`)}`;
      if (text.length >= kb * 1024) break;
    }
  }
  return `${text}\n`;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** gzip KB of the JS that index.html loads first (entry + modulepreloads), or undefined before a build. */
export function initialBundleGzipKb(dist = join(REPO_ROOT, 'dashboard/dist')): number | undefined {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) return undefined;
  const html = readFileSync(index, 'utf8');
  const srcs = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/?([^"]+\.js)"/g)].map((m) => m[1]!);
  const bytes = srcs.reduce((n, s) => n + gzipSync(readFileSync(join(dist, s))).length, 0);
  return Math.round((bytes / 1024) * 10) / 10;
}

export async function benchDerive(): Promise<{ dumpKb: number; moveP50Ms: number; moveP99Ms: number; bundleGzipKb?: number }> {
  const text = buildDump(50);
  const parsed = parseDump(text);
  let segments: EditSegment[] = toEditSegments(parsed.segments);
  const asSeg = (segs: EditSegment[]): Segmentation => ({
    ...parsed,
    segments: segs.map((s) => ({ ...s, confidence: 1, fields: s.fields.map((f) => ({ ...f, confidence: 1 })) })),
  });
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const times: number[] = [];
  const moves = 600;
  for (let i = 0; i < moves + 50; i++) {
    const handles = allHandles(segments);
    const h = handles[Math.floor(rand() * handles.length)]!;
    const to = step(text, h.offset, rand() < 0.7 ? 'line' : 'word', rand() < 0.5 ? -1 : 1);
    const t0 = performance.now();
    const r = applyOp(text, segments, moveOp(h, segments, to));
    const next = r.ok ? r.segments : segments;
    const problem = checkPartition(text.length, next);
    if (problem) throw new Error(`a move broke the partition: ${problem.reason}`);
    deriveArticles(text, asSeg(next), {});
    const dt = performance.now() - t0;
    if (i >= 50) times.push(dt); // the first moves warm the JIT
    segments = next;
  }
  times.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const bundleGzipKb = initialBundleGzipKb();
  return {
    dumpKb: Math.round(text.length / 1024),
    moveP50Ms: round(percentile(times, 50)),
    moveP99Ms: round(percentile(times, 99)),
    ...(bundleGzipKb !== undefined ? { bundleGzipKb } : {}),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchDerive().then((r) => console.log(JSON.stringify(r)));
}
