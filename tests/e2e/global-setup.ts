import { execFileSync } from 'node:child_process';
import { REPO_ROOT } from '../helpers/paths.ts';

/** The browser tests run against the production build: build it once before they start. */
export default function setup(): void {
  if (process.env.COPYDESK_E2E_SKIP_BUILD === '1') return;
  // vitest sets NODE_ENV=test, which would make Vite bundle React's development build
  execFileSync('pnpm', ['--silent', '--filter', '@copydesk/dashboard', 'build'], { cwd: REPO_ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}
