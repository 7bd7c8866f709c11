import { keyLabel, useShortcutGroups } from '../lib/shortcuts.ts';
import { Dialog } from './dialog.tsx';

/** Every shortcut of the views on screen, newest view first. */
export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const groups = useShortcutGroups().filter((g) => g.shortcuts.some((s) => s.help !== false));
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} wide>
      <div className="help-groups" data-testid="shortcut-help">
        {[...groups].reverse().map((g) => (
          <section key={g.id}>
            <h3>{g.title}</h3>
            <dl>
              {g.shortcuts
                .filter((s) => s.help !== false)
                .map((s) => (
                  <div key={s.label}>
                    <dt>
                      {(Array.isArray(s.keys) ? s.keys : [s.keys]).slice(0, 2).map((k) => (
                        <kbd key={k}>{keyLabel(k)}</kbd>
                      ))}
                    </dt>
                    <dd>{s.label}</dd>
                  </div>
                ))}
            </dl>
          </section>
        ))}
      </div>
    </Dialog>
  );
}
