/**
 * Editorial integrity in real Chromium against the real server: what an editor approves is the
 * revision on their screen, warnings stay a checklist across a partial save (and `n` walks them),
 * the editor refuses two main articles before saving, an archive dropped on Import goes through
 * importDumpFile, topics are edited from the article and topic pages, search within a dump, and
 * the small things (Home on an empty first line, the token placeholder, the source filter).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import type { Page } from 'playwright-core';
import { flatDump, relatedBlock, strayTextDump } from '../helpers/dumps.ts';
import { REPO_ROOT } from '../helpers/paths.ts';
import { startServer, type RunningServer } from './server.ts';
import { launchBrowser, message, pressUntil, status, type TestBrowser } from './browser.ts';

const SHOTS = join(REPO_ROOT, 'tests/e2e/screenshots');
let server: RunningServer;
let chromium: TestBrowser;

beforeAll(async () => {
  [server, chromium] = await Promise.all([startServer(), launchBrowser(() => server)]);
});
afterAll(async () => {
  await chromium?.close();
  await server?.stop();
});

interface DumpState {
  status: string;
  currentRevisionNumber: number;
  confidence: number;
  openWarningCount: number;
  warnings: { start: number; end: number; state: string }[];
  statusChanges: { revision: number; status: string }[];
}
async function dumpState(id: string): Promise<DumpState> {
  const r = await server.gql<{ dump: DumpState }>(
    'query($id: ID!) { dump(id: $id) { status currentRevisionNumber confidence openWarningCount warnings { start end state } statusChanges { revision status } } }',
    { id },
  );
  return r.dump;
}

async function openEditor(page: Page, id: string, base = '1'): Promise<void> {
  await page.goto(`${server.url}/#/dump/${encodeURIComponent(id)}`);
  await page.locator('[data-testid=editor]').waitFor();
  await expect.poll(() => page.locator('[data-testid=editor]').getAttribute('data-base')).toBe(base);
  await expect.poll(() => page.locator('[data-testid=editor]').getAttribute('data-open-warnings')).not.toBe('');
}

const caretOf = async (page: Page) => Number(await status(page).getAttribute('data-caret'));

describe('editorial integrity', () => {
  it('n walks the warnings marked in the gutter; a partial save keeps the others open; approving with open warnings asks first', async () => {
    const id = await server.importText(strayTextDump(' (n)'), 'stray-n.txt');
    const before = await dumpState(id);
    expect(before.warnings).toHaveLength(3);
    const page = await chromium.newPage(true);
    await openEditor(page, id);
    expect(await page.locator('[data-testid=editor]').getAttribute('data-open-warnings')).toBe('3');
    expect(await page.locator('[data-testid=gutter-mark].gm-warning').count()).toBe(3);

    // n / N: next and previous warning across the dump; the side panel follows the caret
    await page.keyboard.press('n');
    await expect.poll(() => caretOf(page)).toBe(before.warnings[0]!.start);
    await expect.poll(() => page.locator('[data-testid=warning][aria-current=true]').count()).toBe(1);
    await page.keyboard.press('n');
    await expect.poll(() => caretOf(page)).toBe(before.warnings[1]!.start);
    await page.keyboard.press('Shift+N');
    await expect.poll(() => caretOf(page)).toBe(before.warnings[0]!.start);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'warnings.png') });

    // fix the first one only: its line becomes boilerplate; the checklist sees the draft cover it
    await page.keyboard.press('Shift+3');
    await expect.poll(() => page.locator('[data-testid=warning][data-state=DRAFT]').count()).toBe(1);
    await page.keyboard.press('Control+s');
    await expect.poll(() => message(page).innerText()).toContain('Saved as revision 2');
    await expect.poll(() => page.locator('[data-testid=editor]').getAttribute('data-open-warnings')).toBe('2');
    const saved = await dumpState(id);
    expect(saved.warnings.map((w) => w.state)).toEqual(['RESOLVED', 'OPEN', 'OPEN']);
    expect(saved.openWarningCount).toBe(2);
    expect(saved.confidence).toBeLessThan(1);

    // approve: open warnings ask for confirmation first, nothing is approved until then
    await page.keyboard.press('Control+Enter');
    await page.locator('[data-testid=approve-confirm]').waitFor();
    expect(await page.locator('[data-testid=approve-confirm]').innerText()).toContain('2 warnings are still open');
    expect((await dumpState(id)).status).toBe('IN_REVIEW');
    await page.locator('[data-testid=approve-anyway]').click();
    await expect.poll(() => page.locator('[data-testid=dump-status]').innerText()).toBe('Approved');
    expect((await dumpState(id)).statusChanges.at(-1)).toEqual({ revision: 2, status: 'APPROVED' });
  });

  it('dismisses a warning with a reason, and the queue no longer counts it', async () => {
    const id = await server.importText(strayTextDump(' (dismiss)'), 'stray-dismiss.txt');
    const page = await chromium.newPage(true);
    await openEditor(page, id);
    await page.keyboard.press('w');
    await page.locator('[data-testid=dismiss]').first().click();
    await page.locator('[data-testid=dismiss-reason]').fill('a caption; nothing is lost');
    await page.locator('[data-testid=dismiss-submit]').click();
    await expect.poll(() => page.locator('[data-testid=warning][data-state=DISMISSED]').count()).toBe(1);
    expect(await page.locator('[data-testid=warning][data-state=DISMISSED]').innerText()).toContain('a caption; nothing is lost');
    expect((await dumpState(id)).openWarningCount).toBe(2);
    await page.goto(`${server.url}/#/`);
    const row = page.locator('[data-testid=queue-row]', { hasText: 'stray-dismiss.txt' });
    await expect.poll(() => row.locator('[data-testid=queue-warnings]').getAttribute('data-open')).toBe('2');
  });

  it('refuses an approve of a revision another editor replaced, and says so', async () => {
    const id = await server.importText(strayTextDump(' (stale)'), 'stray-stale.txt');
    const a = await chromium.newPage(true);
    const b = await chromium.newPage(true);
    await openEditor(a, id);
    await openEditor(b, id);
    // A saves revision 2 while B still shows revision 1
    await a.keyboard.press('m');
    await a.keyboard.press('Control+s');
    await expect.poll(() => message(a).innerText()).toContain('Saved as revision 2');
    // B approves what B sees: refused, and B is shown the other revision
    await b.keyboard.press('Control+Enter');
    await b.locator('[data-testid=approve-anyway]').click();
    await expect.poll(() => message(b).innerText()).toContain('Not approved: revision 2');
    await b.locator('[data-testid=conflict]').waitFor();
    expect(await b.locator('[data-testid=dump-status]').innerText()).not.toBe('Approved');
    const s = await dumpState(id);
    expect(s.status).toBe('IN_REVIEW');
    expect(s.statusChanges.some((c) => c.status === 'APPROVED')).toBe(false);
    // the audit log has the import, then the save and the status change it made from the browser, and no approval
    const log = await server.gql<{ auditLog: { edges: { node: { action: string; actor: string; subject: string; origin: string } }[] } }>(
      'query($id: ID!) { auditLog(filter: { dumpId: $id }) { edges { node { action actor subject origin } } } }',
      { id },
    );
    expect(log.auditLog.edges.map((e) => [e.node.action, e.node.subject])).toEqual([
      ['status', 'revision 2'],
      ['save', 'revision 2'],
      ['import', 'stray-stale.txt'],
    ]);
    expect(log.auditLog.edges.every((e) => e.node.actor === 'editor')).toBe(true);
    // and the editor shows it per dump (l)
    await a.keyboard.press('l');
    await expect.poll(() => a.locator('[data-testid=activity-entry]').count()).toBe(3);
    expect(await a.locator('[data-testid=activity-entry]').first().getAttribute('data-action')).toBe('status');
    expect(log.auditLog.edges[1]!.node.origin).toMatch(/^127\.0\.0\.1 · Mozilla/);
  });

  it('refuses two main articles in the editor before saving, naming the rule', async () => {
    const id = await server.importText(strayTextDump(' (mains)'), 'stray-mains.txt');
    const page = await chromium.newPage(true);
    await openEditor(page, id);
    await pressUntil(page, '}', async () => /related #\d+/.test(await status(page).innerText()), 12);
    await page.keyboard.press('1');
    await expect.poll(() => status(page).innerText()).toContain('at most one main article');
    await page.keyboard.press('Control+s');
    await expect.poll(() => message(page).innerText()).toContain('Cannot save (ONE_MAIN)');
    expect((await dumpState(id)).currentRevisionNumber).toBe(1);
  });

  it('searches within a dump with /, goes to a line with :, and Home stays on an empty first line', async () => {
    const text = strayTextDump(' (find)');
    expect(text.startsWith('\n')).toBe(true);
    const id = await server.importText(text, 'stray-find.txt');
    const page = await chromium.newPage(true);
    await openEditor(page, id);
    await page.keyboard.press('Home');
    await expect.poll(() => status(page).innerText()).toContain('Ln 1, Col 1');
    expect(await caretOf(page)).toBe(0);

    await page.keyboard.press('/');
    await page.locator('[data-testid=find-input]').fill('STRAY');
    await page.keyboard.press('Enter');
    const first = text.toLowerCase().indexOf('stray');
    await expect.poll(() => caretOf(page)).toBe(first + 5);
    expect(await page.locator('[data-testid=find-count]').innerText()).toBe('1 of 3');
    await page.keyboard.press('Enter');
    await expect.poll(() => caretOf(page)).toBe(text.toLowerCase().indexOf('stray', first + 1) + 5);
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => caretOf(page)).toBe(first + 5);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('[data-testid=findbar]').count()).toBe(0);

    await page.keyboard.press(':');
    await page.locator('[data-testid=find-input]').fill('4');
    await page.keyboard.press('Enter');
    await expect.poll(() => status(page).innerText()).toContain('Ln 4, Col 1');
  });

  it('imports a .zip dropped on the Import page through importDumpFile', async () => {
    const zip = zipSync({
      'zip-one.txt': strToU8(flatDump('Zipped harbour story one', 'The first zipped body line.', relatedBlock('Harbor Ledger', '1 hour ago', 'Zipped related one', 'Its body.'))),
      'zip-two.txt': strToU8(flatDump('Zipped harbour story two', 'The second zipped body line.')),
    });
    const page = await chromium.newPage(true);
    await page.goto(`${server.url}/#/import`);
    await page.locator('.drop').waitFor();
    const dt = await page.evaluateHandle((bytes) => {
      const d = new DataTransfer();
      d.items.add(new File([new Uint8Array(bytes)], 'two-dumps.zip', { type: 'application/zip' }));
      return d;
    }, Array.from(zip));
    await page.locator('.drop').dispatchEvent('drop', { dataTransfer: dt });
    await expect.poll(() => page.locator('[data-testid=import-result][data-state=created]').count(), { timeout: 30_000 }).toBe(2);
    expect(await page.locator('[data-testid=import-results]').innerText()).toContain('zip-two.txt');
    const r = await server.gql<{ articles: { totalCount: number } }>('{ articles(filter: { search: "zipped harbour" }) { totalCount } }');
    expect(r.articles.totalCount).toBe(2);
  });

  it('edits topics from the article page and a topic page: add, rename, merge, remove', async () => {
    const id = await server.importText(flatDump('Night tram trial begins downtown', 'The city starts a night tram trial on Friday.'), 'tram-topics.txt');
    const d = await server.gql<{ dump: { appearances: { article: { id: string } }[] } }>('query($id: ID!) { dump(id: $id) { appearances { article { id } } } }', { id });
    const articleId = d.dump.appearances[0]!.article.id;
    const topicsOf = async () =>
      (await server.gql<{ article: { topics: { topic: { name: string } }[] } }>('query($id: ID!) { article(id: $id) { topics { topic { name } } } }', { id: articleId })).article.topics.map((t) => t.topic.name);
    const page = await chromium.newPage(true);
    await page.goto(`${server.url}/#/article/${encodeURIComponent(articleId)}`);
    await page.locator('[data-testid=article-topics]').waitFor();
    const chip = (name: string) => page.locator('[data-testid=topic-chip]', { hasText: name });

    for (const name of ['Tram fares', 'Tram tickets', 'Night service']) {
      await page.locator('[data-testid=topic-add-input]').fill(name);
      await page.locator('[data-testid=topic-add]').click();
      await chip(name).waitFor();
    }
    expect(await topicsOf()).toEqual(expect.arrayContaining(['Tram fares', 'Tram tickets', 'Night service']));

    // rename from the article page
    await chip('Night service').locator('[data-testid=topic-edit]').click();
    await page.locator('[data-testid=topic-rename-input]').fill('Late-night service');
    await page.locator('[data-testid=topic-rename]').click();
    await chip('Late-night service').waitFor();
    expect(await topicsOf()).toContain('Late-night service');

    // remove from the article page
    await chip('Late-night service').locator('[data-testid=topic-remove]').click();
    await expect.poll(() => chip('Late-night service').count()).toBe(0);
    expect(await topicsOf()).not.toContain('Late-night service');

    // merge on the topic page: "Tram tickets" into "Tram fares"
    await chip('Tram tickets').locator('a').click();
    await page.locator('[data-testid=topic-page]').waitFor();
    expect(await page.locator('[data-testid=topic-name]').innerText()).toBe('Tram tickets');
    await page.locator('[data-testid=topic-merge-search]').fill('tram fa');
    await page.locator('[data-testid=topic-merge-into]', { hasText: 'Tram fares' }).click();
    await expect.poll(() => page.locator('[data-testid=topic-name]').innerText()).toBe('Tram fares');
    const after = await topicsOf();
    expect(after).toContain('Tram fares');
    expect(after).not.toContain('Tram tickets');
  });

  it('shows the cdk_ token prefix at sign-in and filters the queue by part of a source name', async () => {
    await server.importText(flatDump('Harbour fees rise', 'Fees rise next month.', relatedBlock('Harbor Ledger', '2 hours ago', 'Ferry crossings added', 'More crossings.')), 'harbour-fees.txt');
    const page = await chromium.newPage(false);
    await page.goto(`${server.url}/#/`);
    await page.locator('[data-testid=queue-row]').first().waitFor();
    await page.keyboard.press('g');
    await page.keyboard.press('s');
    expect(await page.locator('[data-testid=token-input]').getAttribute('placeholder')).toMatch(/^cdk_/);
    await page.keyboard.press('Escape');

    await page.locator('input[aria-label="Filter by source"]').fill('harbor led');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain('source=harbor');
    await expect.poll(() => page.locator('[data-testid=queue-row]').count()).toBeGreaterThan(0);
    const rows = await page.locator('[data-testid=queue-row]').allInnerTexts();
    expect(rows.some((r) => /harbour-fees|zip-one/.test(r))).toBe(true);
  });

  it('n jumps to a warning on a long dump line that was never drawn, and the line can be edited there', async () => {
    const body = Array.from({ length: 2400 }, (_, k) => `Line ${k + 1} of the long tram line report, on the depot works and the timetable.`).join('\n');
    const text = `${flatDump('A very long tram depot report (virtualised)', body, relatedBlock('Harbour Post', '3 hours ago', 'Depot works start in May', 'The works start in May.'))}\n\n\nA stray closing remark that belongs to nothing at all.\nAnother stray sentence here.\n`;
    const id = await server.importText(text, 'long-stray.txt');
    const state = await dumpState(id);
    const far = state.warnings.filter((w) => text.slice(0, w.start).split('\n').length > 2000);
    expect(far.length).toBeGreaterThan(0);
    const page = await chromium.newPage(true);
    await openEditor(page, id);
    const line = text.slice(0, far[0]!.start).split('\n').length;
    // virtualised: the warning's line is not drawn until the caret goes there
    expect(await page.locator(`[data-n="${line}"]`).count()).toBe(0);
    for (let k = 0; k < state.warnings.length && (await caretOf(page)) !== far[0]!.start; k++) await page.keyboard.press('n');
    await expect.poll(() => caretOf(page)).toBe(far[0]!.start);
    await page.locator(`[data-n="${line}"] [data-testid=gutter-mark].gm-warning`).waitFor();
    expect(await page.locator(`[data-n="${line}"]`).isVisible()).toBe(true);
    // edit it there: the line becomes boilerplate, and the draft counter says so in words
    await page.keyboard.press('Shift+3');
    await expect.poll(() => page.locator('[data-testid=draft-state]').innerText()).toMatch(/moved from .+ to boilerplate/);
  });
});
