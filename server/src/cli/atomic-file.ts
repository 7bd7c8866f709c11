/**
 * Files the CLI writes whole (`export --out`): written to `<path>.partial` and renamed over `path`
 * only once complete, so a failure, a crash or Ctrl-C never leaves a half-written file nor wipes
 * the one written before; a failure or SIGINT/SIGTERM removes the .partial file.
 */
import { createWriteStream, openSync, renameSync, rmSync, type WriteStream } from 'node:fs';
import { CliError } from './errors.ts';

/** the name a file is written under until it is complete */
export const partialPath = (path: string) => `${path}.partial`;

/** `cannot write PATH: why` for an error opening or writing it */
function cannotWrite(path: string, e: unknown): CliError {
  const code = (e as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'its folder does not exist' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (e as Error).message;
  return new CliError(`cannot write ${path}: ${why}`);
}

/**
 * Runs `write` on a stream to `<path>.partial`, then renames it over `path`. `write` gets the
 * stream and a promise that rejects when the stream fails (a full disk): race its waits with it.
 * On any failure of `write` or of the stream the .partial file is removed and `path` is left as it
 * was; on SIGINT/SIGTERM meanwhile too, then the process exits 130 (143). Throws CliError naming
 * `path` when it cannot be written (no such folder, no permission), else what `write` threw.
 */
export async function writeFileAtomically<T>(path: string, write: (out: WriteStream, failed: Promise<never>) => Promise<T>): Promise<T> {
  const partial = partialPath(path);
  let out: WriteStream;
  try {
    out = createWriteStream(partial, { fd: openSync(partial, 'w') });
  } catch (e) {
    throw cannotWrite(path, e);
  }
  const remove = () => {
    out.destroy();
    rmSync(partial, { force: true });
  };
  const onSignal = (signal: NodeJS.Signals) => {
    remove();
    process.stderr.write(`copydesk: stopped by ${signal}; ${path} was not changed\n`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const failed = new Promise<never>((_, fail) => out.once('error', (e) => fail(cannotWrite(path, e))));
  failed.catch(() => {});
  try {
    const result = await write(out, failed);
    await Promise.race([new Promise<void>((done) => out.end(done)), failed]);
    renameSync(partial, path);
    return result;
  } catch (e) {
    remove();
    throw e;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
