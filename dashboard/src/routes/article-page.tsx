import { useQuery } from 'urql';
import { href, navigate } from '../lib/router.ts';
import { useShortcuts } from '../lib/shortcuts.ts';
import { RelatedGraph } from '../components/related-graph.tsx';
import { topicsOf } from '../lib/topics.ts';
import { ArticleTopics } from '../components/article-topics.tsx';
import { graphql } from '../graphql.ts';

const ArticleQuery = graphql(`
  query ArticlePage_Article($id: ID!) {
    article(id: $id) {
      id
      headline
      byline
      published
      publishedAt
      section
      body
      copyright
      subheads
      source { name }
      story { id headline size sources { name } }
      topics { weight topic { id name kind } }
      appearances { role position start end dump { id filename status } }
      related(first: 40) { totalCount edges { node { kind weight to { id headline source { name } } dump { id } } } }
    }
  }
`);

/** One article: its text, where it appears, its topics and related stories. */
export function ArticlePage({ id }: { id: string }) {
  const [{ data, error, fetching }] = useQuery({ query: ArticleQuery, variables: { id } });
  const a = data?.article;
  useShortcuts('article', 'Article', [
    { keys: ['u', 'Backspace'], label: 'Back to the article list', run: () => navigate('/articles') },
    { keys: 'e', label: 'Open the first dump showing it in the editor', run: () => a?.appearances[0] && navigate(`/dump/${a.appearances[0].dump.id}`) },
  ]);
  if (error) return <p className="error">Could not load the article: {error.message}</p>;
  if (!data) return <p className="muted">{fetching ? 'Loading…' : ''}</p>;
  if (!a) return <p>No article {id}. <a href={href('/articles')}>All articles</a></p>;
  const subheads = new Set(a.subheads);
  const related = a.related.edges.map((e) => e.node);
  return (
    <div className="article-page">
      <article className="reader">
        <a href={href('/articles')} className="back">
          ← Articles
        </a>
        <h1>{a.headline ?? <em>no headline</em>}</h1>
        <p className="meta">{[a.byline && `By ${a.byline}`, a.source?.name, a.published, a.publishedAt && new Date(a.publishedAt).toLocaleString(), a.section].filter(Boolean).join(' · ')}</p>
        <ArticleTopics articleId={a.id} topics={topicsOf(a.topics)} />
        <div className="body">
          {a.body ? a.body.split('\n').map((p, i) => (subheads.has(p) ? <h2 key={i}>{p}</h2> : <p key={i}>{p}</p>)) : <p className="missing">Empty body.</p>}
        </div>
        {a.copyright && <p className="muted small">{a.copyright}</p>}
      </article>
      <aside className="side-col">
        {a.story && (
          <section data-testid="article-story">
            <h2>Story</h2>
            <a href={href(`/story/${encodeURIComponent(a.story.id)}`)}>{a.story.headline ?? 'no headline'}</a>{' '}
            <span className="muted small">
              {a.story.size} article{a.story.size === 1 ? '' : 's'} · {a.story.sources.map((s) => s.name).join(', ')}
            </span>
          </section>
        )}
        <section>
          <h2>Appears in {a.appearances.length}</h2>
          <ul className="plain">
            {a.appearances.map((ap) => (
              <li key={`${ap.dump.id}:${ap.position}`}>
                <a href={href(`/dump/${ap.dump.id}`)}>{ap.dump.filename ?? `dump ${ap.dump.id}`}</a> <span className="muted small">{ap.role} #{ap.position + 1} · {ap.dump.status.toLowerCase().replace('_', ' ')}</span>
              </li>
            ))}
          </ul>
        </section>
        <section>
          <h2>Related {a.related.totalCount}</h2>
          {related.length > 0 && <RelatedGraph center={{ id: a.id, label: a.headline ?? '' }} edges={related.map((r) => ({ id: r.to.id, label: r.to.headline ?? '', kind: r.kind, weight: r.weight }))} />}
          <ul className="plain related">
            {related.map((r, i) => (
              <li key={i}>
                <span className={`edge-kind ek-${r.kind.toLowerCase()}`}>{r.kind.toLowerCase().replace('_', ' ')}</span> <a href={href(`/article/${r.to.id}`)}>{r.to.headline ?? 'no headline'}</a>{' '}
                <span className="muted small">
                  {r.to.source?.name ?? ''} · {r.weight.toFixed(2)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      </aside>
    </div>
  );
}
