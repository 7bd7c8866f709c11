/**
 * The dashboard's one `graphql` tag: documents written with it are typed from the checked-in
 * schema (src/graphql-env.d.ts, generated from schema/schema.graphql by `pnpm schema`), so
 * results and variables need no hand-written interfaces. `ResultOf<typeof Doc>` names a result.
 */
import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.d.ts';

export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: { DateTime: string; File: File };
}>();

export type { FragmentOf, ResultOf, VariablesOf } from 'gql.tada';
export { readFragment } from 'gql.tada';
