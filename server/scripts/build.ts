/**
 * Builds copydesk for `pnpm start`: the server (its entry points and every worker thread's entry,
 * bundled by esbuild into server/dist, the npm packages left to node_modules) and the dashboard
 * (vite, into dashboard/dist). Run by `pnpm install` (postinstall) and by `pnpm start` when a
 * source changed since the last build.
 *   tsx server/scripts/build.ts             build
 *   tsx server/scripts/build.ts --if-stale  build only when a source is newer than the build (or there is none)
 * The build includes `dist/check-build.js`, which `pnpm start` runs first (plain node, no tsx): exit
 * 0 when the build is current, else this script builds.
 */
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { isStale, STAMP } from './stale.ts';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { WORKER_ENTRIES } from '../src/threads/spawn.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT = join(ROOT, 'server/dist');

const FILE_URL = 'import.meta.url';

/**
 * Bundles the server into `outDir` (server/dist; a test builds into another folder under server/,
 * from where node_modules resolve the same): `main.js`, `check-build.js` and one file per worker entry.
 */
export async function buildServer(outDir: string = OUT): Promise<void> {
  const esbuild = await import('esbuild');
  rmSync(outDir, { recursive: true, force: true });
  const spawnModule = resolve(ROOT, 'server/src/threads/spawn.ts');
  await esbuild.build({
    entryPoints: {
      main: join(ROOT, 'server/src/main.ts'),
      'check-build': join(ROOT, 'server/scripts/check-build.ts'),
      ...Object.fromEntries(Object.entries(WORKER_ENTRIES).map(([name, src]) => [name, join(ROOT, 'server/src', src)])),
    },
    outdir: outDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
    // Pothos and graphql-yoga load graphql's CommonJS build: one graphql module, as in the tests
    alias: { graphql: 'graphql/index.js' },
    // some packages in node_modules still `require` node built-ins from an ES module
    banner: { js: "import { createRequire as __cdkRequire } from 'node:module'; const require = __cdkRequire(import.meta.url);" },
    plugins: [
      {
        name: 'copydesk',
        setup(build) {
          // npm packages stay in node_modules (PGlite finds its WebAssembly next to itself); our workspace packages are TypeScript: bundled
          build.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@copydesk/') || args.path.startsWith('node:') ? undefined : { path: args.path, external: true }));
          // a module that finds files next to itself (`new URL('../migrations', import.meta.url)`) keeps finding them from the bundle;
          // the worker spawner alone keeps the bundle's own URL: it starts the bundled workers next to it
          build.onLoad({ filter: /\.ts$/ }, async (args) => {
            const { readFile } = await import('node:fs/promises');
            const text = await readFile(args.path, 'utf8');
            if (args.path === spawnModule || !text.includes(FILE_URL)) return undefined;
            const rel = relative(outDir, args.path).split('\\').join('/');
            return { contents: text.split(FILE_URL).join(`new URL(${JSON.stringify(rel)}, import.meta.url).href`), loader: 'ts', resolveDir: dirname(args.path) };
          });
        },
      },
    ],
  });
}

function buildDashboard(): void {
  execFileSync('pnpm', ['--silent', '--filter', '@copydesk/dashboard', 'build'], { cwd: ROOT, stdio: 'inherit' });
}

async function main() {
  if (process.argv.includes('--if-stale') && !isStale()) return;
  const started = performance.now();
  console.log('copydesk: building the server and the dashboard (once, until the sources change)');
  await buildServer();
  buildDashboard();
  writeFileSync(STAMP, new Date().toISOString());
  console.log(`copydesk: built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

// run as a script (tsx server/scripts/build.ts), not when a test imports buildServer
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
