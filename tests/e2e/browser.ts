/** Chromium for the browser tests: pages signed in or not, and the editor's status bar helpers. */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { RunningServer } from './server.ts';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface TestBrowser {
  browser: Browser;
  /** a fresh context (its own localStorage) and page, with the editor token stored when signedIn */
  newPage(signedIn: boolean): Promise<Page>;
  close(): Promise<void>;
}

export async function launchBrowser(server: () => RunningServer): Promise<TestBrowser> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const contexts: BrowserContext[] = [];
  return {
    browser,
    async newPage(signedIn) {
      const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      contexts.push(ctx);
      if (signedIn) await ctx.addInitScript((t) => localStorage.setItem('copydesk:token', t), server().token);
      const page = await ctx.newPage();
      page.on('pageerror', (e) => console.error('page error:', e.message));
      return page;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close();
    },
  };
}

export const status = (page: Page) => page.locator('[data-testid=status]');
export const message = (page: Page) => page.locator('[data-testid=message]');

/** Presses `key` until `done` holds (at most `max` times). */
export async function pressUntil(page: Page, key: string, done: () => Promise<boolean>, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await done()) return;
    await page.keyboard.press(key);
  }
  if (!(await done())) throw new Error(`pressed ${key} ${max} times without reaching the target (status: ${await status(page).innerText()})`);
}
