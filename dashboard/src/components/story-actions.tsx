import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { navigate } from '../lib/router.ts';

const RenameMutation = /* GraphQL */ `
  mutation StoryActions_Rename($id: ID!, $title: String!) {
    renameStory(id: $id, title: $title) { __typename ... on Story { id headline } ... on Error { message code } }
  }
`;
const MergeMutation = /* GraphQL */ `
  mutation StoryActions_Merge($into: ID!, $from: [ID!]!) {
    mergeStories(into: $into, from: $from) { __typename ... on Story { id headline size } ... on Error { message code } }
  }
`;
const SearchQuery = /* GraphQL */ `
  query StoryActions_Search($search: String!) {
    stories(first: 8, filter: { search: $search }) { edges { node { id headline size } } }
  }
`;

type Answer = { __typename: string; id?: string; headline?: string | null; size?: number; message?: string };

/** Rename a story, or merge another story (found by its headline) into it; the page stays on this story. */
export function StoryActions({ story, onDone }: { story: { id: string; headline: string | null }; onDone?: () => void }) {
  const [title, setTitle] = useState(story.headline ?? '');
  const [search, setSearch] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [, rename] = useMutation<{ renameStory: Answer }>(RenameMutation);
  const [, merge] = useMutation<{ mergeStories: Answer }>(MergeMutation);
  const [{ data }] = useQuery<{ stories: { edges: { node: { id: string; headline: string | null; size: number } }[] } }>({
    query: SearchQuery,
    variables: { search },
    pause: search.trim().length < 2,
    requestPolicy: 'network-only',
  });
  const candidates = (data?.stories.edges.map((e) => e.node) ?? []).filter((s) => s.id !== story.id);
  return (
    <div className="story-actions stack" data-testid="story-actions">
      <form
        className="row"
        onSubmit={async (e) => {
          e.preventDefault();
          const r = await rename({ id: story.id, title });
          const a = r.data?.renameStory;
          if (a?.__typename === 'Story') {
            setMessage(`Renamed to ${a.headline}.`);
            onDone?.();
          } else setMessage(`Not renamed: ${a?.message ?? r.error?.message ?? 'no answer'}`);
        }}
      >
        <input value={title} onChange={(e) => setTitle(e.target.value)} aria-label="Story title" data-testid="story-rename-input" />
        <button type="submit" disabled={!title.trim() || title.trim() === story.headline} data-testid="story-rename">
          Rename
        </button>
      </form>
      <label className="small">
        Merge into this story…
        <input value={search} onChange={(e) => setSearch(e.target.value)} placeholder="another story's headline" aria-label="Merge a story" data-testid="story-merge-search" />
      </label>
      {candidates.length > 0 && (
        <ul className="plain small">
          {candidates.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                className="link"
                data-testid="story-merge-from"
                onClick={async () => {
                  const r = await merge({ into: story.id, from: [c.id] });
                  const a = r.data?.mergeStories;
                  if (a?.__typename === 'Story') {
                    setMessage(`Merged; ${a.size} articles.`);
                    setSearch('');
                    onDone?.();
                    navigate(`/story/${encodeURIComponent(story.id)}`);
                  } else setMessage(`Not merged: ${a?.message ?? r.error?.message ?? 'no answer'}`);
                }}
              >
                {c.headline ?? 'no headline'}
              </button>{' '}
              <span className="muted">{c.size} articles</span>
            </li>
          ))}
        </ul>
      )}
      {message && (
        <p className="small" role="status" data-testid="story-message">
          {message}
        </p>
      )}
    </div>
  );
}
