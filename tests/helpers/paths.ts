import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** the shared real dumps and their gold parses (never copied into the repository) */
export const SHARED_DUMPS = resolve(REPO_ROOT, '../shared/dumps');
export const REFERENCE_DUMP = '000_ebcbb75518871621';

/**
 * How tests and benchmarks run the server's entry from source: `pnpm start`'s node flags
 * (package.json's start script, which runs the build in server/dist), then tsx. A flag that breaks
 * something (a worker thread refusing a V8 flag) breaks there too.
 */
export const SERVER_NODE_ARGS = ['--max-semi-space-size=64', '--import', 'tsx'] as const;
