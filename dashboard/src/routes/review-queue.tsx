import { useEffect, useMemo, useRef, useState } from 'react';
import { useClient, useQuery } from 'urql';
import { useViewer } from '../lib/viewer.ts';
import { dumpsWithDrafts } from '../lib/drafts.ts';
import { useLiveQueue } from '../lib/use-live-queue.ts';
import { approveEach, type ApproveTarget, type BulkResult } from '../lib/bulk-approve.ts';
import { href, navigate, useRoute } from '../lib/router.ts';
import { useShortcuts } from '../lib/shortcuts.ts';
import { STATUS_LABEL, timeAgo } from '../lib/format.ts';
import { ConfidenceBar } from '../components/confidence-bar.tsx';
import { graphql, type ResultOf } from '../graphql.ts';

const QueueQuery = graphql(`
  query ReviewQueue_Dumps($first: Int!, $after: String, $filter: DumpFilter, $orderBy: DumpOrder) {
    reviewCounts { new inReview approved total }
    dumps(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ...ReviewQueue_DumpFragment } }
    }
  }
  fragment ReviewQueue_DumpFragment on Dump {
    id
    filename
    template
    confidence
    status
    createdAt
    currentRevisionNumber
    currentRevision { number author }
    openWarningCount
    warnings { code message state }
    appearances { role article { id headline source { name } } }
  }
`);

type ReviewQueue_DumpFragment = ResultOf<typeof QueueQuery>['dumps']['edges'][number]['node'];

/** dumps per page of the queue */
const PAGE = 50;
const STATUSES = ['', 'NEW', 'IN_REVIEW', 'APPROVED'] as const;
const TEMPLATES = ['', 'flat', 'logo', 'hashtag-listing', 'unknown'];

/** The review queue: least sure parse first, filterable, with the warnings that put each dump here. */
export function ReviewQueue() {
  const { query } = useRoute();
  const status = STATUSES.find((s) => s === query.get('status')) ?? '';
  const template = query.get('template') ?? '';
  const source = query.get('source') ?? '';
  const order = query.get('order') === 'newest' ? 'CREATED_DESC' : 'CONFIDENCE_ASC';
  // the page after which the last "load more" asked; the cache merges every loaded page (relay pagination)
  const [after, setAfter] = useState<string | null>(null);
  const [sourceDraft, setSourceDraft] = useState(source);
  const [sel, setSel] = useState(0);
  const sourceRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLTableSectionElement>(null);
  const filter = { ...(status ? { status } : {}), ...(template ? { template } : {}), ...(source ? { source } : {}) };
  const [{ data, fetching, error }, refetch] = useQuery({ query: QueueQuery, variables: { first: PAGE, after, filter, orderBy: order } });
  useEffect(() => setAfter(null), [status, template, source, order]);
  const rows = data?.dumps.edges.map((e) => e.node) ?? [];
  const loadMore = () => data?.dumps.pageInfo.hasNextPage && setAfter(data.dumps.pageInfo.endCursor);
  const client = useClient();
  /** reads the first page again (new dumps come in there) and the last one loaded; the cache merges them with the pages between */
  const refresh = () => {
    void client.query(QueueQuery, { first: PAGE, after: null, filter, orderBy: order }, { requestPolicy: 'network-only' }).toPromise();
    if (after) refetch({ requestPolicy: 'network-only' });
  };
  // the queue updates itself: imports, saves and status changes by anyone
  useLiveQueue(refresh);
  const viewer = useViewer();
  const canEdit = !!viewer.name;
  const drafts = useMemo(() => dumpsWithDrafts(), [data]);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState<ApproveTarget[] | null>(null);
  const [bulk, setBulk] = useState<{ busy: boolean; result: BulkResult | null }>({ busy: false, result: null });
  const labelOf = (d: ReviewQueue_DumpFragment) => (d.appearances.find((a) => a.role === 'main') ?? d.appearances[0])?.article.headline ?? d.filename ?? `dump ${d.id}`;
  const target = (d: ReviewQueue_DumpFragment): ApproveTarget => ({ id: d.id, revision: d.currentRevisionNumber, label: labelOf(d) });
  const pickedRows = rows.filter((d) => picked.has(d.id));
  const clean = rows.filter((d) => d.openWarningCount === 0 && d.status !== 'APPROVED');
  const toggle = (id: string) =>
    setPicked((p) => {
      const n = new Set(p);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  const runApprove = async (targets: ApproveTarget[]) => {
    setConfirming(null);
    setBulk({ busy: true, result: null });
    const result = await approveEach(client, targets);
    setBulk({ busy: false, result });
    setPicked(new Set());
    refresh();
  };
  /** approves the picked dumps, each for the revision shown; asks first when any has open warnings */
  const approvePicked = () => {
    if (!pickedRows.length) return;
    if (pickedRows.some((d) => d.openWarningCount > 0)) setConfirming(pickedRows.map(target));
    else void runApprove(pickedRows.map(target));
  };

  const setParam = (k: string, v: string) => {
    const next: Record<string, string> = { status, template, source, order: order === 'CREATED_DESC' ? 'newest' : '' };
    next[k] = v;
    setSel(0);
    navigate('/', next, true);
  };
  useEffect(() => setSourceDraft(source), [source]);
  useEffect(() => {
    listRef.current?.querySelector(`[data-index="${sel}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [sel]);

  const open = (i: number) => {
    const d = rows[i];
    if (d) navigate(`/dump/${d.id}`);
  };
  useShortcuts('queue', 'Review queue', [
    { keys: ['j', 'ArrowDown'], label: 'Next dump', run: () => setSel((s) => Math.min(rows.length - 1, s + 1)) },
    { keys: ['k', 'ArrowUp'], label: 'Previous dump', run: () => setSel((s) => Math.max(0, s - 1)) },
    { keys: 'Enter', label: 'Open the selected dump in the editor', run: () => open(sel) },
    { keys: '/', label: 'Filter by source', run: () => sourceRef.current?.focus() },
    { keys: ['0', '1', '2', '3'], label: 'Status: all / new / in review / approved', run: (e) => setParam('status', STATUSES[Number(e.key)] ?? '') },
    { keys: 't', label: 'Cycle template filter', run: () => setParam('template', TEMPLATES[(TEMPLATES.indexOf(template) + 1) % TEMPLATES.length]!) },
    { keys: 'o', label: 'Order: least confident / newest first', run: () => setParam('order', order === 'CREATED_DESC' ? '' : 'newest') },
    { keys: 'L', label: 'Load more', run: () => loadMore() },
    { keys: 'x', label: 'Select / unselect the dump for approval', run: () => rows[sel] && toggle(rows[sel]!.id) },
    { keys: 'A', label: 'Approve the selected dumps', run: () => canEdit && approvePicked() },
  ]);

  const counts = data?.reviewCounts;
  const countOf = (s: string) => (!counts ? '' : s === 'NEW' ? counts.new : s === 'IN_REVIEW' ? counts.inReview : s === 'APPROVED' ? counts.approved : counts.total);
  return (
    <section className="queue">
      <div className="toolbar">
        <div className="tabs" role="tablist" aria-label="Status">
          {STATUSES.map((s, i) => (
            <button key={s} type="button" role="tab" aria-selected={status === s} className={status === s ? 'tab active' : 'tab'} onClick={() => setParam('status', s)} title={`${i}`}>
              {s ? STATUS_LABEL[s] : 'All'} <span className="count">{countOf(s)}</span>
            </button>
          ))}
        </div>
        <form
          className="filters"
          onSubmit={(e) => {
            e.preventDefault();
            setParam('source', sourceDraft.trim());
            sourceRef.current?.blur();
          }}
        >
          <input ref={sourceRef} type="search" placeholder="Source  ( / )" value={sourceDraft} onChange={(e) => setSourceDraft(e.target.value)} aria-label="Filter by source" />
          <select value={template} onChange={(e) => setParam('template', e.target.value)} aria-label="Template">
            {TEMPLATES.map((t) => (
              <option key={t} value={t}>
                {t || 'any template'}
              </option>
            ))}
          </select>
          <select value={order} onChange={(e) => setParam('order', e.target.value === 'CREATED_DESC' ? 'newest' : '')} aria-label="Order">
            <option value="CONFIDENCE_ASC">least confident first</option>
            <option value="CREATED_DESC">newest first</option>
          </select>
        </form>
        <span className="muted">{data ? `${data.dumps.totalCount} dumps` : fetching ? 'Loading…' : ''}</span>
      </div>
      {canEdit && rows.length > 0 && (
        <div className="bulk" data-testid="bulk">
          <button type="button" onClick={approvePicked} disabled={!pickedRows.length || bulk.busy} data-testid="approve-selected" title="Approve the selected dumps (A), each for the revision shown">
            Approve {pickedRows.length} selected
          </button>
          <button type="button" onClick={() => void runApprove(clean.map(target))} disabled={!clean.length || bulk.busy} data-testid="approve-clean" title="Approve every listed dump that has no open warnings, each for the revision shown">
            Approve all {clean.length} with no open warnings
          </button>
          {confirming && (
            <span className="confirm" role="alert" data-testid="bulk-confirm">
              {confirming.filter((c) => rows.find((d) => d.id === c.id)?.openWarningCount).length} of {confirming.length} still have open warnings.{' '}
              <button type="button" className="approve" onClick={() => void runApprove(confirming)} data-testid="bulk-confirm-yes">
                Approve anyway
              </button>
              <button type="button" onClick={() => setConfirming(null)}>
                Cancel
              </button>
            </span>
          )}
          {bulk.busy && <span className="muted">Approving…</span>}
          {bulk.result && (
            <span role="status" data-testid="bulk-result">
              Approved {bulk.result.approved.length}
              {bulk.result.refused.length > 0 && <>; refused {bulk.result.refused.map((r) => `${r.label}: ${r.reason}`).join('; ')}</>}
            </span>
          )}
        </div>
      )}
      {error && <p role="alert" className="error">Could not load the queue: {error.message}</p>}
      {data && rows.length === 0 && (
        <p className="empty">
          Nothing here. {status || template || source ? 'Clear the filters, or ' : ''}
          <a href={href('/import')}>import dumps</a>.
        </p>
      )}
      {rows.length > 0 && (
        <table className="grid queue-table">
          <thead>
            <tr>
              {canEdit && <th className="c-pick"><span className="sr-only">Select</span></th>}
              <th className="c-conf">Confidence</th>
              <th>Dump</th>
              <th>Why it is here</th>
              <th className="c-n">Articles</th>
              <th>Template</th>
              <th>Status</th>
              <th className="c-date">Imported</th>
            </tr>
          </thead>
          <tbody ref={listRef}>
            {rows.map((d, i) => {
              const main = d.appearances.find((a) => a.role === 'main') ?? d.appearances[0];
              return (
                <tr
                  key={d.id}
                  data-index={i}
                  data-testid="queue-row"
                  aria-selected={i === sel}
                  className={i === sel ? 'selected' : undefined}
                  onClick={() => setSel(i)}
                  onDoubleClick={() => open(i)}
                  data-draft={drafts.has(d.id) ? 'true' : undefined}
                >
                  {canEdit && (
                    <td className="c-pick">
                      <input type="checkbox" checked={picked.has(d.id)} onChange={() => toggle(d.id)} aria-label={`Select ${labelOf(d)}`} data-testid="queue-pick" />
                    </td>
                  )}
                  <td className="c-conf">
                    <ConfidenceBar value={d.confidence} />
                  </td>
                  <td className="c-title">
                    <a href={href(`/dump/${d.id}`)} tabIndex={i === sel ? 0 : -1}>
                      {main?.article.headline ?? <em>no headline</em>}
                    </a>
                    {drafts.has(d.id) && (
                      <span className="chip draft-mark" data-testid="draft-mark" title="You have unsaved edits of this dump in this browser">
                        draft
                      </span>
                    )}
                    <div className="sub">
                      {d.filename ?? `dump ${d.id}`}
                      {main?.article.source && (
                        <>
                          {' · '}
                          <a href={href('/', { source: main.article.source.name })} tabIndex={-1} title={`Only dumps from ${main.article.source.name}`} data-testid="queue-source">
                            {main.article.source.name}
                          </a>
                        </>
                      )}
                    </div>
                  </td>
                  <td className="c-warn">
                    {d.openWarningCount === 0 ? (
                      <span className="muted">{d.currentRevisionNumber > 1 ? `edited by ${d.currentRevision.author} (r${d.currentRevisionNumber})` : 'no warnings'}</span>
                    ) : (
                      <ul className="chips" data-testid="queue-warnings" data-open={d.openWarningCount}>
                        {d.warnings
                          .filter((w) => w.state === 'OPEN')
                          .slice(0, 4)
                          .map((w, k) => (
                            <li key={k} className="chip warn" title={w.message}>
                              {w.code.toLowerCase().replace(/_/g, ' ')}
                            </li>
                          ))}
                        {d.openWarningCount > 4 && <li className="chip">+{d.openWarningCount - 4}</li>}
                      </ul>
                    )}
                  </td>
                  <td className="c-n">{d.appearances.length}</td>
                  <td>{d.template}</td>
                  <td>
                    <span className={`status s-${d.status.toLowerCase()}`}>{STATUS_LABEL[d.status] ?? d.status}</span>
                  </td>
                  <td className="c-date">{timeAgo(d.createdAt)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {data?.dumps.pageInfo.hasNextPage && (
        <button type="button" className="more" onClick={loadMore}>
          Load 50 more (L)
        </button>
      )}
    </section>
  );
}
