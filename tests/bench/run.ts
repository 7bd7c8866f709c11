/**
 * `pnpm bench`: every figure the issues name, measured side by side in one run.
 *   pnpm bench [--only SECTION,...] [--articles N] [--load-seconds S] [--soak-seconds S]   (SECTIONS below, all by default)
 * Prints a summary and writes .bench/results.json. Never run as a test: these machines are shared and noisy.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '../helpers/paths.ts';

const { values } = parseArgs({
  options: { only: { type: 'string' }, articles: { type: 'string', default: '100000' }, 'load-seconds': { type: 'string', default: '10' }, processes: { type: 'string', default: '1' }, 'soak-seconds': { type: 'string', default: '60' } },
});
/** every section; `--only` picks some */
const SECTIONS = 'parser,derive,editor,topics,stories,enrich-big,api,reads,input,batch,upload,ryw,soak,start';
const only = new Set((values.only ?? SECTIONS).split(','));
const results: Record<string, unknown> = { at: new Date().toISOString(), node: process.version };
const log = (s: string) => console.error(s);

if (only.has('parser')) {
  log('== parser: throughput on one core, parseDump alone and parse + derive');
  const { benchParser } = await import('./parser.ts');
  results.parser = await benchParser();
  log(JSON.stringify(results.parser));
  log('== parser with learned inputs: the line memory, 50 editors\' line rules and 5 shape rules');
  results.parserLearned = await benchParser({ learned: true });
  log(JSON.stringify(results.parserLearned));
  log('== parser: confidence ranking on the labelled set (gold dumps + copies with injected errors)');
  const { benchLabelled } = await import('./labelled.ts');
  results.parserConfidence = benchLabelled();
  log(JSON.stringify(results.parserConfidence));
}
if (only.has('derive')) {
  log('== dashboard: boundary move on a 50 KB dump (edit + partition check + derive)');
  try {
    const { benchDerive } = (await import('./derive.ts')) as { benchDerive: () => Promise<unknown> };
    results.derive = await benchDerive();
    log(JSON.stringify(results.derive));
  } catch (e) {
    results.derive = { error: String((e as Error).message) };
    log(`derive bench unavailable: ${(e as Error).message}`);
  }
}
if (only.has('editor')) {
  log('== dashboard in Chromium on a ~200 KB dump: editor first paint, queue first row, preview after a boundary move, go to a far line');
  const { benchEditor } = await import('./editor.ts');
  results.editor = await benchEditor();
  log(JSON.stringify(results.editor, null, 2));
}
if (only.has('topics')) {
  log('== topics: precision / recall of extracted topics against the labelled sample (tests/bench/topics/)');
  const { benchTopics } = await import('./topics.ts');
  results.topics = await benchTopics();
  log(JSON.stringify(results.topics, null, 2));
}
if (only.has('stories')) {
  log('== stories: pairwise precision / recall of story membership against the labelled set (tests/bench/stories/)');
  const { benchStories } = await import('./stories.ts');
  results.stories = await benchStories();
  log(JSON.stringify(results.stories, null, 2));
}
if (only.has('enrich-big')) {
  log('== enrichment of one dump with 500 and 2,000 related blocks on PGlite: job time, and the slowest read meanwhile');
  const { benchEnrichBig } = await import('./enrich-big.ts');
  results.enrichBig = await benchEnrichBig({ log });
}
if (only.has('api')) {
  log('== API on PostgreSQL: import vs COPY, enrichment, load (Q1, Q2)');
  const { benchApi } = await import('./api.ts');
  results.api = await benchApi({ articles: Number(values.articles), loadSeconds: Number(values['load-seconds']), processes: Number(values.processes), log });
  log(JSON.stringify(results.api, null, 2));
}
if (only.has('reads')) {
  log('== reads on PostgreSQL: copydesk\'s executors side by side with PostGraphile v4 (Q1-Q4, response cache off)');
  const { benchReads } = await import('./reads.ts');
  results.reads = await benchReads({ log });
}
if (only.has('input')) {
  log('== API input on PGlite: the edge check per request, a hostile search refused, the widest search accepted');
  const { benchInput } = await import('./input.ts');
  results.input = await benchInput({ log });
}
if (only.has('batch')) {
  log('== a batch import on PGlite: 200 small distinct dumps, one after another, with 1,550 editors\' rules stored');
  const { benchImportBatch } = await import('./import-batch.ts');
  results.batch = await benchImportBatch({ log });
}

if (only.has('upload')) {
  log('== hostile uploads: anonymous 60 MB multipart, lying and bomb zips (time, server CPU, peak RSS, liveness)');
  const { benchUpload } = await import('./upload.ts');
  results.upload = await benchUpload(log);
}

if (only.has('ryw')) {
  log('== read-your-writes: 2 HTTP processes, anonymous reads right after an import');
  const { benchReadYourWrites } = await import('./read-your-writes.ts');
  results.readYourWrites = await benchReadYourWrites();
  log(JSON.stringify(results.readYourWrites));
}
if (only.has('soak')) {
  log('== soak on PostgreSQL: mixed reads, imports and saves from 8 clients, hostile requests, row audit');
  const { benchSoak } = await import('./soak.ts');
  results.soak = await benchSoak({ seconds: Number(values['soak-seconds']), log });
  log(JSON.stringify(results.soak, null, 2));
}
if (only.has('start')) {
  log('== pnpm start on the embedded database: RSS peak and settled, first start on a fresh data folder and restart (the built server)');
  const { benchStart } = await import('./start.ts');
  results.start = await benchStart(log);
}

mkdirSync(join(REPO_ROOT, '.bench'), { recursive: true });
writeFileSync(join(REPO_ROOT, '.bench/results.json'), JSON.stringify(results, null, 2));
console.log(JSON.stringify(results, null, 2));
