import { useQuery } from 'urql';
import { href, navigate } from '../lib/router.ts';
import { useShortcuts } from '../lib/shortcuts.ts';
import { useViewer } from '../lib/viewer.ts';
import { TopicActions } from '../components/topic-actions.tsx';
import { LoadMore, usePageCursor } from '../components/load-more.tsx';
import { graphql } from '../graphql.ts';

const TopicQuery = graphql(`
  query TopicPage_Topic($id: ID!, $first: Int!, $after: String) {
    topic(id: $id) {
      id
      name
      kind
      articleCount
      articles(first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { weight article { id headline source { name } } } }
      }
    }
  }
`);

/** a topic's articles per page */
const PAGE = 100;

/** One topic: its articles, strongest first, further pages by cursor; editors rename it or merge it into another. */
export function TopicPage({ id }: { id: string }) {
  const viewer = useViewer();
  const { after, more } = usePageCursor(id);
  const [{ data, error, fetching }] = useQuery({ query: TopicQuery, variables: { id, first: PAGE, after }, requestPolicy: 'cache-and-network' });
  useShortcuts('topic', 'Topic', [{ keys: ['u', 'Backspace'], label: 'Back to the article list', run: () => navigate('/articles') }]);
  if (error) return <p className="error">Could not load the topic: {error.message}</p>;
  if (!data) return <p className="muted">{fetching ? 'Loading…' : ''}</p>;
  const t = data.topic;
  if (!t) return <p>No topic {id}. <a href={href('/articles')}>All articles</a></p>;
  return (
    <div className="topic-page" data-testid="topic-page">
      <a href={href('/articles')} className="back">
        ← Articles
      </a>
      <h1 data-testid="topic-name">{t.name}</h1>
      <p className="muted">
        {t.kind.toLowerCase()} · {t.articleCount} article{t.articleCount === 1 ? '' : 's'}
      </p>
      {viewer.name && <TopicActions key={`${t.id}:${t.name}`} topic={t} />}
      <ul className="plain">
        {t.articles.edges.map(({ node }) => (
          <li key={node.article.id}>
            <a href={href(`/article/${encodeURIComponent(node.article.id)}`)}>{node.article.headline ?? 'no headline'}</a> <span className="muted small">{node.article.source?.name ?? ''} · {node.weight.toFixed(2)}</span>
          </li>
        ))}
      </ul>
      <LoadMore pageInfo={t.articles.pageInfo} onMore={() => more(t.articles.pageInfo)} busy={fetching} count={PAGE} />
    </div>
  );
}
