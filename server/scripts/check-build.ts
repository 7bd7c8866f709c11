/**
 * `pnpm start`'s first step, run from the build as plain JavaScript (dist/check-build.js, no tsx):
 * exits 0 when the build is current, 1 when a source changed since (then scripts/build.ts runs).
 */
import { isStale } from './stale.ts';

process.exit(isStale() ? 1 : 0);
