import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dumps } from '@copydesk/schema';
import type { Db } from './db/client.ts';
import { importDump } from './import/import-dump.ts';
import type { Actor } from './audit/log.ts';

export const SAMPLES_DIR = fileURLToPath(new URL('../samples', import.meta.url));

/** who the audit log says imported the samples: copydesk itself, at its first start */
export const SEED_ACTOR: Actor = { name: 'system', origin: 'sample import at first start' };

/**
 * Imports the sample dumps (written for copydesk, not scraped) into an empty database, each
 * audited as an import by SEED_ACTOR like any other import. Returns how many were created.
 */
export async function seedSamples(db: Db, maxBytes: number): Promise<number> {
  if ((await db.$count(dumps)) > 0) return 0;
  let n = 0;
  for (const f of readdirSync(SAMPLES_DIR).filter((f) => f.endsWith('.txt')).sort()) {
    const r = await importDump(db, { text: readFileSync(join(SAMPLES_DIR, f), 'utf8'), filename: f }, { maxBytes, actor: SEED_ACTOR });
    if (r.created) n++;
  }
  return n;
}
