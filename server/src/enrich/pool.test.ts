import { afterAll, describe, expect, it } from 'vitest';
import { analyseArticle, NLP_TEXT_LIMITS } from './analyse.ts';
import { AnalyseTimeoutError, analyseOffThread, closeAnalysePool } from './pool.ts';
import { extractTopics } from './topics.ts';
import { minhash } from './minhash.ts';

const LEAD = 'Chancellor Olaf Scholz met President Emmanuel Macron in Paris on Tuesday to discuss a rail link between Hamburg and Lyon.';

afterAll(() => closeAnalysePool());

describe('analyseArticle', () => {
  it('hands the NLP step at most NLP_TEXT_LIMITS of headline and body, and signs the whole body', () => {
    const headline = `Scholz in Paris ${'and more words '.repeat(20_000)}`;
    const body = `${LEAD} ${'Filler words go here. '.repeat(5_000)}Angela Merkel spoke last.`;
    const a = analyseArticle({ id: 7, headline, body });
    expect(a.topics).toEqual(extractTopics(headline.slice(0, NLP_TEXT_LIMITS.headline), body.slice(0, NLP_TEXT_LIMITS.body)));
    expect(a.signature).toEqual(minhash(body));
    expect(a.id).toBe(7);
  });

  it('never cuts a surrogate pair in two', () => {
    const headline = `${'a'.repeat(NLP_TEXT_LIMITS.headline - 1)}😀 and more`;
    expect(() => analyseArticle({ id: 1, headline, body: LEAD })).not.toThrow();
  });
});

describe('analyseOffThread', () => {
  it('returns the same analyses as the pure function, in order, from a worker thread', async () => {
    const batch = [
      { id: 1, headline: 'Scholz meets Macron', body: LEAD },
      { id: 2, headline: null, body: 'Too short.' },
    ];
    expect(await analyseOffThread(batch)).toEqual(batch.map(analyseArticle));
  });

  it('terminates a batch past its time limit with a typed error, and the pool still works after', async () => {
    const slow = { id: 3, headline: 'Scholz', body: 'Olaf Scholz met Emmanuel Macron in Paris. '.repeat(100_000) };
    const t0 = performance.now();
    await expect(analyseOffThread([slow, slow, slow], { timeLimitMs: 50 })).rejects.toBeInstanceOf(AnalyseTimeoutError);
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(await analyseOffThread([{ id: 4, headline: 'Scholz meets Macron', body: LEAD }])).toHaveLength(1);
  });
});
