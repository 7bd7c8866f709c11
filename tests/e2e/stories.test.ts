/**
 * The story page in real Chromium against the real server: two outlets' reports of one event
 * show as one story, a lane per outlet, reached from the article page; an editor merges another
 * story into it from the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { logoDump } from '../helpers/dumps.ts';
import { STORY_ARTICLES } from '../helpers/stories.ts';
import { startServer, type RunningServer } from './server.ts';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
let server: RunningServer;
let browser: Browser;

type Stories = { stories: { edges: { node: { id: string; size: number; headline: string } }[] } };
const STORIES = `{ stories(first: 10, orderBy: SIZE_DESC) { edges { node { id size headline } } } }`;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS })]);
  for (const [source, headline, body] of Object.values(STORY_ARTICLES)) {
    await server.gql(`mutation($input: ImportDumpInput!) { importDump(input: $input) { __typename } }`, { input: { text: logoDump(source, headline, body) } });
  }
  // the server's enrichment worker assigns stories in the background
  for (let i = 0; i < 120; i++) {
    if ((await server.gql<Stories>(STORIES)).stories.edges.map((e) => e.node.size).join() === '2,1') break;
    await new Promise((ok) => setTimeout(ok, 250));
  }
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('story page', () => {
  it('shows a story as a timeline by outlet, from the article page, and merges another story into it', async () => {
    expect((await server.gql<Stories>(STORIES)).stories.edges.map((e) => e.node.size)).toEqual([2, 1]);
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await ctx.addInitScript((t) => localStorage.setItem('copydesk:token', t), server.token);
    const page = await ctx.newPage();
    const articles = await server.gql<{ articles: { edges: { node: { id: string; headline: string } }[] } }>(`{ articles(first: 10) { edges { node { id headline } } } }`);
    const courier = articles.articles.edges.find((e) => e.node.headline === STORY_ARTICLES.strikeCourier[1])!.node;

    await page.goto(`${server.url}/#/article/${encodeURIComponent(courier.id)}`);
    const onArticle = page.locator('[data-testid=article-story]');
    await expect.poll(() => onArticle.innerText()).toContain('2 articles');
    await onArticle.locator('a').click();

    await expect.poll(() => page.locator('[data-testid=story-meta]').innerText()).toContain('2 articles · 2 outlets');
    const lanes = page.locator('[data-testid=story-lane-outlet]');
    expect((await lanes.allInnerTexts()).sort()).toEqual(['Coast Courier', 'Harbour Post']);

    await expect.poll(() => page.locator('[data-testid=viewer]').innerText()).toContain('editor');
    await page.locator('[data-testid=story-merge-search]').fill('jazz');
    await page.locator('[data-testid=story-merge-from]').first().click();
    await expect.poll(() => page.locator('[data-testid=story-message]').innerText()).toBe('Merged; 3 articles.');
    await expect.poll(() => page.locator('[data-testid=story-meta]').innerText()).toContain('3 articles · 2 outlets');
    await expect.poll(() => page.locator('[data-testid=story-article]').count()).toBe(3);
    const harbourLane = page.locator('[data-testid=story-lane]').filter({ hasText: 'Harbour Post' });
    await expect.poll(() => harbourLane.locator('[data-testid=story-article]').count()).toBe(2);

    const api = await server.gql<Stories>(STORIES);
    expect(api.stories.edges.map((e) => e.node.size)).toEqual([3]);
    const log = await server.gql<{ auditLog: { edges: { node: { action: string } }[] } }>(`{ auditLog(first: 10, filter: { action: "story.merge" }) { edges { node { action } } } }`);
    expect(log.auditLog.edges).toHaveLength(1);
    await ctx.close();
  });
});
