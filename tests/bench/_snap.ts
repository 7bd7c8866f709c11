import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { openDatabase } from '@copydesk/server/db/client.ts';
import { migrateDatabase } from '@copydesk/server/db/migrate.ts';
import { DEFAULT_LIMITS } from '@copydesk/server/graphql/limits.ts';
import { enrichDump } from '@copydesk/server/enrich/enrich.ts';
import { closeAnalysePool } from '@copydesk/server/enrich/pool.ts';
import { createApp } from '@copydesk/server/yoga.ts';
import { manyRelatedDump } from '../helpers/dumps.ts';
import { SHARED_DUMPS } from '../helpers/paths.ts';
const client = await PGlite.create();
const database = await openDatabase({ pglite: client });
await migrateDatabase(database);
const token = 'bench-editor-token-0123456789';
const app = createApp({ db: database.db, config: { maxDumpBytes: 4 << 20, editorToken: token, readRequiresToken: false, limits: { ...DEFAULT_LIMITS, maxRequestBytes: 4 << 20 }, responseCacheTtlMs: 0, compiledReads: true } });
const texts = readdirSync(SHARED_DUMPS).filter((f) => f.endsWith('.txt')).sort().slice(0, 40).map((f) => readFileSync(join(SHARED_DUMPS, f), 'utf8'));
texts.push(manyRelatedDump(160, 3).text, manyRelatedDump(60, 3).text);
const ids: number[] = [];
for (const text of texts) {
  const r = await app.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: `mutation($i: ImportDumpInput!) { importDump(input: $i) { __typename ... on ImportDumpPayload { dump { id } } } }`, variables: { i: { text } } }) });
  const j: any = await r.json();
  if (!j.data?.importDump?.dump) { console.error('skip', JSON.stringify(j).slice(0, 200)); continue; }
  ids.push(Number(Buffer.from(j.data.importDump.dump.id, 'base64').toString().split(':')[1]));
}
const results = [];
for (const id of ids) results.push(await enrichDump(database.db, id));
// re-enrich a few (idempotence and order effects)
for (const id of [ids[3]!, ids.at(-2)!, ids[0]!]) results.push(await enrichDump(database.db, id));
const q = async (s: string) => (await client.query(s)).rows;
const snap = {
  results,
  edges: await q(`select from_article_id, to_article_id, kind, weight from story_edges order by 1,2,3`),
  topics: await q(`select article_id, topic_id, weight from article_topics order by 1,2`),
  topicRows: await q(`select id, key, kind from topics order by 1`),
  aliases: await q(`select topic_id, key from topic_aliases order by 1,2`),
  members: await q(`select article_id, story_id, pinned from story_articles order by 1`),
  stories: await q(`select id, size, headline, merged_into_id, first_seen_at, last_seen_at from stories order by 1`),
  bands: await q(`select count(*)::int as n, sum(key)::text as s from article_bands`),
  minhash: await q(`select count(*) filter (where minhash is not null)::int as n from articles`),
};
writeFileSync(process.argv[2]!, JSON.stringify(snap, null, 1));
console.log(ids.length, 'dumps', (snap.edges as any[]).length, 'edges', (snap.stories as any[]).length, 'stories');
await closeAnalysePool();
