/**
 * The dashboard on a long dump, in Chromium (playwright-core, as the browser tests): a ~200 KB
 * dump (built by derive.ts's buildDump from the shared dumps at run time) and every shared dump
 * imported into a fresh server; then, `runs` times each, medians in ms:
 *   - editorFirstPaint: from the hash change (app already loaded) to the first painted line of the editor;
 *   - dumpQuery: the editor's GraphQL dump query alone, from Node (the server's share of the first paint);
 *   - editorRenderAfterResponse: the browser's share, from the dump query's last byte to the first painted line;
 *   - editorPanel: from the hash change to the first article card in the side panel;
 *   - editorColdPaint / queueColdRow: from navigation start (page load) to the first painted line / queue row;
 *   - queueFirstRow: from the hash change back to the queue to its first painted row;
 *   - previewAfterMove: from the key press that moves a boundary handle (] then ArrowUp) to the
 *     repainted preview (derived articles);
 *   - caretToLine: go-to-line (:) to a line near the end, to the caret painted there;
 * and the number of DOM elements in the text pane. `COPYDESK_BENCH_DASHBOARD=dir` measures another build.
 *   pnpm bench --only editor
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { startServer, DASHBOARD_DIST } from '../e2e/server.ts';
import { SHARED_DUMPS } from '../helpers/paths.ts';
import { buildDump } from './derive.ts';
import { print } from 'graphql';
import { DumpQuery } from '../../dashboard/src/lib/editor-documents.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number) => Math.round(x * 10) / 10;

/**
 * ms from running `start` (JavaScript, in the page) to the frame after each of `selectors`
 * appears. The page code is a string: tsx would add helpers to a function's source that the page lacks.
 */
async function timesTo(page: Page, selectors: string[], start: string): Promise<number[]> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const sels = ${JSON.stringify(selectors)};
    const t0 = performance.now();
    window.__t0 = t0;
    const out = sels.map(() => null);
    const check = () => {
      sels.forEach((sel, k) => {
        if (out[k] === null && document.querySelector(sel)) {
          out[k] = -1;
          requestAnimationFrame(() => setTimeout(() => {
            out[k] = performance.now() - t0;
            if (out.every((x) => x !== null && x >= 0)) (mo.disconnect(), resolve(out));
          }, 0));
        }
      });
    };
    const mo = new MutationObserver(check);
    mo.observe(document.body, { childList: true, subtree: true });
    setTimeout(() => reject(new Error('not shown in 20 s: ' + sels.join(', '))), 20000);
    ${start};
  })`) as Promise<number[]>;
}
const timeTo = async (page: Page, selector: string, start: string) => (await timesTo(page, [selector], start))[0]!;

/** Arms a timer from the next key press to the frame after a change under `selector`; `await`ed with armed(). */
const ARM = (selector: string) => `window.__timed = new Promise((resolve) => {
  let t0 = 0;
  window.addEventListener('keydown', () => (t0 = performance.now()), { capture: true, once: true });
  const mo = new MutationObserver(() => {
    mo.disconnect();
    requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
  });
  mo.observe(document.querySelector(${JSON.stringify(selector)}), { childList: true, subtree: true, characterData: true, attributes: true });
  setTimeout(() => resolve(NaN), 20000);
}); 0`;
const armed = (page: Page) => page.evaluate('window.__timed') as Promise<number>;

export async function benchEditor({ runs = Number(process.env.COPYDESK_BENCH_RUNS ?? 5), kb = 200 } = {}) {
  const dist = process.env.COPYDESK_BENCH_DASHBOARD ?? DASHBOARD_DIST;
  const server = await startServer(dist);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    const text = buildDump(kb);
    const IMPORT = 'mutation($i: ImportDumpInput!) { importDump(input: $i) { __typename ... on ImportDumpPayload { dump { id } } } }';
    for (const f of readdirSync(SHARED_DUMPS).filter((x) => x.endsWith('.txt')).sort()) await server.gql(IMPORT, { i: { text: readFileSync(join(SHARED_DUMPS, f), 'utf8'), filename: f } });
    const r = await server.gql<{ importDump: { dump?: { id: string } } }>(IMPORT, { i: { text, filename: 'long-bench.txt' } });
    const id = r.importDump.dump!.id;
    const lines = text.split('\n').length;
    // the server's share: the editor's dump query alone, from Node
    const DUMP_QUERY = print(DumpQuery);
    const dumpQuery: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      const t0 = performance.now();
      await server.gql(DUMP_QUERY, { id });
      if (i > 0) dumpQuery.push(performance.now() - t0);
    }

    const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await ctx.addInitScript(`localStorage.setItem('copydesk:token', ${JSON.stringify(server.token)})`);
    const page = await ctx.newPage();
    const dumpHash = `#/dump/${encodeURIComponent(id)}`;
    const editorFirstPaint: number[] = [];
    const queueFirstRow: number[] = [];
    const editorColdPaint: number[] = [];
    const editorPanel: number[] = [];
    const renderAfterResponse: number[] = [];
    const queueColdRow: number[] = [];
    const previewAfterMove: number[] = [];
    const caretToLine: number[] = [];
    let elements = 0;
    await page.goto(`${server.url}/#/`);
    await page.locator('[data-testid=queue-row]').first().waitFor();
    for (let i = 0; i < runs + 1; i++) {
      const [e = NaN, panel] = await timesTo(page, ['[data-testid=textpane] .ln', '[data-testid=derived-article]'], `location.hash = ${JSON.stringify(dumpHash)}`);
      // the browser's share: from the dump query's last byte to the first painted line
      const responseEnd = (await page.evaluate(
        `Math.max(...performance.getEntriesByType('resource').filter((r) => r.name.includes('/graphql') && r.startTime >= window.__t0 && r.responseEnd <= window.__t0 + ${e}).map((r) => r.responseEnd))`,
      )) as number;
      const t0 = (await page.evaluate('window.__t0')) as number;
      await page.locator('[data-testid=derived]').waitFor();
      elements = (await page.evaluate("document.querySelectorAll('[data-testid=textpane] *').length")) as number;
      if (process.env.COPYDESK_BENCH_DEBUG) console.error(await page.evaluate("JSON.stringify({ all: document.querySelectorAll('*').length, side: document.querySelectorAll('.side *').length, gql: performance.getEntriesByType('resource').filter((r) => r.name.includes('graphql')).slice(-3).map((r) => [Math.round(r.duration), r.transferSize]) })"));
      // a boundary move: the first handle, one line up; the preview repaints
      await page.keyboard.press(']');
      await page.evaluate(ARM('[data-testid=derived]'));
      await page.keyboard.press('ArrowDown');
      const p = await armed(page);
      await page.keyboard.press('Control+z');
      await page.keyboard.press('Escape');
      // go to a line near the end
      await page.keyboard.press(':');
      await page.locator('[data-testid=find-input]').fill(String(lines - 3));
      await page.evaluate(ARM('[data-testid=textpane]'));
      await page.keyboard.press('Enter');
      await page.locator(`[data-n="${lines - 3}"] [data-testid=caret]`).waitFor({ state: 'attached' });
      const g = await armed(page);
      const q = await timeTo(page, '[data-testid=queue-row]', `location.hash = '#/'`);
      if (i > 0) {
        // the first round warms the caches (JIT, the bundle's lazy parts)
        editorFirstPaint.push(e);
        renderAfterResponse.push(t0 + e - responseEnd);
        editorPanel.push(panel!);
        queueFirstRow.push(q);
        previewAfterMove.push(p);
        caretToLine.push(g);
      }
    }
    for (let i = 0; i < runs; i++) {
      await page.goto('about:blank');
      await page.goto(`${server.url}/${dumpHash}`);
      await page.locator('[data-testid=textpane] .ln').first().waitFor();
      editorColdPaint.push((await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())))')) as number);
      await page.goto('about:blank');
      await page.goto(`${server.url}/#/`);
      await page.locator('[data-testid=queue-row]').first().waitFor();
      queueColdRow.push((await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())))')) as number);
    }
    return {
      dashboard: dist,
      dumpKB: Math.round(text.length / 1024),
      lines,
      textPaneElements: elements,
      runs,
      dumpQueryMs: round(median(dumpQuery)),
      editorFirstPaintMs: round(median(editorFirstPaint)),
      editorRenderAfterResponseMs: round(median(renderAfterResponse)),
      editorPanelMs: round(median(editorPanel)),
      editorColdPaintMs: round(median(editorColdPaint)),
      queueColdRowMs: round(median(queueColdRow)),
      queueFirstRowMs: round(median(queueFirstRow)),
      previewAfterMoveMs: round(median(previewAfterMove)),
      goToLineNearEndMs: round(median(caretToLine)),
      all: { editorFirstPaint: editorFirstPaint.map(round), queueFirstRow: queueFirstRow.map(round), previewAfterMove: previewAfterMove.map(round), goToLine: caretToLine.map(round), editorColdPaint: editorColdPaint.map(round), editorPanel: editorPanel.map(round), queueColdRow: queueColdRow.map(round) },
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}
