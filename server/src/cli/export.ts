/** `copydesk export`: every article with its topics and story edges, as JSON Lines, paged through the API. */
import { createWriteStream, openSync, type WriteStream } from 'node:fs';
import { loadCliEnv } from '../env.ts';
import { createClient } from './client.ts';
import { CliError } from './errors.ts';
import { readArgs } from './args.ts';

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

/** The file `--out` names, opened for writing now: a folder that does not exist, or no permission, is a CliError naming it. */
function openOutput(path: string): WriteStream {
  try {
    return createWriteStream(path, { fd: openSync(path, 'w') });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'its folder does not exist' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (e as Error).message;
    throw new CliError(`cannot write ${path}: ${why}`);
  }
}

export async function exportCommand(args: string[]): Promise<number> {
  const { values } = readArgs('export', args, { url: { type: 'string' }, token: { type: 'string' }, out: { type: 'string', short: 'o' }, search: { type: 'string' }, source: { type: 'string' } });
  const env = loadCliEnv();
  const client = createClient(values.url ?? env.url, values.token ?? env.token);
  const out = values.out ? openOutput(values.out) : process.stdout;
  // a write that fails later (disk full) ends the export with its cause, not a stack
  const failed = new Promise<never>((_, fail) => out.once('error', (e) => fail(new CliError(`cannot write ${values.out ?? 'the output'}: ${e.message}`))));
  failed.catch(() => {});
  const filter = values.search || values.source ? { ...(values.search ? { search: values.search } : {}), ...(values.source ? { source: values.source } : {}) } : null;
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
    if (values.out && process.stderr.isTTY) process.stderr.write(`\rexported ${n}/${total}`);
    after = page.articles.pageInfo.hasNextPage ? page.articles.pageInfo.endCursor : null;
  } while (after);
  if (values.out) {
    if (process.stderr.isTTY) process.stderr.write('\n');
    await Promise.race([new Promise<void>((r) => (out as WriteStream).end(r)), failed]);
  }
  process.stderr.write(`exported ${n} articles\n`);
  return 0;
}
