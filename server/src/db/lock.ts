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

/** the data folder is held by another live copydesk process */
export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`the data folder ${dataDir} is in use by process ${pid} (another copydesk?)`);
  }
}

/** Marks `dataDir` as this process's; returns the unlock. Throws DataDirInUseError when another live process holds it. */
export function lockDataDir(dataDir: string): () => void {
  const holder = dataDirHolder(dataDir);
  if (holder) throw new DataDirInUseError(dataDir, holder);
  const f = join(dataDir, LOCK);
  writeFileSync(f, String(process.pid));
  return () => rmSync(f, { force: true });
}
