/**
 * The side-by-side candidate: wink-nlp with its packaged English model (wink-eng-lite-web-model,
 * no download). Its model has no named-entity types for people, places or organisations, only
 * part-of-speech tags, so names are runs of PROPN tokens (with "of" between two), titles dropped,
 * a one-word run that ends a longer run folded into it; every name counts as an organisation
 * (the model gives no kind). Bench only.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Predicted } from './score.ts';

const nlp = winkNLP(model);
const its = nlp.its;
const TITLES = /^(?:president|prime|minister|secretary|state|governor|senator|sen\.?|rep\.?|mayor|king|queen|chancellor|judge|mr\.?|mrs\.?|ms\.?|dr\.?|chief|coach|general|pm)$/i;

export function winkTopics(headline: string | null, body: string): Predicted[] {
  const names = new Map<string, string>();
  for (const text of [headline ?? '', body.slice(0, 1200)]) {
    const doc = nlp.readDoc(text);
    const toks = doc.tokens().out() as string[];
    const pos = doc.tokens().out(its.pos) as string[];
    let run: string[] = [];
    const flush = () => {
      while (run.length && TITLES.test(run[0]!)) run.shift();
      while (run.length && run.at(-1) === 'of') run.pop();
      if (run.length && /^\p{Lu}/u.test(run[0]!)) {
        const name = run.join(' ').replace(/ 's$/, '');
        names.set(name.toLowerCase(), name);
      }
      run = [];
    };
    for (let i = 0; i < toks.length; i++) {
      if (pos[i] === 'PROPN') run.push(toks[i]!);
      else if (toks[i] === 'of' && run.length && pos[i + 1] === 'PROPN') run.push('of');
      else flush();
    }
    flush();
  }
  const all = [...names.values()];
  return all
    .filter((n) => n.includes(' ') || !all.some((m) => m !== n && m.split(' ').includes(n)))
    .map((name) => ({ name, kind: 'organization' }));
}
