/**
 * Long lists in real Chromium against the real server: the review queue (50 a page), the
 * article list (100 a page) and the audit log (50 a page) load the next page by cursor, the normalised cache merges it under the
 * rows already shown (no row twice, none lost), and a filter starts again from the first page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { flatDump, relatedBlock } from '../helpers/dumps.ts';
import { startServer, TOKEN, type RunningServer } from './server.ts';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const DUMPS = 53;
let server: RunningServer;
let browser: Browser;
let articleCount = 0;

/** dump n: a main article and two related ones, every headline distinct */
const dump = (n: number) =>
  flatDump(
    `Ferry timetable change number ${n} announced`,
    `The ferry operator announced timetable change number ${n} on Monday after weeks of talks with the port.`,
    [1, 2]
      .map((k) => relatedBlock(k === 1 ? 'Coast Herald' : 'Harbour Times', `${k} hours ago`, `Ferry note ${n}-${k} for passengers`, `Passengers on route ${n}-${k} should check the new departure times before travelling.`))
      .join(''),
  );

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS })]);
  for (let n = 1; n <= DUMPS; n++) await server.gql(`mutation($input: ImportDumpInput!) { importDump(input: $input) { __typename } }`, { input: { text: dump(n), filename: `ferry-${n}.txt` } });
  articleCount = (await server.gql<{ articles: { totalCount: number } }>(`{ articles(first: 1) { totalCount } }`)).articles.totalCount;
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** the variables of every request the page sends for the operation named `name` */
function variablesOf(page: Page, name: string): Record<string, unknown>[] {
  const seen: Record<string, unknown>[] = [];
  page.on('request', (r) => {
    if (r.method() !== 'POST' || !r.url().endsWith('/graphql')) return;
    const body = r.postDataJSON() as { operationName?: string; query?: string; variables?: Record<string, unknown> } | null;
    if (body?.operationName === name || body?.query?.includes(`query ${name}(`)) seen.push(body.variables ?? {});
  });
  return seen;
}

const rowIds = (page: Page, testid: string, attr: string) =>
  page.locator(`[data-testid=${testid}]`).evaluateAll((rows, a) => rows.map((r) => (a === 'text' ? r.querySelector('a')?.getAttribute('href') : r.getAttribute(a)) ?? ''), attr);

describe('pagination', () => {
  it('loads the queue 50 at a time and merges the next page under the first', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const sent = variablesOf(page, 'ReviewQueue_Dumps');
    await page.goto(`${server.url}/#/`);
    const rows = page.locator('[data-testid=queue-row]');
    await expect.poll(() => rows.count()).toBe(50);
    await page.getByRole('button', { name: /Load 50 more/ }).click();
    await expect.poll(() => rows.count()).toBe(DUMPS);
    const labels = await rows.evaluateAll((rs) => rs.map((r) => r.textContent ?? ''));
    expect(new Set(labels).size).toBe(DUMPS);
    await expect.poll(() => page.getByRole('button', { name: /Load 50 more/ }).count()).toBe(0);
    // the next page was asked for by cursor, never by a larger `first`
    expect(sent.map((v) => v.first)).toEqual(sent.map(() => 50));
    expect(sent.filter((v) => typeof v.after === 'string').length).toBeGreaterThan(0);
    await page.close();
  });

  it('loads articles 100 at a time, and a search starts again from the first page', async () => {
    expect(articleCount).toBeGreaterThan(100);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const sent = variablesOf(page, 'ArticleList_Articles');
    await page.goto(`${server.url}/#/articles`);
    const rows = page.locator('[data-testid=article-row]');
    await expect.poll(() => rows.count()).toBe(100);
    await page.keyboard.press('L');
    await expect.poll(() => rows.count()).toBe(Math.min(200, articleCount));
    const hrefs = await rowIds(page, 'article-row', 'text');
    expect(new Set(hrefs).size).toBe(hrefs.length);
    expect(sent.map((v) => v.first)).toEqual(sent.map(() => 100));
    expect(sent.some((v) => typeof v.after === 'string')).toBe(true);

    await page.getByLabel('Search').fill('timetable');
    await page.getByLabel('Search').press('Enter');
    await expect.poll(() => rows.count()).toBe(DUMPS);
    await expect.poll(() => page.locator('.articles-page .muted').first().innerText()).toBe(`${DUMPS} shown of ${DUMPS}`);
    await page.close();
  });

  it('loads the audit log 50 entries at a time by cursor, and a filter starts again from the first page', async () => {
    const total = (await server.gql<{ auditLog: { totalCount: number } }>(`{ auditLog(first: 1) { totalCount } }`)).auditLog.totalCount;
    expect(total).toBeGreaterThanOrEqual(DUMPS);
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await ctx.addInitScript((t) => localStorage.setItem('copydesk:token', t), TOKEN);
    const page = await ctx.newPage();
    const sent = variablesOf(page, 'AuditPage_Log');
    await page.goto(`${server.url}/#/audit`);
    const rows = page.locator('[data-testid=audit-row]');
    await expect.poll(() => rows.count()).toBe(50);
    await page.locator('[data-testid=load-more]').click();
    await expect.poll(() => rows.count()).toBe(Math.min(100, total));
    const keys = await rows.evaluateAll((rs) => rs.map((r) => r.textContent ?? ''));
    expect(keys.length).toBe(Math.min(100, total));
    expect(sent.map((v) => v.first)).toEqual(sent.map(() => 50));
    expect(sent.some((v) => typeof v.after === 'string')).toBe(true);

    // a filter is a new list: its first page, not the pages loaded before
    await page.locator('[data-testid=audit-action]').selectOption('import');
    await expect.poll(() => rows.count()).toBe(50);
    expect(sent.at(-1)).toMatchObject({ after: null, filter: { action: 'import' } });
    await ctx.close();
  });
});
