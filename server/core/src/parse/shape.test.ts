/** Shape rules: an editor's byline or date-line fix generalised to the line's shape, and applied by the parser. */
import { describe, expect, it } from 'vitest';
import { parseDump } from './index.ts';
import fc from 'fast-check';
import { compileShape, lineShape, matchShape, quickReject, ShapeError, type ShapeField } from './shape.ts';
import { sourceKey } from './learned.ts';
import type { LearnedRule, ParseOptions } from './types.ts';

/** A logo-layout dump (own fixture): the outlet glued to its age, then the lines, then the site boilerplate. */
const dump = (source: string, lines: readonly string[]) =>
  `logo\nHarbour ferries to run all night\n\nHarbour ferries to run all night\n\n${source}3 hours ago\n\n${lines.join('\n')}\n\nOrange background\n\nTry Our AI Features\n\nExplore what Daily8 AI can do for you:\n\nComments\n\nNo comments yet...\n\nRelated Articles\n`;
const PARA = 'Ferry crews said the new timetable would take effect on Monday across all routes, with extra crossings at weekends.';
const PARA2 = 'Officials did not say how much the extra crossings would cost the city over the first year of the trial.';

/** The shape of `line` with `marked` (its first occurrence) as the field. */
const shapeOf = (line: string, marked: string, field: ShapeField) => {
  const at = line.indexOf(marked);
  return lineShape(line, at, at + marked.length, field);
};
/** The text `line` would give the field under the shape learned from (example, marked), or null. */
const reads = (example: string, marked: string, field: ShapeField, line: string) => {
  const m = matchShape(compileShape(shapeOf(example, marked, field)), line);
  return m && line.slice(m.start, m.end);
};
const rule = (name: string, action: 'byline' | 'published', key: string, source: string | null = null): LearnedRule => ({ name, action, key, source, description: `test ${name}` });
/** The field spans a rule produced: [field, text, rule]. */
const ruled = (text: string, opts: ParseOptions) =>
  parseDump(text, opts).segments.flatMap((s) => s.fields.filter((f) => f.rule).map((f) => [f.field, text.slice(f.start, f.end), f.rule]));

const BYLINE = 'Jane Doe, Senior Correspondent';
const DATELINE = 'Posted 09:30 GMT, 12 March 2024 - last modified 10:00 GMT, 12 March 2024';
const DATE = '09:30 GMT, 12 March 2024';

describe('lineShape', () => {
  it('generalises a byline to runs of names and job titles, keeping its punctuation', () => {
    expect(shapeOf(BYLINE, 'Jane Doe', 'byline')).toBe('[ <cap:2> ] , <title:2>');
    expect(shapeOf('By Jane Doe | Culture desk', 'Jane Doe', 'byline')).toBe('By [ <cap:2> ] | <title:2>');
    expect(shapeOf('Words: Jane van der Berg / Harbour Post', 'Jane van der Berg', 'byline')).toBe('Words : [ <cap:2> ] / <cap:2>');
  });

  it('generalises a date line to date and time classes, keeping its label and template words', () => {
    expect(shapeOf(DATELINE, DATE, 'published')).toBe('Posted [ <time> <zone> , <day> <month> <year> ] - last modified <time> <zone> , <day> <month> <year>');
    expect(shapeOf('Filed at 09:30 on 12/03/2024', '09:30 on 12/03/2024', 'published')).toBe('Filed at [ <time> on <date> ]');
  });

  it('keeps a name that is also a month or weekday a name inside a byline', () => {
    expect(shapeOf('April May, Political Editor', 'April May', 'byline')).toBe('[ <cap:2> ] , <title:2>');
  });

  it('refuses fixes that do not generalise', () => {
    // names only: any short capitalised line would match
    expect(() => shapeOf('Jane Doe', 'Jane Doe', 'byline')).toThrow(ShapeError);
    expect(() => shapeOf('Jane Doe Reports', 'Jane Doe', 'byline')).toThrow(ShapeError);
    // a date span with no date in it, a byline span with no name
    expect(() => shapeOf('Posted by the desk', 'by the desk', 'published')).toThrow(/no day, month, year or time/);
    expect(() => shapeOf('by the desk, 12 March 2024', 'by the desk', 'byline')).toThrow(/no capitalised word/);
    // a paragraph
    expect(() => lineShape(PARA + PARA, 0, 8, 'byline')).toThrow(/article text/);
    expect(() => lineShape(BYLINE, 40, 50, 'byline')).toThrow(/no word/);
  });
});

describe('matchShape', () => {
  it('reads other names and titles of the same shape, with exact offsets', () => {
    expect(reads(BYLINE, 'Jane Doe', 'byline', 'John A. Smith, Political Editor')).toBe('John A. Smith');
    expect(reads(BYLINE, 'Jane Doe', 'byline', 'Maria van der Berg, Reporter')).toBe('Maria van der Berg');
    expect(reads(BYLINE, 'Jane Doe', 'byline', 'Étienne Ćosić, Chief Foreign Correspondent')).toBe('Étienne Ćosić');
    expect(reads(BYLINE, 'Jane Doe', 'byline', BYLINE)).toBe('Jane Doe');
    expect(reads('By Jane Doe | Culture desk', 'Jane Doe', 'byline', 'By Ola Nordmann | Sports desk')).toBe('Ola Nordmann');
  });

  it('reads other dates and times of the same date-line shape', () => {
    expect(reads(DATELINE, DATE, 'published', 'Posted 18:05 BST, 3 June 2025 - last modified 19:00 BST, 3 June 2025')).toBe('18:05 BST, 3 June 2025');
    expect(reads(DATELINE, DATE, 'published', 'Posted 7:15 EDT, 21st Oct 2023 — last modified 7:40 EDT, 21st Oct 2023')).toBe('7:15 EDT, 21st Oct 2023');
    expect(reads('Filed at 09:30 on 12/03/2024', '09:30 on 12/03/2024', 'published', 'Filed at 23:59 on 1.1.2025')).toBe('23:59 on 1.1.2025');
  });

  it('does not take article text that looks alike', () => {
    // a place and a country, a lead-in, a quote: capitalised runs and a comma, but no job title
    for (const line of ['New York, United States', 'Boris Johnson, Prime Minister', 'Jane Doe, who covers the council, said so.', 'Jane Doe, Senior Correspondent and her brother', 'Jane Doe']) {
      expect(reads(BYLINE, 'Jane Doe', 'byline', line)).toBeNull();
    }
    for (const line of [
      'Posted 10 parcels on Monday, the council said.',
      'Posted 09:30 GMT, 12 March 2024',
      'Posted at 09:30 GMT, 12 March 2024 - last modified 10:00 GMT, 12 March 2024',
      'Updated 09:30 GMT, 12 March 2024 - last modified 10:00 GMT, 12 March 2024',
      'Posted 09:30 GMT, 12 March 2024 - last seen 10:00 GMT, 12 March 2024',
    ]) {
      expect(reads(DATELINE, DATE, 'published', line)).toBeNull();
    }
    expect(reads('By Jane Doe | Culture desk', 'Jane Doe', 'byline', 'By Monday | the bridge closed')).toBeNull();
  });

  it('has a quick test that never turns away a line the shape matches', () => {
    const shapes = [
      shapeOf(BYLINE, 'Jane Doe', 'byline'),
      shapeOf('By Jane Doe | Culture desk', 'Jane Doe', 'byline'),
      shapeOf('John A. Smith, Jr.', 'John A. Smith, Jr.', 'byline'),
      shapeOf(DATELINE, DATE, 'published'),
      shapeOf('Filed at 09:30 on 12/03/2024', '09:30 on 12/03/2024', 'published'),
      shapeOf('(GMT) 12 Mar. 2024', '12 Mar. 2024', 'published'),
    ].map(compileShape);
    const word = fc.constantFrom('Jane', 'Doe', 'A.', 'Jr.', 'van', 'der', 'Senior', 'Correspondent', 'editor', 'By', 'Posted', 'Filed', 'at', 'on', 'last', 'modified', '09:30', 'GMT', '(GMT)', '12', 'March', 'Mar.', '2024', '12/03/2024', ',', '|', '-', '—', '.', 'said', 'the');
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 16 }), fc.array(fc.constantFrom(' ', ''), { minLength: 16, maxLength: 16 }), (words, gaps) => {
        const line = words.reduce((acc, w, i) => (i ? acc + (gaps[i] || ' ') + w : w), '');
        for (const shape of shapes) if (matchShape(shape, line)) expect(quickReject(shape, line)).toBe(false);
      }),
      { numRuns: 3000 },
    );
    for (const [example, line] of [[BYLINE, 'Maria van der Berg, Reporter'], [DATELINE, 'Posted 7:15 EDT, 21st Oct 2023 — last modified 7:40 EDT, 21st Oct 2023']] as const) {
      expect(quickReject(compileShape(shapeOf(example, example === BYLINE ? 'Jane Doe' : DATE, example === BYLINE ? 'byline' : 'published')), line)).toBe(false);
    }
    // a sentence is turned away before it is cut into tokens
    expect(quickReject(shapes[0]!, 'Jane Doe, who covers the council, said nothing.')).toBe(true);
  });

  it('stays fast on a long line of capitalised words (no backtracking blow-up)', () => {
    const shape = compileShape('[ <cap:3> ] <cap:3> , <cap:3> <cap:3>');
    const line = Array.from({ length: 40 }, (_, i) => `Word${i}`).join(' ');
    expect(matchShape(shape, line)).toBeNull();
  });
});

describe('shape rules in the parser', () => {
  const byline = rule('rule:1', 'byline', shapeOf(BYLINE, 'Jane Doe', 'byline'));
  const dateline = rule('rule:2', 'published', shapeOf(DATELINE, DATE, 'published'));

  it('mark the byline on a credit line of the shape, naming the rule, and take it out of the body', () => {
    const text = dump('Harbour Post', ['John A. Smith, Political Editor', PARA, PARA2]);
    expect(ruled(text, { rules: [byline] })).toEqual([['byline', 'John A. Smith', 'rule:1']]);
    const main = parseDump(text, { rules: [byline] }).segments.find((s) => s.kind === 'main')!;
    const line = text.indexOf('John A. Smith');
    expect(main.fields.filter((f) => f.start < line + 31 && f.end > line).map((f) => f.field)).toEqual(['byline']);
    // without the rule no span names it (the built-in credit rules read "Name, Job Title" lines on their own since the job-title credit rule)
    expect(parseDump(text).segments.find((s) => s.kind === 'main')!.fields.some((f) => f.rule === 'rule:1')).toBe(false);
  });

  it('mark the published date on a date line of the shape; it replaces the date the built-in rules read elsewhere', () => {
    const text = dump('Harbour Post', ['Posted 18:05 BST, 3 June 2025 - last modified 19:00 BST, 3 June 2025', PARA, PARA2]);
    const main = parseDump(text, { rules: [dateline] }).segments.find((s) => s.kind === 'main')!;
    expect(main.fields.filter((f) => f.field === 'published').map((f) => [text.slice(f.start, f.end), f.rule])).toEqual([['18:05 BST, 3 June 2025', 'rule:2']]);
  });

  it('correct a date the built-in rules miss: the original date of an "Updated ..., went live ..." line', () => {
    const example = 'Updated 10:00 GMT, 12 March 2024 - went live 09:30 GMT, 12 March 2024';
    const original = rule('rule:4', 'published', shapeOf(example, '09:30 GMT, 12 March 2024', 'published'));
    const line = 'Updated 18:40 BST, 3 June 2025 - went live 07:05 BST, 2 June 2025';
    const flat = `\nHarbour ferries to run all night\n${line}\n${PARA}\n${PARA2}\nHashtags\n\nTry Our AI Features\nExplore what Daily8 AI can do for you:\nComments\nNo comments yet...\nRelated Articles\n`;
    expect(parseDump(flat).segments.flatMap((s) => s.fields).some((f) => f.field === 'published')).toBe(false);
    expect(ruled(flat, { rules: [original] })).toEqual([['published', '07:05 BST, 2 June 2025', 'rule:4']]);
  });

  it('replace the span the built-in rules read on the same line with one naming the rule', () => {
    const text = dump('Harbour Post', ['By Ola Nordmann | Sports desk', PARA, PARA2]);
    const desk = rule('rule:5', 'byline', shapeOf('By Jane Doe | Culture desk', 'Jane Doe', 'byline'));
    const bylines = (opts: ParseOptions) => parseDump(text, opts).segments.flatMap((s) => s.fields.filter((f) => f.field === 'byline').map((f) => [text.slice(f.start, f.end), f.rule ?? null]));
    expect(bylines({})).toEqual([['Ola Nordmann', null]]);
    expect(bylines({ rules: [desk] })).toEqual([['Ola Nordmann', 'rule:5']]);
  });

  it('leave a line of the shape inside the article text alone (after the first paragraph, or beyond the credit zone)', () => {
    const text = dump('Harbour Post', [PARA, 'John A. Smith, Political Editor', PARA2]);
    expect(ruled(text, { rules: [byline] })).toEqual([]);
    const late = dump('Harbour Post', ['Ferries', 'Night', 'Crews', 'Routes', 'Fares', 'Trial', 'John A. Smith, Political Editor', PARA]);
    expect(ruled(late, { rules: [byline] })).toEqual([]);
  });

  it('apply "for this source" only to that outlet', () => {
    const scoped = rule('rule:3', 'byline', byline.key, sourceKey('Harbour Post'));
    const lines = ['John A. Smith, Political Editor', PARA, PARA2];
    expect(ruled(dump('Harbour Post', lines), { rules: [scoped] })).toEqual([['byline', 'John A. Smith', 'rule:3']]);
    expect(ruled(dump('Valley Times', lines), { rules: [scoped] })).toEqual([]);
  });

  it('change nothing when no line has the shape, and a malformed stored shape marks nothing', () => {
    const text = dump('Harbour Post', [BYLINE.replace(',', ' -'), PARA, PARA2]);
    expect(parseDump(text, { rules: [byline, rule('rule:9', 'byline', 'not a [ shape')] })).toEqual(parseDump(text));
  });
});
