/**
 * Shape rules in real Chromium: an editor marks the names on a credit line as the byline, is
 * offered a rule of the line's shape, makes it "always, for this source", and re-parses the
 * dumps it changes from the Rules page: the outlet's other credit line gets its byline, another
 * outlet's is left alone.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { REPO_ROOT } from '../helpers/paths.ts';
import { logoDump } from '../helpers/dumps.ts';
import { startServer, type RunningServer } from './server.ts';

const SHOTS = join(REPO_ROOT, 'tests/e2e/screenshots');
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const NAME = 'Jane Doe';
const story = (credit: string, place: string) => [
  credit,
  `${place} opened its new library on Monday after a two-year build that cost the town two million pounds in all.`,
  `The ${place} reading room seats forty and stays open until nine on weekdays.`,
];

let server: RunningServer;
let browser: Browser;
let ctx: BrowserContext;
const ids: Record<string, string> = {};
const texts: Record<string, string> = {};

const status = (page: Page) => page.locator('[data-testid=status]');

async function importDump(name: string, source: string, credit: string, place: string) {
  texts[name] = logoDump(source, `${place} opens a library`, story(credit, place));
  const d = await server.gql<{ importDump: { dump: { id: string } } }>(`mutation($input: ImportDumpInput!) { importDump(input: $input) { ... on ImportDumpPayload { dump { id } } } }`, { input: { text: texts[name], filename: `${name}.txt` } });
  ids[name] = d.importDump.dump.id;
}

interface Fields {
  segments: { fields: { field: string; start: number; end: number; rule: string | null }[] }[];
}
async function dumpState(name: string) {
  const fields = 'segments { fields { field start end rule } }';
  const d = await server.gql<{ dump: { currentRevisionNumber: number; currentRevision: Fields & { author: string }; proposedRevision: (Fields & { number: number }) | null } }>(
    `query($id: ID!) { dump(id: $id) { currentRevisionNumber currentRevision { author ${fields} } proposedRevision { number ${fields} } } }`,
    { id: ids[name] },
  );
  return d.dump;
}
const ruleSpans = (name: string, segs: Fields['segments']) => segs.flatMap((s) => s.fields.filter((f) => f.rule).map((f) => [texts[name]!.slice(f.start, f.end), f.field, f.rule]));

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  [server, browser] = await Promise.all([startServer(), chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS })]);
  await importDump('hp1', 'Harbour Post', `${NAME}, Senior Correspondent`, 'Ashby');
  await importDump('hp2', 'Harbour Post', 'John A. Smith, Political Editor', 'Brightwater');
  await importDump('vt1', 'Valley Times', 'Ola Nordmann, Sports Reporter', 'Calder');
  await importDump('vt2', 'Valley Times', 'Kari Nordmann', 'Dunmore');
  ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await ctx.addInitScript((t) => localStorage.setItem('copydesk:token', t), server.token);
});

afterAll(async () => {
  await ctx?.close().catch(() => {});
  await browser?.close();
  await server?.stop();
});

describe('shape rules in the dashboard', () => {
  it('offers a byline fix as a rule of its shape, "always, for this source"', async () => {
    const page = await ctx.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(`${server.url}/#/dump/${encodeURIComponent(ids.hp1!)}`);
    await page.locator('[data-testid=editor]').waitFor();
    await page.locator('[data-kind=main]').first().waitFor();
    const at = texts.hp1!.indexOf(NAME);
    for (let i = 0; i < 40 && Number(await status(page).getAttribute('data-caret')) < at; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Home');
    expect(Number(await status(page).getAttribute('data-caret'))).toBe(at);
    // select the names only, and mark them as the byline
    for (let i = 0; i < NAME.length; i++) await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('y');
    const offer = page.locator('[data-testid=rule-offer]');
    await offer.waitFor();
    expect(await offer.getAttribute('data-field')).toBe('byline');
    expect(await page.locator('[data-testid=rule-offer-shape]').innerText()).toBe('[ <cap:2> ] , <title:2>');
    expect(await page.locator('[data-testid=rule-source]').innerText()).toBe('Always, for Harbour Post');
    await page.screenshot({ path: join(SHOTS, 'shape-rule-offer.png') });
    await page.locator('[data-testid=rule-source]').click();
    await expect.poll(() => page.locator('[data-testid=rule-offer-result]').innerText()).toMatch(/^Saved as rule:\d+\./);
    await page.close();
  });

  it('offers nothing for a fix that does not generalise (a line of names only)', async () => {
    const page = await ctx.newPage();
    await page.goto(`${server.url}/#/dump/${encodeURIComponent(ids.vt2!)}`);
    await page.locator('[data-kind=main]').first().waitFor();
    const at = texts.vt2!.indexOf('Kari Nordmann');
    for (let i = 0; i < 40 && Number(await status(page).getAttribute('data-caret')) < at; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Home');
    expect(Number(await status(page).getAttribute('data-caret'))).toBe(at);
    const asked = page.waitForResponse((r) => !!r.request().postData()?.includes('RuleOffer_Shape'));
    await page.keyboard.press('y');
    const answer = (await (await asked).json()) as { data: { ruleShape: { shape: string | null; reason: string | null } } };
    expect(answer.data.ruleShape).toMatchObject({ shape: null, reason: expect.stringMatching(/names only/) });
    expect(await page.locator('[data-testid=rule-offer]').count()).toBe(0);
    await page.close();
  });

  it('lists the shape rule and re-parses the outlet\'s dumps it changes', async () => {
    const page = await ctx.newPage();
    await page.goto(`${server.url}/#/rules`);
    const rule = page.locator('[data-testid=rule]');
    await rule.first().waitFor();
    expect(await rule.count()).toBe(1);
    expect(await rule.locator('[data-testid=rule-shape]').innerText()).toBe('[ <cap:2> ] , <title:2>');
    expect(await rule.locator('[data-testid=rule-line]').innerText()).toBe(`${NAME}, Senior Correspondent`);
    expect(await rule.locator('[data-testid=rule-scope]').innerText()).toBe('always, for Harbour Post');
    await rule.locator('[data-testid=rule-impact]').click();
    await expect.poll(() => rule.locator('[data-testid=rule-impact-result]').innerText()).toMatch(/^2 stored dumps would change\./);
    await rule.locator('[data-testid=rule-apply]').click();
    await expect.poll(() => rule.locator('[data-testid=rule-message]').innerText()).toBe('Re-parsed 2: 2 updated, 0 with a proposed revision to review.');
    await page.screenshot({ path: join(SHOTS, 'shape-rules.png') });
    const hp2 = await dumpState('hp2');
    expect(hp2.currentRevisionNumber).toBe(2);
    expect(ruleSpans('hp2', hp2.currentRevision.segments)).toEqual([['John A. Smith', 'byline', expect.stringMatching(/^rule:\d+$/)]]);
    const hp1 = await dumpState('hp1');
    expect(ruleSpans('hp1', hp1.currentRevision.segments)).toEqual([[NAME, 'byline', expect.stringMatching(/^rule:\d+$/)]]);
    const vt1 = await dumpState('vt1');
    expect(vt1.currentRevisionNumber).toBe(1);
    expect(ruleSpans('vt1', vt1.currentRevision.segments)).toEqual([]);
  });
});
