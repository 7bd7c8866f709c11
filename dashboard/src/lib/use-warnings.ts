import { useCallback, useEffect } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql, type ResultOf } from '../graphql.ts';

const WarningsQuery = graphql(`
  query DumpWarnings($id: ID!) {
    dump(id: $id) {
      id
      confidence
      openWarningCount
      warnings { code message start end state resolvedInRevision resolvedBy dismissal { editor reason at } }
    }
  }
`);

const DismissMutation = graphql(`
  mutation DumpWarnings_Dismiss($input: DismissWarningInput!) {
    dismissWarning(input: $input) {
      __typename
      ... on Dump { id confidence openWarningCount }
      ... on Error { message code }
    }
  }
`);

/** One warning of the dump's checklist, as the WarningsQuery reads it. */
export type WarningCheck = NonNullable<ResultOf<typeof WarningsQuery>['dump']>['warnings'][number];

/**
 * The dump's warning checklist (current revision), fetched again whenever `revision` changes,
 * and `dismiss(w, reason)`, which resolves to an error message or null.
 */
export function useWarnings(dumpId: string, revision: number) {
  const [{ data, fetching }, refetch] = useQuery({
    query: WarningsQuery,
    variables: { id: dumpId },
    requestPolicy: 'network-only',
  });
  useEffect(() => refetch({ requestPolicy: 'network-only' }), [revision, refetch]);
  const [, dismissMutation] = useMutation(DismissMutation);
  const dismiss = useCallback(
    async (w: WarningCheck, reason: string): Promise<string | null> => {
      const r = await dismissMutation({ input: { dumpId, code: w.code, start: w.start, end: w.end, reason } });
      const res = r.data?.dismissWarning;
      if (res?.__typename !== 'Dump') return (res && 'message' in res ? res.message : null) ?? r.error?.message ?? 'no answer';
      refetch({ requestPolicy: 'network-only' });
      return null;
    },
    [dumpId, dismissMutation, refetch],
  );
  return { warnings: data?.dump?.warnings ?? null, fetching, dismiss };
}
