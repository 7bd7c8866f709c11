import { useMutation, useQuery } from 'urql';
import { href, navigate } from '../lib/router.ts';
import { useShortcuts } from '../lib/shortcuts.ts';
import { useViewer } from '../lib/viewer.ts';
import { StoryActions } from '../components/story-actions.tsx';
import { LoadMore, usePageCursor } from '../components/load-more.tsx';
import { StoryTimeline, StoryTimeline_ItemFragment } from '../components/story-timeline.tsx';
import { graphql } from '../graphql.ts';

const StoryQuery = graphql(`
  query StoryPage_Story($id: ID!, $first: Int!, $after: String) {
    story(id: $id) {
      id
      headline
      size
      firstSeen
      lastSeen
      mergedInto { id }
      sources { name }
      topics(first: 8) { id name }
      articles(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ...StoryTimeline_ItemFragment } } }
    }
  }
`, [StoryTimeline_ItemFragment]);
const MoveMutation = graphql(`
  mutation StoryPage_Move($articleId: ID!) {
    moveStoryArticle(articleId: $articleId) { __typename ... on Story { id } ... on Error { message } }
  }
`);

/** a story's articles per page */
const PAGE = 100;

/** One story: its articles on a timeline by outlet (further pages by cursor), its topics; editors rename it, merge another into it, move an article out. */
export function StoryPage({ id }: { id: string }) {
  const viewer = useViewer();
  const { after, more } = usePageCursor(id);
  const [{ data, error, fetching }, refetch] = useQuery({ query: StoryQuery, variables: { id, first: PAGE, after }, requestPolicy: 'cache-and-network' });
  const [, move] = useMutation(MoveMutation);
  useShortcuts('story', 'Story', [{ keys: ['u', 'Backspace'], label: 'Back to the story list', run: () => navigate('/stories') }]);
  if (error) return <p className="error">Could not load the story: {error.message}</p>;
  if (!data) return <p className="muted">{fetching ? 'Loading…' : ''}</p>;
  const s = data.story;
  if (!s) return <p>No story {id}. <a href={href('/stories')}>All stories</a></p>;
  if (s.mergedInto)
    return (
      <p data-testid="story-merged">
        This story was merged. <a href={href(`/story/${encodeURIComponent(s.mergedInto.id)}`)}>Open the story it joined</a>
      </p>
    );
  // the cache learns the story the article joined (lib/cache-policy.ts), not the one it left: this page
  const refresh = () => refetch({ requestPolicy: 'network-only' });
  return (
    <div className="story-page" data-testid="story-page">
      <a href={href('/stories')} className="back">
        ← Stories
      </a>
      <h1 data-testid="story-headline">{s.headline ?? <em>no headline</em>}</h1>
      <p className="muted" data-testid="story-meta">
        {s.size} article{s.size === 1 ? '' : 's'} · {s.sources.length} outlet{s.sources.length === 1 ? '' : 's'}
        {s.firstSeen && ` · ${new Date(s.firstSeen).toLocaleString()}`}
        {s.lastSeen && s.lastSeen !== s.firstSeen && ` – ${new Date(s.lastSeen).toLocaleString()}`}
      </p>
      {s.topics.length > 0 && (
        <p className="small">
          {s.topics.map((t, i) => (
            <span key={t.id}>
              {i > 0 && ' · '}
              <a href={href(`/topic/${encodeURIComponent(t.id)}`)}>{t.name}</a>
            </span>
          ))}
        </p>
      )}
      {viewer.name && <StoryActions key={`${s.id}:${s.headline}`} story={s} />}
      <StoryTimeline
        items={s.articles.edges.map((e) => e.node)}
        onMoveOut={
          viewer.name
            ? async (articleId) => {
                await move({ articleId });
                refresh();
              }
            : undefined
        }
      />
      <LoadMore pageInfo={s.articles.pageInfo} onMore={() => more(s.articles.pageInfo)} busy={fetching} count={PAGE} />
    </div>
  );
}
