import { useState } from 'react';
import { useMutation } from 'urql';
import { href } from '../lib/router.ts';
import { useViewer } from '../lib/viewer.ts';
import type { TopicRef } from '../lib/topics.ts';
import { TopicActions } from './topic-actions.tsx';
import { graphql } from '../graphql.ts';

const AddMutation = graphql(`
  mutation ArticleTopics_Add($articleId: ID!, $name: String!) {
    addArticleTopic(articleId: $articleId, name: $name) { __typename ... on Article { id } ... on Error { message code } }
  }
`);
const RemoveMutation = graphql(`
  mutation ArticleTopics_Remove($articleId: ID!, $topicId: ID!) {
    removeArticleTopic(articleId: $articleId, topicId: $topicId) { __typename ... on Article { id } ... on Error { message code } }
  }
`);

/**
 * An article's topics as chips: editors add one by name, remove one, or rename / merge it in
 * place; the cache fetches the article again after each (lib/cache-policy.ts).
 */
export function ArticleTopics({ articleId, topics }: { articleId: string; topics: TopicRef[] }) {
  const viewer = useViewer();
  const canEdit = !!viewer.name;
  const [name, setName] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [, add] = useMutation(AddMutation);
  const [, remove] = useMutation(RemoveMutation);
  const done = (a: { __typename: string; message?: string } | undefined, fail?: string) => {
    if (a?.__typename === 'Article') {
      setError(null);
    } else setError(a?.message ?? fail ?? 'no answer');
  };
  const edited = topics.find((t) => t.id === editing);
  return (
    <div className="article-topics" data-testid="article-topics">
      <ul className="chips topics" aria-label="Topics">
        {topics.map((t) => (
          <li key={t.id ?? t.name} className="chip" data-testid="topic-chip" title={[t.kind, t.weight?.toFixed(2)].filter(Boolean).join(' · ')}>
            <a href={t.id ? href(`/topic/${encodeURIComponent(t.id)}`) : href('/articles', { topic: t.name })}>{t.name}</a>
            {canEdit && t.id && (
              <>
                <button type="button" className="chip-btn" aria-label={`Rename or merge ${t.name}`} title="Rename or merge" onClick={() => setEditing(editing === t.id ? null : t.id!)} data-testid="topic-edit">
                  ✎
                </button>
                <button
                  type="button"
                  className="chip-btn"
                  aria-label={`Remove ${t.name}`}
                  title="Remove from this article"
                  data-testid="topic-remove"
                  onClick={async () => {
                    const r = await remove({ articleId, topicId: t.id });
                    done(r.data?.removeArticleTopic, r.error?.message);
                  }}
                >
                  ×
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      {edited?.id && <TopicActions key={edited.id} topic={{ id: edited.id, name: edited.name }} />}
      {canEdit && (
        <form
          className="row"
          onSubmit={async (e) => {
            e.preventDefault();
            const r = await add({ articleId, name: name.trim() });
            done(r.data?.addArticleTopic, r.error?.message);
            setName('');
          }}
        >
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder="Add a topic" aria-label="Add a topic" data-testid="topic-add-input" />
          <button type="submit" disabled={!name.trim()} data-testid="topic-add">
            Add
          </button>
        </form>
      )}
      {error && <p className="error small">{error}</p>}
    </div>
  );
}
