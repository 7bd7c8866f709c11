import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** the shared real dumps and their gold parses (never copied into the repository) */
export const SHARED_DUMPS = resolve(REPO_ROOT, '../shared/dumps');
export const REFERENCE_DUMP = '000_ebcbb75518871621';
