import type { Command } from '../../lib/editor-commands.ts';
import { keyLabel } from '../../lib/shortcuts.ts';

const GROUPS = ['edit', 'kind', 'field'] as const;

/** The edit toolbar, built from the command table: a button per command with a `button`, its key shown. */
export function EditorToolbar({ commands }: { commands: readonly Command[] }) {
  return (
    <div className="tools" role="toolbar" aria-label="Edit">
      {GROUPS.map((g) => (
        <span key={g} className="group">
          {commands
            .filter((c) => c.button?.group === g)
            .map((c) => (
              <button key={c.id} type="button" className={c.button!.className} onClick={() => c.run(false)} title={`${c.label} (${c.keys.map(keyLabel).join(', ')})`} data-command={c.id}>
                {c.button!.text} <kbd>{c.keys[0]}</kbd>
              </button>
            ))}
        </span>
      ))}
    </div>
  );
}
