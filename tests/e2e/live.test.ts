/**
 * Live updates and the queue's bulk actions in real Chromium against the real server: a second
 * editor's save appears in the first editor's window the moment it happens (and the rebase is
 * offered before any save fails), the queue updates itself on an import, marks dumps with an
 * unsaved draft in this browser, approves several at once (each for the revision shown) and
 * "all with no open warnings".
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { flatDump, logoDump, relatedBlock, strayTextDump } from '../helpers/dumps.ts';
import { startServer, type RunningServer } from './server.ts';
import { launchBrowser, message, pressUntil, status, type TestBrowser } from './browser.ts';

let server: RunningServer;
let chromium: TestBrowser;

beforeAll(async () => {
  [server, chromium] = await Promise.all([startServer(), launchBrowser(() => server)]);
});
afterAll(async () => {
  await chromium?.close();
  await server?.stop();
});

interface DumpRow {
  id: string;
  status: string;
  currentRevisionNumber: number;
  openWarningCount: number;
  statusChanges: { revision: number; status: string; editor: string }[];
}
async function allDumps(): Promise<DumpRow[]> {
  const r = await server.gql<{ dumps: { edges: { node: DumpRow }[] } }>('{ dumps(first: 100) { edges { node { id status currentRevisionNumber openWarningCount statusChanges { revision status editor } } } } }');
  return r.dumps.edges.map((e) => e.node);
}

async function openEditor(page: Page, id: string, base: string) {
  await page.goto(`${server.url}/#/dump/${encodeURIComponent(id)}`);
  await page.locator('[data-testid=editor]').waitFor();
  await expect.poll(() => page.locator('[data-testid=editor]').getAttribute('data-base')).toBe(base);
}

let mine: Page;
let dumpId: string;

describe('live editor', () => {
  it("shows a second editor's save in the first editor's window at once and offers the rebase before a save fails", async () => {
    dumpId = await server.importText(
      flatDump('Night ferries to run all week', 'Ferries will run round the clock from Monday, the port authority said.\nThe change follows a summer of record crowds.', relatedBlock('Harbour Post', '2 hours ago', 'Bridge repairs delayed', 'Repairs will take until spring.')),
      'live-ferries.txt',
    );
    mine = await chromium.newPage(true);
    const theirs = await chromium.newPage(true);
    await openEditor(mine, dumpId, '1');
    await openEditor(theirs, dumpId, '1');
    expect(await mine.locator('[data-testid=live-revision]').count()).toBe(0);

    // mine: an unsaved edit (the boilerplate block becomes residue)
    await pressUntil(mine, '}', async () => /boilerplate #\d+/.test(await status(mine).innerText()), 10);
    await mine.keyboard.press('4');
    await expect.poll(() => mine.locator('[data-testid=editor]').getAttribute('data-dirty')).toBe('true');

    // theirs saves revision 2
    await theirs.keyboard.press('m');
    await theirs.keyboard.press('Control+s');
    await expect.poll(() => message(theirs).innerText()).toContain('Saved as revision 2');

    // mine hears of it without reloading or saving
    const live = mine.locator('[data-testid=live-revision]');
    await expect.poll(() => live.getAttribute('data-revision'), { timeout: 5000 }).toBe('2');
    expect(await live.innerText()).toMatch(/editor saved revision 2 \(you are on 1\)/);
    expect(await mine.locator('[data-testid=editor]').getAttribute('data-base')).toBe('1');

    // the rebase, offered before any save: mine's edit re-applied on revision 2, still a draft
    await mine.locator('[data-testid=live-rebase]').click();
    await mine.locator('[data-testid=conflict]').waitFor();
    expect(await mine.locator('[data-testid=conflict-theirs]').innerText()).toBe('2');
    await mine.locator('[data-testid=rebase]').click();
    await expect.poll(() => message(mine).innerText()).toContain('Re-applied all 1 edits on revision 2');
    await expect.poll(() => mine.locator('[data-testid=editor]').getAttribute('data-base')).toBe('2');
    expect(await mine.locator('[data-testid=live-revision]').count()).toBe(0);
    expect(await mine.locator('[data-testid=editor]').getAttribute('data-dirty')).toBe('true');
  });
});

describe('live queue and bulk approval', () => {
  it('updates itself on an import, marks the dump with a draft in this browser, approves several and all without open warnings', async () => {
    await server.importText(strayTextDump(' live one'), 'stray-one.txt');
    await server.importText(flatDump('Tram fares frozen for a year', 'The city froze tram fares until next autumn, officials said.\nA review follows in June.'), 'tram.txt');
    // mine still holds a draft of dumpId (rebased, unsaved)
    await mine.goto(`${server.url}/#/`);
    const rows = mine.locator('[data-testid=queue-row]');
    await expect.poll(() => rows.count()).toBe(3);
    const rowOf = (id: string) => mine.locator(`[data-testid=queue-row]:has(a[href="#/dump/${encodeURIComponent(id)}"])`);
    expect(await rowOf(dumpId).getAttribute('data-draft')).toBe('true');
    expect(await mine.locator('[data-testid=draft-mark]').count()).toBe(1);

    // an import by someone else appears without a reload
    const late = await server.importText(flatDump('Library opens on Sundays', 'The central library will open on Sundays from March, the council said.'), 'library.txt');
    await expect.poll(() => rows.count(), { timeout: 5000 }).toBe(4);
    await rowOf(late).waitFor();

    // select two and approve them: each approval names the revision the queue showed
    const before = await allDumps();
    const picked = before.filter((d) => d.id !== dumpId).slice(0, 2);
    for (const d of picked) await rowOf(d.id).locator('[data-testid=queue-pick]').check();
    await mine.locator('[data-testid=approve-selected]').click();
    if (picked.some((d) => d.openWarningCount > 0)) {
      // open warnings: asked first, as the single approve does
      await mine.locator('[data-testid=bulk-confirm]').waitFor();
      await mine.locator('[data-testid=bulk-confirm-yes]').click();
    }
    await expect.poll(() => mine.locator('[data-testid=bulk-result]').innerText()).toContain('Approved 2');
    const after = await allDumps();
    for (const d of picked) {
      const now = after.find((x) => x.id === d.id)!;
      expect(now.status).toBe('APPROVED');
      expect(now.statusChanges.at(-1)).toEqual({ revision: d.currentRevisionNumber, status: 'APPROVED', editor: 'editor' });
    }

    // approve all with no open warnings: exactly the listed ones not approved yet and without open warnings
    const clean = after.filter((d) => d.status !== 'APPROVED' && d.openWarningCount === 0).map((d) => d.id);
    const warned = after.filter((d) => d.status !== 'APPROVED' && d.openWarningCount > 0).map((d) => d.id);
    await expect.poll(() => mine.locator('[data-testid=approve-clean]').innerText()).toContain(`Approve all ${clean.length} with no open warnings`);
    await mine.locator('[data-testid=approve-clean]').click();
    await expect.poll(() => mine.locator('[data-testid=bulk-result]').innerText()).toContain(`Approved ${clean.length}`);
    const last = await allDumps();
    for (const id of clean) expect(last.find((d) => d.id === id)!.status).toBe('APPROVED');
    for (const id of warned) expect(last.find((d) => d.id === id)!.status).not.toBe('APPROVED');
  });
});

describe('queue: a view per source', () => {
  it("a row's outlet opens the queue of that source alone; the filter takes any part of the name", async () => {
    const harbour = await server.importText(logoDump('Harbour Post', 'Ferry strike called off', ['The ferry strike planned for Friday was called off late on Thursday.', 'Unions and the operator agreed on pay.']), 'harbour-post.txt');
    await mine.goto(`${server.url}/#/`);
    const link = mine.locator('[data-testid=queue-source]', { hasText: 'Harbour Post' });
    await link.first().waitFor();
    const all = await mine.locator('[data-testid=queue-row]').count();
    expect(all).toBeGreaterThan(1);
    // the dumps that show an article of the outlet (as main or related), as the API filters them
    const ofSource = (await server.gql<{ dumps: { totalCount: number } }>('{ dumps(first: 1, filter: { source: "Harbour Post" }) { totalCount } }')).dumps.totalCount;
    expect(ofSource).toBeLessThan(all);
    await link.first().click();
    await expect.poll(() => mine.evaluate(() => window.location.hash)).toContain('source=Harbour+Post');
    await expect.poll(() => mine.locator('[data-testid=queue-row]').count()).toBe(ofSource);
    expect(await mine.locator(`[data-testid=queue-row] a[href="#/dump/${encodeURIComponent(harbour)}"]`).count()).toBe(1);
    await mine.goto(`${server.url}/#/`);
    await expect.poll(() => mine.locator('[data-testid=queue-row]').count()).toBe(all);
    await mine.locator('input[aria-label="Filter by source"]').fill('bour po');
    await mine.keyboard.press('Enter');
    await expect.poll(() => mine.locator('[data-testid=queue-row]').count()).toBe(ofSource);
  });
});

describe('audit page', () => {
  it('lists the entries of the tests above, filters them by action and editor, and exports the filtered ones as JSON Lines', async () => {
    const page = await chromium.newPage(true);
    await page.goto(`${server.url}/#/audit`);
    await page.locator('[data-testid=audit-row]').first().waitFor();
    // every recorded status change (the approvals above, and a save moving a dump to review) is one `status` entry
    const approvals = (await allDumps()).reduce((n, d) => n + d.statusChanges.length, 0);
    expect(approvals).toBeGreaterThanOrEqual(3);
    const total = Number(await page.locator('[data-testid=audit-total]').innerText());
    expect(total).toBeGreaterThan(approvals);
    await page.locator('[data-testid=audit-action]').selectOption('status');
    await expect.poll(() => page.locator('[data-testid=audit-total]').innerText()).toBe(String(approvals));
    expect(new Set(await page.locator('[data-testid=audit-row]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action'))))).toEqual(new Set(['status']));
    await page.locator('[data-testid=audit-actor]').fill('nobody');
    await expect.poll(() => page.locator('[data-testid=audit-total]').innerText()).toBe('0');
    await page.locator('[data-testid=audit-actor]').fill('editor');
    await expect.poll(() => page.locator('[data-testid=audit-total]').innerText()).toBe(String(approvals));
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=audit-export]').click()]);
    const text = await readFile((await download.path())!, 'utf8');
    const lines = text.split('\n').filter(Boolean).map((l) => JSON.parse(l));
    expect(lines).toHaveLength(approvals);
    expect(lines.every((l) => l.action === 'status' && l.actor === 'editor')).toBe(true);
  });

  it('is not offered without a token', async () => {
    const page = await chromium.newPage(false);
    await page.goto(`${server.url}/#/audit`);
    await expect.poll(() => page.locator('main').innerText()).toContain('The audit log is for editors');
    expect(await page.locator('nav a[href="#/audit"]').count()).toBe(0);
  });
});
