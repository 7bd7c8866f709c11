/** Writes the printed GraphQL SDL to schema/schema.graphql (`pnpm schema`). */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printSchemaSDL } from '../src/graphql/print.ts';

const out = fileURLToPath(new URL('../../schema/schema.graphql', import.meta.url));
writeFileSync(out, printSchemaSDL());
console.log(`wrote ${out}`);
