import { useState } from 'react';
import { AUDIT_ACTIONS } from '@copydesk/core';
import { LoadMore, usePageCursor } from '../components/load-more.tsx';
import { useQuery } from 'urql';
import { env } from '../env.ts';
import { getToken } from '../lib/auth.ts';
import { href, navigate, useRoute } from '../lib/router.ts';
import { timeAgo } from '../lib/format.ts';
import { useViewer } from '../lib/viewer.ts';
import { graphql } from '../graphql.ts';

const AuditQuery = graphql(`
  query AuditPage_Log($first: Int!, $after: String, $filter: AuditLogFilter) {
    auditLog(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id at actor action dumpId subject detail origin } }
    }
  }
`);

/** entries per page */
const PAGE = 50;

/** the actions the log records (AuditEntry.action): the server's own list */
const ACTIONS = AUDIT_ACTIONS;

/** a datetime-local value (local time) as ISO 8601 UTC, or null */
const isoOf = (local: string) => (local ? new Date(local).toISOString() : null);

/**
 * The audit log (editors only): who did what, when, from where; filtered by dump, editor,
 * action and time (kept in the URL), and exported as JSON Lines (GET /audit.jsonl, same filter).
 */
export function AuditPage() {
  const { query } = useRoute();
  const viewer = useViewer();
  const params = { dump: query.get('dump') ?? '', actor: query.get('actor') ?? '', action: query.get('action') ?? '', since: query.get('since') ?? '', until: query.get('until') ?? '' };
  const [exporting, setExporting] = useState<string | null>(null);
  const filter = {
    ...(params.dump ? { dumpId: params.dump } : {}),
    ...(params.actor ? { actor: params.actor } : {}),
    ...(params.action ? { action: params.action } : {}),
    ...(params.since ? { since: isoOf(params.since) } : {}),
    ...(params.until ? { until: isoOf(params.until) } : {}),
  };
  const { after, more } = usePageCursor(JSON.stringify(filter));
  const [{ data, error, fetching }] = useQuery({
    query: AuditQuery,
    variables: { first: PAGE, after, filter },
    requestPolicy: 'cache-and-network',
    pause: !viewer.name,
  });
  const set = (k: keyof typeof params, v: string) => navigate('/audit', { ...params, [k]: v }, true);

  const exportLines = async () => {
    setExporting('Exporting…');
    const url = new URL('/audit.jsonl', new URL(env.graphqlUrl, window.location.href));
    if (filter.dumpId) url.searchParams.set('dumpId', filter.dumpId);
    for (const k of ['actor', 'action', 'since', 'until'] as const) if (filter[k]) url.searchParams.set(k, filter[k]!);
    const res = await fetch(url, { headers: { authorization: `Bearer ${getToken() ?? ''}` } });
    if (!res.ok) return setExporting(`Export failed (${res.status})`);
    const blob = await res.blob();
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'copydesk-audit.jsonl';
    a.click();
    URL.revokeObjectURL(a.href);
    setExporting(null);
  };

  if (!viewer.name) return <p className="pad">The audit log is for editors: sign in with an editor token (g s).</p>;
  const entries = data?.auditLog.edges.map((e) => e.node) ?? [];
  return (
    <section className="audit-page" data-testid="audit-page">
      <h1>
        Audit log {data && <span className="muted" data-testid="audit-total">{data.auditLog.totalCount}</span>}
      </h1>
      <form className="toolbar filters" onSubmit={(e) => e.preventDefault()} aria-label="Filter the audit log">
        <label>
          Editor <input value={params.actor} onChange={(e) => set('actor', e.target.value)} placeholder="name" data-testid="audit-actor" />
        </label>
        <label>
          Action{' '}
          <select value={params.action} onChange={(e) => set('action', e.target.value)} data-testid="audit-action">
            <option value="">any</option>
            {ACTIONS.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        <label>
          From <input type="datetime-local" value={params.since} onChange={(e) => set('since', e.target.value)} data-testid="audit-since" />
        </label>
        <label>
          Before <input type="datetime-local" value={params.until} onChange={(e) => set('until', e.target.value)} data-testid="audit-until" />
        </label>
        {params.dump && (
          <span className="chip">
            one dump{' '}
            <button type="button" className="chip-btn" onClick={() => set('dump', '')} aria-label="Show every dump">
              ×
            </button>
          </span>
        )}
        <button type="button" onClick={() => void exportLines()} data-testid="audit-export" title="Download the entries matching this filter as JSON Lines">
          Export JSON Lines
        </button>
        {exporting && <span className="muted">{exporting}</span>}
      </form>
      {error && <p className="error">Could not load the audit log: {error.message}</p>}
      {data && !entries.length && <p className="muted">No entries match.</p>}
      {entries.length > 0 && (
        <table className="grid">
          <thead>
            <tr>
              <th>When</th>
              <th>Editor</th>
              <th>Action</th>
              <th>What</th>
              <th>From</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} data-testid="audit-row" data-action={e.action}>
                <td title={e.at}>{timeAgo(e.at)}</td>
                <td>
                  <a href={href('/audit', { ...params, actor: e.actor })}>{e.actor}</a>
                </td>
                <td>{e.action}</td>
                <td title={e.detail}>
                  {e.subject}
                  {e.dumpId && (
                    <>
                      {' '}
                      <a href={href(`/dump/${encodeURIComponent(e.dumpId)}`)}>open</a> · <a href={href('/audit', { ...params, dump: e.dumpId })}>its log</a>
                    </>
                  )}
                </td>
                <td className="small muted">{e.origin}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <LoadMore pageInfo={data?.auditLog.pageInfo} onMore={() => more(data?.auditLog.pageInfo)} busy={fetching} count={PAGE} />
    </section>
  );
}
