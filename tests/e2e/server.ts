/**
 * Starts the real copydesk server (PGlite in a temp data dir, the built dashboard) as a child
 * process on a free port, for the browser tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../helpers/postgres.ts';
import { REPO_ROOT, SERVER_NODE_ARGS } from '../helpers/paths.ts';

export const DASHBOARD_DIST = join(REPO_ROOT, 'dashboard/dist');
export const TOKEN = 'e2e-editor-token-0123456789abcdef';

export interface RunningServer {
  url: string;
  token: string;
  stop: () => Promise<void>;
  /** POST a GraphQL request (with the editor token unless anonymous) */
  gql: <T = unknown>(query: string, variables?: Record<string, unknown>, anonymous?: boolean) => Promise<T>;
  /** imports `text` as `filename` with the editor token and gives the new (or existing) dump's id; throws when it is refused */
  importText: (text: string, filename: string) => Promise<string>;
}

/** `dashboardDir`: another build of the dashboard (a bench comparing two builds); the repository's by default. */
export async function startServer(dashboardDir = DASHBOARD_DIST): Promise<RunningServer> {
  if (!existsSync(join(dashboardDir, 'index.html'))) throw new Error('dashboard not built: run `pnpm --filter @copydesk/dashboard build`');
  const dataDir = mkdtempSync(join(tmpdir(), 'copydesk-e2e-'));
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [...SERVER_NODE_ARGS, 'server/src/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      COPYDESK_DATA_DIR: dataDir,
      COPYDESK_EDITOR_TOKEN: TOKEN,
      COPYDESK_SEED_SAMPLES: 'false',
      COPYDESK_DASHBOARD_DIR: dashboardDir,
      NODE_ENV: 'test',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  await new Promise<void>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start in 60 s:\n${log}`)), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      log += d.toString();
      if (log.includes('copydesk is running')) {
        clearTimeout(timer);
        ok();
      }
    });
    child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`server exited with ${code}:\n${log}`));
    });
  });
  const url = `http://127.0.0.1:${port}`;
  const handle: RunningServer = {
    url,
    token: TOKEN,
    async gql<T>(query: string, variables: Record<string, unknown> = {}, anonymous = false): Promise<T> {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(anonymous ? {} : { authorization: `Bearer ${TOKEN}` }) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
      if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
      return body.data as T;
    },
    async importText(text: string, filename: string): Promise<string> {
      const r = await handle.gql<{ importDump: { dump?: { id: string }; message?: string } }>(
        'mutation($i: ImportDumpInput!) { importDump(input: $i) { ... on ImportDumpPayload { dump { id } } ... on Error { message } } }',
        { i: { text, filename } },
      );
      if (!r.importDump.dump) throw new Error(`import of ${filename} refused: ${r.importDump.message ?? 'no answer'}`);
      return r.importDump.dump.id;
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((ok) => child.once('exit', ok));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((ok) => setTimeout(ok, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return handle;
}
