/**
 * Memory of `pnpm start` on the embedded database: the built server (server/dist/main.js, what
 * `pnpm start` runs; `pnpm build` first) on a fresh temp data folder (first start: initdb,
 * migrations, the sample import and its enrichment) and then again on the same folder (restart).
 * Reports, per start, the RSS peak and the RSS once settled (sampled from /proc every 250 ms, from
 * the spawn until SETTLE_MS after the start banner), in MB.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/paths.ts';

/** how long after the banner a start is watched: the samples' enrichment runs in this time */
const SETTLE_MS = 30_000;

/** the resident set of process `pid` in MB (VmRSS), or null when it is gone */
function rssMb(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

interface StartMemory {
  peakMb: number;
  settledMb: number;
  /** seconds from the spawn to the start banner */
  bannerSeconds: number;
}

function startOnce(dataDir: string): Promise<StartMemory> {
  return new Promise((ok, fail) => {
    const t0 = Date.now();
    const child = spawn(process.execPath, ['--max-semi-space-size=64', join(REPO_ROOT, 'server/dist/main.js'), '--port', '0', '--data-dir', dataDir], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: '', COPYDESK_EDITOR_TOKEN: '', NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    let banner = 0;
    let peak = 0;
    let last = 0;
    child.stdout.on('data', (d: Buffer) => {
      out += d;
      if (!banner && out.includes('copydesk is running')) banner = Date.now();
    });
    const timer = setInterval(() => {
      const rss = rssMb(child.pid!);
      if (rss !== null) {
        peak = Math.max(peak, rss);
        last = rss;
      }
      if (banner && Date.now() - banner > SETTLE_MS) {
        clearInterval(timer);
        child.kill('SIGINT');
      }
    }, 250);
    child.on('error', fail);
    child.on('close', (code) => {
      clearInterval(timer);
      if (!banner) return fail(new Error(`the server did not start (exit ${code}): ${out}`));
      ok({ peakMb: peak, settledMb: last, bannerSeconds: Math.round((banner - t0) / 100) / 10 });
    });
  });
}

export async function benchStart(log: (s: string) => void): Promise<{ firstStart: StartMemory; restart: StartMemory }> {
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-bench-start-'));
  try {
    const firstStart = await startOnce(join(dir, 'data'));
    log(`first start: ${JSON.stringify(firstStart)}`);
    const restart = await startOnce(join(dir, 'data'));
    log(`restart: ${JSON.stringify(restart)}`);
    return { firstStart, restart };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
