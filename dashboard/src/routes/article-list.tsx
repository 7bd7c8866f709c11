import { useEffect, useRef, useState } from 'react';
import { useQuery } from 'urql';
import { env } from '../env.ts';
import { href, navigate, useRoute } from '../lib/router.ts';
import { useShortcuts } from '../lib/shortcuts.ts';
import { topicsOf, type RawTopic } from '../lib/topics.ts';

const F = env.features;
/** the API's article filter, when the schema has one (else the list is filtered here) */
const filterKey = {
  search: ['search', 'query', 'text', 'q'].find((k) => F.articleFilterFields.includes(k)) ?? null,
  source: F.articleFilterFields.includes('source') ? 'source' : null,
  topic: ['topic', 'topicName'].find((k) => F.articleFilterFields.includes(k)) ?? null,
  topicId: F.articleFilterFields.includes('topicId') ? 'topicId' : null,
};
const topicSel = F.articleTopicsSelection ?? '';
const snippetSel = F.articleHasSnippet ? 'searchSnippet' : '';

const ArticlesQuery = /* GraphQL */ `
  query ArticleList_Articles($first: Int!${F.articleFilterType ? `, $filter: ${F.articleFilterType}` : ''}) {
    articles(first: $first${F.articleFilterType ? ', filter: $filter' : ''}) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ...ArticleList_ArticleFragment } }
    }
  }
  fragment ArticleList_ArticleFragment on Article {
    id
    headline
    byline
    published
    publishedAt
    section
    source { name }
    appearances { role dump { id } }
    ${topicSel}
    ${snippetSel}
  }
`;

export interface ArticleList_ArticleFragment {
  id: string;
  headline: string | null;
  byline: string | null;
  published: string | null;
  publishedAt: string | null;
  section: string | null;
  source: { name: string } | null;
  appearances: { role: string; dump: { id: string } }[];
  topics?: RawTopic[];
  searchSnippet?: string | null;
}

const norm = (s: string | null | undefined) => (s ?? '').toLowerCase();

/** Articles with search and a source (and topic) filter. */
export function ArticleList() {
  const { query } = useRoute();
  const q = query.get('q') ?? '';
  const source = query.get('source') ?? '';
  const topic = query.get('topic') ?? '';
  const topicId = query.get('topicId') ?? '';
  const topicName = query.get('topicName') ?? '';
  const [first, setFirst] = useState(100);
  const [draft, setDraft] = useState({ q, source, topic });
  const [sel, setSel] = useState(0);
  const searchRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const filter: Record<string, string> = {};
  if (filterKey.search && q) filter[filterKey.search] = q;
  if (filterKey.source && source) filter[filterKey.source] = source;
  if (filterKey.topic && topic) filter[filterKey.topic] = topic;
  if (filterKey.topicId && topicId) filter[filterKey.topicId] = topicId;
  const [{ data, error, fetching }] = useQuery<{ articles: { totalCount: number; pageInfo: { hasNextPage: boolean }; edges: { node: ArticleList_ArticleFragment }[] } }>({
    query: ArticlesQuery,
    variables: { first, ...(F.articleFilterType ? { filter } : {}) },
  });
  useEffect(() => setDraft({ q, source, topic }), [q, source, topic]);
  // what the API cannot filter yet, the list filters here
  const rows = (data?.articles.edges.map((e) => e.node) ?? []).filter(
    (a) =>
      (filterKey.search || !q || norm(`${a.headline} ${a.byline} ${a.source?.name}`).includes(norm(q))) &&
      (filterKey.source || !source || norm(a.source?.name).includes(norm(source))) &&
      (filterKey.topic || !topic || !a.topics || topicsOf(a.topics).some((t) => norm(t.name).includes(norm(topic)))),
  );
  useEffect(() => {
    bodyRef.current?.querySelector(`[data-index="${sel}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [sel]);
  useShortcuts('articles', 'Articles', [
    { keys: ['j', 'ArrowDown'], label: 'Next article', run: () => setSel((s) => Math.min(rows.length - 1, s + 1)) },
    { keys: ['k', 'ArrowUp'], label: 'Previous article', run: () => setSel((s) => Math.max(0, s - 1)) },
    { keys: 'Enter', label: 'Open the article', run: () => rows[sel] && navigate(`/article/${rows[sel].id}`) },
    { keys: '/', label: 'Search', run: () => searchRef.current?.focus() },
    { keys: 'L', label: 'Load more', run: () => setFirst((f) => f + 100) },
  ]);
  return (
    <section className="articles-page">
      <div className="toolbar">
        <form
          className="filters"
          onSubmit={(e) => {
            e.preventDefault();
            setSel(0);
            navigate('/articles', { ...draft, topicId, topicName }, true);
            (document.activeElement as HTMLElement | null)?.blur();
          }}
        >
          <input ref={searchRef} type="search" placeholder="Search headlines  ( / )" value={draft.q} onChange={(e) => setDraft({ ...draft, q: e.target.value })} aria-label="Search" />
          <input type="search" placeholder="Source" value={draft.source} onChange={(e) => setDraft({ ...draft, source: e.target.value })} aria-label="Source" />
          {(filterKey.topic || (topicSel && !filterKey.topicId)) && <input type="search" placeholder="Topic" value={draft.topic} onChange={(e) => setDraft({ ...draft, topic: e.target.value })} aria-label="Topic" />}
          <button type="submit">Filter</button>
        </form>
        {topicId && (
          <span className="chip">
            topic: {topicName || topicId}{' '}
            <a href={href('/articles', { q, source })} aria-label="Clear the topic filter">
              ×
            </a>
          </span>
        )}
        <span className="muted">
          {data ? `${rows.length} shown of ${data.articles.totalCount}` : fetching ? 'Loading…' : ''}
          {!F.articleFilterType && data && data.articles.totalCount > first ? ' (filters apply to the loaded page)' : ''}
        </span>
      </div>
      {error && <p className="error">Could not load articles: {error.message}</p>}
      {data && rows.length === 0 && <p className="empty">No articles match.</p>}
      {rows.length > 0 && (
        <table className="grid">
          <thead>
            <tr>
              <th>Headline</th>
              <th>Source</th>
              <th>Published</th>
              <th>Byline</th>
              {topicSel && <th>Topics</th>}
              <th className="c-n">Seen in</th>
            </tr>
          </thead>
          <tbody ref={bodyRef}>
            {rows.map((a, i) => (
              <tr key={a.id} data-index={i} className={i === sel ? 'selected' : undefined} aria-selected={i === sel} onClick={() => setSel(i)} data-testid="article-row">
                <td className="c-title">
                  <a href={href(`/article/${a.id}`)} tabIndex={i === sel ? 0 : -1}>
                    {a.headline ?? <em>no headline</em>}
                  </a>
                  {q && a.searchSnippet && <div className="sub snippet">{a.searchSnippet}</div>}
                </td>
                <td>{a.source?.name ?? ''}</td>
                <td>{a.published ?? ''}</td>
                <td className="ellipsis">{a.byline ?? ''}</td>
                {topicSel && <td className="ellipsis">{topicsOf(a.topics).slice(0, 4).map((t) => t.name).join(', ')}</td>}
                <td className="c-n">{a.appearances.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data?.articles.pageInfo.hasNextPage && (
        <button type="button" className="more" onClick={() => setFirst((f) => f + 100)}>
          Load 100 more (L)
        </button>
      )}
    </section>
  );
}
