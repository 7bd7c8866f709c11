/**
 * Writes dashboard/src/graphql-env.d.ts, the introspection type gql.tada reads to type every
 * GraphQL document in the dashboard, from the checked-in SDL schema/schema.graphql (run by
 * `pnpm schema` after the SDL is printed; tests/schema/graphql-env.test.ts checks drift).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, introspectionFromSchema } from 'graphql';
import { minifyIntrospection, outputIntrospectionFile } from '@gql.tada/internal';

export const SDL_PATH = fileURLToPath(new URL('../../schema/schema.graphql', import.meta.url));
export const GRAPHQL_ENV_PATH = fileURLToPath(new URL('../src/graphql-env.d.ts', import.meta.url));

/** The text of graphql-env.d.ts for an SDL string (deterministic: same SDL, same bytes). */
export function printGraphqlEnv(sdl: string): string {
  const introspection = introspectionFromSchema(buildSchema(sdl), { descriptions: false });
  return outputIntrospectionFile(minifyIntrospection(introspection), { fileType: '.d.ts', shouldPreprocess: false });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(GRAPHQL_ENV_PATH, printGraphqlEnv(readFileSync(SDL_PATH, 'utf8')));
  console.log(`wrote ${GRAPHQL_ENV_PATH}`);
}
