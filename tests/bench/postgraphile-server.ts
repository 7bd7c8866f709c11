/**
 * PostGraphile v4 with its defaults (mutations off, query log off), over a copydesk database, for
 * the side-by-side read benchmark (reads.ts). Its pool is pg's default (10 connections), as
 * copydesk's server.
 *   node --import tsx tests/bench/postgraphile-server.ts DATABASE_URL PORT SCHEMA[,SCHEMA...]
 * Prints "postgraphile is running" once it answers.
 */
import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';

const [databaseUrl, port, schemas] = process.argv.slice(2);
if (!databaseUrl || !port || !schemas) throw new Error('usage: postgraphile-server.ts DATABASE_URL PORT SCHEMA[,SCHEMA...]');
const handler = postgraphile(databaseUrl, schemas.split(','), {
  disableDefaultMutations: true,
  disableQueryLog: true,
  retryOnInitFail: false,
  graphqlRoute: '/graphql',
});
const server = createServer(handler);
server.listen(Number(port), '127.0.0.1', async () => {
  // the schema is built on the first request: build it before reporting ready
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
  if (!res.ok) throw new Error(`postgraphile answered ${res.status}`);
  process.stdout.write('postgraphile is running\n');
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
