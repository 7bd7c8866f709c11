import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** PGlite is single-process: the server marks its data folder so that the CLI does not open it too. */
const LOCK = 'copydesk.pid';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** the pid of another live process holding the data folder, or null */
export function dataDirHolder(dataDir: string): number | null {
  const f = join(dataDir, LOCK);
  if (!existsSync(f)) return null;
  const pid = Number(readFileSync(f, 'utf8').trim());
  return Number.isInteger(pid) && pid !== process.pid && alive(pid) ? pid : null;
}

export function lockDataDir(dataDir: string): () => void {
  const holder = dataDirHolder(dataDir);
  if (holder) throw new Error(`the data folder ${dataDir} is in use by process ${holder} (another copydesk?)`);
  const f = join(dataDir, LOCK);
  writeFileSync(f, String(process.pid));
  return () => rmSync(f, { force: true });
}
