import { useEffect, useMemo, useRef, useState } from 'react';
import { findAll, lineOffset } from '../lib/marks.ts';

/**
 * Search within the dump (`/`: Enter next, Shift+Enter previous, Esc closes) or go to a line
 * (`:`). Calls onFound with the match (or the line start) for the editor to select and scroll to.
 */
export function FindBar({
  text,
  caret,
  mode,
  onFound,
  onClose,
}: {
  text: string;
  caret: number;
  mode: 'search' | 'line';
  onFound: (start: number, end: number) => void;
  onClose: () => void;
}) {
  const [q, setQ] = useState('');
  const [at, setAt] = useState<number | null>(null);
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => ref.current?.focus(), [mode]);
  const matches = useMemo(() => (mode === 'search' ? findAll(text, q) : []), [text, q, mode]);

  const go = (dir: 1 | -1) => {
    if (mode === 'line') {
      const n = Number.parseInt(q, 10);
      if (Number.isFinite(n) && n > 0) {
        const o = lineOffset(text, n);
        onFound(o, o);
        onClose();
      }
      return;
    }
    if (!matches.length) return;
    const from = caret;
    const i = dir > 0 ? matches.findIndex((m) => m.start >= from) : matches.findLastIndex((m) => m.end < from);
    const k = i >= 0 ? i : dir > 0 ? 0 : matches.length - 1;
    setAt(k);
    onFound(matches[k]!.start, matches[k]!.end);
  };

  return (
    <form
      className="findbar"
      data-testid="findbar"
      onSubmit={(e) => e.preventDefault()}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          e.stopPropagation();
          go(e.shiftKey ? -1 : 1);
        } else if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <label>
        {mode === 'search' ? 'Find in dump' : 'Go to line'}
        <input
          ref={ref}
          value={q}
          onChange={(e) => (setQ(e.target.value), setAt(null))}
          inputMode={mode === 'line' ? 'numeric' : undefined}
          placeholder={mode === 'search' ? 'text (Enter next, Shift+Enter previous)' : 'line number'}
          data-testid="find-input"
        />
      </label>
      {mode === 'search' && (
        <span className="small muted" data-testid="find-count">
          {q ? (matches.length ? `${at === null ? '–' : at + 1} of ${matches.length}` : 'no match') : ''}
        </span>
      )}
      <button type="button" className="link" onClick={onClose}>
        Esc
      </button>
    </form>
  );
}
