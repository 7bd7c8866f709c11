import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { href } from '../lib/router.ts';
import { LoadMore, usePageCursor } from '../components/load-more.tsx';
import { useViewer } from '../lib/viewer.ts';
import { graphql } from '../graphql.ts';

const SourcesQuery = graphql(`
  query SourceList_Sources($first: Int!, $after: String, $search: String) {
    sources(first: $first, after: $after, search: $search) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id name aliases articles { totalCount } } }
    }
  }
`);

const MergeMutation = graphql(`
  mutation SourceList_MergeSources($into: ID!, $from: [ID!]!) {
    mergeSources(into: $into, from: $from) {
      __typename
      ... on Source { id name aliases }
      ... on Error { code message }
    }
  }
`);

/** sources per page of the list */
const PAGE = 100;

/** Outlets under their canonical names with every alias; an editor ticks several and merges them into the one marked to keep. */
export function SourceList() {
  const viewer = useViewer();
  const [draft, setDraft] = useState('');
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [keep, setKeep] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const { after, more } = usePageCursor(search);
  const [{ data, fetching, error }] = useQuery({
    query: SourcesQuery,
    variables: { first: PAGE, after, search: search || null },
    requestPolicy: 'cache-and-network',
  });
  const [merging, merge] = useMutation(MergeMutation);
  const rows = data?.sources.edges.map((e) => e.node) ?? [];
  const into = keep && picked.includes(keep) ? keep : picked[0] ?? null;

  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]));
  const runMerge = async () => {
    if (!into || picked.length < 2) return;
    const r = await merge({ into, from: picked.filter((id) => id !== into) });
    const d = r.data?.mergeSources;
    if (d?.__typename === 'Source') {
      setMessage(`Merged into ${d.name}.`);
      setPicked([]);
      setKeep(null);
    } else setMessage(`Could not merge: ${d?.message ?? r.error?.message ?? 'unknown error'}`);
  };

  return (
    <section className="sources-page">
      <div className="toolbar">
        <form
          className="filters"
          onSubmit={(e) => {
            e.preventDefault();
            setSearch(draft.trim());
          }}
        >
          <input type="search" placeholder="Any name or part of one" value={draft} onChange={(e) => setDraft(e.target.value)} aria-label="Search sources" />
          <button type="submit">Search</button>
        </form>
        {viewer.name && (
          <button type="button" disabled={picked.length < 2 || merging.fetching} onClick={runMerge} data-testid="merge-sources">
            Merge {picked.length > 1 ? picked.length : ''} into the one kept
          </button>
        )}
        <span className="muted" data-testid="message">
          {message || (data ? `${rows.length} of ${data.sources.totalCount}` : fetching ? 'Loading…' : '')}
        </span>
      </div>
      {error && <p className="error">Could not load sources: {error.message}</p>}
      {data && rows.length === 0 && <p className="empty">No source matches.</p>}
      {rows.length > 0 && (
        <table className="grid">
          <thead>
            <tr>
              {viewer.name && <th>Merge</th>}
              {viewer.name && <th>Keep</th>}
              <th>Source</th>
              <th>Also known as</th>
              <th className="c-n">Articles</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr key={s.id} data-testid="source-row">
                {viewer.name && (
                  <td>
                    <input type="checkbox" checked={picked.includes(s.id)} onChange={() => toggle(s.id)} aria-label={`Pick ${s.name}`} />
                  </td>
                )}
                {viewer.name && (
                  <td>
                    <input type="radio" name="keep" disabled={!picked.includes(s.id)} checked={into === s.id} onChange={() => setKeep(s.id)} aria-label={`Keep ${s.name}`} />
                  </td>
                )}
                <td className="c-title">
                  <a href={href('/articles', { source: s.name })}>{s.name}</a>
                </td>
                <td className="ellipsis" data-testid="source-aliases">{s.aliases.filter((a) => a !== s.name).join(', ')}</td>
                <td className="c-n">{s.articles.totalCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <LoadMore pageInfo={data?.sources.pageInfo} onMore={() => more(data?.sources.pageInfo)} busy={fetching} count={PAGE} />
    </section>
  );
}
