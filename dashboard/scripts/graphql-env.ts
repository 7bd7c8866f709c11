/**
 * Writes the dashboard's two views of the checked-in SDL schema/schema.graphql (run by `pnpm schema`
 * after the SDL is printed; tests/schema/graphql-env.test.ts checks drift):
 * - src/graphql-env.d.ts, the introspection type gql.tada reads to type every GraphQL document;
 * - src/graphql-schema.json, the same minified introspection as data, for the normalised cache
 *   (graphcache) to know interfaces, unions and nullability at run time.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, introspectionFromSchema } from 'graphql';
import { minifyIntrospection, outputIntrospectionFile } from '@gql.tada/internal';

export const SDL_PATH = fileURLToPath(new URL('../../schema/schema.graphql', import.meta.url));
export const GRAPHQL_ENV_PATH = fileURLToPath(new URL('../src/graphql-env.d.ts', import.meta.url));
export const GRAPHQL_SCHEMA_JSON_PATH = fileURLToPath(new URL('../src/graphql-schema.json', import.meta.url));

/** The texts of graphql-env.d.ts and graphql-schema.json for an SDL string (same SDL, same bytes). */
export function printGraphqlEnv(sdl: string): { env: string; json: string } {
  const minified = minifyIntrospection(introspectionFromSchema(buildSchema(sdl), { descriptions: false }));
  return { env: outputIntrospectionFile(minified, { fileType: '.d.ts', shouldPreprocess: false }), json: `${JSON.stringify(minified)}\n` };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = printGraphqlEnv(readFileSync(SDL_PATH, 'utf8'));
  writeFileSync(GRAPHQL_ENV_PATH, out.env);
  writeFileSync(GRAPHQL_SCHEMA_JSON_PATH, out.json);
  console.log(`wrote ${GRAPHQL_ENV_PATH} and ${GRAPHQL_SCHEMA_JSON_PATH}`);
}
