import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dumps } from '@copydesk/schema';
import type { Db } from './db/client.ts';
import { importDump } from './import/import-dump.ts';

export const SAMPLES_DIR = fileURLToPath(new URL('../samples', import.meta.url));

/** Imports the sample dumps (written for copydesk, not scraped) into an empty database. */
export async function seedSamples(db: Db, maxBytes: number): Promise<number> {
  if ((await db.$count(dumps)) > 0) return 0;
  let n = 0;
  for (const f of readdirSync(SAMPLES_DIR).filter((f) => f.endsWith('.txt')).sort()) {
    const r = await importDump(db, { text: readFileSync(join(SAMPLES_DIR, f), 'utf8'), filename: f }, { maxBytes });
    if (r.created) n++;
  }
  return n;
}
