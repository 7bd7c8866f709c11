export * from './tables/index.ts';
export { relations } from './relations.ts';

import { fileURLToPath } from 'node:url';
/** the generated SQL migrations, one folder each */
export const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));
