/**
 * The production start (issue 11): `pnpm start` runs the server bundled by server/scripts/build.ts
 * with plain node, no tsx. This builds the server into a folder of its own under server/ (the same
 * node_modules resolve from there), starts it on PGlite, and checks that every worker thread loads
 * from the build: the database's (it answers), the upload unpacker's and the import's (a zip is
 * imported) and enrichment's (the import's job is done).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { buildServer } from '../../server/scripts/build.ts';
import { CSRF_HEADER } from '@copydesk/server/graphql/limits.ts';
import { freePort } from '../helpers/postgres.ts';
import { REPO_ROOT } from '../helpers/paths.ts';
import { flatDump } from '../helpers/dumps.ts';

const TOKEN = 'build-test-editor-token-0123456789';
const OUT = join(REPO_ROOT, 'server', `.dist-test-${process.pid}`);
const dataDir = mkdtempSync(join(tmpdir(), 'copydesk-build-'));
afterAll(() => {
  rmSync(OUT, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

describe.runIf(inject('dbKind') === 'pglite')('the built server', () => {
  it('starts with plain node and runs every worker thread from the build', async () => {
    await buildServer(OUT);
    const port = await freePort();
    const child = spawn(process.execPath, ['--max-semi-space-size=64', join(OUT, 'main.js'), '--port', String(port), '--data-dir', dataDir], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: '', COPYDESK_SEED_SAMPLES: 'false', COPYDESK_EDITOR_TOKEN: TOKEN, COPYDESK_WORKERS: '1', NODE_ENV: 'production' },
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d));
    child.stderr.on('data', (d: Buffer) => (output += d));
    const exited = new Promise<number | null>((ok) => child.once('exit', ok));
    try {
      await expect.poll(() => output, { timeout: 120_000, interval: 200 }).toContain('copydesk is running');
      const url = `http://127.0.0.1:${port}/graphql`;
      const gql = async (query: string) => (await (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })).json()) as any;
      expect((await gql('{ __typename }')).data).toEqual({ __typename: 'Query' });
      const form = new FormData();
      form.set('operations', JSON.stringify({ query: 'mutation($file: File!) { importDumpFile(file: $file) { __typename ... on ImportBatchResult { created failed } } }', variables: { file: null } }));
      form.set('map', JSON.stringify({ 0: ['variables.file'] }));
      // one dump past the size from which an import's parse runs in its own worker thread
      const long = `${'The ferry operator said the night timetable would change in spring, the council agreed on Monday.\n'.repeat(1_500)}`;
      const zip = zipSync({ 'a.txt': strToU8(flatDump('Night ferries will run all winter', long)), 'b.txt': strToU8(flatDump('Harbour tram line opens', 'The tram line opened on Monday.\nRiders welcomed it.')) });
      form.set('0', new File([zip], 'two.zip'));
      const imported = (await (await fetch(url, { method: 'POST', body: form, headers: { authorization: `Bearer ${TOKEN}`, [CSRF_HEADER]: '1' } })).json()) as any;
      expect(imported.data.importDumpFile).toEqual({ __typename: 'ImportBatchResult', created: 2, failed: 0 });
      await expect.poll(async () => (await gql('{ enrichment { done failed } }')).data.enrichment, { timeout: 60_000, interval: 500 }).toEqual({ done: 2, failed: 0 });
    } finally {
      child.kill('SIGINT');
      await exited;
    }
    expect(output).toContain('copydesk: stopped');
  }, 240_000);
});
