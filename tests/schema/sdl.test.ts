import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { printSchemaSDL } from '@copydesk/server/graphql/print.ts';
import { REPO_ROOT } from '../helpers/paths.ts';

describe('schema/schema.graphql', () => {
  it('matches the schema the server builds (run `pnpm schema` after changing a type)', () => {
    const checkedIn = readFileSync(resolve(REPO_ROOT, 'schema/schema.graphql'), 'utf8');
    const printed = printSchemaSDL();
    if (printed !== checkedIn) {
      expect.fail('schema/schema.graphql is out of date: run `pnpm schema` and commit the result');
    }
    expect(printed).toContain('type Query');
  });
});
