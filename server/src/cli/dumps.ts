/**
 * Which files the CLI reads as dumps (`parse`, `import`): `.txt` dumps, `.jsonl` files of dumps,
 * and `.zip` / `.tar.gz` / `.tgz` / `.tar` archives of them; a folder stands for the files of
 * those types in it (sorted, hidden files skipped, sub-folders too).
 */
import { readdirSync, statSync } from 'node:fs';
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

/**
 * The files `paths` name: a file as itself (whatever its type: the caller decides what to do
 * with a type it does not read), a folder as the readable files in it. Throws the fs error
 * (ENOENT ...) of a path that cannot be listed.
 */
export function listDumpFiles(paths: string[]): Listing {
  const out: Listing = { files: [], skippedInFolders: 0 };
  const walk = (path: string, top: boolean) => {
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) if (!name.startsWith('.')) walk(join(path, name), false);
    } else if (top || DUMP_FILES.test(path) || ARCHIVES.test(path)) out.files.push(path);
    else out.skippedInFolders++;
  };
  for (const p of paths) walk(p, true);
  return out;
}
