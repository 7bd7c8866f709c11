import { createHash } from 'node:crypto';
import { dumps, segmentationRevisions } from '@copydesk/schema';
import { parseDump } from '../parse/index.ts';
import { deriveArticles } from '../derive/index.ts';
import type { Db } from '../db/client.ts';
import { validateDump, type DumpInput } from './validate.ts';
import { writeDerived } from './write.ts';
import { enqueueEnrich } from '../enrich/queue.ts';

export interface ImportOptions {
  maxBytes: number;
}

export interface ImportResult {
  dumpId: number;
  created: boolean;
  articleIds: number[];
  articlesCreated: number;
  edgesAdded: number;
}

export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Imports one dump: validates, parses, derives, and writes the dump, its parser revision and
 * what it derives in one transaction. The same text again is a no-op returning the stored dump.
 */
export async function importDump(db: Db, input: DumpInput, opts: ImportOptions): Promise<ImportResult> {
  const dump = validateDump(input, opts.maxBytes);
  const hash = contentHash(dump.text);

  const existing = await findByHash(db, hash);
  if (existing) return existing;

  // parsing is pure and can be slow on big dumps: do it before the transaction opens
  const seg = parseDump(dump.text, { fetchedAt: dump.fetchedAt });
  const derived = deriveArticles(dump.text, seg, { fetchedAt: dump.fetchedAt });

  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(dumps)
      .values({
        contentHash: hash,
        text: dump.text,
        filename: dump.filename,
        url: dump.url,
        fetchedAt: dump.fetchedAt,
        template: seg.template,
        confidence: seg.confidence,
        currentRevision: 1,
      })
      .onConflictDoNothing({ target: dumps.contentHash })
      .returning({ id: dumps.id });
    if (!row) {
      // another import of the same text won the race
      const raced = await findByHash(tx as unknown as Db, hash);
      if (raced) return raced;
      throw new Error('dump vanished during import');
    }
    await tx.insert(segmentationRevisions).values({
      dumpId: row.id,
      number: 1,
      baseNumber: null,
      author: 'parser',
      parserVersion: seg.parserVersion,
      segments: seg.segments,
      warnings: seg.warnings,
      confidence: seg.confidence,
    });
    const written = await writeDerived(tx, row.id, derived);
    // topics and similarity edges cost more than the write: a worker computes them after commit
    await enqueueEnrich(tx, [row.id]);
    return { dumpId: row.id, created: true, ...written };
  });
}

async function findByHash(db: Db, hash: string): Promise<ImportResult | null> {
  const found = await db.query.dumps.findFirst({
    where: { contentHash: hash },
    columns: { id: true },
    with: { appearances: { columns: { articleId: true }, orderBy: { position: 'asc' } } },
  });
  if (!found) return null;
  return { dumpId: found.id, created: false, articleIds: found.appearances.map((a) => a.articleId), articlesCreated: 0, edgesAdded: 0 };
}
