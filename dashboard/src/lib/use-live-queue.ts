import { useEffect, useRef } from 'react';
import { useSubscription } from 'urql';
import { graphql } from '../graphql.ts';

const ReviewCountsSubscription = graphql(`
  subscription ReviewQueue_Live { reviewCounts { new inReview approved total } }
`);

/**
 * Calls `refresh` whenever the review queue changes on the server (a dump imported, revised or
 * moved to another status, by anyone): the `reviewCounts` subscription's events after its first.
 */
export function useLiveQueue(refresh: () => void): void {
  const [{ data }] = useSubscription({ query: ReviewCountsSubscription });
  const seen = useRef<string | null>(null);
  const latest = useRef(refresh);
  latest.current = refresh;
  useEffect(() => {
    if (!data) return;
    const key = JSON.stringify(data.reviewCounts);
    if (seen.current !== null && seen.current !== key) latest.current();
    seen.current = key;
  }, [data]);
}
