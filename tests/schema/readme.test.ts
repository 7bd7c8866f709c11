/** What the README tells a newcomer matches what the code does: its limits, its settings, its messages. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEARCH_LIMITS } from '@copydesk/server/graphql/text-limits.ts';
import { ENV_SETTINGS, loadEnv } from '@copydesk/server/env.ts';
import { REPO_ROOT } from '../helpers/paths.ts';

const README = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');

/** settings env.ts reads that change nothing copydesk itself does (left out of the table on purpose) */
const UNDOCUMENTED = ['COPYDESK_LOG_SQL', 'NODE_ENV'];

describe('the README', () => {
  it('states the search limits the API enforces', () => {
    const m = /a search has at most (\d+) characters and (\d+) terms/.exec(README);
    expect(m, 'the README states the search limits').not.toBeNull();
    expect([Number(m![1]), Number(m![2])]).toEqual([SEARCH_LIMITS.maxChars, SEARCH_LIMITS.maxTerms]);
  });

  it('lists every setting the server reads in its configuration table', () => {
    const missing = ENV_SETTINGS.filter((k) => !UNDOCUMENTED.includes(k) && !README.includes(`| \`${k}\` |`));
    expect(missing, 'add a row to the README\'s Configuration table').toEqual([]);
  });

  it('shows the invalid-configuration line as pnpm start prints it', () => {
    let message = '';
    try {
      loadEnv({ PORT: 'abc' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(README).toContain(`\`${message}\``);
  });
});
