/**
 * The sources page in real Chromium against the real server: variants the importer folded show
 * as aliases of one outlet, and an editor merges two outlets into the one kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { flatDump, relatedBlock } from '../helpers/dumps.ts';
import { startServer, type RunningServer } from './server.ts';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
let server: RunningServer;
let browser: Browser;

const block = (source: string, n: number) =>
  relatedBlock(source, `${n} hours ago`, `Harbour plan update number ${n}`, `The council approved harbour plan update number ${n} on Tuesday after a long debate about dredging the channel.`);

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS })]);
  const text = flatDump('Harbour plan approved', 'Councillors approved the harbour plan on Tuesday.', [block('The Independent', 1), block('Independent', 2), block('Indy Daily', 3)].join(''));
  await server.gql(`mutation($input: ImportDumpInput!) { importDump(input: $input) { __typename } }`, { input: { text } });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('sources page', () => {
  it('shows folded variants as aliases, and merges two outlets into the one kept', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await ctx.addInitScript((t) => localStorage.setItem('copydesk:token', t), server.token);
    const page = await ctx.newPage();
    await page.goto(`${server.url}/#/sources`);
    const rows = page.locator('[data-testid=source-row]');
    await expect.poll(() => rows.count()).toBe(2);
    const independent = rows.filter({ hasText: 'The Independent' });
    await expect.poll(() => independent.locator('[data-testid=source-aliases]').innerText()).toBe('Independent');

    await expect.poll(() => page.locator('[data-testid=viewer]').innerText()).toContain('editor');
    await page.getByLabel('Pick The Independent').check();
    await page.getByLabel('Pick Indy Daily').check();
    await page.getByLabel('Keep The Independent').check();
    await page.locator('[data-testid=merge-sources]').click();
    await expect.poll(() => page.locator('[data-testid=message]').innerText()).toBe('Merged into The Independent.');
    await expect.poll(() => rows.count()).toBe(1);
    await expect.poll(() => rows.first().locator('[data-testid=source-aliases]').innerText()).toBe('Independent, Indy Daily');

    const api = await server.gql<{ sources: { edges: { node: { name: string; articles: { totalCount: number } } }[] } }>(`{ sources(first: 10, search: "indy") { edges { node { name articles { totalCount } } } } }`);
    expect(api.sources.edges.map((e) => e.node)).toEqual([{ name: 'The Independent', articles: { totalCount: 3 } }]);
    await ctx.close();
  });
});
