/** The CLI's import and export against a copydesk listening on a loopback port. */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, writeFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '@copydesk/server/db/client.ts';
import { migrateDatabase } from '@copydesk/server/db/migrate.ts';
import { createTestApp, TEST_TOKEN, type TestApp } from '../helpers/app.ts';
import { REPO_ROOT } from '../helpers/paths.ts';

const run = promisify(execFile);
const dump = (n: number) =>
  `\nLibrary story ${n}: reading rooms stay open late\nThe central library in Northport will keep reading room ${n} open until ten on Saturdays, managers said.\nHashtags\n\nTry Our AI Features\nExplore what Daily8 AI can do for you:\nComments\nNo comments yet...\nRelated Articles\n`;

let t: TestApp;
let server: Server;
let url: string;
const dir = mkdtempSync(join(tmpdir(), 'copydesk-cli-'));

beforeAll(async () => {
  t = await createTestApp();
  server = createServer(t.app);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const addr = server.address();
  url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/graphql`;
  mkdirSync(join(dir, 'in'));
  for (let i = 1; i <= 3; i++) writeFileSync(join(dir, 'in', `${i}.txt`), dump(i));
  writeFileSync(join(dir, 'in', 'more.jsonl'), [JSON.stringify({ text: dump(4), filename: 'four.txt' }), JSON.stringify({ text: '  ' })].join('\n'));
});
afterAll(async () => {
  await new Promise((ok) => server?.close(ok));
  await t?.close();
});

const cli = (args: string[], env: Record<string, string> = {}) =>
  run(join(REPO_ROOT, 'node_modules/.bin/tsx'), [join(REPO_ROOT, 'server/src/cli.ts'), ...args], {
    cwd: dir,
    env: { ...process.env, COPYDESK_URL: url, COPYDESK_TOKEN: TEST_TOKEN, ...env },
  }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

describe('copydesk import', () => {
  it('imports a folder, summarises, and reports the failures with reasons', async () => {
    const r = await cli(['import', 'in']);
    expect(r.stdout).toContain('imported 4, unchanged 0, failed 1');
    expect(r.stdout).toMatch(/failed: .*EMPTY_DUMP/);
    expect(r.code).toBe(1);
    expect(Number((await t.sql<{ n: string }>('select count(*) as n from dumps'))[0]!.n)).toBe(4);
  });

  it('resumes: a second run skips what the first imported', async () => {
    const r = await cli(['import', 'in']);
    expect(r.stderr).toContain('resuming: 4');
    expect(r.stdout).toContain('imported 0, unchanged 0, failed 1, skipped 4');
  });

  it('refuses to run without a token, and says how to get one', async () => {
    const r = await cli(['import', 'in'], { COPYDESK_TOKEN: '', COPYDESK_EDITOR_TOKEN: '' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/token create/);
  });

  it('keys its journal by server and database: a fresh server gets everything, the first one still nothing', async () => {
    const other = await createTestApp();
    const otherServer = createServer(other.app);
    await new Promise<void>((ok) => otherServer.listen(0, '127.0.0.1', ok));
    const addr = otherServer.address();
    const otherUrl = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/graphql`;
    try {
      const r = await cli(['import', 'in', '--url', otherUrl]);
      expect(r.stdout).toContain('imported 4, unchanged 0, failed 1');
      expect(Number((await other.sql<{ n: string }>('select count(*) as n from dumps'))[0]!.n)).toBe(4);
      const again = await cli(['import', 'in']);
      expect(again.stdout).toContain('skipped 4');
    } finally {
      await new Promise((ok) => otherServer.close(ok));
      await other.close();
    }
  });

  it('fails with exit 1 (a failure as it ran, not a usage mistake) when the server is not there, even when the journal says everything was sent', async () => {
    mkdirSync(join(dir, 'sent'));
    writeFileSync(join(dir, 'sent', 'nine.txt'), dump(9));
    expect((await cli(['import', 'sent'])).stdout).toContain('imported 1');
    expect((await cli(['import', 'sent'])).stdout).toContain('skipped 1');
    const r = await cli(['import', 'sent', '--url', 'http://127.0.0.1:9/graphql']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot reach copydesk at http:\/\/127\.0\.0\.1:9/);
    expect(r.stdout).not.toContain('skipped');
  });

  it('tells an unknown token from a missing one', async () => {
    const r = await cli(['import', 'in', '--token', 'cdk_not-a-real-token']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/unknown to this server or was revoked/);
  });

  it('says clearly when the server is not there', async () => {
    const r = await cli(['import', 'in', '--restart', '--url', 'http://127.0.0.1:9/graphql']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot reach copydesk/);
  });
});

describe('copydesk export', () => {
  it('writes every article with topics and edges as JSON Lines', async () => {
    await t.drain();
    const r = await cli(['export', '--out', 'articles.jsonl']);
    expect(r.code).toBe(0);
    const lines = readFileSync(join(dir, 'articles.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatchObject({ headline: 'Library story 1: reading rooms stay open late', appearances: [{ role: 'main', filename: '1.txt' }] });
    expect(Array.isArray(lines[0].topics)).toBe(true);
    expect(Array.isArray(lines[0].edges)).toBe(true);
  });
});

describe('copydesk commands that open the database', () => {
  /** every command that opens the configured database (the token, stories and worker commands) */
  const COMMANDS = [['token', 'create', '--name', 'alice'], ['token', 'list'], ['token', 'revoke', 'alice'], ['stories', 'backfill'], ['worker', '--once']];

  /** one line on stderr naming `where` and the fix, no stack, a non-zero exit */
  const expectRefused = (r: { code: number; stderr: string }, where: string) => {
    expect(r.code, r.stderr).not.toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines, r.stderr).toHaveLength(1);
    expect(lines[0]).toContain(where);
    expect(lines[0]).toMatch(/holds no copydesk database: .*--data-dir.*pnpm start/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  };

  it.runIf(inject('dbKind') === 'pglite')('refuse a data folder that holds no copydesk database, and create nothing there; open one the server made', async () => {
    const typo = join(dir, 'dta');
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    for (const args of COMMANDS) {
      expectRefused(await cli([...args, '--data-dir', typo], { DATABASE_URL: '' }), `the folder ${typo}`);
      expect(existsSync(typo)).toBe(false);
    }
    // an existing folder without a database, named by the variable instead of the flag
    for (const args of [COMMANDS[1]!, COMMANDS[4]!]) {
      expectRefused(await cli(args, { DATABASE_URL: '', COPYDESK_DATA_DIR: empty }), `the folder ${empty}`);
      expect(readdirSync(empty)).toEqual([]);
    }
    // a folder the server started on (its migrated database) is opened
    const real = join(dir, 'real');
    const database = await openDatabase({ dataDir: real });
    await migrateDatabase(database);
    await database.close();
    const made = await cli(['token', 'create', '--name', 'alice', '--data-dir', real], { DATABASE_URL: '' });
    expect(made.code, made.stderr).toBe(0);
    expect((await cli(['token', 'list', '--data-dir', real], { DATABASE_URL: '' })).stdout).toMatch(/\talice\t.*active/);
  }, 120_000);

  it.runIf(inject('dbKind') === 'postgres')('refuse a PostgreSQL database without copydesk\'s tables, and create none there', async () => {
    const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
    await admin.connect();
    const name = `copydesk_cli_${randomBytes(4).toString('hex')}`;
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      const u = new URL(inject('pgAdminUrl'));
      u.pathname = `/${name}`;
      for (const args of [COMMANDS[0]!, COMMANDS[3]!]) expectRefused(await cli(args, { DATABASE_URL: u.toString() }), `the database at`);
      const check = new pg.Client({ connectionString: u.toString() });
      await check.connect();
      const tables = await check.query(`select count(*)::int as n from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')`);
      await check.end();
      expect(tables.rows[0].n).toBe(0);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }, 120_000);
});

/** a stack trace's frames ("    at fn (file:1:2)") */
const STACK = /\n\s+at /;

describe('the CLI\'s error paths: one line naming the problem, never a stack', () => {
  it('export to a folder that does not exist', async () => {
    const r = await cli(['export', '--out', '/nonexistent-dir/x.jsonl']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual(['copydesk: cannot write /nonexistent-dir/x.jsonl: its folder does not exist']);
  });

  it('export --out that fails half-way leaves the earlier file as it was, and no .partial file', async () => {
    const earlier = '{"exported":"earlier"}\n';
    writeFileSync(join(dir, 'kept.jsonl'), earlier);
    const r = await cli(['export', '--out', 'kept.jsonl', '--url', 'http://127.0.0.1:9/graphql']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot reach copydesk/);
    expect(readFileSync(join(dir, 'kept.jsonl'), 'utf8')).toBe(earlier);
    expect(existsSync(join(dir, 'kept.jsonl.partial'))).toBe(false);
    // and a complete export replaces it
    expect((await cli(['export', '--out', 'kept.jsonl'])).code).toBe(0);
    expect(readFileSync(join(dir, 'kept.jsonl'), 'utf8')).not.toBe(earlier);
  });

  it('token create with a 5,000-character name', async () => {
    const r = await cli(['token', 'create', '--name', 'n'.repeat(5000), '--data-dir', join(dir, 'token-data')], { DATABASE_URL: '' });
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/an editor name is 1 to 100 characters/);
  });

  it('token create refuses a name with a bidi control, an escape or another control character, naming --name (names.ts, the API\'s rule too)', async () => {
    for (const [name, what] of [['admin\u202Enimda', /bidi control U\+202E at offset 5/], ['\u2066alice\u2069', /bidi control U\+2066 at offset 0/], ['\u001b[31mred', /control character U\+001B at offset 0/], ['bell\u0007', /control character U\+0007 at offset 4/], ['two\nlines', /control character U\+000A/], ['c1\u0085', /control character U\+0085/]] as const) {
      const r = await cli(['token', 'create', '--name', name, '--data-dir', join(dir, 'token-data')], { DATABASE_URL: '' });
      expect(r.code, r.stderr).toBe(2);
      const lines = r.stderr.trim().split('\n');
      expect(lines, r.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(/^copydesk: --name: holds the /);
      expect(lines[0]).toMatch(what);
      expect(r.stdout).toBe('');
    }
  });

  it('import of a file type it does not read says it skipped it and why, and fails when nothing was imported', async () => {
    writeFileSync(join(dir, 'file.json'), JSON.stringify({ text: dump(70) }));
    const r = await cli(['import', 'file.json']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('skipped file.json: copydesk reads .txt, .jsonl, .zip, .tar.gz, .tgz and .tar files');
    expect(r.stderr).not.toMatch(STACK);
    // with a dump beside it, the dump is imported, the other file still named, and the exit says not everything went
    writeFileSync(join(dir, 'seventy-one.txt'), dump(71));
    const mixed = await cli(['import', 'file.json', 'seventy-one.txt']);
    expect(mixed.stdout).toContain('imported 1');
    expect(mixed.stderr).toContain('skipped file.json');
    expect(mixed.code).toBe(1);
  });
});

describe('copydesk import progress', () => {
  it('counts the dumps of an archive, not the archive as one', async () => {
    mkdirSync(join(dir, 'mixed'));
    writeFileSync(join(dir, 'mixed', 'a.txt'), dump(80));
    writeFileSync(join(dir, 'mixed', 'b.zip'), zipSync({ 'c.txt': strToU8(dump(81)), 'd.txt': strToU8(dump(82)), 'e.txt': strToU8(dump(83)) }));
    const r = await cli(['import', 'mixed']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('imported 4, unchanged 0, failed 0');
    // the last progress line (stderr is not a terminal: one line per update)
    const last = r.stderr.trim().split('\n').at(-1)!;
    expect(last).toMatch(/\] 4\/4 · 4 created · 0 unchanged · 0 failed/);
  });
});

describe('copydesk import decodes as the server does (import/read-text.ts)', () => {
  it('refuses a Latin-1 file by name and byte offset, never storing U+FFFD, and imports the rest', async () => {
    mkdirSync(join(dir, 'latin1'));
    writeFileSync(join(dir, 'latin1', 'cafe.txt'), Buffer.from(dump(90).replace('reading rooms', 'caf\u00e9 rooms'), 'latin1'));
    writeFileSync(join(dir, 'latin1', 'fine.txt'), dump(91));
    writeFileSync(join(dir, 'latin1', 'lines.jsonl'), Buffer.concat([Buffer.from(JSON.stringify({ text: dump(92) }) + '\n{"text": "caf'), Buffer.from([0xe9]), Buffer.from('"}\n')]));
    const at = Buffer.from(dump(90).replace('reading rooms', 'caf\u00e9 rooms'), 'latin1').indexOf(0xe9);
    const r = await cli(['import', 'latin1']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('imported 1, unchanged 0, failed 2');
    expect(r.stdout).toMatch(new RegExp(`failed: .*cafe\\.txt.*INVALID_TEXT.*cafe\\.txt is not UTF-8 text: byte 0xE9 at byte offset ${at} `));
    expect(r.stdout).toMatch(/failed: .*lines\.jsonl.*is not UTF-8 text: byte 0xE9 at byte offset \d+/);
    expect(await t.sql(`select filename from dumps where text like '%' || chr(65533) || '%'`)).toEqual([]);
  });
});

describe('copydesk import journal', () => {
  it('keeps journaling after an append cut short: the cut line alone is lost, not the lines after it', async () => {
    mkdirSync(join(dir, 'torn-a'));
    writeFileSync(join(dir, 'torn-a', 'a.txt'), dump(40));
    expect((await cli(['import', 'torn-a', '--journal', 'torn.journal'])).stdout).toContain('imported 1');
    const journal = join(dir, 'torn.journal');
    const [line] = readFileSync(journal, 'utf8').trim().split('\n');
    // a crash in the middle of the next append: half a line, no newline
    writeFileSync(journal, `${readFileSync(journal, 'utf8')}${line!.slice(0, line!.length - 20)}`);
    mkdirSync(join(dir, 'torn-b'));
    writeFileSync(join(dir, 'torn-b', 'b.txt'), dump(41));
    expect((await cli(['import', 'torn-b', '--journal', 'torn.journal'])).stdout).toContain('imported 1');
    const again = await cli(['import', 'torn-a', 'torn-b', '--journal', 'torn.journal']);
    expect(again.stdout).toContain('imported 0, unchanged 0, failed 0, skipped 2');
  });
});
