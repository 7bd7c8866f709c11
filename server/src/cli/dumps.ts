/**
 * Which files the CLI reads as dumps (`parse`, `import`): `.txt` dumps, `.jsonl` files of dumps,
 * and `.zip` / `.tar.gz` / `.tgz` / `.tar` archives of them; a folder stands for the regular files
 * of those types in it (sorted, hidden files skipped, sub-folders too, links to folders not followed).
 */
import { lstatSync, readdirSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';

export const DUMP_FILES = /\.(txt|jsonl|ndjson)$/i;
export const ARCHIVES = /\.(zip|tar\.gz|tgz|tar)$/i;
export const JSON_LINES = /\.(jsonl|ndjson)$/i;
/** the one line that says what the CLI reads */
export const READABLE = 'copydesk reads .txt, .jsonl, .zip, .tar.gz, .tgz and .tar files';

export interface Listing {
  /** the files to read, in order: each path given, or the readable files of a folder given */
  files: string[];
  /** files of other types inside the folders given (not read) */
  skippedInFolders: number;
}

/** what the link at `path` leads to, or null when it leads nowhere (dangling, or a loop: ELOOP) */
function linkTarget(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/**
 * The files `paths` name: a path given as itself (whatever its type, a FIFO too: the caller
 * decides what to do with a type it does not read), a folder as the readable files in it. Inside a
 * folder only regular files (or links to them) are read: a FIFO, socket or device named `x.txt`
 * would block the read forever, and a link to a folder is not walked (a link to an ancestor loops
 * until ELOOP and lost the whole folder); both count in `skippedInFolders`. Throws the fs error
 * (ENOENT ...) of a path that cannot be listed.
 */
export function listDumpFiles(paths: string[]): Listing {
  const out: Listing = { files: [], skippedInFolders: 0 };
  const walk = (path: string, top: boolean) => {
    // inside a folder, a link is read only when it leads to a regular file (not a folder, a FIFO, nothing, or a loop)
    if (!top && lstatSync(path).isSymbolicLink() && !linkTarget(path)?.isFile()) {
      out.skippedInFolders++;
      return;
    }
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const name of readdirSync(path).sort()) if (!name.startsWith('.')) walk(join(path, name), false);
    } else if (top || (stat.isFile() && (DUMP_FILES.test(path) || ARCHIVES.test(path)))) out.files.push(path);
    else out.skippedInFolders++;
  };
  for (const p of paths) walk(p, true);
  return out;
}
