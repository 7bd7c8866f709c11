/**
 * `copydesk import PATH...`: sends dumps to a running copydesk through its API, with a progress
 * line, bounded concurrency, a summary, and a journal so that a second run resumes where the
 * first stopped.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { loadCliEnv } from '../env.ts';
import { createClient, type GqlClient } from './client.ts';
import { CliError, UsageError } from './errors.ts';
import { readArgs, wholeNumberFlag } from './args.ts';
import { decodeText, NotUtf8Error, parseJsonLines } from '../import/read-text.ts';
import { ARCHIVES, DUMP_FILES, JSON_LINES, listDumpFiles, READABLE } from './dumps.ts';

/** JSON requests stay well under the server's request limit (1 MB by default) */
const MAX_BATCH_BYTES = 700 * 1024;

const RESULT = `total created unchanged failed items { filename result { __typename ... on Error { code message } ... on ImportDumpPayload { created } } }`;
const IMPORT_MANY = `mutation($inputs: [ImportDumpInput!]!, $dryRun: Boolean) { importDumps(inputs: $inputs, dryRun: $dryRun) { __typename ... on Error { code message } ... on ImportBatchResult { ${RESULT} } } }`;
const IMPORT_FILE = `mutation($file: File!, $dryRun: Boolean) { importDumpFile(file: $file, dryRun: $dryRun) { __typename ... on Error { code message } ... on ImportBatchResult { ${RESULT} } } }`;

interface BatchAnswer {
  __typename: string;
  code?: string;
  message?: string;
  total: number;
  created: number;
  unchanged: number;
  failed: number;
  items: { filename: string | null; result: { __typename: string; code?: string; message?: string; created?: boolean } }[];
}

type Work =
  | { kind: 'dumps'; label: string; dumps: { text: string; filename: string; url?: string | null; fetchedAt?: string | null; key: string }[]; bytes: number }
  /** an archive from disk, or one dump too big for a JSON batch (`inline`), sent as an upload */
  | { kind: 'file'; label: string; path: string; key: string; inline?: { text: string; filename: string } };

const sha = (s: string | Uint8Array) => createHash('sha256').update(s).digest('hex');

/** turns files into units of work: batches of dumps (JSON) and whole archives or big dumps (uploads) */
function plan(files: string[], done: Set<string>): { work: Work[]; dumps: number; skipped: number; invalid: string[] } {
  const work: Work[] = [];
  const invalid: string[] = [];
  let batch: Extract<Work, { kind: 'dumps' }> | null = null;
  /** units of progress: one per dump, and one per archive (its dumps are counted when it is read) */
  let dumps = 0;
  let skipped = 0;
  const push = (d: Extract<Work, { kind: 'dumps' }>['dumps'][number]) => {
    if (done.has(d.key)) return void skipped++;
    dumps++;
    const size = Buffer.byteLength(d.text) + 200;
    if (size > MAX_BATCH_BYTES) {
      work.push({ kind: 'file', label: d.filename, path: '', key: d.key, inline: d });
      return;
    }
    if (!batch || batch.bytes + size > MAX_BATCH_BYTES || batch.dumps.length >= 50) {
      batch = { kind: 'dumps', label: d.filename, dumps: [], bytes: 0 };
      work.push(batch);
    }
    batch.dumps.push(d);
    batch.bytes += size;
  };
  for (const file of files) {
    if (ARCHIVES.test(file)) {
      const st = statSync(file);
      const key = `file:${resolve(file)}:${st.size}:${st.mtimeMs}`;
      if (done.has(key)) skipped++;
      else {
        dumps++;
        work.push({ kind: 'file', label: file, path: file, key });
      }
      continue;
    }
    // strictly UTF-8 (read-text.ts): a Latin-1 file is refused by name, never stored with U+FFFD in it
    let text: string;
    try {
      text = decodeText(file, readFileSync(file));
    } catch (e) {
      if (!(e instanceof NotUtf8Error)) throw e;
      invalid.push(`${file}: ${e.code}: ${e.message}`);
      continue;
    }
    if (JSON_LINES.test(file)) {
      for (const l of parseJsonLines(basename(file), text)) {
        if ('error' in l) invalid.push(`${l.error.code}: ${l.error.message}`);
        else push({ text: l.input.text, filename: l.input.filename ?? l.name, url: l.input.url ?? null, fetchedAt: (l.input.fetchedAt as string | null) ?? null, key: sha(l.input.text) });
      }
    } else {
      push({ text, filename: basename(file), key: sha(text) });
    }
  }
  return { work, dumps, skipped, invalid };
}

/**
 * What a journal line is keyed by: the server's URL and the identity of its database (the
 * `databaseId` it reports), hashed. Throws a CliError when the server cannot be reached.
 */
async function journalTarget(client: GqlClient): Promise<string> {
  let id: string;
  try {
    id = (await client.request<{ databaseId: string }>('{ databaseId }')).databaseId;
  } catch (e) {
    if (e instanceof CliError) throw e;
    if ((e as { code?: string }).code === 'UNAUTHENTICATED') throw new CliError(`the server refused the token: ${(e as Error).message}`);
    throw new CliError(`${client.url} did not say which database it serves (${(e as Error).message}): is it a copydesk server of this version?`);
  }
  return sha(`${client.url}\n${id}`).slice(0, 32);
}

/**
 * The keys a journal holds for `target` (lines `target<TAB>key`; lines of other targets and older
 * journals do not count, nor a last line without its newline: an append cut short by a crash).
 */
function journalKeys(text: string, target: string): string[] {
  return text.split('\n').slice(0, -1).flatMap((line) => {
    const tab = line.indexOf('\t');
    return tab > 0 && line.slice(0, tab) === target ? [line.slice(tab + 1)] : [];
  });
}

/** whether the file at `path` is empty or ends with a newline (its last byte only is read) */
function endsWithNewline(path: string): boolean {
  const size = statSync(path).size;
  if (size === 0) return true;
  const fd = openSync(path, 'r');
  try {
    const last = Buffer.alloc(1);
    readSync(fd, last, 0, 1, size - 1);
    return last[0] === 0x0a;
  } finally {
    closeSync(fd);
  }
}

class Progress {
  private last = 0;
  private readonly started = Date.now();
  constructor(
    /** dumps to send: an archive counts as one until the server says how many it held */
    public total: number,
    readonly tty: boolean,
  ) {}
  done = 0;
  created = 0;
  unchanged = 0;
  failed = 0;
  private lastLine = '';
  draw(force = false) {
    const now = Date.now();
    if (!force && now - this.last < (this.tty ? 100 : 5000)) return;
    this.last = now;
    const rate = this.done / Math.max(0.001, (now - this.started) / 1000);
    const width = 28;
    const filled = this.total ? Math.round((width * this.done) / this.total) : width;
    const counts = `${this.done}/${this.total} · ${this.created} created · ${this.unchanged} unchanged · ${this.failed} failed`;
    if (counts === this.lastLine) return;
    this.lastLine = counts;
    process.stderr.write(`${this.tty ? '\r' : ''}[${'='.repeat(filled)}${' '.repeat(width - filled)}] ${counts} · ${rate.toFixed(1)}/s${this.tty ? '' : '\n'}`);
  }
}

export async function importCommand(args: string[]): Promise<number> {
  const { values, positionals } = readArgs(
    'import',
    args,
    {
      url: { type: 'string' },
      token: { type: 'string' },
      concurrency: { type: 'string', default: '4' },
      journal: { type: 'string', default: '.copydesk-import.journal' },
      'dry-run': { type: 'boolean', default: false },
      restart: { type: 'boolean', default: false },
    },
    true,
  );
  if (!positionals.length) throw new UsageError('import', 'needs at least one PATH (a .txt or .jsonl file, a folder, or a .zip / .tar.gz archive)');
  const env = loadCliEnv();
  const url = values.url ?? env.url;
  const token = values.token ?? env.token;
  if (!token) throw new UsageError('import', 'needs an editor token: --token, COPYDESK_TOKEN or COPYDESK_EDITOR_TOKEN (create one with `copydesk token create --name NAME`)');
  const concurrency = wholeNumberFlag('import', '--concurrency', values.concurrency!, 1, 32);
  const dryRun = values['dry-run']!;
  const journal = resolve(values.journal!);

  for (const p of positionals) if (!existsSync(p)) throw new CliError(`no such file or folder: ${p}`);
  const listing = listDumpFiles(positionals);
  // a file named on the command line that is not a dump: said, never skipped silently
  const files = listing.files.filter((f) => {
    if (DUMP_FILES.test(f) || ARCHIVES.test(f)) return true;
    process.stderr.write(`skipped ${f}: ${READABLE}\n`);
    return false;
  });
  const notRead = listing.files.length - files.length;
  if (listing.skippedInFolders) process.stderr.write(`skipped ${listing.skippedInFolders} file(s) of other types in the folders given (${READABLE})\n`);
  if (!files.length) throw new CliError(`nothing to import in ${positionals.join(', ')} (${READABLE})`);
  const client = createClient(url, token);
  // the journal remembers what reached which database: another server, or a new database behind
  // the same address, starts from nothing (and a server that is not there fails here, exit 2)
  const target = await journalTarget(client);
  const done = new Set(!values.restart && !dryRun && existsSync(journal) ? journalKeys(readFileSync(journal, 'utf8'), target) : []);
  const { work, dumps, skipped, invalid } = plan(files, done);
  if (skipped) process.stderr.write(`resuming: ${skipped} dump(s) or archive(s) already imported into this server's database (journal ${journal}; --restart to ignore it)\n`);

  const progress = new Progress(dumps, process.stderr.isTTY === true);
  const failures: string[] = [...invalid];
  progress.failed = invalid.length;
  // an append cut short (a crash, Ctrl-C mid-write) left a line without its newline: the next
  // lines start on a line of their own, so the cut line alone is lost, never the ones after it
  let torn = existsSync(journal) && !endsWithNewline(journal);
  const record = (keys: string[]) => {
    if (dryRun || !keys.length) return;
    appendFileSync(journal, (torn ? '\n' : '') + keys.map((k) => `${target}\t${k}\n`).join(''));
    torn = false;
  };

  const run = async (w: Work) => {
    let answer: BatchAnswer;
    try {
      if (w.kind === 'dumps') {
        const r = await client.request<{ importDumps: BatchAnswer }>(IMPORT_MANY, { inputs: w.dumps.map(({ key: _k, ...d }) => d), dryRun });
        answer = r.importDumps;
      } else {
        const inline = w.inline;
        const bytes = inline ? new TextEncoder().encode(inline.text) : new Uint8Array(readFileSync(w.path));
        const name = inline ? (inline.filename.endsWith('.txt') ? inline.filename : `${inline.filename}.txt`) : basename(w.path);
        const r = await client.upload<{ importDumpFile: BatchAnswer }>(IMPORT_FILE, { dryRun }, { name, bytes });
        answer = r.importDumpFile;
      }
    } catch (e) {
      if ((e as { code?: string }).code === 'UNAUTHENTICATED' || e instanceof CliError) throw e;
      const n = w.kind === 'dumps' ? w.dumps.length : 1;
      progress.failed += n;
      progress.done += n;
      failures.push(`${w.label}${n > 1 ? ` (+${n - 1} more)` : ''}: ${(e as Error).message}`);
      return;
    }
    if (answer.__typename !== 'ImportBatchResult') {
      if (answer.code === 'UNAUTHENTICATED') throw new CliError(`the server refused the token: ${answer.message}`);
      throw new CliError(`${answer.code}: ${answer.message}`);
    }
    progress.created += answer.created;
    progress.unchanged += answer.unchanged;
    progress.failed += answer.failed;
    // an archive counted as one dump until read: it holds answer.total
    if (w.kind === 'file' && !w.inline) progress.total += answer.total - 1;
    progress.done += w.kind === 'dumps' ? w.dumps.length : answer.total;
    answer.items.forEach((it, i) => {
      if (it.result.__typename !== 'ImportDumpPayload') failures.push(`${it.filename ?? w.label}: ${it.result.code}: ${it.result.message}`);
      else if (w.kind === 'dumps') record([w.dumps[i]!.key]);
    });
    if (w.kind === 'file' && answer.failed === 0) record([w.key]);
    progress.draw();
  };

  // bounded concurrency: `concurrency` requests in flight
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, work.length) }, async () => {
      while (next < work.length) await run(work[next++]!);
    }),
  );
  progress.draw(true);
  if (progress.tty) process.stderr.write('\n');
  const verb = dryRun ? 'would import' : 'imported';
  process.stdout.write(`${verb} ${progress.created}, unchanged ${progress.unchanged}, failed ${progress.failed}${skipped ? `, skipped ${skipped} (already imported)` : ''}\n`);
  for (const f of failures.slice(0, 50)) process.stdout.write(`  failed: ${f}\n`);
  if (failures.length > 50) process.stdout.write(`  ... and ${failures.length - 50} more\n`);
  return progress.failed || notRead ? 1 : 0;
}
