/**
 * `pnpm start` as a newcomer meets it: a failure to start is one line naming the cause and the
 * fix (no stack), the token hint names the data folder in use, and Ctrl+C ends it cleanly (exit 0).
 * Each run starts a server process (seconds each), so each database project runs the cases of its
 * own kind: the data folder ones on PGlite, the DATABASE_URL ones on PostgreSQL.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { freePort } from '../helpers/postgres.ts';
import { REPO_ROOT, SERVER_NODE_ARGS } from '../helpers/paths.ts';

/** a server process gets this long to start and stop (the machine may be busy with other suites) */
const START_LIMIT_MS = 150_000;

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the server's entry point (what `pnpm start` runs after building the dashboard) with `args`;
 * `whenRunning` is called once it printed its banner, and should end it.
 */
function start(args: string[], env: Record<string, string> = {}, whenRunning?: (child: ReturnType<typeof spawn>) => void): Promise<Run> {
  return new Promise((ok) => {
    const child = spawn(process.execPath, [...SERVER_NODE_ARGS, join(REPO_ROOT, 'server/src/main.ts'), ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: '', COPYDESK_SEED_SAMPLES: 'false', COPYDESK_EDITOR_TOKEN: '', COPYDESK_WORKERS: '0', NODE_ENV: 'production', ...env },
    });
    let stdout = '';
    let stderr = '';
    let told = false;
    child.stdout.on('data', (d: Buffer) => {
      stdout += d;
      if (!told && whenRunning && stdout.includes('copydesk is running') && /editors .*\n.*\n/.test(stdout)) {
        told = true;
        whenRunning(child);
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), START_LIMIT_MS);
    // 'close', not 'exit': the last lines may still be in the pipe when the process exits
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      ok({ code, signal, stdout, stderr });
    });
  });
}

/** one line on stderr, without a stack trace, exit 1 */
function expectOneLine(r: Run, cause: RegExp, fix: RegExp) {
  expect(r.code).toBe(1);
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(cause);
  expect(lines[0]).toMatch(fix);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

const dir = () => mkdtempSync(join(tmpdir(), 'copydesk-start-'));
const onPglite = inject('dbKind') === 'pglite';

describe.concurrent('pnpm start: failures to start', () => {
  it.skipIf(onPglite)('says in one line that the database cannot be reached, and how to fix it', async () => {
    const port = await freePort();
    const r = await start(['--port', '0'], { DATABASE_URL: `postgres://copydesk:secret@127.0.0.1:${port}/copydesk` });
    expectOneLine(r, new RegExp(`cannot reach the database .*ECONNREFUSED 127\\.0\\.0\\.1:${port}`), /DATABASE_URL/);
    expect(r.stderr).not.toContain('secret');
  }, START_LIMIT_MS + 10_000);

  it.runIf(onPglite)('says in one line that the data folder is in use, and by which process', async () => {
    const d = join(dir(), 'data');
    mkdirSync(d);
    // this test process is alive: the folder is held
    writeFileSync(join(d, 'copydesk.pid'), String(process.pid));
    const r = await start(['--port', '0', '--data-dir', d]);
    expectOneLine(r, new RegExp(`in use by process ${process.pid}`), /--data-dir/);
  }, START_LIMIT_MS + 10_000);

  it.runIf(onPglite)('says in one line that the data folder cannot be written', async () => {
    const parent = join(dir(), 'a-file');
    writeFileSync(parent, 'not a folder');
    const r = await start(['--port', '0', '--data-dir', join(parent, 'data')]);
    expectOneLine(r, /cannot use the data folder .*ENOTDIR/, /--data-dir/);
  }, START_LIMIT_MS + 10_000);

  it.runIf(onPglite)('says in one line that the port is taken before it creates, migrates or seeds the database', async () => {
    const blocker = createServer();
    await new Promise<void>((ok) => blocker.listen(0, '127.0.0.1', ok));
    const port = (blocker.address() as AddressInfo).port;
    try {
      const d = join(dir(), 'data');
      const r = await start(['--port', String(port), '--data-dir', d], { COPYDESK_SEED_SAMPLES: 'true' });
      expectOneLine(r, new RegExp(`port is in use .*${port}`), /--port/);
      expect(r.stdout).not.toMatch(/imported \d+ sample/);
      expect(existsSync(join(d, 'PG_VERSION'))).toBe(false);
    } finally {
      await new Promise((ok) => blocker.close(ok));
    }
  }, START_LIMIT_MS + 10_000);

  it.runIf(onPglite)('refuses a bad setting (PORT=abc, PORT=99999, --port, a bad DATABASE_URL) in exactly one line "invalid configuration: SETTING: why", exit 1', async () => {
    const cases: [string[], Record<string, string>, string][] = [
      [[], { PORT: 'abc' }, 'invalid configuration: PORT: expected a whole number from 0 to 65535, got "abc"'],
      [[], { PORT: '99999' }, 'invalid configuration: PORT: expected a whole number from 0 to 65535, got "99999"'],
      [['--port', 'abc'], {}, 'invalid configuration: PORT: expected a whole number from 0 to 65535, got "abc"'],
      [[], { DATABASE_URL: 'postgres://u:hunter2@[broken' }, 'invalid configuration: DATABASE_URL: expected a postgres://user:password@host:port/database URL'],
      [[], { COPYDESK_WORKERS: 'many', COPYDESK_SEED_SAMPLES: 'maybe' }, 'invalid configuration: COPYDESK_SEED_SAMPLES: expected one of 1, 0, true, false, yes, no, on, off, got "maybe"; COPYDESK_WORKERS: expected a whole number from 0 to 16, got "many"'],
    ];
    for (const [args, env, line] of cases) {
      const r = await start(['--data-dir', join(dir(), 'data'), ...args], { PORT: '0', ...env });
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr.split('\n').filter(Boolean)).toEqual([line]);
      expect(r.stdout).toBe('');
    }
  }, 5 * START_LIMIT_MS);

  it.skipIf(onPglite)('names an unknown argument and prints the usage', async () => {
    const r = await start(['--bogus']);
    expectOneLine(r, /Unknown option '--bogus'/, /usage: pnpm start/);
  }, START_LIMIT_MS + 10_000);

  it.skipIf(onPglite)('takes `pnpm start -- --help` (pnpm passes the `--` on) as --help', async () => {
    const r = await start(['--', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^usage: pnpm start/);
    expect(r.stderr).toBe('');
  }, START_LIMIT_MS + 10_000);
});

describe.concurrent('pnpm start: running', () => {
  it.runIf(onPglite)('names the data folder in its token hint, and stops on Ctrl+C with a line and exit 0', async () => {
    const d = join(dir(), 'my data');
    const r = await start(['--port', '0', '--data-dir', d], {}, (child) => child.kill('SIGINT'));
    expect(r.stdout).toContain(`pnpm copydesk token create --name YOUR_NAME --data-dir "${d}"`);
    expect(r.stdout).toMatch(/Ctrl\+C: shutting down\n.*stopped/);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  }, START_LIMIT_MS + 10_000);

  it.skipIf(onPglite)('names DATABASE_URL in its token hint on PostgreSQL, and stops on Ctrl+C with exit 0', async () => {
    const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
    await admin.connect();
    const name = `copydesk_start_${randomBytes(4).toString('hex')}`;
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      const u = new URL(inject('pgAdminUrl'));
      u.pathname = `/${name}`;
      const r = await start(['--port', '0'], { DATABASE_URL: u.toString() }, (child) => child.kill('SIGINT'));
      expect(r.stdout).toContain('pnpm copydesk token create --name YOUR_NAME  with the same DATABASE_URL');
      expect(r.stdout).toMatch(/Ctrl\+C: shutting down\n.*stopped/);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }, START_LIMIT_MS + 10_000);
});
