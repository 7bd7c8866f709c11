import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { navigate } from '../lib/router.ts';
import { RenameMerge } from './rename-merge.tsx';
import { graphql } from '../graphql.ts';

const RenameMutation = graphql(`
  mutation StoryActions_Rename($id: ID!, $title: String!) {
    renameStory(id: $id, title: $title) { __typename ... on Story { id headline } ... on Error { message code } }
  }
`);
const MergeMutation = graphql(`
  mutation StoryActions_Merge($into: ID!, $from: [ID!]!) {
    mergeStories(into: $into, from: $from) { __typename ... on Story { id headline size } ... on Error { message code } }
  }
`);
const SearchQuery = graphql(`
  query StoryActions_Search($search: String!) {
    stories(first: 8, filter: { search: $search }) { edges { node { id headline size } } }
  }
`);

/** Rename a story, or merge another story (found by its headline) into it; the page stays on this story. */
export function StoryActions({ story, onDone }: { story: { id: string; headline: string | null }; onDone?: () => void }) {
  const [search, setSearch] = useState('');
  const [, rename] = useMutation(RenameMutation);
  const [, merge] = useMutation(MergeMutation);
  const [{ data }] = useQuery({
    query: SearchQuery,
    variables: { search },
    pause: search.trim().length < 2,
    requestPolicy: 'network-only',
  });
  const candidates = (data?.stories.edges.map((e) => e.node) ?? [])
    .filter((s) => s.id !== story.id)
    .map((s) => ({ id: s.id, label: s.headline ?? 'no headline', detail: `${s.size} articles` }));
  return (
    <RenameMerge
      testid="story"
      name={story.headline ?? ''}
      nameLabel="Story title"
      onRename={async (title) => {
        const r = await rename({ id: story.id, title });
        const a = r.data?.renameStory;
        if (a?.__typename !== 'Story') return `Not renamed: ${a?.message ?? r.error?.message ?? 'no answer'}`;
        onDone?.();
        return `Renamed to ${a.headline}.`;
      }}
      mergeLabel="Merge into this story…"
      mergePlaceholder="another story's headline"
      mergeAria="Merge a story"
      candidateTestid="story-merge-from"
      search={search}
      onSearch={setSearch}
      candidates={candidates}
      onMerge={async (c) => {
        const r = await merge({ into: story.id, from: [c.id] });
        const a = r.data?.mergeStories;
        if (a?.__typename !== 'Story') return `Not merged: ${a?.message ?? r.error?.message ?? 'no answer'}`;
        setSearch('');
        onDone?.();
        navigate(`/story/${encodeURIComponent(story.id)}`);
        return `Merged; ${a.size} articles.`;
      }}
    />
  );
}
