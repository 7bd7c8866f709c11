/**
 * A batch of small distinct dumps imported one after another on the embedded database (PGlite in
 * its worker thread, as the server runs it) with many editors' rules stored (break-it report,
 * item 20: 900 dumps with 1,550 rules ran at ~5 dumps/s). Own generated dumps and rules.
 */
import { sql } from 'drizzle-orm';
import { openDatabase } from '@copydesk/server/db/client.ts';
import { migrateDatabase } from '@copydesk/server/db/migrate.ts';
import { importDump } from '@copydesk/server/import/import-dump.ts';

export interface ImportBatchBench {
  rules: number;
  dumps: number;
  /** wall milliseconds for the whole batch */
  ms: number;
  dumpsPerSecond: number;
}

/** `dumps` small distinct dumps (~400 bytes each) with `rules` boilerplate rules stored */
export async function benchImportBatch({ log, dumps = 200, rules = 1550 }: { log: (s: string) => void; dumps?: number; rules?: number }): Promise<ImportBatchBench> {
  const database = await openDatabase({});
  try {
    await migrateDatabase(database);
    await database.db.execute(sql`insert into parse_rules (action, scope, line_text, line_key, created_by)
      select 'boilerplate', 'everywhere', 'Promo line number ' || g, 'l:' || to_hex(g) || '.deadbeef.' || to_hex(g * 7919), 'bench' from generate_series(1, ${rules}::int) g`);
    const t0 = performance.now();
    for (let i = 0; i < dumps; i++) {
      const text = `\nCouncil votes on harbour plan number ${i} again\nBy Reporter ${i}\nThe council met on day ${i} and voted on the harbour plan for the ${i}th time.\nMembers argued about the budget and the bridge repairs late into the night.\nHashtags\n\nComments\nNo comments yet...\nRelated Articles\n`;
      await importDump(database.db, { text, filename: `batch-${i}.txt` }, { maxBytes: 5 * 1024 * 1024 });
    }
    const ms = performance.now() - t0;
    const out = { rules, dumps, ms: Math.round(ms), dumpsPerSecond: Math.round((dumps / (ms / 1000)) * 10) / 10 };
    log(`${dumps} dumps with ${rules} rules stored: ${out.ms} ms, ${out.dumpsPerSecond} dumps/s`);
    return out;
  } finally {
    await database.close();
  }
}
