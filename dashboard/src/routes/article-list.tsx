import { useEffect, useRef, useState } from 'react';
import { useQuery } from 'urql';
import { href, navigate, useRoute } from '../lib/router.ts';
import { useShortcuts } from '../lib/shortcuts.ts';
import { topicsOf } from '../lib/topics.ts';
import { graphql } from '../graphql.ts';
import { LoadMore, usePageCursor } from '../components/load-more.tsx';

const ArticlesQuery = graphql(`
  query ArticleList_Articles($first: Int!, $after: String, $filter: ArticleFilter) {
    articles(first: $first, after: $after, filter: $filter) {
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
    topics { weight topic { id name kind } }
    searchSnippet
  }
`);

/** articles per page of the list */
const PAGE = 100;

/** Articles with search and a source (and topic) filter. */
export function ArticleList() {
  const { query } = useRoute();
  const q = query.get('q') ?? '';
  const source = query.get('source') ?? '';
  const topicId = query.get('topicId') ?? '';
  const topicName = query.get('topicName') ?? '';
  const [draft, setDraft] = useState({ q, source });
  const [sel, setSel] = useState(0);
  const searchRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const filter = { search: q || null, source: source || null, topicId: topicId || null };
  // the page after which the last "load more" asked; the cache merges every loaded page (relay pagination)
  const { after, more } = usePageCursor(JSON.stringify(filter));
  const [{ data, error, fetching }] = useQuery({ query: ArticlesQuery, variables: { first: PAGE, after, filter } });
  useEffect(() => setDraft({ q, source }), [q, source]);
  const rows = data?.articles.edges.map((e) => e.node) ?? [];
  const loadMore = () => more(data?.articles.pageInfo);
  useEffect(() => {
    bodyRef.current?.querySelector(`[data-index="${sel}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [sel]);
  useShortcuts('articles', 'Articles', [
    { keys: ['j', 'ArrowDown'], label: 'Next article', run: () => setSel((s) => Math.min(rows.length - 1, s + 1)) },
    { keys: ['k', 'ArrowUp'], label: 'Previous article', run: () => setSel((s) => Math.max(0, s - 1)) },
    { keys: 'Enter', label: 'Open the article', run: () => rows[sel] && navigate(`/article/${rows[sel].id}`) },
    { keys: '/', label: 'Search', run: () => searchRef.current?.focus() },
    { keys: 'L', label: 'Load more', run: () => loadMore() },
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
              <th>Topics</th>
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
                <td className="ellipsis">{topicsOf(a.topics).slice(0, 4).map((t) => t.name).join(', ')}</td>
                <td className="c-n">{a.appearances.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data?.articles.pageInfo.hasNextPage && (
        <button type="button" className="more" onClick={loadMore}>
          Load 100 more (L)
        </button>
      )}
    </section>
  );
}
