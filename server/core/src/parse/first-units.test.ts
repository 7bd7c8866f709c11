/** The first-unit tables read from rules' sources never refuse a line the rule accepts. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstUnits, Gated, type FirstUnits } from './first-units.ts';
import * as patterns from './patterns.ts';
import { REPO_ROOT, SHARED_DUMPS } from '../../../../tests/helpers/paths.ts';

const units = (re: RegExp): string | null => {
  const t = firstUnits(re);
  if (!t) return null;
  let out = '';
  t.forEach((v, u) => {
    if (v) out += String.fromCharCode(u);
  });
  return out;
};

/** Every anchored, non-global rule of patterns.ts, and the noise rules' anchored alternation. */
const anchoredNoise = patterns.NOISE_LINE_RULES.filter((r) => !r.hints);
const rules: [string, RegExp][] = [
  ...Object.entries(patterns).flatMap(([name, v]): [string, RegExp][] => (v instanceof RegExp && v.source.startsWith('^') && !v.global && !v.sticky ? [[name, v]] : [])),
  ...patterns.NOISE_LINE_RULES.map((r): [string, RegExp] => [`noise ${r.name}`, r.re]),
  ['noise anchored alternation', new RegExp(`^(?:${anchoredNoise.map((r) => `(?:${r.re.source.slice(1)})`).join('|')})`, 'u')],
];
const tables: [string, RegExp, FirstUnits | null][] = rules.map(([name, re]) => [name, re, firstUnits(re)]);

/** The lines of the shared dumps and cases and of the fixtures, and each line's space-separated tokens (what the date-token rules read). */
const texts = [SHARED_DUMPS, resolve(REPO_ROOT, '../shared/cases'), join(REPO_ROOT, 'tests/fixtures/dumps')].flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split(/\r?\n/u)),
);
const samples = [...new Set(texts.flatMap((l) => [l, l.trim(), ...l.trim().split(' '), ...l.trim().split(/[ ,]+/u)]))];

const admits = (t: FirstUnits | null, s: string): boolean => t === null || t[s.charCodeAt(0)] === 1;

describe('first-unit tables read from a rule\'s source', () => {
  it('reads literals, classes, groups, optional parts, quantifiers, look-arounds and cases', () => {
    expect(units(/^(?:ab|c)d/u)).toBe('ac');
    expect(units(/^a?b{0,2}c/u)).toBe('abc');
    expect(units(/^(?:x|y)?z+/u)).toBe('xyz');
    expect(units(/^[a-c\d-]/u)).toBe('-0123456789abc');
    expect(units(/^(?=q)r/u)).toBe('r');
    expect(units(/^\(?x/u)).toBe('(x');
    expect(units(/^\u00a0/u)).toBe('\u00a0');
    expect(units(/^ab|^cd/u)).toBe('ac');
    // "k" and "s" also match the Kelvin sign and the long s under "iu"
    expect(units(/^[ks]/iu)).toBe('KSksſ\u212a');
    expect(units(/^k/i)).toBe('Kk');
  });
  it('admits every code unit where it does not follow the source', () => {
    for (const re of [/^\p{Lu}/u, /^[^x]/u, /^./u, /^\s/u, /^x?/u, /^$/u, /^(?:x|)y?/u, /x/u, /^x|y/u, /^é/iu, /^x/mu, /^(a)\1/u]) expect(units(re), re.source).toBeNull();
  });
  it('never refuses a line or token of the shared dumps, cases and fixtures that a rule matches', () => {
    expect(samples.length).toBeGreaterThan(1000);
    // the tables refuse something (most rules open with a few letters or digits)
    expect(tables.filter(([, , t]) => t !== null).length).toBeGreaterThan(30);
    let matched = 0;
    for (const [name, re, t] of tables) {
      for (const s of samples) {
        if (!re.test(s)) continue;
        matched++;
        expect(admits(t, s), `${name}: ${JSON.stringify(s)}`).toBe(true);
      }
    }
    expect(matched).toBeGreaterThan(1000);
  });
  it('never refuses a generated line that a rule matches', () => {
    // pieces of the rules' own words, so that generated lines match them now and then
    const pieces = [...new Set(rules.flatMap(([, re]) => re.source.match(/[\p{L}\d]{1,12}/gu) ?? []))];
    const piece = fc.oneof(fc.constantFrom(...pieces), fc.constantFrom(' ', ': ', '(', ')', '.', ',', '-', '|', '·', '’', '\u212a', 'ſ', 'É', '12', '2024', '09:30'), fc.string({ maxLength: 3, unit: 'grapheme' }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (ps) => {
        const s = ps.join('');
        for (const [name, re, t] of tables) if (re.test(s)) expect(admits(t, s), `${name}: ${JSON.stringify(s)}`).toBe(true);
      }),
      { numRuns: 4000 },
    );
  });
  it('Gated tests and executes as the rule does', () => {
    const g = new Gated(patterns.DATE_MONTH);
    for (const s of ['March', 'Mar.', 'Jane', '', '12', 'march']) expect(g.test(s), s).toBe(patterns.DATE_MONTH.test(s));
    const label = new Gated(patterns.DATE_LABEL);
    for (const s of ['Published: 3 March', 'Posted on 3 March', 'Jane Doe', '', '3 March']) expect(label.exec(s)?.[0], s).toBe(patterns.DATE_LABEL.exec(s)?.[0]);
    expect(() => new Gated(/^x/gu)).toThrow();
  });
});
