/**
 * The README's dashboard screenshots, reproducibly: `pnpm screenshots` builds the dashboard,
 * starts copydesk on a throwaway embedded database (tests/e2e/server.ts), imports the sample dumps
 * (server/samples) plus own fixtures (a dump with three unattributed runs of text, two outlets'
 * reports of one event), waits for the enrichment worker, and captures each view in Chromium at
 * 1280×800 into dashboard/docs/ (PNG, one file per view, overwritten). Prints each file's size in KB.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { logoDump, strayTextDump } from '../helpers/dumps.ts';
import { REPO_ROOT } from '../helpers/paths.ts';
import { STORY_ARTICLES } from '../helpers/stories.ts';
import { startServer } from './server.ts';

const OUT = join(REPO_ROOT, 'dashboard/docs');
const SAMPLES = join(REPO_ROOT, 'server/samples');
const VIEWPORT = { width: 1280, height: 800 };
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const server = await startServer();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
const contexts: BrowserContext[] = [];

/** a signed-in page in a context of its own (its own drafts), in the given colour scheme */
async function newPage(colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const ctx = await browser.newContext({ viewport: VIEWPORT, colorScheme });
  contexts.push(ctx);
  await ctx.addInitScript((t) => localStorage.setItem('copydesk:token', t), server.token);
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  return page;
}

async function until(what: string, done: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 200));
  }
}

async function shoot(page: Page, name: string): Promise<void> {
  const path = join(OUT, name);
  await page.mouse.move(0, 0);
  await page.screenshot({ path });
  console.log(`${name}: ${Math.round(statSync(path).size / 1024)} KB`);
}

async function openEditor(page: Page, id: string): Promise<void> {
  await page.goto(`${server.url}/#/dump/${encodeURIComponent(id)}`);
  await page.locator('[data-testid=editor]').waitFor();
  await until('the editor to load', async () => (await page.locator('[data-testid=editor]').getAttribute('data-open-warnings')) !== '');
}

try {
  const samples: Record<string, string> = {};
  for (const f of readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).sort()) samples[f] = await server.importText(readFileSync(join(SAMPLES, f), 'utf8'), f);
  const stray = await server.importText(strayTextDump(), 'unattributed-text.txt');
  for (const [source, headline, body] of Object.values(STORY_ARTICLES)) await server.importText(logoDump(source, headline, body), `${source.toLowerCase().replace(/\W+/g, '-')}.txt`);
  const ferries = samples['001_flat-harbour-ferries.txt']!;
  const orchard = samples['002_logo-orchard-cooperative.txt']!;

  // the enrichment worker adds topics and stories in the background
  type Progress = { enrichment: { queued: number; running: number }; stories: { edges: { node: { id: string; size: number } }[] } };
  let storyId = '';
  await until(
    'the enrichment worker',
    async () => {
      const r = await server.gql<Progress>('{ enrichment { queued running } stories(first: 1, orderBy: SIZE_DESC) { edges { node { id size } } } }');
      storyId = r.stories.edges[0]?.node.id ?? '';
      return r.enrichment.queued + r.enrichment.running === 0 && (r.stories.edges[0]?.node.size ?? 0) >= 2;
    },
    90_000,
  );

  // two editors on the ferries sample: B takes a body line out of the body (x clears its fields); the changes tab says so in words
  const a = await newPage();
  const b = await newPage();
  await openEditor(a, ferries);
  await openEditor(b, ferries);
  for (let i = 0; i < 5; i++) await b.keyboard.press('ArrowDown');
  await b.keyboard.press('x');
  await b.keyboard.press('d');
  await b.locator('[data-testid=text-move]').first().waitFor();
  await shoot(b, 'changes.png');

  // B saves: A's live line says so at once and offers the rebase
  await b.keyboard.press('Control+s');
  await until('the save', async () => (await b.locator('[data-testid=message]').innerText().catch(() => '')).includes('Saved as revision 2'));
  await a.locator('[data-testid=live-revision]').waitFor();
  await a.keyboard.press('v');
  await shoot(a, 'editor.png');

  // warnings in the gutter: n walks to the first open one, the checklist follows the caret
  const w = await newPage();
  await openEditor(w, stray);
  await w.keyboard.press('n');
  await w.locator('[data-testid=warning][aria-current=true]').waitFor();
  await shoot(w, 'warnings.png');

  // the queue: an unsaved draft on the orchard sample (marked), one dump ticked for approval
  await openEditor(a, orchard);
  for (let i = 0; i < 3; i++) await a.keyboard.press('ArrowDown');
  await a.keyboard.press('Shift+3');
  await until('the draft to be kept', async () => (await a.evaluate(() => Object.keys(localStorage).filter((k) => k !== 'copydesk:token').length)) > 0);
  await a.goto(`${server.url}/#/`);
  await a.locator('[data-testid=queue-row]').first().waitFor();
  await a.locator('[data-testid=draft-mark]').first().waitFor();
  await a.keyboard.press('j');
  await a.keyboard.press('x');
  await a.locator('[data-testid=approve-selected]').waitFor();
  await shoot(a, 'queue.png');

  // the largest story: its articles on a timeline, a lane per outlet
  await a.goto(`${server.url}/#/story/${encodeURIComponent(storyId)}`);
  await a.locator('[data-testid=story-timeline]').waitFor();
  await shoot(a, 'story.png');

  // the audit log, newest first
  await a.goto(`${server.url}/#/audit`);
  await a.locator('[data-testid=audit-row]').first().waitFor();
  await shoot(a, 'audit.png');

  // the dark scheme (prefers-color-scheme): the editor on the logo-layout sample, its articles beside the text
  const dark = await newPage('dark');
  await openEditor(dark, orchard);
  await dark.keyboard.press('v');
  await dark.locator('[data-testid=derived-article]').first().waitFor();
  await shoot(dark, 'dark.png');
} finally {
  for (const c of contexts) await c.close().catch(() => {});
  await browser.close();
  await server.stop();
}
