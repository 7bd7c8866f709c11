#!/usr/bin/env -S npx tsx
/**
 * copydesk CLI. `parse PATH...` prints one JSON line per dump (JSON Lines), nothing else on stdout.
 * Exit codes: 0 done; 1 a command that failed as it ran (a server not there, a file not written,
 * some dumps not imported or parsed); 2 a usage mistake (an unknown command or flag, a flag without
 * its value, a bad value or setting), said in one line with the help hint (cli/args.ts reads the flags).
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { deriveArticles, parseDump } from '@copydesk/core';
import { MemoryCollector, sightingsOf } from './learn/sightings.ts';
import { CliError, USAGE_HINT, UsageError } from './cli/errors.ts';
import { readArgs } from './cli/args.ts';
import { ARCHIVES, JSON_LINES, listDumpFiles, READABLE } from './cli/dumps.ts';
import { EnvError, loadEnv } from './env.ts';
import { CopydeskError, InvalidInputError } from './errors.ts';
import { decodeText } from './import/read-text.ts';

const USAGE = `usage: copydesk <command> [options]

commands:
  parse PATH...                 print each dump's parse as one JSON line (JSON Lines): files, folders,
                                .jsonl, .zip/.tar.gz; lines repeated in 3+ of the dumps' stories are
                                publisher boilerplate (a first pass collects them)
  import PATH...                send dumps (.txt, .jsonl, folders, .zip/.tar.gz) to a running copydesk
        [--url URL] [--token T] [--concurrency 4] [--dry-run] [--journal FILE] [--restart]
  export [--out FILE]           write every article with its topics and edges as JSON Lines
        [--url URL] [--search Q] [--source NAME]
  worker [--once] [--concurrency N]  drain the enrichment queue of the configured database (topics, edges); N jobs at once
  stories backfill [--batch N]  give a story to every enriched article that has none (articles enriched
                                before stories existed); a second run does nothing
  token create --name NAME      create an editor token (shown once)
  token list                    list editor tokens (never the tokens themselves)
  token revoke ID|NAME          revoke a token by id, or every token of an editor

import and export talk to a server: --url or COPYDESK_URL (default http://localhost:4000/graphql),
--token or COPYDESK_TOKEN (or COPYDESK_EDITOR_TOKEN). import keeps a journal of what it imported
and skips it on the next run, so an interrupted import resumes where it stopped.
The token, worker and stories commands open the database the server uses (DATABASE_URL, or COPYDESK_DATA_DIR /
--data-dir for the embedded one; stop a server that holds the embedded one first). They never create one:
a folder or DATABASE_URL that holds no copydesk database is refused (pnpm start creates it).
`;

/** one dump `parse` reads: its name in the output and its text, read when needed (an error message when it cannot be) */
interface ParseInput {
  file: string;
  text: () => Promise<string>;
}

/** A file's text, strictly UTF-8 (read-text.ts): a file that is not (a binary file, Latin-1) fails naming the byte offset. */
async function readText(file: string): Promise<string> {
  return decodeText(file, await readFile(file));
}

/**
 * The dumps `paths` hold, in order: a folder's readable files, a `.jsonl` file's lines and an
 * archive's entries (read with the server's readers, import/files.ts, and its default limits),
 * any other file as one dump of text. A path that cannot be read is one input whose text fails.
 */
async function parseInputs(paths: string[]): Promise<{ inputs: ParseInput[]; empty: string[] }> {
  const inputs: ParseInput[] = [];
  const empty: string[] = [];
  const failing = (file: string, message: string): ParseInput => ({ file, text: () => Promise.reject(new Error(message)) });
  for (const path of paths) {
    let listing;
    try {
      listing = listDumpFiles([path]);
    } catch (e) {
      inputs.push(failing(path, (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (e as Error).message));
      continue;
    }
    if (!listing.files.length) empty.push(path);
    else if (listing.skippedInFolders) process.stderr.write(`copydesk parse: skipped ${listing.skippedInFolders} file(s) of other types in ${path} (${READABLE})\n`);
    for (const file of listing.files) {
      if (!ARCHIVES.test(file) && !JSON_LINES.test(file)) {
        inputs.push({ file, text: () => readText(file) });
        continue;
      }
      const { unpackStream } = await import('./import/files.ts');
      const { DEFAULT_LIMITS } = await import('./graphql/limits.ts');
      const items = await unpackStream(file, createReadStream(file), { maxDumpBytes: loadEnv().COPYDESK_MAX_DUMP_BYTES, maxUploadBytes: DEFAULT_LIMITS.maxUploadBytes, maxUnpackedBytes: DEFAULT_LIMITS.maxUnpackedBytes, maxEntries: 10_000 });
      if (!items.length) empty.push(file);
      for (const item of items) {
        const name = item.filename.startsWith(file) ? item.filename : `${file}:${item.filename}`;
        inputs.push('input' in item ? { file: name, text: () => Promise.resolve(item.input.text) } : failing(name, item.error.message));
      }
    }
  }
  return { inputs, empty };
}

/**
 * Two passes over the dumps: the first parses each and collects its body lines into a line
 * memory (sightings.ts), the second parses each again with that memory, so that a line repeated
 * in K or more of the batch's stories is publisher boilerplate: the batch learns from itself.
 */
async function parseCommand(args: string[]): Promise<number> {
  const paths = readArgs('parse', args, {}, true).positionals;
  if (!paths.length) throw new UsageError('parse', 'needs at least one PATH (a file, a folder, a .jsonl file or an archive)');
  const { inputs, empty } = await parseInputs(paths);
  for (const p of empty) process.stderr.write(`copydesk parse: no dumps in ${p} (${READABLE})\n`);
  const collector = new MemoryCollector();
  const unreadable = new Map<ParseInput, string>();
  for (const input of inputs) {
    try {
      const text = await input.text();
      const seg = parseDump(text);
      collector.add(sightingsOf(text, seg, deriveArticles(text, seg), `file:${input.file}`));
    } catch (e) {
      unreadable.set(input, (e as Error).message);
    }
  }
  const memory = collector.memory();
  let failed = empty.length;
  for (const input of inputs) {
    const { file } = input;
    let text: string;
    try {
      const earlier = unreadable.get(input);
      if (earlier !== undefined) throw new Error(earlier);
      text = await input.text();
    } catch (e) {
      failed++;
      process.stderr.write(`copydesk parse: cannot read ${file}: ${(e as Error).message}\n`);
      process.stdout.write(JSON.stringify({ file, error: (e as Error).message }) + '\n');
      continue;
    }
    const seg = parseDump(text, { memory });
    const articles = deriveArticles(text, seg).map((a) => ({
      role: a.role,
      headline: a.headline,
      byline: a.byline,
      source: a.source,
      published: a.published,
      section: a.section,
      body: a.body,
      copyright: a.copyright,
      subheads: a.subheads,
      start: a.start,
      end: a.end,
      confidence: a.confidence,
    }));
    const line = {
      file,
      parserVersion: seg.parserVersion,
      template: seg.template,
      confidence: seg.confidence,
      articles,
      segments: seg.segments.map((s) => ({ kind: s.kind, start: s.start, end: s.end })),
      learned: seg.segments.flatMap((s) => s.fields.filter((f) => f.rule).map((f) => ({ rule: f.rule, reason: f.reason, start: f.start, end: f.end }))),
      warnings: seg.warnings,
    };
    process.stdout.write(JSON.stringify(line) + '\n');
  }
  return failed ? 1 : 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'parse':
      return parseCommand(rest);
    case 'import':
      return (await import('./cli/import.ts')).importCommand(rest);
    case 'export':
      return (await import('./cli/export.ts')).exportCommand(rest);
    case 'worker':
      return (await import('./cli/worker.ts')).workerCommand(rest);
    case 'token':
      return (await import('./cli/token.ts')).tokenCommand(rest);
    case 'stories':
      return (await import('./cli/stories.ts')).storiesCommand(rest);
    case '-h':
    case '--help':
    case 'help':
      process.stdout.write(USAGE);
      return 0;
    case undefined:
      throw new UsageError(null, 'no command given: parse, import, export, worker, stories or token');
    default:
      throw new UsageError(null, `unknown command "${command}": parse, import, export, worker, stories or token`);
  }
}

// a reader that stops early (`pnpm --silent parse f.txt | head`) closes the pipe: stop quietly
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  process.stderr.write(`copydesk: cannot write the output: ${e.message}\n`);
  process.exit(1);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    // a usage mistake (an unknown command or flag, a flag without its value, a malformed argument,
    // a bad setting): one line naming it, exit 2
    if (e instanceof UsageError) {
      process.stderr.write(`copydesk${e.command ? ` ${e.command}` : ''}: ${e.message}\n`);
      process.exitCode = 2;
      return;
    }
    if (e instanceof EnvError || e instanceof InvalidInputError) {
      process.stderr.write(`copydesk: ${e.message} (${USAGE_HINT})\n`);
      process.exitCode = 2;
      return;
    }
    // a command that failed as it ran (a server not there, a refused token, a file not written): one line, exit 1
    if (e instanceof CliError || e instanceof CopydeskError) {
      process.stderr.write(`copydesk: ${(e as Error).message}\n`);
      process.exitCode = 1;
      return;
    }
    // anything else: one line with the cause; the stack only for whoever debugs copydesk
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`copydesk: ${message}${process.env.COPYDESK_DEBUG ? `\n${(e as Error)?.stack ?? ''}` : ' (COPYDESK_DEBUG=1 shows the stack)'}\n`);
    process.exitCode = 1;
  },
);
