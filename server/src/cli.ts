#!/usr/bin/env -S npx tsx
/**
 * copydesk CLI. `parse FILE...` prints one JSON line per file (JSON Lines), nothing else on stdout.
 */
import { readFile } from 'node:fs/promises';
import { deriveArticles, parseDump } from '@copydesk/core';
import { MemoryCollector, sightingsOf } from './learn/sightings.ts';
import { CliError } from './cli/errors.ts';
import { EnvError } from './env.ts';

const USAGE = `usage: copydesk <command> [options]

commands:
  parse FILE...                 print each file's parse as one JSON line (JSON Lines); lines repeated in
                                3+ of the files' stories are publisher boilerplate (a first pass collects them)
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

/**
 * Two passes over the files: the first parses each and collects its body lines into a line
 * memory (sightings.ts), the second parses each again with that memory, so that a line repeated
 * in K or more of the batch's stories is publisher boilerplate: the batch learns from itself.
 */
async function parseCommand(files: string[]): Promise<number> {
  if (!files.length) {
    process.stderr.write('copydesk parse: no files given\n' + USAGE);
    return 2;
  }
  const collector = new MemoryCollector();
  const unreadable = new Map<string, string>();
  for (const file of files) {
    try {
      const text = await readFile(file, 'utf8');
      const seg = parseDump(text);
      collector.add(sightingsOf(text, seg, deriveArticles(text, seg), `file:${file}`));
    } catch (e) {
      unreadable.set(file, (e as Error).message);
    }
  }
  const memory = collector.memory();
  let failed = 0;
  for (const file of files) {
    let text: string;
    try {
      const earlier = unreadable.get(file);
      if (earlier !== undefined) throw new Error(earlier);
      text = await readFile(file, 'utf8');
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
    case undefined:
    case '-h':
    case '--help':
      process.stdout.write(USAGE);
      return command ? 0 : 2;
    default:
      process.stderr.write(`copydesk: unknown command "${command}"\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof CliError || e instanceof EnvError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`copydesk: ${(e as Error).message}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`copydesk: ${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 1;
  },
);
