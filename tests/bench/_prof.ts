import { PGlite } from '@electric-sql/pglite';
import { openDatabase } from '@copydesk/server/db/client.ts';
import { migrateDatabase } from '@copydesk/server/db/migrate.ts';
import { DEFAULT_LIMITS } from '@copydesk/server/graphql/limits.ts';
import { enrichDump } from '@copydesk/server/enrich/enrich.ts';
import { closeAnalysePool } from '@copydesk/server/enrich/pool.ts';
import { createApp } from '@copydesk/server/yoga.ts';
import { manyRelatedDump } from '../helpers/dumps.ts';
const n = Number(process.argv[2] ?? 500);
const client = await PGlite.create();
const database = await openDatabase({ pglite: client });
await migrateDatabase(database);
const token = 'bench-editor-token-0123456789';
const app = createApp({ db: database.db, config: { maxDumpBytes: 4 << 20, editorToken: token, readRequiresToken: false, limits: { ...DEFAULT_LIMITS, maxRequestBytes: 4 << 20 }, responseCacheTtlMs: 0, compiledReads: true } });
const { text } = manyRelatedDump(n);
const r = await app.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: `mutation($i: ImportDumpInput!) { importDump(input: $i) { __typename ... on ImportDumpPayload { dump { id } } } }`, variables: { i: { text } } }) });
const j: any = await r.json();
const dumpId = Number(Buffer.from(j.data.importDump.dump.id, 'base64').toString().split(':')[1]);
const stats = new Map<string, { n: number; ms: number }>();
const orig = client.query.bind(client);
(client as any).query = async (text: string, ...rest: any[]) => {
  const t0 = performance.now();
  try { return await orig(text, ...rest); } finally {
    const key = text.replace(/\s+/g, ' ').replace(/\$\d+/g, '$').replace(/(\(\$::int, \$::bigint\), )+/g, '...').slice(0, 160);
    const s = stats.get(key) ?? { n: 0, ms: 0 }; s.n++; s.ms += performance.now() - t0; stats.set(key, s);
  }
};
const origTx = client.transaction.bind(client);
(client as any).transaction = (fn: any) => origTx((tx: any) => {
  const q = tx.query.bind(tx);
  tx.query = async (text: string, ...rest: any[]) => {
    const t0 = performance.now();
    try { return await q(text, ...rest); } finally {
      const key = text.replace(/\s+/g, ' ').replace(/\$\d+/g, '$').replace(/(\(\$::int, \$::bigint\), )+/g, '...').slice(0, 200);
      const s = stats.get(key) ?? { n: 0, ms: 0 }; s.n++; s.ms += performance.now() - t0; stats.set(key, s);
    }
  };
  return fn(tx);
});
const t0 = performance.now();
await enrichDump(database.db, dumpId);
const total = performance.now() - t0;
const sqlMs = [...stats.values()].reduce((s, x) => s + x.ms, 0);
console.log({ n, total: Math.round(total), sqlMs: Math.round(sqlMs), statements: [...stats.values()].reduce((s, x) => s + x.n, 0) });
for (const [k, v] of [...stats].sort((a, b) => b[1].ms - a[1].ms).slice(0, 15)) console.log(Math.round(v.ms), v.n, k);
await closeAnalysePool();
