/**
 * Property tests: whatever the input, parseDump never throws, the segments partition the text,
 * fields lie inside their segments, every derived value follows the slice rule, and every
 * confidence is in [0, 1] (see invariants.ts). Big inputs run once each; no timing assertions.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { parseDump } from '@copydesk/core';
import { checkInvariants } from './invariants.ts';
import { FIXTURE_DIR } from '../helpers/update-fixtures.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SHARED = resolve(repoRoot, '../shared/dumps');

function readDir(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(dir, f), 'utf8')) : [];
}
const corpus = [...readDir(SHARED), ...readDir(FIXTURE_DIR)].filter((t) => t.length > 0);

function check(text: string): void {
  checkInvariants(text, parseDump(text, { fetchedAt: '2025-07-26T12:00:00.000Z' }));
}

/** Lines that drive the parser down its interesting paths. */
const TOKENS = [
  'logo', 'Hashtags', 'Orange background', 'Try Our AI Features', 'Explore what Daily8 AI can do for you:', 'Comments',
  'No comments yet...', 'Related Articles', '#', 'Latest news with #Tag', '&w=3840&q=100)', 'Yahoo', '3 hours ago',
  'an hour ago', 'time3 hours ago', 'time31-05-2025', '- Yahoo', '- General', '  • Yahoo', '  • Business', 'Yahoo23-04-2025',
  'Sky Newsa day ago', 'By', 'By ANDREW DALTON Police said', 'By June 11, 1968, it rained.', 'Published: | Updated:',
  '© Reuters 2025.', 'DIPLOMATIC CONFUSION', 'Why This Matters', 'Advertisement', 'Show all 7', 'Read More',
  'To view this video please enable JavaScript, and consider upgrading to a web browser that supports HTML5 video',
  'Get in touch with our news team by emailing us. MORE: x', 'Headline', 'Headline', '', '', '\t', ' ',
  'A long sentence that goes on and on with words in it, so that it reads like a paragraph of a body.',
];

/** Any UTF-16 code unit, lone surrogates and NUL included. */
const unit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const anyString = fc.string({ unit, maxLength: 300 });
const eol = fc.constantFrom('\n', '\r\n', '\r', '\n\n', '');
const structured = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...TOKENS), anyString, fc.string({ unit: 'grapheme', maxLength: 80 })), eol), { maxLength: 40 })
  .map((parts) => parts.map(([a, b]) => a + b).join(''));

describe('parseDump properties', () => {
  it('arbitrary UTF-16 strings (NUL, lone surrogates, CR, tabs)', () => {
    fc.assert(fc.property(anyString, (s) => check(s)), { numRuns: 1000 });
  });

  it('line soups of boilerplate, headers and noise', () => {
    fc.assert(fc.property(structured, (s) => check(s)), { numRuns: 1500 });
  });

  it('mutated real and fixture dumps (delete / insert / duplicate lines, CRLF, truncate anywhere)', () => {
    if (!corpus.length) throw new Error('no dumps to mutate');
    const mutation = fc.oneof(
      fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
      fc.record({ op: fc.constant('insert' as const), at: fc.nat(), line: fc.oneof(fc.constantFrom(...TOKENS), anyString) }),
      fc.record({ op: fc.constant('duplicate' as const), at: fc.nat() }),
      fc.record({ op: fc.constant('blank' as const), at: fc.nat() }),
    );
    const arb = fc.record({
      doc: fc.nat({ max: corpus.length - 1 }),
      muts: fc.array(mutation, { maxLength: 6 }),
      crlf: fc.boolean(),
      cut: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
    });
    fc.assert(
      fc.property(arb, ({ doc, muts, crlf, cut }) => {
        const lines = corpus[doc]!.split('\n');
        for (const m of muts) {
          const at = m.at % (lines.length + 1);
          if (m.op === 'delete') lines.splice(at, 1);
          else if (m.op === 'insert') lines.splice(at, 0, m.line);
          else if (m.op === 'duplicate' && lines[at] !== undefined) lines.splice(at, 0, lines[at]!);
          else if (m.op === 'blank') lines.splice(at, 0, '');
        }
        let text = lines.join(crlf ? '\r\n' : '\n');
        if (cut !== undefined) text = text.slice(0, Math.floor(cut * text.length));
        check(text);
      }),
      { numRuns: 1000 },
    );
  });

  it('every prefix of a real dump (captures cut at every line boundary and mid-line)', () => {
    const text = corpus[0]!;
    const step = Math.max(1, Math.floor(text.length / 150));
    for (let i = 0; i <= text.length; i += step) check(text.slice(0, i));
  });

  it('a 5 MB single line', () => {
    check('x'.repeat(2_500_000) + ' Advertisement ' + 'y '.repeat(1_250_000));
  });

  it('a 5 MB single line of one repeated boilerplate-like word', () => {
    check('To Get in MORE: ©'.repeat(300_000));
  });

  it('100,000 empty lines', () => {
    check('\n'.repeat(100_000));
  });

  it('100,000 short lines after a headline', () => {
    check('Headline\n' + 'Comments\n- x\n3 hours ago\nWhy\n'.repeat(25_000));
  });
});

describe('pathological repetition', () => {
  it('a headline repeated 100,000 times inside a bullet block', () => {
    check('logo\n#\nLatest news with #T\nH\n' + 'H\n'.repeat(50_000) + 'Src\ntime3 hours ago\n• Src\n' + 'H\n'.repeat(50_000) + 'body');
  });
  it('20,000 related blocks', () => {
    check('\nA headline\nHashtags\n\nTry Our AI Features\nRelated Articles\n' + 'Src\n3 hours ago\n- Src\nHead\nBody.\n'.repeat(20_000));
  });
});
