import { sql } from 'drizzle-orm';
import { dumps, segmentationRevisions } from '@copydesk/schema';
import { checkSegmentationSize, type DerivedArticle } from '@copydesk/core';
import { InvalidSegmentationError } from '../errors.ts';
import { rowsOf, type Db } from '../db/client.ts';
import type { PreparedDump } from './prepare.ts';
import { lineKeysForImport, prepareForImport } from './prepare-thread.ts';
import { validateDump, type DumpInput } from './validate.ts';
import { writeDerived } from '../store/articles.ts';
import { learnedInputs } from '../learn/rules.ts';
import { recordSightings } from '../learn/memory.ts';
import { enqueueEnrichment } from '../enrich/jobs.ts';
import { isRetryable } from '../db/retry.ts';

import { audit, type Actor } from '../audit/log.ts';

export interface ImportOptions {
  maxBytes: number;
  /** do everything, report the change-set, and roll back */
  dryRun?: boolean;
  /** the dump already checked, parsed and derived from this same input (off the request thread) */
  prepared?: PreparedDump;
  /** who imports, from where: a created dump is written to the audit log in the import's transaction */
  actor?: Actor;
}

export interface ChangeSet {
  dumpsCreated: number;
  articlesCreated: number;
  /** articles the dump shows that were already stored (seen in another dump) */
  articlesExisting: number;
  appearancesAdded: number;
  edgesAdded: number;
}

export interface ImportResult {
  /** null only for a dry run of a new dump (nothing was kept) */
  dumpId: number | null;
  created: boolean;
  dryRun: boolean;
  articleIds: number[];
  changes: ChangeSet;
  /** the articles the parse derives, as values (also on dry runs) */
  preview: DerivedArticle[];
  parserVersion: string;
  confidence: number;
}

const NO_CHANGES: ChangeSet = { dumpsCreated: 0, articlesCreated: 0, articlesExisting: 0, appearancesAdded: 0, edgesAdded: 0 };


class DryRunRollback extends Error {
  constructor(readonly result: ImportResult) {
    super('dry run');
  }
}

/** deadlocks and serialization failures between concurrent imports are retried */
/**
 * Imports one dump: validates, loads the learned inputs for its lines (rules, line memory),
 * parses, derives, and writes the dump, its parser revision, what it derives, its lines' sightings
 * (the line memory) and its enrichment job in one transaction. The same text again is a no-op that
 * returns the stored dump. A dry run does the same and rolls back.
 */
export async function importDump(db: Db, input: DumpInput, opts: ImportOptions): Promise<ImportResult> {
  const valid = opts.prepared?.dump ?? validateDump(input, opts.maxBytes);
  // the learned inputs for this text's lines (rules, line memory); a dump prepared without them
  // (an upload's worker) is parsed again only when there is something learned to apply
  // the CPU part (line keys; parse, derive, sightings, hash) runs off the request thread for a large dump
  const learned = await learnedInputs(db, valid.text, { countSelf: true, lineKeys: await lineKeysForImport(valid.text) });
  const hasLearned = (learned.memory?.lines.size ?? 0) > 0 || (learned.rules?.length ?? 0) > 0;
  // parsing is pure: done before the transaction opens
  const { dump, seg, derived, hash, sightings } = await prepareForImport({
    input,
    maxBytes: opts.maxBytes,
    learned,
    valid,
    ...(opts.prepared && !hasLearned ? { prepared: opts.prepared } : {}),
  });
  // a parse of more segments or field spans than a revision may hold (a page of one-character lines) is refused, typed
  const tooLarge = checkSegmentationSize(dump.text.length, seg.segments);
  if (tooLarge) throw InvalidSegmentationError.of(tooLarge);
  const dryRun = opts.dryRun ?? false;
  const base = { dryRun, preview: derived, parserVersion: seg.parserVersion, confidence: seg.confidence };

  for (let attempt = 1; ; attempt++) {
    try {
      const outcome = await db.transaction(async (tx) => {
        // the dump and its parser revision in one statement; no row back: the text is stored already
        const inserted = await tx.execute(sql`
          with d as (
            insert into ${dumps} (content_hash, text, filename, url, fetched_at, template, confidence, current_revision)
            values (${hash}, ${dump.text}, ${dump.filename}, ${dump.url}, ${dump.fetchedAt}::timestamptz, ${seg.template}, ${seg.confidence}, 1)
            on conflict (content_hash) do nothing
            returning id
          )
          insert into ${segmentationRevisions} (dump_id, number, base_number, author, parser_version, segments, warnings, confidence)
          select id, 1, null, 'parser', ${seg.parserVersion}, ${JSON.stringify(seg.segments)}::jsonb, ${JSON.stringify(seg.warnings)}::jsonb, ${seg.confidence} from d
          returning dump_id`);
        const row = rowsOf<{ dump_id: number }>(inserted)[0];
        if (!row) return null;
        const dumpId = Number(row.dump_id);
        // topics and similarity edges cost more than the write: the job runs after commit
        const written = await writeDerived(tx, dumpId, derived, { fresh: true });
        await enqueueEnrichment(tx, [dumpId]);
        await recordSightings(tx, dumpId, sightings);
        const result: ImportResult = {
          ...base,
          dumpId: dryRun ? null : dumpId,
          created: true,
          articleIds: dryRun ? [] : written.articleIds,
          changes: {
            dumpsCreated: 1,
            articlesCreated: written.articlesCreated,
            articlesExisting: new Set(written.articleIds).size - written.articlesCreated,
            appearancesAdded: derived.length,
            edgesAdded: written.edgesAdded,
          },
        };
        if (dryRun) throw new DryRunRollback(result);
        if (opts.actor) await audit(tx, opts.actor, { action: 'import', dumpId, subject: dump.filename ?? `dump ${dumpId}`, detail: { filename: dump.filename, url: dump.url, articles: derived.length, articlesCreated: written.articlesCreated, confidence: seg.confidence } });
        return result;
      });
      if (outcome) return outcome;
      const existing = await findByHash(db, hash);
      if (existing) return { ...existing, ...base };
      // deleted between the two statements: try again
    } catch (e) {
      if (e instanceof DryRunRollback) return e.result;
      if (attempt < 4 && isRetryable(e)) continue;
      throw e;
    }
    if (attempt >= 4) throw new Error('could not import the dump: it kept changing under the import');
  }
}

async function findByHash(db: Db, hash: string): Promise<Pick<ImportResult, 'dumpId' | 'created' | 'articleIds' | 'changes'> | null> {
  const found = await db.query.dumps.findFirst({
    where: { contentHash: hash },
    columns: { id: true },
    with: { appearances: { columns: { articleId: true }, orderBy: { position: 'asc' } } },
  });
  if (!found) return null;
  return {
    dumpId: found.id,
    created: false,
    articleIds: found.appearances.map((a) => a.articleId),
    changes: { ...NO_CHANGES, articlesExisting: new Set(found.appearances.map((a) => a.articleId)).size },
  };
}
