import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectedFor, fixtureNames, FIXTURE_DIR } from '../helpers/update-fixtures.ts';
import { checkInvariants } from './invariants.ts';
import { parseDump } from '@copydesk/core';

const names = fixtureNames();

describe('synthetic fixture dumps', () => {
  it('has fixtures', () => {
    expect(names.length).toBeGreaterThan(30);
  });
  for (const name of names) {
    it(name, () => {
      const text = readFileSync(join(FIXTURE_DIR, `${name}.txt`), 'utf8');
      let expected: unknown;
      try {
        expected = JSON.parse(readFileSync(join(FIXTURE_DIR, `${name}.expected.json`), 'utf8'));
      } catch {
        throw new Error(`missing ${name}.expected.json: run pnpm fixtures:update ${name}`);
      }
      checkInvariants(text, parseDump(text, { fetchedAt: '2025-07-26T12:00:00.000Z' }));
      expect(expectedFor(text), `parser output changed for ${name}: review, then pnpm fixtures:update ${name}`).toEqual(expected);
    });
  }
});
