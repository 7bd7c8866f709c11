import { describe, expect, it } from 'vitest';
import { checkPartition } from '@copydesk/core';
import { editorReducer, initEditor, lineRangeOf, selectionOf, type EditorAction, type EditorState } from './editor-state.ts';
import { editorCommands, toShortcuts } from './editor-commands.ts';
import { present, type EditSegment } from './segmentation-edit.ts';
import type { Mark } from './marks.ts';

// 0: headline, 1: By line, 2-3: body, 4: copyright, 5: boilerplate, 6-8: related block
const lines = ['Big headline', 'By Jane Doe', 'First paragraph.', 'Second paragraph.', '© Agency 2025.', 'Hashtags', 'Outlet', 'Related headline', 'Related body line.'];
const text = lines.join('\n') + '\n';
const at = (n: number) => lines.slice(0, n).reduce((o, l) => o + l.length + 1, 0);
const lineRange = (n: number) => ({ start: at(n), end: at(n) + lines[n]!.length });
const f = (field: EditSegment['fields'][number]['field'], n: number) => ({ field, ...lineRange(n) });
const segs: EditSegment[] = [
  { kind: 'main', start: 0, end: at(5), fields: [f('headline', 0), f('body', 2), f('body', 3), f('copyright', 4)] },
  { kind: 'boilerplate', start: at(5), end: at(6), fields: [] },
  { kind: 'related', start: at(6), end: text.length, fields: [f('source', 6), f('headline', 7), f('body', 8)] },
];
const base = { number: 2, author: 'ed', createdAt: '2026-01-01T00:00:00Z', segments: segs };
const start = (canEdit = true) => initEditor(text, canEdit, base);
const run = (s: EditorState, ...actions: EditorAction[]) => actions.reduce(editorReducer, s);
const valid = (s: EditorState) => expect(checkPartition(text.length, present(s.history))).toBeNull();

describe('editor state', () => {
  it('moves the caret by line, selects with extend and clears the selection on a plain move', () => {
    const s = run(start(), { type: 'moveBy', by: 'line', dir: 1 }, { type: 'moveBy', by: 'line', dir: 1, extend: true });
    expect(s.caret).toBe(at(2));
    expect(selectionOf(s)).toEqual({ start: at(1), end: at(2) });
    expect(lineRangeOf(s)).toEqual({ start: at(1), end: at(2) });
    expect(run(s, { type: 'moveBy', by: 'char', dir: 1 }).anchor).toBeNull();
  });

  it('pages 20 lines and stops at the text end; line start and end', () => {
    const s = run(start(), { type: 'page', dir: 1 });
    expect(s.caret).toBe(text.length);
    const e = run(start(), { type: 'moveCaret', to: at(2) + 3 }, { type: 'lineEdge', edge: 'end' });
    expect(e.caret).toBe(lineRange(2).end);
    expect(run(e, { type: 'lineEdge', edge: 'start' }).caret).toBe(at(2));
  });

  it('walks segments with { and }', () => {
    let s = run(start(), { type: 'segment', dir: 1 });
    expect(s.caret).toBe(at(5));
    s = run(s, { type: 'segment', dir: 1 }, { type: 'segment', dir: 1 });
    expect(s.caret).toBe(at(6));
    expect(run(s, { type: 'moveBy', by: 'char', dir: 1 }, { type: 'segment', dir: -1 }).caret).toBe(at(6));
    expect(run(s, { type: 'segment', dir: -1 }).caret).toBe(at(5));
  });

  it('selects a handle with ] and moves it with the arrows, as one undoable edit', () => {
    let s = run(start(), { type: 'moveCaret', to: at(3) }, { type: 'selectHandle', dir: 1 });
    expect(s.active).toBe('f0:body:end');
    s = run(s, { type: 'moveBy', by: 'line', dir: -1 });
    valid(s);
    expect(present(s.history)[0]!.fields.filter((x) => x.field === 'body')).toEqual([f('body', 2)]);
    expect(s.message?.text).toMatch(/body/);
    s = run(s, { type: 'undo' });
    expect(present(s.history)).toEqual(segs);
    expect(run(s, { type: 'redo' }).history.index).toBe(1);
    expect(run(s, { type: 'leave' }).active).toBeNull();
  });

  it('relabels the segment, or only the caret line with lines: true', () => {
    const whole = run(start(), { type: 'moveCaret', to: at(5) }, { type: 'relabel', kind: 'residue', lines: false });
    expect(present(whole.history).map((x) => x.kind)).toEqual(['main', 'residue', 'related']);
    const line = run(start(), { type: 'moveCaret', to: at(4) }, { type: 'relabel', kind: 'boilerplate', lines: true });
    valid(line);
    expect(present(line.history)[0]!.end).toBe(at(4));
    expect(present(line.history)[1]!.kind).toBe('boilerplate');
  });

  it('splits and merges at the caret; a refused edit keeps the history and says why', () => {
    const s = run(start(), { type: 'moveCaret', to: at(7) }, { type: 'split' });
    expect(present(s.history)).toHaveLength(4);
    valid(s);
    const m = run(s, { type: 'moveCaret', to: at(6) }, { type: 'merge' });
    expect(present(m.history)).toEqual(segs);
    const bad = run(start(), { type: 'moveCaret', to: at(5) }, { type: 'split' });
    expect(bad.history.index).toBe(0);
    expect(bad.message?.tone).toBe('error');
  });

  it('refuses every edit when read-only, with a message', () => {
    const s = run(start(false), { type: 'split' }, { type: 'markField', field: 'byline' });
    expect(s.history.index).toBe(0);
    expect(s.message).toEqual({ text: 'Read-only: sign in with an editor token to edit.', tone: 'error' });
    expect(run(start(false), { type: 'canEdit', canEdit: true }, { type: 'moveCaret', to: at(1) }, { type: 'markField', field: 'byline' }).history.index).toBe(1);
  });

  it('marks a field, and offers a noise line or a one-line byline fix as a rule', () => {
    const s = run(start(), { type: 'moveCaret', to: at(1) }, { type: 'markField', field: 'byline' });
    const byline = present(s.history)[0]!.fields.find((x) => x.field === 'byline')!;
    expect(byline).toBeDefined();
    // a byline fix on one line is offered with its line and the field's span in it (the server's ruleShape decides whether it generalises)
    expect(s.ruleOffer).toEqual({ lineText: 'By Jane Doe', at: at(1), field: 'byline', span: { start: byline.start - at(1), end: byline.end - at(1) } });
    expect(run(s, { type: 'markField', field: 'headline' }).ruleOffer).toBeNull();
    const n = run(start(), { type: 'moveCaret', to: at(3) }, { type: 'markField', field: 'noise' });
    expect(n.ruleOffer).toEqual({ lineText: 'Second paragraph.', at: at(3) });
    expect(run(n, { type: 'closeRuleOffer' }).ruleOffer).toBeNull();
    const cleared = run(s, { type: 'clearFields' });
    expect(present(cleared.history)[0]!.fields.some((x) => x.field === 'byline')).toBe(false);
  });

  it('goes to the next and previous mark, wrapping, and opens the warnings tab for a warning', () => {
    const marks: Mark[] = [
      { line: at(3), start: at(3), end: lineRange(3).end, kind: 'suspect', label: 'low' },
      { line: at(7), start: at(7) + 2, end: lineRange(7).end, kind: 'warning', label: 'W' },
    ];
    let s = run(start(), { type: 'goToMark', marks, dir: 1 });
    expect(s.caret).toBe(at(3));
    expect(s.tab).toBe('articles');
    s = run(s, { type: 'goToMark', marks, dir: 1 });
    expect(s.caret).toBe(at(7) + 2);
    expect(s.tab).toBe('warnings');
    expect(run(s, { type: 'goToMark', marks, dir: 1 }).caret).toBe(at(3));
    expect(run(start(), { type: 'goToMark', marks: [], dir: 1 }).message?.text).toMatch(/Nothing marked/);
  });

  it('selects a search match, toggles the changes tab, rebases on a new base', () => {
    const s = run(start(), { type: 'found', start: at(2), end: at(2) + 5 });
    expect([s.anchor, s.caret]).toEqual([at(2), at(2) + 5]);
    expect(run(s, { type: 'toggleChanges' }).tab).toBe('changes');
    expect(run(s, { type: 'toggleChanges' }, { type: 'toggleChanges' }).tab).toBe('articles');
    const edited = run(s, { type: 'moveCaret', to: at(7) }, { type: 'split' });
    const r = run(edited, { type: 'rebase', base: { ...base, number: 3, segments: present(edited.history) } });
    expect(r.base.number).toBe(3);
    expect(r.history.index).toBe(0);
  });

  it('drags a handle from the history the drag started on (one entry per drag)', () => {
    const s0 = run(start(), { type: 'activate', handle: 's1' });
    const h = { id: 's1', offset: at(5), segIndex: 1, type: 'segment' as const };
    let s = run(s0, { type: 'drag', from: s0.history, handle: h, to: at(4) });
    s = run(s, { type: 'drag', from: s0.history, handle: h, to: at(3) });
    expect(s.history.index).toBe(1);
    expect(present(s.history)[0]!.end).toBe(at(3));
    expect(s.caret).toBe(at(3));
    valid(s);
  });
});

describe('editor commands', () => {
  const table = () => {
    const actions: EditorAction[] = [];
    const calls: string[] = [];
    const cmds = editorCommands({ dispatch: (a) => actions.push(a), save: () => calls.push('save'), approve: () => calls.push('approve'), goToMark: (d) => calls.push(`mark${d}`), back: () => calls.push('back') });
    return { cmds, actions, calls };
  };

  it('gives every key to exactly one command', () => {
    const keys = table().cmds.flatMap((c) => c.keys);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(expect.arrayContaining(['s', 'm', '1', 'shift+1', 'n', 'N', '/', ':', 'mod+s', 'alt+shift+ArrowLeft', 'shift+ArrowDown']));
  });

  it('runs the same action from a key (Shift extends) and from its toolbar button', () => {
    const { cmds, actions } = table();
    const shortcuts = toShortcuts(cmds);
    const down = shortcuts.find((s) => s.keys.includes('shift+ArrowDown'))!;
    down.run({ shiftKey: true } as KeyboardEvent);
    expect(actions.pop()).toEqual({ type: 'moveBy', by: 'line', dir: 1, extend: true });
    const three = cmds.find((c) => c.keys.includes('3'))!;
    expect(three.button?.group).toBe('kind');
    three.run(false);
    const fromButton = actions.pop();
    shortcuts.find((s) => s.keys.includes('3'))!.run({ shiftKey: false } as KeyboardEvent);
    expect(actions.pop()).toEqual(fromButton);
    expect(fromButton).toEqual({ type: 'relabel', kind: 'boilerplate', lines: false });
  });

  it('hands save, approve, marks and back to the flows', () => {
    const { cmds, calls } = table();
    for (const k of ['mod+s', 'A', 'n', 'N', 'q']) cmds.find((c) => c.keys.includes(k))!.run(false);
    expect(calls).toEqual(['save', 'approve', 'mark1', 'mark-1', 'back']);
    expect(cmds.filter((c) => c.button).map((c) => c.button!.text)).toEqual(['Split', 'Merge', 'main', 'related', 'boilerplate', 'residue', 'headline', 'byline', 'source', 'published', 'section', 'body', 'copyright', 'subhead', 'noise', 'clear']);
  });
});
