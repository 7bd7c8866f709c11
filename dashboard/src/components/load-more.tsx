import { useState } from 'react';

/** a connection's page info, as the lists ask for it */
export interface PageInfoLike {
  hasNextPage: boolean;
  endCursor?: string | null;
}

/**
 * The cursor of the next page of a list (relay pagination, merged by the cache: see
 * `lib/cache-policy.ts`). `after` is null for the first page and starts again at null whenever
 * `resetKey` (the list's filter, serialised) changes; `more(pageInfo)` asks for the page after
 * the last one loaded, and does nothing when there is none.
 */
export function usePageCursor(resetKey: string) {
  const [state, setState] = useState<{ key: string; after: string | null }>({ key: resetKey, after: null });
  const after = state.key === resetKey ? state.after : null;
  const more = (pageInfo: PageInfoLike | null | undefined) => {
    if (pageInfo?.hasNextPage && pageInfo.endCursor) setState({ key: resetKey, after: pageInfo.endCursor });
  };
  return { after, more };
}

/** "Load N more" under a list, shown while the list has a next page. */
export function LoadMore({ pageInfo, onMore, busy, count, testId }: { pageInfo: PageInfoLike | null | undefined; onMore: () => void; busy?: boolean; count: number; testId?: string }) {
  if (!pageInfo?.hasNextPage) return null;
  return (
    <button type="button" className="more" onClick={onMore} disabled={busy} data-testid={testId ?? 'load-more'}>
      Load {count} more
    </button>
  );
}
