/** Confidence is designed so that a dump the parser likely got wrong scores lower than one it got right. */
import { describe, expect, it } from 'vitest';
import { parseDump } from './index.ts';

const BP = 'Hashtags\n\nTry Our AI Features\nExplore what Daily8 AI can do for you:\nComments\nNo comments yet...\nRelated Articles\n\n\n';
const BLOCK = 'Yahoo\n3 hours ago\n- Yahoo\nA related headline\nA related body sentence that ends.\n';
const good = '\nA headline\nA body sentence that ends.\n' + BP + BLOCK;

describe('dump confidence', () => {
  const base = parseDump(good).confidence;
  it('is high for a clean, complete dump', () => expect(base).toBeGreaterThan(0.9));
  it('drops without the boilerplate anchor', () => {
    expect(parseDump('\nA headline\nA body sentence that ends.\n').confidence).toBeLessThan(base);
  });
  it('drops for an echo that does not match its source', () => {
    expect(parseDump(good.replace('- Yahoo', '- Reuters')).confidence).toBeLessThan(base);
  });
  it('drops for text no block claims', () => {
    expect(parseDump(good + '\n\nstray line one\nstray line two that is long enough to be a body line.\n').confidence).toBeLessThan(base);
  });
  it('drops for a truncated capture', () => {
    expect(parseDump(good.slice(0, good.length - 8)).confidence).toBeLessThan(base);
  });
  it('drops for an unknown template', () => {
    expect(parseDump('some text\nmore text\n').confidence).toBeLessThan(0.6);
  });
  it('stays in [0, 1] with many warnings', () => {
    const c = parseDump(('Src\n3 hours ago\n- Other\n\n\nstray\n').repeat(50)).confidence;
    expect(c).toBeGreaterThanOrEqual(0);
    expect(c).toBeLessThanOrEqual(1);
  });
});

describe('confidence built from lines', () => {
  const para = 'The harbour authority said on Tuesday that the night ferries would return in September after a three-year pause.';
  const dump = (...body: string[]) => `\nFerries to return\n${body.join('\n')}\n${BP}${BLOCK}`;
  const clean = parseDump(dump(para, para));
  it('gives a clean dump no warning and no suspicion', () => {
    expect(clean.warnings).toEqual([]);
    expect(clean.suspicions).toEqual([]);
  });
  it('drops for a kept line that speaks to the reader like a prompt, and warns on exactly that line', () => {
    const line = 'Get the whole story first: you can have it before anyone else.';
    const text = dump(para, line, para);
    const seg = parseDump(text);
    expect(seg.confidence).toBeLessThan(clean.confidence);
    expect(seg.warnings.map((w) => text.slice(w.start, w.end))).toEqual([line]);
    expect(seg.suspicions?.[0]?.reason).toMatch(/call to action/u);
  });
  it('drops for a byline line that no rule reads, and warns on it', () => {
    const text = dump('By Jane Example and the Harbour Desk team', para, para);
    const seg = parseDump(text);
    expect(seg.confidence).toBeLessThan(clean.confidence);
    expect(seg.warnings.map((w) => w.code)).toEqual(['SUSPECT_BYLINE']);
  });
  it('drops a little for a line taken out by its position only', () => {
    const seg = parseDump(dump(para, para, 'Harbour trust names new chair after long search'));
    expect(seg.confidence).toBeLessThan(clean.confidence);
    expect(seg.warnings).toEqual([]);
  });
  it('puts a truncated capture in notes, not warnings', () => {
    const seg = parseDump('\nA headline\nA body sentence that is cut off in the mid');
    expect(seg.warnings).toEqual([]);
    expect(seg.notes?.map((w) => w.code)).toContain('TRUNCATED');
  });
});

describe('credit lines under pictures', () => {
  it('neither takes "Image: ..." as a subhead nor doubts it as a left-over short line', () => {
    const para = 'Engineers will now join the cable to a substation near Keith, a job expected to take until the end of the summer.';
    const text = `\nWind farm cable reaches shore\n${para}\nImage: Moray Deep Ltd\n${para.replace('Engineers', 'Crews')}\n` + BP + BLOCK;
    const seg = parseDump(text);
    expect((seg.suspicions ?? []).map((x) => text.slice(x.start, x.end))).toEqual([]);
    const main = seg.segments.find((s) => s.kind === 'main')!;
    expect(main.fields.filter((f) => f.field === 'subhead').map((f) => text.slice(f.start, f.end))).toEqual([]);
  });
});
