import { useEffect, useRef, type ReactNode } from 'react';
import { useShortcuts } from '../lib/shortcuts.ts';

/** A modal dialog: focus moves in, Escape closes, focus returns where it was. */
export function Dialog({ title, onClose, children, wide }: { title: string; onClose: () => void; children: ReactNode; wide?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useShortcuts(`dialog:${title}`, title, [{ keys: 'Escape', label: 'Close', run: onClose, inInputs: true, help: false }], true);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    const first = ref.current?.querySelector<HTMLElement>('[data-autofocus]') ?? ref.current?.querySelector<HTMLElement>('.dialog-head ~ * input, .dialog-head ~ * textarea, .dialog-head ~ * button');
    (first ?? ref.current)?.focus();
    return () => before?.focus?.();
  }, []);
  return (
    <div className="backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className={`dialog${wide ? ' wide' : ''}`} role="dialog" aria-modal="true" aria-label={title} ref={ref} tabIndex={-1}>
        <div className="dialog-head">
          <h2>{title}</h2>
          <button type="button" className="link" onClick={onClose} title="Close (Esc)">
            Esc <span className="sr-only">to close</span>
          </button>
        </div>
        {children}
      </div>
    </div>
  );
}
