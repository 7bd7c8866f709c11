/** Learned inputs: the line memory and editors' rules turn whole body lines into publisher boilerplate. */
import { describe, expect, it } from 'vitest';
import { parseDump } from './index.ts';
import { deriveArticles } from '../derive/index.ts';
import { KeyIndex, compileLearned, lineKey, sourceKey, storiesNeeded } from './learned.ts';
import type { LineMemoryEntry, ParseOptions } from './types.ts';
import { LINE_MEMORY_MIN_STORIES } from './patterns.ts';

const BP = 'Hashtags\n\nTry Our AI Features\nExplore what Daily8 AI can do for you:\nComments\nNo comments yet...\nRelated Articles\n\n\n';
/**
 * The outlet's own repeated line: a bare sentence with no prompt cue (no imperative, no "you", no
 * newsletter word), so that the built-in kind rules keep it as body and only a learned input can take it.
 */
const PROMO = 'The Harbour Bulletin is printed at the Quayside works in Calder Bay.';
/** A prompt the built-in kind rules take out themselves (a newsletter sign-up). */
const KIND_PROMO = 'Get the Harbour Bulletin in your inbox every weekday morning.';
const SENTENCE = 'Ferry crews said the new timetable would take effect on Monday across all routes.';
const INNER = 'Officials did not say how much the extra crossings would cost the city.';
const dump = (...body: string[]) => `\nHarbour ferries to run all night\n${body.join('\n')}\n${BP}Yahoo\n3 hours ago\n- Yahoo\nA related headline\n${PROMO}\n`;
const text = dump(SENTENCE, INNER, 'The council will review the trial after six months of night services.', PROMO);

const memoryOf = (entries: [string, number, Partial<LineMemoryEntry>?][]): ParseOptions['memory'] => ({
  lines: new Map(entries.map(([line, stories, extra]) => [lineKey(line), { stories, sources: 1, ...extra }])),
});
const noise = (t: string, opts: ParseOptions) =>
  parseDump(t, opts)
    .segments.flatMap((s) => s.fields.filter((f) => f.field === 'noise').map((f) => ({ kind: s.kind, text: t.slice(f.start, f.end), rule: f.rule, reason: f.reason })));
const bodies = (t: string, opts: ParseOptions) => deriveArticles(t, parseDump(t, opts)).map((a) => a.body);

describe('line memory', () => {
  it(`marks a short line seen in ${LINE_MEMORY_MIN_STORIES} stories at a body's edge as publisher boilerplate`, () => {
    const found = noise(text, { memory: memoryOf([[PROMO, 3]]) });
    expect(found).toEqual([
      { kind: 'main', text: PROMO, rule: 'line-memory', reason: 'repeated in 3 articles' },
      { kind: 'related', text: PROMO, rule: 'line-memory', reason: 'repeated in 3 articles' },
    ]);
    for (const b of bodies(text, { memory: memoryOf([[PROMO, 3]]) })) expect(b).not.toContain(PROMO);
  });

  it('leaves a line seen in fewer stories, and a vetoed line, in the body', () => {
    expect(noise(text, { memory: memoryOf([[PROMO, 2]]) })).toEqual([]);
    expect(noise(text, { memory: memoryOf([[PROMO, 9, { vetoed: true }]]) })).toEqual([]);
    expect(bodies(text, { memory: memoryOf([[PROMO, 9, { vetoed: true }]]) })[0]).toContain(PROMO);
  });

  it('needs twice as many stories inside a body as at its edge', () => {
    expect(noise(text, { memory: memoryOf([[INNER, 5]]) })).toEqual([]);
    expect(noise(text, { memory: memoryOf([[INNER, 6]]) }).map((n) => n.text)).toEqual([INNER]);
    // a run of remembered lines at the end peels off line by line
    const run = noise(text, { memory: memoryOf([[PROMO, 3], ['The council will review the trial after six months of night services.', 3]]) });
    expect(run.filter((n) => n.kind === 'main').map((n) => n.text)).toEqual(['The council will review the trial after six months of night services.', PROMO]);
  });

  it('never marks a sentence of reported speech, however many stories it was seen in (news copy, not a promo)', () => {
    // SENTENCE opens the body (its edge) and reports speech ("Ferry crews said ...")
    expect(noise(text, { memory: memoryOf([[SENTENCE, 50]]) })).toEqual([]);
    const closing = 'Organisers said the march was the largest in the town since 1990.';
    const t = dump(SENTENCE, INNER, closing);
    expect(noise(t, { memory: memoryOf([[closing, 12]]) })).toEqual([]);
    // an editor's rule still takes it
    expect(noise(t, { rules: [{ name: 'rule:1', key: lineKey(closing), source: null }] }).map((n) => n.text)).toEqual([closing]);
    // a promo beside it is still marked
    expect(noise(dump(SENTENCE, PROMO), { memory: memoryOf([[SENTENCE, 50], [PROMO, 3]]) }).filter((n) => n.kind === 'main').map((n) => n.text)).toEqual([PROMO]);
  });

  it('never marks a paragraph, however often it was seen', () => {
    const para = 'Ferry crews said the new timetable would take effect on Monday. '.repeat(8).trim();
    const t = dump(SENTENCE, para);
    expect(para.length).toBeGreaterThan(400);
    expect(noise(t, { memory: memoryOf([[para, 1000]]) })).toEqual([]);
    expect(storiesNeeded(para.length, true)).toBe(Infinity);
    expect(storiesNeeded(300, true)).toBe(2 * LINE_MEMORY_MIN_STORIES);
  });

  it('counts a paragraph too long to remember as body when it looks for a body\'s edge', () => {
    const para = 'Ferry crews said the new timetable would take effect on Monday. '.repeat(8).trim();
    const t = dump(SENTENCE, INNER, para, PROMO);
    expect(noise(t, { memory: memoryOf([[INNER, 3], [PROMO, 3]]) }).filter((n) => n.kind === 'main').map((n) => n.text)).toEqual([PROMO]);
  });

  it('folds case, quotes, white space and digits in its keys', () => {
    expect(lineKey('Show all 7 photos')).toBe(lineKey('show  all 12 PHOTOS'));
    expect(lineKey('It’s here')).toBe(lineKey("It's here"));
    expect(lineKey('Show all photos')).not.toBe(lineKey('Show some photos'));
  });

  it('takes K from the options', () => {
    expect(noise(text, { memory: { ...memoryOf([[PROMO, 2]])!, minStories: 2 } }).length).toBe(2);
  });

  it('changes nothing without learned inputs', () => {
    expect(parseDump(text, { memory: { lines: new Map() }, rules: [] })).toEqual(parseDump(text));
  });
});

describe('learned inputs and the built-in rules', () => {
  it('leave a line the kind rules take to them (no learned name), and count it out of the body\'s edge', () => {
    const t = dump(SENTENCE, INNER, PROMO, KIND_PROMO);
    const opts: ParseOptions = { memory: memoryOf([[PROMO, 3], [KIND_PROMO, 9]]), rules: [{ name: 'rule:7', key: lineKey(KIND_PROMO), source: null }] };
    const main = noise(t, opts).filter((n) => n.kind === 'main');
    // the newsletter prompt is the kind rules' (no learned rule on it); the outlet's line before it is at the edge
    expect(main).toEqual([
      { kind: 'main', text: PROMO, rule: 'line-memory', reason: 'repeated in 3 articles' },
      { kind: 'main', text: KIND_PROMO, rule: undefined, reason: undefined },
    ]);
    expect(noise(t, {}).filter((n) => n.kind === 'main').map((n) => n.text)).toEqual([KIND_PROMO]);
  });

  it('settle the doubts the parser had about a line they take: its suspicion and warning go, the others stay', () => {
    const question = 'Want to see the new ferry timetable?';
    const t = dump(SENTENCE, question, INNER, 'Audio only');
    const doubts = (r: ReturnType<typeof parseDump>) => ({
      suspicions: (r.suspicions ?? []).map((x) => t.slice(x.start, x.end)),
      warnings: r.warnings.map((w) => [w.code, t.slice(w.start, w.end)]),
    });
    const plain = parseDump(t);
    expect(doubts(plain)).toEqual({ suspicions: [question, 'Audio only'], warnings: [['SUSPECT_BOILERPLATE', question]] });
    for (const opts of [{ rules: [{ name: 'rule:3', key: lineKey(question), source: null }] }, { memory: memoryOf([[question, 6]]) }] as ParseOptions[]) {
      const r = parseDump(t, opts);
      expect(noise(t, opts).map((n) => n.text)).toEqual([question]);
      expect(doubts(r)).toEqual({ suspicions: ['Audio only'], warnings: [] });
      expect(r.confidence).toBeGreaterThan(plain.confidence);
    }
  });
});

describe('editor rules', () => {
  it('"always, everywhere" marks the line in every article and names the rule', () => {
    const found = noise(text, { rules: [{ name: 'rule:7', key: lineKey(PROMO), source: null, description: 'always, everywhere (rule 7 by alice)' }] });
    expect(found.map((n) => [n.kind, n.rule, n.reason])).toEqual([
      ['main', 'rule:7', 'always, everywhere (rule 7 by alice)'],
      ['related', 'rule:7', 'always, everywhere (rule 7 by alice)'],
    ]);
  });

  it('"always, for this source" marks the line only in that source\'s articles', () => {
    const yahoo = noise(text, { rules: [{ name: 'rule:8', key: lineKey(PROMO), source: sourceKey('YAHOO') }] });
    expect(yahoo.map((n) => n.kind)).toEqual(['related']);
    expect(noise(text, { rules: [{ name: 'rule:9', key: lineKey(PROMO), source: sourceKey('Reuters') }] })).toEqual([]);
  });

  it('drops the subhead of a line it marks', () => {
    const sub = 'NIGHT ALERTS BY TEXT';
    const long = 'Ferry crews said the new timetable would take effect on Monday, with night crossings every forty minutes and extra staff on the busiest routes until the spring.';
    const t = dump(long, sub, long.replace('Monday', 'Tuesday'));
    const sub0 = parseDump(t).segments.find((s) => s.kind === 'main')!.fields.filter((f) => f.field === 'subhead');
    expect(sub0.map((f) => t.slice(f.start, f.end))).toEqual([sub]);
    const seg = parseDump(t, { rules: [{ name: 'rule:1', key: lineKey(sub), source: null }] }).segments.find((s) => s.kind === 'main')!;
    expect(seg.fields.filter((f) => f.field === 'subhead')).toEqual([]);
    expect(seg.fields.filter((f) => f.field === 'noise').map((f) => f.rule)).toEqual(['rule:1']);
  });
});

describe('compiled learned inputs', () => {
  // lines of many letters (looked up by their hash lanes) and of few (by their folded text's key)
  const lines = [PROMO, SENTENCE, 'Photo: 12/03', '12:30 — 14:45 · 3 / 4', 'x', INNER];
  it('find a line exactly when its lineKey is in the index', () => {
    const index = new KeyIndex();
    for (const l of lines.slice(0, 4)) index.add(lineKey(l));
    const text = `  ${lines.join('\n')}\n`;
    let at = 2;
    for (const l of lines) {
      const prefix = parseInt(lineKey(l).slice(2, lineKey(l).indexOf('.')), 16);
      const want = lines.indexOf(l) < 4 ? lineKey(l) : null;
      expect(index.find(text, at, at + l.length, prefix)).toBe(want);
      at += l.length + 1;
    }
  });
  it('ignore keys no line can have', () => {
    const index = new KeyIndex();
    for (const k of ['', 'l:', 'x:1.2.3', 'l:0ab.1.2', `${lineKey(PROMO)}.9`, 'l:zz.1.2']) index.add(k);
    expect(index.prefixes.size).toBe(0);
    expect(index.all.size).toBe(0);
  });
  it('are compiled once per memory object and rules array, and give the parse its result', () => {
    const opts: ParseOptions = { memory: memoryOf([[PROMO, 3]]), rules: [{ name: 'rule:1', key: lineKey(INNER), source: null }] };
    expect(compileLearned(opts).keys).toBe(compileLearned(opts).keys);
    expect(compileLearned(opts).keys).toBe(compileLearned({ ...opts }).keys);
    expect(noise(text, opts).map((n) => [n.text, n.rule])).toEqual([
      [INNER, 'rule:1'],
      [PROMO, 'line-memory'],
      [PROMO, 'line-memory'],
    ]);
  });
});
