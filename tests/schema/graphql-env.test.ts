import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GRAPHQL_ENV_PATH, GRAPHQL_SCHEMA_JSON_PATH, SDL_PATH, printGraphqlEnv } from '../../dashboard/scripts/graphql-env.ts';

describe('dashboard/src/graphql-env.d.ts and graphql-schema.json', () => {
  it('match schema/schema.graphql (run `pnpm schema` after changing a type)', () => {
    const printed = printGraphqlEnv(readFileSync(SDL_PATH, 'utf8'));
    for (const [path, text] of [[GRAPHQL_ENV_PATH, printed.env], [GRAPHQL_SCHEMA_JSON_PATH, printed.json]] as const) {
      if (readFileSync(path, 'utf8') !== text) expect.fail(`${path} is out of date: run \`pnpm schema\` and commit the result`);
    }
    expect(printed.env).toContain('"name": "Query"');
    expect(JSON.parse(printed.json).__schema.queryType.name).toBe('Query');
  });

  it('changes when the SDL changes (the check is not vacuous)', () => {
    const sdl = readFileSync(SDL_PATH, 'utf8');
    const a = printGraphqlEnv(sdl);
    const b = printGraphqlEnv(`${sdl}\ntype ZzProbe { id: ID }\n`);
    expect(b.env).not.toBe(a.env);
    expect(b.json).not.toBe(a.json);
  });
});
