import { useEffect } from 'react';
import { useQuery } from 'urql';
import { timeAgo } from '../lib/format.ts';
import { graphql } from '../graphql.ts';
import { LoadMore, usePageCursor } from './load-more.tsx';

const ActivityQuery = graphql(`
  query DumpActivity($id: ID!, $first: Int!, $after: String) {
    auditLog(filter: { dumpId: $id }, first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { id at actor action subject detail origin } }
    }
  }
`);

/** entries per page */
const PAGE = 50;

/** The audit log of one dump, newest first: who did what, when, from where (editors only); further pages by cursor. */
export function DumpActivity({ dumpId, revision }: { dumpId: string; revision: number }) {
  const { after, more } = usePageCursor(dumpId);
  const [{ data, error, fetching }, refetch] = useQuery({ query: ActivityQuery, variables: { id: dumpId, first: PAGE, after }, requestPolicy: 'network-only' });
  // another editor's save or approval adds entries too: read again when the revision on screen changes
  useEffect(() => refetch({ requestPolicy: 'network-only' }), [revision, refetch]);
  if (error) return <p className="muted small">The activity is for editors: {error.message.replace(/^\[GraphQL\] /, '')}</p>;
  if (!data) return <p className="muted small">{fetching ? 'Loading…' : ''}</p>;
  const entries = data.auditLog.edges.map((e) => e.node);
  if (!entries.length) return <p className="muted">No recorded activity.</p>;
  return (
    <>
    <ul className="warnings" data-testid="activity">
      {entries.map((e) => (
        <li key={e.id} data-testid="activity-entry" data-action={e.action}>
          <strong>{e.action}</strong> {e.subject} <span className="muted">by {e.actor} {timeAgo(e.at)}</span>
          <div className="small muted" title={e.detail}>
            from {e.origin}
          </div>
        </li>
      ))}
    </ul>
    <LoadMore pageInfo={data.auditLog.pageInfo} onMore={() => more(data.auditLog.pageInfo)} busy={fetching} count={PAGE} />
    </>
  );
}
