/** The parser is pure: no fs, process, clock, env, network or db. This test greps its sources. */
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

describe('server/src/parse is pure', () => {
  const files = [...sources(here), ...[join(here, '../derive/articles.ts')]];
  it('has sources to check', () => expect(files.length).toBeGreaterThan(5));
  for (const f of files) {
    it(f.slice(f.indexOf('server/')), () => {
      const src = readFileSync(f, 'utf8');
      for (const [re, what] of FORBIDDEN) expect(re.test(src), `${what} in ${f}`).toBe(false);
      for (const m of src.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+['"]([^'"]+)['"]/gmu)) {
        const spec = m[1]!;
        expect(spec.startsWith('.'), `${f} imports ${spec}: the parser imports only its own modules`).toBe(true);
      }
    });
  }
});
