import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { navigate } from '../lib/router.ts';

const RenameMutation = /* GraphQL */ `
  mutation TopicActions_Rename($id: ID!, $name: String!) {
    renameTopic(id: $id, name: $name) { __typename ... on Topic { id name } ... on Error { message code } }
  }
`;
const MergeMutation = /* GraphQL */ `
  mutation TopicActions_Merge($into: ID!, $from: [ID!]!) {
    mergeTopics(into: $into, from: $from) { __typename ... on Topic { id name articleCount } ... on Error { message code } }
  }
`;
const SearchQuery = /* GraphQL */ `
  query TopicActions_Search($search: String!) {
    topics(first: 8, search: $search) { edges { node { id name kind articleCount } } }
  }
`;

type Answer = { __typename: string; id?: string; name?: string; message?: string };

/**
 * Rename a topic, or merge it into another one found by name (its articles move there and the
 * page follows). Used on the topic page and from a topic chip on the article page.
 */
export function TopicActions({ topic, onDone }: { topic: { id: string; name: string }; onDone?: () => void }) {
  const [name, setName] = useState(topic.name);
  const [search, setSearch] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [, rename] = useMutation<{ renameTopic: Answer }>(RenameMutation);
  const [, merge] = useMutation<{ mergeTopics: Answer }>(MergeMutation);
  const [{ data }] = useQuery<{ topics: { edges: { node: { id: string; name: string; kind: string; articleCount: number } }[] } }>({
    query: SearchQuery,
    variables: { search },
    pause: search.trim().length < 2,
  });
  const candidates = (data?.topics.edges.map((e) => e.node) ?? []).filter((t) => t.id !== topic.id);
  return (
    <div className="topic-actions stack" data-testid="topic-actions">
      <form
        className="row"
        onSubmit={async (e) => {
          e.preventDefault();
          const r = await rename({ id: topic.id, name });
          const a = r.data?.renameTopic;
          if (a?.__typename === 'Topic') {
            setMessage(`Renamed to ${a.name}.`);
            onDone?.();
          } else setMessage(`Not renamed: ${a?.message ?? r.error?.message ?? 'no answer'}`);
        }}
      >
        <input value={name} onChange={(e) => setName(e.target.value)} aria-label="Topic name" data-testid="topic-rename-input" />
        <button type="submit" disabled={!name.trim() || name.trim() === topic.name} data-testid="topic-rename">
          Rename
        </button>
      </form>
      <label className="small">
        Merge “{topic.name}” into…
        <input value={search} onChange={(e) => setSearch(e.target.value)} placeholder="another topic's name" aria-label="Merge into" data-testid="topic-merge-search" />
      </label>
      {candidates.length > 0 && (
        <ul className="plain small">
          {candidates.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                className="link"
                data-testid="topic-merge-into"
                onClick={async () => {
                  const r = await merge({ into: c.id, from: [topic.id] });
                  const a = r.data?.mergeTopics;
                  if (a?.__typename === 'Topic') {
                    setMessage(`Merged into ${a.name}.`);
                    onDone?.();
                    navigate(`/topic/${encodeURIComponent(c.id)}`);
                  } else setMessage(`Not merged: ${a?.message ?? r.error?.message ?? 'no answer'}`);
                }}
              >
                {c.name}
              </button>{' '}
              <span className="muted">
                {c.kind.toLowerCase()} · {c.articleCount} articles
              </span>
            </li>
          ))}
        </ul>
      )}
      {message && (
        <p className="small" role="status" data-testid="topic-message">
          {message}
        </p>
      )}
    </div>
  );
}
