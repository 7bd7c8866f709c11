/**
 * What copydesk does with an entry of an archive, zip and tar alike (one rule, files.ts applies it
 * to both): read it as a dump (`.txt`) or a JSON Lines file of dumps (`.jsonl`, `.ndjson`), skip
 * it quietly (a folder, a hidden file, macOS metadata, a file of another type), or refuse it by
 * name (an unsafe path, an archive inside the archive, a link): a refused entry is one failed item
 * and the archive's other entries are still read.
 */

export type EntryKind = 'file' | 'directory' | 'link' | 'other';

export type EntryVerdict = { read: 'dump' | 'jsonl' } | { skip: true } | { refuse: string };

/** archive types copydesk reads: an entry of one of these inside an archive is not unpacked */
const NESTED_ARCHIVE = /\.(zip|tar|tgz|tar\.gz|gz|tbz2?|tar\.bz2|bz2|txz|tar\.xz|xz|7z|rar)$/i;
const DUMP = /\.txt$/i;
const JSON_LINES = /\.(jsonl|ndjson)$/i;

/** Why an entry's path is unsafe to take (it could name a place outside the archive), or null. */
export function unsafeEntryPath(name: string): string | null {
  if (name.includes('\\')) return 'its path holds a backslash (\\): archive paths are separated by "/", so this name is ambiguous';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'its path is absolute: an archive entry\'s path must be relative to the archive';
  if (name.split('/').includes('..')) return 'its path holds "..": an archive entry must not point outside the archive';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'its path holds a control character';
  return null;
}

/** The one rule for an archive entry named `name` (its path inside the archive) of kind `kind`. */
export function classifyEntry(name: string, kind: EntryKind): EntryVerdict {
  if (kind === 'directory' || name.endsWith('/')) return { skip: true };
  const unsafe = unsafeEntryPath(name);
  if (unsafe) return { refuse: `the entry is not read: ${unsafe}` };
  const base = name.split('/').pop() ?? name;
  // macOS metadata (__MACOSX/, ._name) and hidden files are never dumps
  if (base.startsWith('.') || name.split('/').includes('__MACOSX')) return { skip: true };
  if (NESTED_ARCHIVE.test(name)) return { refuse: 'the entry is an archive inside the archive, which copydesk does not unpack: unpack it and import its files, or import it on its own' };
  const read = DUMP.test(name) ? 'dump' : JSON_LINES.test(name) ? 'jsonl' : null;
  if (!read) return { skip: true };
  if (kind === 'link') return { refuse: 'the entry is a link, not a file: copydesk reads the files of an archive only' };
  if (kind !== 'file') return { refuse: 'the entry is not a regular file' };
  return { read };
}
