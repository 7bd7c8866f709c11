import { useState } from 'react';
import { LoadMore, usePageCursor } from '../components/load-more.tsx';
import { useQuery } from 'urql';
import { graphql } from '../graphql.ts';
import { href } from '../lib/router.ts';

const StoriesQuery = graphql(`
  query StoryList_Stories($first: Int!, $after: String, $filter: StoryFilter, $orderBy: StoryOrder) {
    stories(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id headline size lastSeen sources { name } } }
    }
  }
`);

/** stories per page of the list */
const PAGE = 50;

/** Stories, latest activity or largest first, searchable by headline; further pages by cursor. */
export function StoryList() {
  const [search, setSearch] = useState('');
  const [orderBy, setOrderBy] = useState<'LAST_SEEN_DESC' | 'SIZE_DESC'>('LAST_SEEN_DESC');
  const filter = search.trim() ? { search } : null;
  const { after, more } = usePageCursor(JSON.stringify([filter, orderBy]));
  const [{ data, error, fetching }] = useQuery({ query: StoriesQuery, variables: { first: PAGE, after, filter, orderBy }, requestPolicy: 'cache-and-network' });
  return (
    <div className="story-list" data-testid="story-list">
      <h1>Stories {data && <span className="muted">{data.stories.totalCount}</span>}</h1>
      <div className="row">
        <input value={search} onChange={(e) => setSearch(e.target.value)} placeholder="headline" aria-label="Search stories" />
        <select value={orderBy} onChange={(e) => setOrderBy(e.target.value as typeof orderBy)} aria-label="Order stories">
          <option value="LAST_SEEN_DESC">latest first</option>
          <option value="SIZE_DESC">largest first</option>
        </select>
      </div>
      {error && <p className="error">Could not load stories: {error.message}</p>}
      <ul className="plain">
        {data?.stories.edges.map(({ node }) => (
          <li key={node.id} data-testid="story-row">
            <a href={href(`/story/${encodeURIComponent(node.id)}`)}>{node.headline ?? 'no headline'}</a>{' '}
            <span className="muted small">
              {node.size} article{node.size === 1 ? '' : 's'} · {node.sources.map((s) => s.name).join(', ')}
              {node.lastSeen && ` · ${new Date(node.lastSeen).toLocaleDateString()}`}
            </span>
          </li>
        ))}
      </ul>
      <LoadMore pageInfo={data?.stories.pageInfo} onMore={() => more(data?.stories.pageInfo)} busy={fetching} count={PAGE} />
    </div>
  );
}
