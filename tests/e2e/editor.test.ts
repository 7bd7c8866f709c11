/**
 * The editorial dashboard in real Chromium against the real server: import, review queue,
 * boundary editing with the keyboard, save/reload, derived articles through the API, a
 * conflicting save from a second session, approval, and dump text that must never run.
 */
import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { REFERENCE_DUMP, REPO_ROOT, SHARED_DUMPS } from '../helpers/paths.ts';
import { startServer, type RunningServer } from './server.ts';
import { launchBrowser, message, pressUntil, status, type TestBrowser } from './browser.ts';

const SHOTS = join(REPO_ROOT, 'tests/e2e/screenshots');

let server: RunningServer;
let chromium: TestBrowser;
const newPage = (signedIn: boolean): Promise<Page> => chromium.newPage(signedIn);

async function mainArticle(dumpId: string) {
  const d = await server.gql<{ dump: { currentRevisionNumber: number; status: string; appearances: { role: string; article: { headline: string | null; body: string; copyright: string | null } }[] } }>(
    `query($id: ID!) { dump(id: $id) { currentRevisionNumber status appearances { role article { headline body copyright } } } }`,
    { id: dumpId },
    true,
  );
  return d.dump;
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  [server, chromium] = await Promise.all([startServer(), launchBrowser(() => server)]);
});

afterAll(async () => {
  await chromium?.close();
  await server?.stop();
});

describe('editorial dashboard', () => {
  const reference = () => readFileSync(join(SHARED_DUMPS, `${REFERENCE_DUMP}.txt`), 'utf8');
  let dumpId = '';

  it('signs in, imports a dump from the import page and opens it from the queue', async () => {
    const page = await newPage(false);
    await page.goto(`${server.url}/#/import`);
    await expect.poll(() => page.locator('[data-testid=viewer]').innerText()).toMatch(/Read-only/);
    await page.keyboard.press('g');
    await page.keyboard.press('s');
    await page.locator('[data-testid=token-input]').fill(server.token);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-testid=viewer]').innerText()).toContain('editor');

    await page.locator('[data-testid=import-text]').fill(reference());
    await page.locator('[data-testid=import-filename]').fill(`${REFERENCE_DUMP}.txt`);
    await page.locator('[data-testid=import-submit]').click();
    await expect.poll(() => page.locator('[data-testid=import-result]').first().getAttribute('data-state')).toBe('created');
    // the same text again changes nothing
    await page.locator('[data-testid=import-submit]').click();
    await expect.poll(() => page.locator('[data-testid=import-result]').first().getAttribute('data-state')).toBe('unchanged');

    await page.goto(`${server.url}/#/`);
    await page.locator('[data-testid=queue-row]').first().waitFor();
    await page.screenshot({ path: join(SHOTS, 'queue.png') });
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=editor]').waitFor();
    dumpId = decodeURIComponent(new URL(page.url()).hash.replace(/^#\/dump\//, ''));
    expect(dumpId).not.toBe('');
    await expect.poll(() => page.locator('[data-testid=textpane]').innerText()).toContain('Peace breakthrough unlikely');

    // ? lists the shortcuts
    await page.keyboard.press('?');
    await page.locator('[data-testid=shortcut-help]').waitFor();
    expect(await page.locator('[data-testid=shortcut-help]').innerText()).toContain('Split the segment at the caret');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('[data-testid=shortcut-help]').count()).toBe(0);
  });

  it('fixes boundaries with the keyboard, saves, and keeps the fix across a reload and in the API', async () => {
    const page = await newPage(true);
    await page.goto(`${server.url}/#/dump/${encodeURIComponent(dumpId)}`);
    await page.locator('[data-testid=editor]').waitFor();
    await page.locator('[data-kind=main]').first().waitFor();
    const before = await mainArticle(dumpId);
    const mainBefore = before.appearances.find((a) => a.role === 'main')!.article;
    const relatedBefore = before.appearances.filter((a) => a.role === 'related').length;
    const paragraphs = mainBefore.body.split('\n');
    const lastParagraph = paragraphs.at(-1)!;
    expect(mainBefore.copyright).toBeTruthy();

    // 1. the end of the main article's body, one line up
    const mainIndex = await page.locator('[data-kind=main]').first().getAttribute('data-seg');
    const handle = `f${mainIndex}:body:end`;
    await pressUntil(page, ']', async () => (await status(page).getAttribute('data-active-handle')) === handle);
    await page.keyboard.press('ArrowUp');
    const mainCard = page.locator('[data-testid=derived-article]').first();
    await expect.poll(() => mainCard.locator('[data-testid=derived-body-last]').innerText()).toBe(paragraphs.at(-2));
    await page.keyboard.press('Escape');

    // 2. the copyright line becomes boilerplate
    await pressUntil(page, 'ArrowDown', async () => {
      await page.keyboard.press('Home');
      return (await status(page).innerText()).includes('copyright');
    }, 6);
    await page.keyboard.press('Shift+3');
    await expect.poll(() => mainCard.innerText()).not.toContain(mainBefore.copyright!);

    // 3. a related block split in two at its headline: the header part has no headline, which a
    // related block needs (RELATED_HEADLINE), so the editor shows it and it becomes boilerplate
    await pressUntil(page, '}', async () => /related #\d+/.test(await status(page).innerText()), 10);
    await pressUntil(page, 'ArrowDown', async () => (await status(page).innerText()).includes('· headline'), 8);
    await page.keyboard.press('s');
    await expect.poll(() => page.locator('[data-testid=derived-article]').count()).toBe(relatedBefore + 2);
    await expect.poll(() => status(page).innerText()).toContain('a related block needs a headline');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('3');
    await expect.poll(() => page.locator('[data-testid=derived-article]').count()).toBe(relatedBefore + 1);
    expect(await status(page).innerText()).not.toContain('invalid');
    await page.screenshot({ path: join(SHOTS, 'editor.png') });
    const segmentsAfter = await page.locator('[data-seg]').count();

    // the diff against the parser lists the edits
    await page.keyboard.press('d');
    await expect.poll(() => page.locator('[data-testid=diff] li').count()).toBeGreaterThan(2);
    await page.keyboard.press('v');

    await page.keyboard.press('Control+s');
    await expect.poll(() => message(page).innerText()).toContain('Saved as revision 2');

    await page.reload();
    await page.locator('[data-testid=editor]').waitFor();
    await expect.poll(() => page.locator('[data-testid=editor]').getAttribute('data-base')).toBe('2');
    expect(await page.locator('[data-testid=editor]').getAttribute('data-dirty')).toBe('false');
    expect(await page.locator('[data-seg]').count()).toBe(segmentsAfter);

    const after = await mainArticle(dumpId);
    expect(after.currentRevisionNumber).toBe(2);
    expect(after.status).toBe('IN_REVIEW');
    const mainAfter = after.appearances.find((a) => a.role === 'main')!.article;
    expect(mainAfter.body).not.toContain(lastParagraph);
    expect(mainAfter.body.endsWith(paragraphs.at(-2)!)).toBe(true);
    expect(mainAfter.copyright).toBeNull();
    expect(after.appearances.filter((a) => a.role === 'related')).toHaveLength(relatedBefore);
  });

  it('keeps unsaved work across a reload, shows a conflicting save and rebases on it, then approves', async () => {
    const mine = await newPage(true);
    const theirs = await newPage(true);
    for (const p of [mine, theirs]) {
      await p.goto(`${server.url}/#/dump/${encodeURIComponent(dumpId)}`);
      await p.locator('[data-testid=editor]').waitFor();
      await expect.poll(() => p.locator('[data-testid=editor]').getAttribute('data-base')).toBe('2');
    }
    // mine: the boilerplate block after the main article becomes residue (not saved yet)
    await pressUntil(mine, '}', async () => /boilerplate #\d+/.test(await status(mine).innerText()), 10);
    await mine.keyboard.press('4');
    await expect.poll(() => mine.locator('[data-testid=editor]').getAttribute('data-dirty')).toBe('true');
    await mine.reload();
    await mine.locator('[data-testid=editor]').waitFor();
    await expect.poll(() => mine.locator('[data-testid=draft-state]').innerText()).toContain('restored');
    expect(await mine.locator('[data-testid=editor]').getAttribute('data-dirty')).toBe('true');

    // theirs: merges the first segment with the next and saves first (revision 3)
    await theirs.keyboard.press('m');
    await theirs.keyboard.press('Control+s');
    await expect.poll(() => message(theirs).innerText()).toContain('Saved as revision 3');

    // mine saves on base 2: a conflict naming revision 3, both sides' changes, nothing lost
    await mine.keyboard.press('Control+s');
    await mine.locator('[data-testid=conflict]').waitFor();
    expect(await mine.locator('[data-testid=conflict-theirs]').innerText()).toBe('3');
    expect(await mine.locator('[data-testid=conflict]').innerText()).toMatch(/by editor/);
    await mine.screenshot({ path: join(SHOTS, 'conflict.png') });
    await mine.keyboard.press('Enter'); // "Re-apply my edits" has the focus
    await expect.poll(() => message(mine).innerText()).toContain('Re-applied all 1 edits on revision 3');
    await expect.poll(() => mine.locator('[data-testid=editor]').getAttribute('data-base')).toBe('3');
    await mine.keyboard.press('Control+s');
    await expect.poll(() => message(mine).innerText()).toContain('Saved as revision 4');

    await mine.keyboard.press('Control+Enter');
    await expect.poll(() => mine.locator('[data-testid=dump-status]').innerText()).toBe('Approved');
    const d = await mainArticle(dumpId);
    expect(d.currentRevisionNumber).toBe(4);
    expect(d.status).toBe('APPROVED');
    const counts = await server.gql<{ reviewCounts: { approved: number } }>('{ reviewCounts { approved } }', {}, true);
    expect(counts.reviewCounts.approved).toBe(1);
  });

  it('lists articles, filters them by source and opens one with its appearances and related stories', async () => {
    const page = await newPage(false);
    await page.goto(`${server.url}/#/articles`);
    await page.locator('[data-testid=article-row]').first().waitFor();
    expect(await page.locator('[data-testid=article-row]').count()).toBeGreaterThan(3);
    await page.locator('input[aria-label=Source]').fill('nikkei asia');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-testid=article-row]').count()).toBe(1);
    await page.keyboard.press('Enter');
    await page.locator('.article-page h1').waitFor();
    expect(await page.locator('.article-page h1').innerText()).toContain('Hong Kong issues arrest warrants');
    expect(await page.locator('.side-col').innerText()).toMatch(/appears in 1/i);
    await page.screenshot({ path: join(SHOTS, 'article.png') });
  });

  it('is read-only without a token', async () => {
    const page = await newPage(false);
    await page.goto(`${server.url}/#/dump/${encodeURIComponent(dumpId)}`);
    await page.locator('[data-testid=editor]').waitFor();
    await expect.poll(() => page.locator('.banner').innerText()).toContain('Read-only');
    expect(await page.locator('[data-testid=save]').isDisabled()).toBe(true);
    await page.keyboard.press('s');
    await expect.poll(() => message(page).innerText()).toContain('Read-only');
  });

  it('shows markup in a dump as text and never runs it', async () => {
    const evil = [
      'Headline with <script>window.__pwned=1</script> inside',
      'By <b>Mallory</b>',
      'Body line <img src=x onerror="window.__pwned=2"> and more text.',
      '<iframe src="javascript:window.__pwned=3"></iframe>',
      '',
      'Hashtags',
      '',
    ].join('\n');
    const r = await server.gql<{ importDump: { __typename: string; dump?: { id: string } } }>(
      'mutation($i: ImportDumpInput!) { importDump(input: $i) { __typename ... on ImportDumpPayload { dump { id } } } }',
      { i: { text: evil, filename: 'evil.txt' } },
    );
    expect(r.importDump.__typename).toBe('ImportDumpPayload');
    const page = await newPage(true);
    await page.goto(`${server.url}/#/`);
    await page.locator('[data-testid=queue-row]').nth(1).waitFor();
    await page.goto(`${server.url}/#/dump/${encodeURIComponent(r.importDump.dump!.id)}`);
    await page.locator('[data-testid=editor]').waitFor();
    const shown = await page.locator('[data-testid=textpane]').innerText();
    expect(shown).toContain('<script>window.__pwned=1</script>');
    expect(shown).toContain('<img src=x onerror="window.__pwned=2">');
    expect(await page.locator('[data-testid=derived]').innerText()).toContain('<script>');
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('#root img, #root iframe, #root script').count()).toBe(0);
  });

  it('edits a long dump line that was never drawn: go to line, the diff says which lines moved, search finds a far line', async () => {
    const body = Array.from({ length: 2400 }, (_, i) => `Paragraph ${i + 1} of the council budget report, with the vote on the pier works.`);
    const long = ['', 'A very long council budget report', 'By Ann Example', ...body, '', 'Hashtags', '', 'Try Our AI Features', ''].join('\n');
    const id = await server.importText(long, 'long-council.txt');
    const page = await newPage(true);
    await page.goto(`${server.url}/#/dump/${encodeURIComponent(id)}`);
    await page.locator('[data-testid=textpane] .ln').first().waitFor();
    // virtualised: thousands of rows, a few dozen drawn
    expect(Number(await page.locator('.segtext').getAttribute('data-rows'))).toBeGreaterThan(2400);
    expect(await page.locator('[data-testid=textpane] .ln').count()).toBeLessThan(200);
    const target = 2000;
    expect(await page.locator(`[data-n="${target}"]`).count()).toBe(0);

    await page.keyboard.press(':');
    await page.locator('[data-testid=find-input]').fill(String(target));
    await page.keyboard.press('Enter');
    const lineStart = long.split('\n').slice(0, target - 1).reduce((o, l) => o + l.length + 1, 0);
    await expect.poll(() => status(page).getAttribute('data-caret')).toBe(String(lineStart));
    await page.locator(`[data-n="${target}"] [data-testid=caret]`).waitFor({ state: 'attached' });
    expect(await page.locator(`[data-n="${target}"]`).isVisible()).toBe(true);

    // clear the fields of that line: it leaves the body; the draft counter and the changes tab say so in words
    await page.keyboard.press('x');
    await expect.poll(() => page.locator('[data-testid=draft-state]').innerText()).toMatch(/^draft · 1 line moved from body of #\d+ to main #\d+/);
    await page.keyboard.press('d');
    await expect.poll(() => page.locator('[data-testid=text-move]').count()).toBe(1);
    expect(await page.locator('[data-testid=text-move]').innerText()).toMatch(new RegExp(`1 line moved from body of #\\d+ to main #\\d+\\s+Paragraph ${target - 3} of`));
    // the preview shows the whole body, the changed paragraphs highlighted
    await page.keyboard.press('v');
    const card = page.locator('[data-testid=derived-article]').first();
    expect(await card.locator('[data-testid=derived-body] p').count()).toBeGreaterThan(2000);

    // search: a line near the end comes into view with the match selected
    await page.keyboard.press('/');
    await page.locator('[data-testid=find-input]').fill('Paragraph 2390 of');
    await page.keyboard.press('Enter');
    const at = long.indexOf('Paragraph 2390 of');
    await expect.poll(() => status(page).getAttribute('data-caret')).toBe(String(at + 'Paragraph 2390 of'.length));
    expect(await page.locator(`[data-n="${2390 + 3}"]`).isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('[data-testid=draft-state]').innerText()).toBe('saved');
  });

  it('imports a dump over the 1 MB request limit through a multipart upload', async () => {
    const page = await newPage(true);
    await page.goto(`${server.url}/#/import`);
    const line = 'Ferry crews worked through the night while the bridge stayed closed for repairs and inspections.\n';
    const big = `\nA very long harbour report\n${line.repeat(Math.ceil((1200 * 1024) / line.length))}Hashtags\n\nTry Our AI Features\n`;
    await page.locator('[data-testid=import-files]').setInputFiles({ name: 'long-report.txt', mimeType: 'text/plain', buffer: Buffer.from(big) });
    await expect.poll(() => page.locator('[data-testid=import-result]').first().getAttribute('data-state'), { timeout: 30_000 }).toBe('created');
    const res = await server.gql<{ articles: { edges: { node: { headline: string; body: string } }[] } }>(`{ articles(first: 1, filter: { search: "harbour report" }) { edges { node { headline body } } } }`);
    expect(res.articles.edges[0]!.node.headline).toBe('A very long harbour report');
    expect(res.articles.edges[0]!.node.body.length).toBeGreaterThan(1024 * 1024);
  });
});
