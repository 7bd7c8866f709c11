/**
 * Read-your-writes across HTTP processes: a copydesk with COPYDESK_HTTP_PROCESSES=2 on a throwaway
 * PostgreSQL; an anonymous client warms both processes' response caches, imports a dump (as an
 * editor), and reads `dumps.totalCount` at once, `tries` times. Reports how many reads were stale.
 */
import { openDatabase } from '@copydesk/server/db/client.ts';
import { migrateDatabase } from '@copydesk/server/db/migrate.ts';
import { freePort, startPostgres } from '../helpers/postgres.ts';
import { startServer, TOKEN } from './api.ts';

export async function benchReadYourWrites({ tries = 10, processes = 2 } = {}): Promise<{ processes: number; tries: number; stale: number; staleAt: number[] }> {
  const pgs = await startPostgres();
  const db = await openDatabase({ databaseUrl: pgs.url, poolSize: 1 });
  await migrateDatabase(db);
  await db.close();
  const port = await freePort();
  const child = await startServer(pgs.url, port, { COPYDESK_HTTP_PROCESSES: String(processes) });
  const url = `http://127.0.0.1:${port}/graphql`;
  const post = async (query: string, variables: object = {}, token = false) =>
    (await (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${TOKEN}` } : {}) }, body: JSON.stringify({ query, variables }) })).json()) as any;
  const staleAt: number[] = [];
  try {
    for (let i = 0; i < tries; i++) {
      for (let k = 0; k < 2 * processes; k++) await post(`{ dumps(first: 1) { totalCount } }`);
      const r = await post(`mutation($input: ImportDumpInput!) { importDump(input: $input) { __typename } }`, { input: { text: `\nRead your writes story ${i}\nA body line about the check ${i}.\n` } }, true);
      if (r.data?.importDump?.__typename !== 'ImportDumpPayload') throw new Error(`import failed: ${JSON.stringify(r)}`);
      const n = (await post(`{ dumps(first: 1) { totalCount } }`)).data.dumps.totalCount;
      if (n !== i + 1) staleAt.push(i);
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((ok) => child.once('exit', ok));
    await pgs.stop();
  }
  return { processes, tries, stale: staleAt.length, staleAt };
}
