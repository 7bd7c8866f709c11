import { lexicographicSortSchema, printSchema } from 'graphql';
import { schema } from './schema.ts';

/** The SDL checked in as schema/schema.graphql: sorted, so that diffs show real changes only. */
export function printSchemaSDL(): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}
