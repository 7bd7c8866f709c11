/**
 * The boundary editor's commands, in one table: each has its keys, its help label and what it
 * does; the ones with a `button` also appear in the toolbar. The keyboard shortcuts
 * (`toShortcuts`) and the toolbar buttons are both built from this table, so a key and its button
 * can never do different things. `run(extend)`: extend is true when Shift is held (the selection
 * grows); buttons run with extend false.
 */
import type { EditorAction } from './editor-state.ts';
import type { FieldName, SegmentKind } from './segmentation-edit.ts';
import type { Shortcut } from './shortcuts.ts';

export interface Command {
  id: string;
  keys: string[];
  label: string;
  run: (extend: boolean) => void;
  /** shown in the toolbar, in this group, with this text */
  button?: { group: 'edit' | 'kind' | 'field'; text: string; className?: string };
  /** also while typing in a field (the find bar) */
  inInputs?: boolean;
}

export const KIND_KEYS: SegmentKind[] = ['main', 'related', 'boilerplate', 'residue'];
export const FIELD_KEYS: [string, FieldName, string][] = [
  ['h', 'headline', 'headline'],
  ['y', 'byline', 'byline'],
  ['o', 'source', 'source'],
  ['p', 'published', 'published (date)'],
  ['e', 'section', 'section'],
  ['b', 'body', 'body'],
  ['c', 'copyright', 'copyright'],
  ['u', 'subhead', 'subhead (inside the body)'],
  ['i', 'noise', 'publisher boilerplate (noise)'],
];

/** What the commands need besides the reducer: the revision flows and navigation. */
export interface CommandContext {
  dispatch: (a: EditorAction) => void;
  save: () => void;
  approve: () => void;
  goToMark: (dir: 1 | -1) => void;
  back: () => void;
}

const move = (ctx: CommandContext, by: 'char' | 'word' | 'line', dir: 1 | -1) => (extend: boolean) => ctx.dispatch({ type: 'moveBy', by, dir, extend });
const withShift = (...keys: string[]) => keys.flatMap((k) => [k, k.replace(/([^+]+)$/, 'shift+$1')]);

/** The editor's command table (the order is the help list's). */
export function editorCommands(ctx: CommandContext): Command[] {
  const { dispatch } = ctx;
  return [
    { id: 'left', keys: withShift('ArrowLeft'), label: 'Caret (or handle) one character left; Shift selects', run: move(ctx, 'char', -1) },
    { id: 'right', keys: withShift('ArrowRight'), label: 'One character right', run: move(ctx, 'char', 1) },
    { id: 'wordLeft', keys: withShift('alt+ArrowLeft', 'mod+ArrowLeft'), label: 'One word left', run: move(ctx, 'word', -1) },
    { id: 'wordRight', keys: withShift('alt+ArrowRight', 'mod+ArrowRight'), label: 'One word right', run: move(ctx, 'word', 1) },
    { id: 'up', keys: withShift('ArrowUp'), label: 'Previous line', run: move(ctx, 'line', -1) },
    { id: 'down', keys: withShift('ArrowDown'), label: 'Next line', run: move(ctx, 'line', 1) },
    { id: 'home', keys: withShift('Home'), label: 'Line start', run: (extend) => dispatch({ type: 'lineEdge', edge: 'start', extend }) },
    { id: 'end', keys: withShift('End'), label: 'Line end', run: (extend) => dispatch({ type: 'lineEdge', edge: 'end', extend }) },
    { id: 'pageDown', keys: ['PageDown'], label: 'Down 20 lines', run: () => dispatch({ type: 'page', dir: 1 }) },
    { id: 'pageUp', keys: ['PageUp'], label: 'Up 20 lines', run: () => dispatch({ type: 'page', dir: -1 }) },
    { id: 'nextSegment', keys: ['}'], label: 'Next segment', run: () => dispatch({ type: 'segment', dir: 1 }) },
    { id: 'prevSegment', keys: ['{'], label: 'Previous segment', run: () => dispatch({ type: 'segment', dir: -1 }) },
    { id: 'nextHandle', keys: [']'], label: 'Select the next boundary handle', run: () => dispatch({ type: 'selectHandle', dir: 1 }) },
    { id: 'prevHandle', keys: ['['], label: 'Select the previous boundary handle', run: () => dispatch({ type: 'selectHandle', dir: -1 }) },
    { id: 'leave', keys: ['Escape', 'Enter'], label: 'Leave the handle / clear the selection', run: () => dispatch({ type: 'leave' }) },
    { id: 'split', keys: ['s'], label: 'Split the segment at the caret', run: () => dispatch({ type: 'split' }), button: { group: 'edit', text: 'Split' } },
    { id: 'merge', keys: ['m'], label: 'Merge the segment with the next one', run: () => dispatch({ type: 'merge' }), button: { group: 'edit', text: 'Merge' } },
    ...KIND_KEYS.map<Command>((kind, i) => ({
      id: `kind:${kind}`,
      keys: [`${i + 1}`],
      label: `Relabel the segment (or the selected lines) as ${kind}`,
      run: () => dispatch({ type: 'relabel', kind, lines: false }),
      button: { group: 'kind', text: kind, className: `kindbtn k-${kind}` },
    })),
    ...KIND_KEYS.map<Command>((kind, i) => ({ id: `kindLine:${kind}`, keys: [`shift+${i + 1}`], label: `Relabel the caret's line as ${kind}`, run: () => dispatch({ type: 'relabel', kind, lines: true }) })),
    ...FIELD_KEYS.map<Command>(([key, field, label]) => ({
      id: `field:${field}`,
      keys: [key],
      label: `Mark the selection (or the line) as ${label}`,
      run: () => dispatch({ type: 'markField', field }),
      button: { group: 'field', text: field, className: `fieldbtn hf-${field}` },
    })),
    { id: 'clearFields', keys: ['x'], label: 'Clear the fields of the selection (or the line)', run: () => dispatch({ type: 'clearFields' }), button: { group: 'field', text: 'clear' } },
    { id: 'undo', keys: ['mod+z'], label: 'Undo', run: () => dispatch({ type: 'undo' }) },
    { id: 'redo', keys: ['mod+shift+z', 'mod+shift+Z', 'mod+y'], label: 'Redo', run: () => dispatch({ type: 'redo' }) },
    { id: 'save', keys: ['mod+s'], label: 'Save as a new revision', run: () => ctx.save(), inInputs: true },
    { id: 'approve', keys: ['mod+Enter', 'A'], label: 'Approve (saves first when there are changes)', run: () => ctx.approve() },
    { id: 'changes', keys: ['d'], label: 'Show the changes against the parser', run: () => dispatch({ type: 'toggleChanges' }) },
    { id: 'articles', keys: ['v'], label: 'Show the derived articles', run: () => dispatch({ type: 'tab', tab: 'articles' }) },
    { id: 'warnings', keys: ['w'], label: 'Show the parser warnings', run: () => dispatch({ type: 'tab', tab: 'warnings' }) },
    { id: 'history', keys: ['r'], label: 'Show the undo history', run: () => dispatch({ type: 'tab', tab: 'history' }) },
    { id: 'activity', keys: ['l'], label: "Show the dump's activity (the audit log)", run: () => dispatch({ type: 'tab', tab: 'activity' }) },
    { id: 'back', keys: ['q'], label: 'Back to the queue', run: () => ctx.back() },
    { id: 'nextMark', keys: ['n'], label: 'Next open warning or suspect line (marked in the gutter)', run: () => ctx.goToMark(1) },
    { id: 'prevMark', keys: ['N'], label: 'Previous open warning or suspect line', run: () => ctx.goToMark(-1) },
    { id: 'search', keys: ['/'], label: 'Find in the dump (Enter next, Shift+Enter previous)', run: () => dispatch({ type: 'find', mode: 'search' }) },
    { id: 'goToLine', keys: [':', 'mod+g'], label: 'Go to line', run: () => dispatch({ type: 'find', mode: 'line' }) },
  ];
}

/** The keyboard shortcuts of a command table (Shift extends the selection). */
export function toShortcuts(commands: readonly Command[]): Shortcut[] {
  return commands.map((c) => ({ keys: c.keys, label: c.label, run: (e: KeyboardEvent) => c.run(e.shiftKey), inInputs: c.inInputs }));
}

/** "Ctrl+S"-style hint of a command's first key, for a button's title. */
export const firstKey = (c: Command): string => c.keys[0]!;
