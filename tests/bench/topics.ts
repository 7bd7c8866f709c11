/**
 * Topic quality: precision and recall of the topics enrichment extracts, against a labelled
 * sample (tests/bench/topics/), for copydesk's extractor and, side by side, wink-nlp. Run alone: `pnpm tsx tests/bench/topics.ts`.
 */
import { extractTopics } from '../../server/src/enrich/topics.ts';
import { scoreTopics, loadSamples } from './topics/score.ts';
import { winkTopics } from './topics/wink.ts';

/**
 * Scores on the whole sample, and apart on its two kinds of text: real prose (the reference dump,
 * the shared cases, our fixtures) and the d8-* dumps whose ordinary words are pseudo-words (there
 * an editor cannot always tell a scrambled name from a scrambled word, so labels are partial).
 */
export async function benchTopics(opts: { verbose?: boolean } = {}) {
  const samples = loadSamples();
  const extract = (h: string | null, b: string) => extractTopics(h, b);
  const strip = ({ misses, ...rest }: ReturnType<typeof scoreTopics>) => (opts.verbose ? { ...rest, misses } : rest);
  const pseudo = (s: { file: string }) => s.file.startsWith('d8-');
  return {
    copydesk: strip(scoreTopics(extract, samples)),
    copydeskRealText: strip(scoreTopics(extract, samples.filter((s) => !pseudo(s)))),
    copydeskPseudoWordDumps: strip(scoreTopics(extract, samples.filter(pseudo))),
    // side by side: wink-nlp's packaged model (part-of-speech runs; it has no entity kinds)
    winkNlp: strip(scoreTopics(winkTopics, samples)),
    winkNlpRealText: strip(scoreTopics(winkTopics, samples.filter((s) => !pseudo(s)))),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchTopics({ verbose: process.argv.includes('--verbose') }), null, 2));
}
