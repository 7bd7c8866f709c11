/**
 * The core is pure: no fs, process, clock, env, network or db, and it imports nothing but its own
 * modules (no package, not even the server's or the schema's). This test greps its sources and
 * checks that the package declares no dependencies.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

const FORBIDDEN: [RegExp, string][] = [
  [/^import\b[^;]*?\bfrom\s+['"](?:node:)?(?:fs|fs\/promises|path|os|child_process|net|http|https|worker_threads|process)['"]/mu, 'Node I/O module'],
  [/^import\b[^;]*?\bfrom\s+['"][^'"]*(?:\/db|\/graphql|\/env|drizzle|pg|pglite)[^'"]*['"]/mu, 'db / graphql / env import'],
  [/\bimport\s*\(/u, 'dynamic import'],
  [/\brequire\s*\(/u, 'require'],
  [/\bprocess\./u, 'process'],
  [/\bDate\.now\b|new Date\(\s*\)|performance\.now/u, 'clock'],
  [/\bMath\.random\b/u, 'randomness'],
  [/\bfetch\s*\(/u, 'network'],
];

describe('@copydesk/core is pure', () => {
  const files = sources(here);
  it('has sources to check (parser, derivation, review warnings)', () => {
    for (const part of ['parse', 'derive', 'review']) expect(files.some((f) => f.includes(`/src/${part}/`)), part).toBe(true);
  });
  it('declares no dependencies', () => {
    const pkg = JSON.parse(readFileSync(join(here, '../package.json'), 'utf8')) as Record<string, unknown>;
    for (const key of ['dependencies', 'peerDependencies', 'optionalDependencies']) expect(pkg[key], key).toBeUndefined();
  });
  for (const f of files) {
    it(f.slice(f.indexOf('server/core/')), () => {
      const src = readFileSync(f, 'utf8');
      for (const [re, what] of FORBIDDEN) expect(re.test(src), `${what} in ${f}`).toBe(false);
      for (const m of src.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+['"]([^'"]+)['"]/gmu)) {
        const spec = m[1]!;
        expect(spec.startsWith('.'), `${f} imports ${spec}: the core imports only its own modules`).toBe(true);
      }
    });
  }
});
