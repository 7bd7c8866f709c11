/**
 * Topic quality: precision and recall of the topics enrichment extracts, against a labelled
 * sample (tests/bench/topics/), for copydesk's extractor. Run alone: `pnpm tsx tests/bench/topics.ts`.
 */
import { extractTopics } from '../../server/src/enrich/topics.ts';
import { scoreTopics, loadSamples } from './topics/score.ts';

export async function benchTopics(opts: { verbose?: boolean } = {}) {
  const samples = loadSamples();
  const copydesk = scoreTopics((h, b) => extractTopics(h, b), samples);
  const strip = ({ misses, ...rest }: typeof copydesk) => (opts.verbose ? { ...rest, misses } : rest);
  return { copydesk: strip(copydesk) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchTopics({ verbose: process.argv.includes('--verbose') }), null, 2));
}
