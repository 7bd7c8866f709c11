import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GRAPHQL_ENV_PATH, SDL_PATH, printGraphqlEnv } from '../../dashboard/scripts/graphql-env.ts';

describe('dashboard/src/graphql-env.d.ts', () => {
  it('matches schema/schema.graphql (run `pnpm schema` after changing a type)', () => {
    const checkedIn = readFileSync(GRAPHQL_ENV_PATH, 'utf8');
    const printed = printGraphqlEnv(readFileSync(SDL_PATH, 'utf8'));
    if (printed !== checkedIn) {
      expect.fail('dashboard/src/graphql-env.d.ts is out of date: run `pnpm schema` and commit the result');
    }
    expect(printed).toContain('"name": "Query"');
  });

  it('changes when the SDL changes (the check is not vacuous)', () => {
    const sdl = readFileSync(SDL_PATH, 'utf8');
    expect(printGraphqlEnv(`${sdl}\ntype ZzProbe { id: ID }\n`)).not.toBe(printGraphqlEnv(sdl));
  });
});
