/** Whether copydesk's build (server/dist, dashboard/dist; scripts/build.ts) is older than its sources. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** written last by a build: its time is the build's */
export const STAMP = join(ROOT, 'server/dist/.built');
/** what a build reads: a change to any of these makes it stale */
const INPUTS = ['server/src', 'server/core/src', 'server/core/package.json', 'server/scripts', 'server/package.json', 'schema/src', 'schema/package.json', 'dashboard/src', 'dashboard/index.html', 'dashboard/package.json', 'dashboard/vite.config.ts', 'pnpm-lock.yaml'];

/** the newest modification time (ms) under `path` */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let t = st.mtimeMs;
  for (const e of readdirSync(path)) t = Math.max(t, newest(join(path, e)));
  return t;
}

/** true when there is no build or a source is newer than it (a walk of the source folders: a few ms) */
export function isStale(): boolean {
  if (!existsSync(STAMP)) return true;
  const built = statSync(STAMP).mtimeMs;
  return INPUTS.some((p) => newest(join(ROOT, p)) > built);
}
