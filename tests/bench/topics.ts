/**
 * Topic quality: precision and recall of the topics enrichment extracts, against a labelled
 * sample (tests/bench/topics/), for copydesk's extractor and, side by side, wink-nlp. Run alone: `pnpm tsx tests/bench/topics.ts`.
 */
import { extractTopics } from '@copydesk/server/enrich/topics.ts';
import { scoreTopics, loadSamples } from './topics/score.ts';
import { winkTopics } from './topics/wink.ts';

/**
 * Scores on the whole sample, and apart on its two kinds of text: real prose (the reference dump,
 * the shared cases, our fixtures) and the d8-* dumps whose ordinary words are pseudo-words (there
 * an editor cannot always tell a scrambled name from a scrambled word, so labels are partial).
 */
/** median over 5 passes of the mean wall time per labelled article, in milliseconds */
function msPerArticle(extract: (h: string | null, b: string) => unknown, samples: { headline: string | null; body: string }[]): number {
  const passes: number[] = [];
  for (let p = 0; p < 5; p++) {
    const t0 = performance.now();
    for (const s of samples) extract(s.headline, s.body);
    passes.push((performance.now() - t0) / samples.length);
  }
  return Math.round(passes.sort((a, b) => a - b)[2]! * 100) / 100;
}

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
    msPerArticle: { copydesk: msPerArticle(extract, samples), winkNlp: msPerArticle(winkTopics, samples) },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchTopics({ verbose: process.argv.includes('--verbose') }), null, 2));
}
