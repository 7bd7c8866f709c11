import type { Client } from 'urql';
import { graphql } from '../graphql.ts';

const ApproveMutation = graphql(`
  mutation ReviewQueue_Approve($input: SetDumpStatusInput!) {
    setDumpStatus(input: $input) {
      __typename
      ... on Dump { id status }
      ... on StaleRevisionError { currentRevision }
      ... on Error { message code }
    }
  }
`);

export interface ApproveTarget {
  id: string;
  /** the revision the editor saw in the queue: the approval names it, and a newer one refuses it (STALE_REVISION) */
  revision: number;
  label: string;
}

export interface BulkResult {
  approved: string[];
  /** refused approvals: the dump's label and why */
  refused: { id: string; label: string; reason: string }[];
}

/** Approves each target for the revision it names, one request each, in order; never throws. */
export async function approveEach(client: Client, targets: ApproveTarget[]): Promise<BulkResult> {
  const out: BulkResult = { approved: [], refused: [] };
  for (const t of targets) {
    const r = await client
      .mutation(ApproveMutation, { input: { dumpId: t.id, revision: t.revision, status: 'APPROVED' } })
      .toPromise();
    const p = r.data?.setDumpStatus;
    if (p?.__typename === 'Dump') out.approved.push(t.id);
    else
      out.refused.push({
        id: t.id,
        label: t.label,
        reason: p?.__typename === 'StaleRevisionError' ? `revision ${p.currentRevision} was saved since (you saw ${t.revision})` : (p?.message ?? r.error?.message ?? 'refused'),
      });
  }
  return out;
}
