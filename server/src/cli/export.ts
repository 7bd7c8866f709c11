/** `copydesk export`: every article with its topics and story edges, as JSON Lines, paged through the API. */
import type { Writable } from 'node:stream';
import { loadCliEnv } from '../env.ts';
import { createClient } from './client.ts';
import { CliError } from './errors.ts';
import { readArgs } from './args.ts';
import { writeFileAtomically } from './atomic-file.ts';

const PAGE = `query($after: String, $filter: ArticleFilter) {
  articles(first: 25, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      id headline byline published publishedAt section body copyright subheads
      source { name }
      appearances { role position dump { id filename url } }
      topics { weight topic { id name kind } }
      related(first: 20) { edges { node { kind weight to { id headline } dump { id } } } }
    } }
  }
}`;

interface Page {
  articles: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: Record<string, any> }[] };
}

export async function exportCommand(args: string[]): Promise<number> {
  const { values } = readArgs('export', args, { url: { type: 'string' }, token: { type: 'string' }, out: { type: 'string', short: 'o' }, search: { type: 'string' }, source: { type: 'string' } });
  const env = loadCliEnv();
  const client = createClient(values.url ?? env.url, values.token ?? env.token);
  const filter = values.search || values.source ? { ...(values.search ? { search: values.search } : {}), ...(values.source ? { source: values.source } : {}) } : null;
  // --out: written whole or not at all (atomic-file.ts): a failure half-way leaves the earlier file as it was
  const n = values.out
    ? await writeFileAtomically(values.out, (out, failed) => exportTo(client, filter, out, failed, true))
    : await exportTo(client, filter, process.stdout, new Promise<never>(() => {}), false);
  process.stderr.write(`exported ${n} articles\n`);
  return 0;
}

/**
 * Writes every article `filter` selects to `out` as JSON Lines, page by page; returns how many.
 * `failed` rejects when `out` fails (waits for 'drain' race it). Throws CliError when the server
 * cannot be reached or answers an error.
 */
async function exportTo(client: ReturnType<typeof createClient>, filter: Record<string, string> | null, out: Writable, failed: Promise<never>, progress: boolean): Promise<number> {
  let after: string | null = null;
  let n = 0;
  let total = 0;
  do {
    let page: Page;
    try {
      page = await client.request<Page>(PAGE, { after, filter });
    } catch (e) {
      throw e instanceof CliError ? e : new CliError(`export failed after ${n} articles: ${(e as Error).message}`);
    }
    total = page.articles.totalCount;
    for (const { node } of page.articles.edges) {
      const line = {
        id: node.id,
        headline: node.headline,
        byline: node.byline,
        source: node.source?.name ?? null,
        published: node.published,
        publishedAt: node.publishedAt,
        section: node.section,
        body: node.body,
        copyright: node.copyright,
        subheads: node.subheads,
        appearances: node.appearances.map((a: any) => ({ role: a.role, position: a.position, dump: a.dump.id, filename: a.dump.filename, url: a.dump.url })),
        topics: node.topics.map((t: any) => ({ id: t.topic.id, name: t.topic.name, kind: t.topic.kind, weight: t.weight })),
        edges: node.related.edges.map((e: any) => ({ kind: e.node.kind, weight: e.node.weight, to: e.node.to.id, toHeadline: e.node.to.headline, dump: e.node.dump?.id ?? null })),
      };
      if (!out.write(JSON.stringify(line) + '\n')) await Promise.race([new Promise<void>((r) => out.once('drain', () => r())), failed]);
      n++;
    }
    if (progress && process.stderr.isTTY) process.stderr.write(`\rexported ${n}/${total}`);
    after = page.articles.pageInfo.hasNextPage ? page.articles.pageInfo.endCursor : null;
  } while (after);
  if (progress && process.stderr.isTTY) process.stderr.write('\n');
  return n;
}
