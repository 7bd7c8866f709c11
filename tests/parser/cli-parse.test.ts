/** `pnpm parse FILE...` learns from the batch it is given: a first pass collects the lines, the second parses. */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync, strToU8, zipSync } from 'fflate';
import { createTar } from 'nanotar';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { logoDump } from '../helpers/dumps.ts';
import { REPO_ROOT } from '../helpers/paths.ts';

/** the outlet's own line under each story: no prompt cue, so the built-in kind rules keep it as body and only the memory can take it */
const PROMO = 'Valley Times is published by Valley Press from its office on Mill Lane.';
const PLACES = ['Ashby', 'Brightwater', 'Calder', 'Dunmore'];
const WIRE = [
  'Rescue teams reached the flooded valley villages on Wednesday after the river burst its banks overnight, forcing hundreds of families onto upper floors.',
  'Schools in the valley will stay closed until Friday.',
  'The regional authority did not respond to a request for comment.',
];

const dir = mkdtempSync(join(tmpdir(), 'copydesk-cli-parse-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

function parse(files: string[]): { file: string; learned: { rule: string; reason: string; start: number; end: number }[]; articles: { body: string }[] }[] {
  const out = execFileSync(join(REPO_ROOT, 'node_modules/.bin/tsx'), [join(REPO_ROOT, 'server/src/cli.ts'), 'parse', ...files], { encoding: 'utf8' });
  return out.trim().split('\n').map((l) => JSON.parse(l));
}

const local = PLACES.map((p, i) =>
  write(`local-${i}.txt`, logoDump('Valley Times', `${p} opens a new library`, [`${p} opened its new library on Monday after a two-year build that cost the town ${i + 2} million pounds in all.`, PROMO])),
);

describe('pnpm parse over a batch', () => {
  it('marks a line repeated in 3 of the batch\'s stories as publisher boilerplate', () => {
    const lines = parse(local.slice(0, 3));
    for (const l of lines) {
      expect(l.learned.map((x) => [x.rule, x.reason])).toEqual([['line-memory', 'repeated in 3 articles']]);
      expect(l.articles[0]!.body).not.toContain(PROMO);
    }
  });

  it('leaves it in a batch of two stories', () => {
    for (const l of parse(local.slice(0, 2))) {
      expect(l.learned).toEqual([]);
      expect(l.articles[0]!.body).toContain(PROMO);
    }
  });

  it('leaves a syndicated story whole, however many outlets ran it', () => {
    const wire = ['Harbour Post', 'Valley Times', 'Daily Ledger', 'Morning Courier'].map((o, i) => write(`wire-${i}.txt`, logoDump(o, `Floods, take ${i}`, WIRE)));
    for (const l of parse(wire)) {
      expect(l.learned).toEqual([]);
      expect(l.articles[0]!.body).toContain(WIRE[2]);
    }
  });
});

const tsx = join(REPO_ROOT, 'node_modules/.bin/tsx');
const CLI = join(REPO_ROOT, 'server/src/cli.ts');
/** runs `parse` with `args`, whatever its exit code */
const parseRun = (args: string[]) => {
  const r = spawnSync(tsx, [CLI, 'parse', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
/** a stack trace's frames ("    at fn (file:1:2)") */
const STACK = /\n\s+at /;

describe('pnpm parse of archives, folders and other files', () => {
  const stories = PLACES.map((p, i) => logoDump('Valley Times', `${p} opens a new library`, [`${p} opened its new library on Monday after a two-year build that cost the town ${i + 2} million pounds in all.`, PROMO]));

  it('reads the dumps of a .zip and of a .tar.gz, each named by archive and entry, and learns across them', () => {
    const zip = write('dumps.zip', '');
    writeFileSync(zip, zipSync({ 'a.txt': strToU8(stories[0]!), 'b.txt': strToU8(stories[1]!) }));
    const tgz = write('dumps.tar.gz', '');
    writeFileSync(tgz, gzipSync(createTar([{ name: 'c.txt', data: stories[2]! }])));
    const r = parseRun([zip, tgz]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.file)).toEqual([`${zip}:a.txt`, `${zip}:b.txt`, `${tgz}:c.txt`]);
    // the three stories share the outlet's line: the batch learned it, as with three .txt files
    for (const l of lines) expect(l.learned.map((x: { rule: string }) => x.rule)).toEqual(['line-memory']);
  });

  it('parses the dumps in a folder, and says so when a folder holds none', () => {
    const folder = join(dir, 'folder');
    mkdirSync(join(folder, 'deeper'), { recursive: true });
    writeFileSync(join(folder, 'one.txt'), stories[0]!);
    writeFileSync(join(folder, 'deeper', 'two.txt'), stories[1]!);
    writeFileSync(join(folder, 'notes.json'), '{}');
    const r = parseRun([folder]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l).file)).toEqual([join(folder, 'deeper', 'two.txt'), join(folder, 'one.txt')]);
    expect(r.stderr).toContain('skipped 1 file(s) of other types');
    const none = join(dir, 'no-dumps');
    mkdirSync(none, { recursive: true });
    const e = parseRun([none]);
    expect(e.code).toBe(1);
    expect(e.stdout).toBe('');
    expect(e.stderr.trim().split('\n')).toEqual([`copydesk parse: no dumps in ${none} (copydesk reads .txt, .jsonl, .zip, .tar.gz, .tgz and .tar files)`]);
  });

  it('refuses a binary file in one line, not by parsing its bytes as text', () => {
    const bin = write('photo.gz', '');
    writeFileSync(bin, gzipSync(strToU8(stories[0]!.repeat(3))));
    const r = parseRun([bin]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({ file: bin, error: expect.stringContaining('not UTF-8 text') });
    expect(r.stderr).not.toMatch(STACK);
  });

  it('refuses a Latin-1 file, and a Latin-1 line of a .jsonl, naming the file and the byte offset (import/read-text.ts)', () => {
    const cafe = write('cafe-latin1.txt', '');
    const text = stories[1]!.replace('opens', 'caf\u00e9 opens');
    writeFileSync(cafe, Buffer.from(text, 'latin1'));
    const lines = write('lines-latin1.jsonl', '');
    writeFileSync(lines, Buffer.concat([Buffer.from('{"text": "caf'), Buffer.from([0xe9]), Buffer.from('"}\n')]));
    const r = parseRun([cafe, lines]);
    expect(r.code).toBe(1);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out[0]).toEqual({ file: cafe, error: expect.stringContaining(`${cafe} is not UTF-8 text: byte 0xE9 at byte offset ${Buffer.from(text, 'latin1').indexOf(0xe9)}`) });
    expect(out[1]).toEqual({ file: lines, error: expect.stringContaining('is not UTF-8 text: byte 0xE9 at byte offset 13') });
    expect(r.stderr).not.toMatch(STACK);
  });

  it('stops quietly when the reader closes the pipe early (| head -c 300)', async () => {
    const many = Array.from({ length: 40 }, (_, i) => write(`long-${i}.txt`, logoDump('Valley Times', `Long read ${i}`, Array.from({ length: 80 }, (_, j) => `Paragraph ${j} of long read ${i} tells of the ferry timetable, the harbour wall and the council's plans for the spring.`))));
    const child = spawn(tsx, [CLI, 'parse', ...many], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    // read 300 characters, then close the pipe as head does
    await new Promise<void>((ok) => child.stdout.once('data', () => (child.stdout.destroy(), ok())));
    const code = await new Promise<number | null>((ok) => child.once('close', ok));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

describe('copydesk usage mistakes: exit 2 and one line naming the mistake and the help', () => {
  /** runs the CLI with `args`, no server nor database needed: every case fails before either is used */
  const cliRun = (args: string[]) => {
    const r = spawnSync(tsx, [CLI, ...args], { encoding: 'utf8', cwd: dir, env: { ...process.env, COPYDESK_URL: 'http://127.0.0.1:9/graphql', COPYDESK_TOKEN: 'cdk_x', DATABASE_URL: '', COPYDESK_DATA_DIR: join(dir, 'no-database') } });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it.each([
    [['parse', '--nope', 'a.txt'], '--nope'],
    [['import', '--nope', 'a.txt'], '--nope'],
    [['import', 'a.txt', '--url'], '--url'],
    [['import', '--dry-run=yes', 'a.txt'], '--dry-run'],
    [['export', '--out'], '--out'],
    [['export', 'stray'], 'stray'],
    [['worker', '--nope'], '--nope'],
    [['worker', '--concurrency', 'many'], '--concurrency'],
    [['stories', 'backfill', '--batch'], '--batch'],
    [['stories', 'frob'], 'frob'],
    [['token', 'create', '--name'], '--name'],
    [['token', 'create'], '--name'],
    [['token', 'frob'], 'frob'],
    [['token'], 'token'],
    [['frobnicate'], 'frobnicate'],
    [[], 'command'],
  ])('copydesk %j', (args, named) => {
    const r = cliRun(args);
    expect(r.code, r.stderr).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines, r.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(/^copydesk( \w+)*: /);
    expect(lines[0]).toContain(named);
    expect(lines[0]).toContain('copydesk --help');
    expect(r.stdout).toBe('');
  });

  it('exits 1, not 2, when a well-formed command fails as it runs', () => {
    writeFileSync(join(dir, 'one.txt'), 'Headline\nBody line of the dump.');
    for (const args of [['import', join(dir, 'missing-file.txt')], ['import', join(dir, 'one.txt')], ['export'], ['token', 'list'], ['parse', join(dir, 'missing-file.txt')]]) {
      const r = cliRun(args);
      expect([args, r.code]).toEqual([args, 1]);
      expect(r.stderr).not.toMatch(STACK);
      expect(r.stderr).not.toContain('--help');
    }
  });

  it('answers --help with the usage on stdout, exit 0', () => {
    const r = cliRun(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^usage: copydesk <command>/);
  });
});
