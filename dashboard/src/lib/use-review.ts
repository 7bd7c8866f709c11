import { useMemo } from 'react';
import { editCovers } from '@copydesk/core';
import type { EditSegment } from './segmentation-edit.ts';
import { marksOf, type Mark, type Scored } from './marks.ts';
import { useWarnings, type WarningCheck } from './use-warnings.ts';
import type { ItemState } from '../components/warning-checklist.tsx';

/**
 * The editor's review state: the warning checklist with the unsaved draft taken into account (an
 * open warning whose span the draft changed is DRAFT: the save will resolve it, by the server's
 * own rule), the number still open, and the gutter marks (open warnings and the parser's suspect
 * spans) that n / N walk through.
 */
export function useReview(dumpId: string, text: string, base: { number: number; segments: readonly EditSegment[] }, draft: readonly EditSegment[], parser: readonly Scored[]) {
  const { warnings, dismiss } = useWarnings(dumpId, base.number);
  const items = useMemo<{ w: WarningCheck; state: ItemState }[]>(
    () => (warnings ?? []).map((w) => ({ w, state: w.state === 'OPEN' && editCovers(w, base.segments, draft) ? 'DRAFT' : w.state })),
    [warnings, base.segments, draft],
  );
  const open = items.filter((i) => i.state === 'OPEN');
  const marks = useMemo<Mark[]>(() => marksOf(text, open.map((i) => i.w), parser), [text, open.map((i) => `${i.w.code}:${i.w.start}`).join(','), parser]); // eslint-disable-line react-hooks/exhaustive-deps
  const marksByLine = useMemo(() => new Map(marks.map((m) => [m.line, m])), [marks]);
  return { loaded: warnings !== null, items, openCount: open.length, marks, marksByLine, dismiss };
}
