/**
 * Rules in real Chromium: an editor marks a line as publisher boilerplate, makes it a rule
 * "always, for this source", and re-parses the dumps it changes from the Rules page: the
 * parser's dumps get a new current revision, the editor's own dump a proposed one.
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
const LINE = 'Audio only';
const story = (place: string) => [
  `${place} opened its new library on Monday after a two-year build that cost the town two million pounds in all.`,
  `The ${place} reading room seats forty and stays open until nine on weekdays.`,
  LINE,
];

let server: RunningServer;
let browser: Browser;
let ctx: BrowserContext;
const ids: Record<string, string> = {};
const texts: Record<string, string> = {};

const status = (page: Page) => page.locator('[data-testid=status]');

async function importDump(name: string, source: string, place: string) {
  texts[name] = logoDump(source, `${place} opens a library`, story(place));
  const d = await server.gql<{ importDump: { dump: { id: string } } }>(`mutation($input: ImportDumpInput!) { importDump(input: $input) { ... on ImportDumpPayload { dump { id } } } }`, { input: { text: texts[name], filename: `${name}.txt` } });
  ids[name] = d.importDump.dump.id;
}

interface DumpState {
  currentRevisionNumber: number;
  currentRevision: { author: string; segments: { fields: { field: string; start: number; end: number; rule: string | null }[] }[] };
  proposedRevision: { number: number; segments: { fields: { field: string; start: number; end: number; rule: string | null }[] }[] } | null;
}
async function dumpState(name: string): Promise<DumpState> {
  const fields = 'segments { fields { field start end rule } }';
  const d = await server.gql<{ dump: DumpState }>(`query($id: ID!) { dump(id: $id) { currentRevisionNumber currentRevision { author ${fields} } proposedRevision { number ${fields} } } }`, { id: ids[name] });
  return d.dump;
}
const ruleSpans = (name: string, segs: DumpState['currentRevision']['segments']) =>
  segs.flatMap((s) => s.fields.filter((f) => f.rule).map((f) => [texts[name]!.slice(f.start, f.end), f.field, f.rule]));

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  [server, browser] = await Promise.all([startServer(), chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS })]);
  await importDump('hp1', 'Harbour Post', 'Ashby');
  await importDump('hp2', 'Harbour Post', 'Brightwater');
  await importDump('vt1', 'Valley Times', 'Calder');
  ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await ctx.addInitScript((t) => localStorage.setItem('copydesk:token', t), server.token);
});

afterAll(async () => {
  await ctx?.close().catch(() => {});
  await browser?.close();
  await server?.stop();
});

describe('rules in the dashboard', () => {
  it('makes a marked line a rule "always, for this source" from the boundary editor', async () => {
    const page = await ctx.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(`${server.url}/#/dump/${encodeURIComponent(ids.hp1!)}`);
    await page.locator('[data-testid=editor]').waitFor();
    await page.locator('[data-kind=main]').first().waitFor();
    const at = texts.hp1!.indexOf(LINE);
    for (let i = 0; i < 40 && Number(await status(page).getAttribute('data-caret')) < at; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Home');
    expect(Number(await status(page).getAttribute('data-caret'))).toBe(at);
    await page.keyboard.press('i');
    const offer = page.locator('[data-testid=rule-offer]');
    await offer.waitFor();
    expect(await offer.innerText()).toContain(LINE);
    expect(await page.locator('[data-testid=rule-source]').innerText()).toBe('Always, for Harbour Post');
    // the editor saves the fix (this dump's current revision is now theirs), then makes the rule
    await page.keyboard.press('Control+s');
    await expect.poll(async () => (await dumpState('hp1')).currentRevision.author).toBe('editor');
    await page.locator('[data-testid=rule-source]').click();
    await expect.poll(() => page.locator('[data-testid=rule-offer-result]').innerText()).toMatch(/^Saved as rule:\d+\./);
    await page.close();
  });

  it('lists the rule, shows how many dumps it would change, and re-parses them', async () => {
    const page = await ctx.newPage();
    await page.goto(`${server.url}/#/`);
    await expect.poll(() => page.locator('[data-testid=viewer]').innerText()).toContain('editor');
    await page.keyboard.press('g');
    await page.keyboard.press('r');
    const rule = page.locator('[data-testid=rule]');
    await rule.first().waitFor();
    expect(await rule.count()).toBe(1);
    expect(await rule.locator('[data-testid=rule-line]').innerText()).toBe(LINE);
    expect(await rule.locator('[data-testid=rule-scope]').innerText()).toBe('always, for Harbour Post');
    expect(await rule.innerText()).toContain('by editor');

    await rule.locator('[data-testid=rule-impact]').click();
    await expect.poll(() => rule.locator('[data-testid=rule-impact-result]').innerText()).toMatch(/^2 stored dumps would change \(1 with an editor's revision/);
    await page.screenshot({ path: join(SHOTS, 'rules.png') });
    await rule.locator('[data-testid=rule-apply]').click();
    await expect.poll(() => rule.locator('[data-testid=rule-message]').innerText()).toBe('Re-parsed 2: 1 updated, 1 with a proposed revision to review.');

    // the parser's dump: a new current revision whose span names the rule
    const hp2 = await dumpState('hp2');
    expect(hp2.currentRevisionNumber).toBe(2);
    expect(ruleSpans('hp2', hp2.currentRevision.segments)).toEqual([[LINE, 'noise', expect.stringMatching(/^rule:\d+$/)]]);
    // the editor's dump: their revision stays current, the new parse is proposed
    const hp1 = await dumpState('hp1');
    expect(hp1.currentRevision.author).toBe('editor');
    expect(hp1.proposedRevision?.number).toBe(hp1.currentRevisionNumber + 1);
    expect(ruleSpans('hp1', hp1.proposedRevision!.segments)).toEqual([[LINE, 'noise', expect.stringMatching(/^rule:\d+$/)]]);
    // another source's dump is left alone
    const vt1 = await dumpState('vt1');
    expect(vt1.currentRevisionNumber).toBe(1);
    expect(ruleSpans('vt1', vt1.currentRevision.segments)).toEqual([]);
    // the drift report counts the editor's fix
    await expect.poll(() => page.locator('[data-testid=drift]').innerText()).toContain('Harbour Post');
  });

  it('edits the rule to "always, everywhere" and removes it', async () => {
    const page = await ctx.newPage();
    await page.goto(`${server.url}/#/rules`);
    const rule = page.locator('[data-testid=rule]');
    await rule.first().waitFor();
    await rule.locator('[data-testid=rule-edit]').click();
    await page.locator('[data-testid=rule-scope-select]').selectOption('EVERYWHERE');
    await page.locator('[data-testid=rule-save]').click();
    await expect.poll(() => rule.locator('[data-testid=rule-scope]').innerText()).toBe('always, everywhere');
    await rule.locator('[data-testid=rule-impact]').click();
    await expect.poll(() => rule.locator('[data-testid=rule-impact-result]').innerText()).toMatch(/^1 stored dump would change/);
    await rule.locator('[data-testid=rule-remove]').click();
    await page.locator('[data-testid=no-rules]').waitFor();
  });
});
