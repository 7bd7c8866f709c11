import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { navigate } from '../lib/router.ts';
import { RenameMerge } from './rename-merge.tsx';
import { graphql } from '../graphql.ts';

const RenameMutation = graphql(`
  mutation TopicActions_Rename($id: ID!, $name: String!) {
    renameTopic(id: $id, name: $name) { __typename ... on Topic { id name } ... on Error { message code } }
  }
`);
const MergeMutation = graphql(`
  mutation TopicActions_Merge($into: ID!, $from: [ID!]!) {
    mergeTopics(into: $into, from: $from) { __typename ... on Topic { id name articleCount } ... on Error { message code } }
  }
`);
const SearchQuery = graphql(`
  query TopicActions_Search($search: String!) {
    topics(first: 8, search: $search) { edges { node { id name kind articleCount } } }
  }
`);

/**
 * Rename a topic, or merge it into another one found by name (its articles move there and the
 * page follows). Used on the topic page and from a topic chip on the article page.
 */
export function TopicActions({ topic, onDone }: { topic: { id: string; name: string }; onDone?: () => void }) {
  const [search, setSearch] = useState('');
  const [, rename] = useMutation(RenameMutation);
  const [, merge] = useMutation(MergeMutation);
  const [{ data }] = useQuery({
    query: SearchQuery,
    variables: { search },
    pause: search.trim().length < 2,
  });
  const candidates = (data?.topics.edges.map((e) => e.node) ?? [])
    .filter((t) => t.id !== topic.id)
    .map((t) => ({ id: t.id, label: t.name, detail: `${t.kind.toLowerCase()} · ${t.articleCount} articles` }));
  return (
    <RenameMerge
      testid="topic"
      name={topic.name}
      nameLabel="Topic name"
      onRename={async (name) => {
        const r = await rename({ id: topic.id, name });
        const a = r.data?.renameTopic;
        if (a?.__typename !== 'Topic') return `Not renamed: ${a?.message ?? r.error?.message ?? 'no answer'}`;
        onDone?.();
        return `Renamed to ${a.name}.`;
      }}
      mergeLabel={<>Merge “{topic.name}” into…</>}
      mergePlaceholder="another topic's name"
      mergeAria="Merge into"
      candidateTestid="topic-merge-into"
      search={search}
      onSearch={setSearch}
      candidates={candidates}
      onMerge={async (c) => {
        const r = await merge({ into: c.id, from: [topic.id] });
        const a = r.data?.mergeTopics;
        if (a?.__typename !== 'Topic') return `Not merged: ${a?.message ?? r.error?.message ?? 'no answer'}`;
        onDone?.();
        navigate(`/topic/${encodeURIComponent(c.id)}`);
        return `Merged into ${a.name}.`;
      }}
    />
  );
}
