/**
 * Accessibility in real Chromium: axe-core on every view of the dashboard, in the light and the
 * dark colour scheme (the dashboard follows `prefers-color-scheme`), finds no serious or critical
 * violation; and the related-stories graph draws every related story with its label inside the
 * picture and a line as wide as the edge's weight.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { flatDump, relatedBlock, strayTextDump } from '../helpers/dumps.ts';
import { startServer, type RunningServer } from './server.ts';
import { launchBrowser, type TestBrowser } from './browser.ts';

let server: RunningServer;
let chromium: TestBrowser;
let dumpId: string;
let articleId: string;
let topicId: string | null = null;
let storyId: string | null = null;
/** the related stories of `articleId`, as the API lists them */
let related: { to: { headline: string }; weight: number }[] = [];

/** many related blocks, so that the graph has more stories than fit one ring */
const relatedZone = Array.from({ length: 18 }, (_, i) =>
  relatedBlock(['Harbour Post', 'Valley Times', 'The Courier'][i % 3]!, `${i + 1} hours ago`, `Council votes on the harbour plan, part ${i + 1} of a long series`, `Councillors met on Tuesday to discuss item ${i + 1} of the plan.`),
).join('');

beforeAll(async () => {
  [server, chromium] = await Promise.all([startServer(), launchBrowser(() => server)]);
  dumpId = await server.importText(flatDump('Harbour plan approved after long debate', 'The council approved the harbour plan on Tuesday after a debate that lasted nine hours, officials said.\nWork starts in spring.', relatedZone), 'harbour.txt');
  await server.importText(strayTextDump(' a11y'), 'stray.txt');
  const d = await server.gql<{ dump: { appearances: { role: string; article: { id: string } }[] } }>('query($id: ID!) { dump(id: $id) { appearances { role article { id } } } }', { id: dumpId });
  articleId = d.dump.appearances.find((a) => a.role === 'main')!.article.id;
  // the server's worker adds topics and stories in the background
  for (let i = 0; i < 240; i++) {
    const r = await server.gql<{ topics: { edges: { node: { id: string } }[] }; stories: { edges: { node: { id: string } }[] }; enrichment: { queued: number; running: number } }>(
      '{ topics(first: 1) { edges { node { id } } } stories(first: 1) { edges { node { id } } } enrichment { queued running } }',
    );
    topicId = r.topics.edges[0]?.node.id ?? null;
    storyId = r.stories.edges[0]?.node.id ?? null;
    if (topicId && storyId && r.enrichment.queued + r.enrichment.running === 0) break;
    await new Promise((ok) => setTimeout(ok, 250));
  }
  const a = await server.gql<{ article: { related: { edges: { node: { to: { headline: string }; weight: number } }[] } } }>('query($id: ID!) { article(id: $id) { related(first: 100) { edges { node { to { headline } weight } } } } }', { id: articleId });
  related = a.article.related.edges.map((e) => e.node);
}, 120_000);
afterAll(async () => {
  await chromium?.close();
  await server?.stop();
});

/** every view: its route and what shows it is ready */
const views = (): [string, string, string][] => [
  ['queue', '/#/', '[data-testid=queue-row]'],
  ['editor', `/#/dump/${encodeURIComponent(dumpId)}`, '[data-testid=editor]'],
  ['articles', '/#/articles', '[data-testid=article-row]'],
  ['article', `/#/article/${encodeURIComponent(articleId)}`, '.article-page h1'],
  ...(topicId ? ([['topic', `/#/topic/${encodeURIComponent(topicId)}`, 'h1']] as [string, string, string][]) : []),
  ['stories', '/#/stories', '[data-testid=story-list]'],
  ...(storyId ? ([['story', `/#/story/${encodeURIComponent(storyId)}`, '[data-testid=story-meta]']] as [string, string, string][]) : []),
  ['sources', '/#/sources', '[data-testid=source-row]'],
  ['import', '/#/import', 'main h1'],
  ['rules', '/#/rules', 'main :is(h1, h2, table)'],
  ['audit', '/#/audit', '[data-testid=audit-row]'],
];

async function seriousViolations(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}, ${v.nodes.length}×): ${v.help} — e.g. ${v.nodes[0]?.target.join(' ')} ${v.nodes[0]?.failureSummary?.split('\n').slice(1, 2).join('') ?? ''}`);
}

describe('accessibility', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`axe-core finds no serious or critical violation on any view (${scheme} scheme)`, async () => {
      expect(topicId, 'the worker gave the article a topic').not.toBeNull();
      expect(storyId, 'the worker gave the article a story').not.toBeNull();
      const page = await chromium.newPage(true);
      await page.emulateMedia({ colorScheme: scheme });
      const found: Record<string, string[]> = {};
      for (const [name, path, ready] of views()) {
        await page.goto(`${server.url}${path}`);
        await page.locator(ready).first().waitFor();
        const v = await seriousViolations(page);
        if (v.length) found[name] = v;
      }
      // a dialog too: the shortcut list
      await page.keyboard.press('?');
      await page.locator('[role=dialog]').waitFor();
      const help = await seriousViolations(page);
      if (help.length) found['shortcut help'] = help;
      expect(found).toEqual({});
    });
  }

  it('the related-stories graph draws every related story, labels inside the picture, line width by weight', async () => {
    expect(related.length).toBeGreaterThan(14);
    const page = await chromium.newPage(false);
    await page.goto(`${server.url}/#/article/${encodeURIComponent(articleId)}`);
    const graph = page.locator('[data-testid=related-graph]');
    await graph.waitFor();
    const drawn = await graph.evaluate((svg: SVGSVGElement) => {
      const box = svg.viewBox.baseVal;
      return [...svg.querySelectorAll('[data-testid=graph-node]')].map((g) => {
        const label = g.querySelector('text')!.getBBox();
        return {
          title: g.querySelector('title')?.textContent ?? '',
          width: Number(g.querySelector('line')!.getAttribute('stroke-width')),
          weight: Number(g.getAttribute('data-weight')),
          inside: label.x >= box.x && label.y >= box.y && label.x + label.width <= box.x + box.width && label.y + label.height <= box.y + box.height,
        };
      });
    });
    expect(drawn).toHaveLength(related.length);
    expect(drawn.filter((d) => !d.inside)).toEqual([]);
    // wider line, greater weight
    const byWeight = [...drawn].sort((a, b) => a.weight - b.weight);
    for (let i = 1; i < byWeight.length; i++) expect(byWeight[i]!.width).toBeGreaterThanOrEqual(byWeight[i - 1]!.width);
    expect(new Set(drawn.map((d) => d.weight)).size === 1 || byWeight.at(-1)!.width > byWeight[0]!.width).toBe(true);
  });
});
