/**
 * The boundary editor's state, pure: the segmentation history on top of a base revision, the
 * caret and selection (UTF-16 offsets into the dump text), the selected boundary handle, the
 * status message, the side tab and the find bar. `editorReducer(state, action)` is the only way
 * it changes; every keyboard command, toolbar button, click, drag and revision flow dispatches an
 * action. No React, no I/O: tested like segmentation-edit.ts.
 */
import { allHandles, handleById, handleLabel, moveOp, type Handle } from './handles.ts';
import { lineEndOf, lineStartOf, nextLineStartOf, normalizeCaret, step, type Direction, type Step } from './text-nav.ts';
import { nextMark, type Mark } from './marks.ts';
import { canRedo, canUndo, createHistory, describeOp, fieldPieces, perform, present, redo, segmentAt, undo, type EditOp, type EditSegment, type FieldName, type History, type SegmentKind } from './segmentation-edit.ts';

/** a saved revision the editor works on top of */
export interface Base {
  number: number;
  author: string;
  createdAt: string;
  segments: EditSegment[];
}

export type Tab = 'articles' | 'changes' | 'warnings' | 'history' | 'activity';
export type Tone = 'info' | 'error' | 'ok';

export interface EditorState {
  text: string;
  /** signed in as an editor; false: every edit is refused with a message */
  canEdit: boolean;
  base: Base;
  history: History;
  /** caret offset, 0..text.length */
  caret: number;
  /** the other end of the selection, or null */
  anchor: number | null;
  /** id of the selected handle (see handles.ts), or null */
  active: string | null;
  message: { text: string; tone: Tone } | null;
  tab: Tab;
  find: 'search' | 'line' | null;
  /** when the draft on screen was restored from localStorage (ISO time), else null */
  restoredFrom: string | null;
  /**
   * a fix offered as a rule: a line just marked as noise (its trimmed text), or a byline or date
   * marked on one line (the line as shown, and the field's span relative to it); `at` is the offset
   * the fix starts at (the route finds the article's outlet there)
   */
  ruleOffer: { lineText: string; at: number; field?: 'byline' | 'published'; span?: { start: number; end: number } } | null;
}

export type EditorAction =
  | { type: 'apply'; op: EditOp; caret?: number }
  | { type: 'moveCaret'; to: number; extend?: boolean }
  | { type: 'moveBy'; by: Step; dir: Direction; extend?: boolean }
  | { type: 'lineEdge'; edge: 'start' | 'end'; extend?: boolean }
  | { type: 'page'; dir: Direction }
  | { type: 'segment'; dir: Direction }
  | { type: 'selectHandle'; dir: Direction }
  | { type: 'leave' }
  | { type: 'split' }
  | { type: 'merge' }
  /** lines: relabel the caret's (or the selected) lines, not the whole segment */
  | { type: 'relabel'; kind: SegmentKind; lines: boolean }
  | { type: 'markField'; field: FieldName }
  | { type: 'clearFields' }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'tab'; tab: Tab }
  | { type: 'toggleChanges' }
  | { type: 'find'; mode: 'search' | 'line' | null }
  | { type: 'found'; start: number; end: number }
  | { type: 'goToMark'; marks: readonly Mark[]; dir: 1 | -1 }
  | { type: 'select'; caret: number; anchor: number | null }
  | { type: 'activate'; handle: string }
  /** a drag step: the history from the drag's start with the handle moved to `to` */
  | { type: 'drag'; from: History; handle: Handle; to: number }
  | { type: 'say'; text: string; tone?: Tone; caret?: number }
  /** a new base (a save, a rebase, their revision taken) with the history on top of it */
  | { type: 'rebase'; base: Base; history?: History }
  | { type: 'closeRuleOffer' }
  /** signed in or out */
  | { type: 'canEdit'; canEdit: boolean };

/** The initial state: the base revision and, when a draft was restored, its history. */
export function initEditor(text: string, canEdit: boolean, base: Base, restored?: { history: History; savedAt: string | null }): EditorState {
  return {
    text,
    canEdit,
    base,
    history: restored?.history ?? createHistory(base.segments),
    caret: 0,
    anchor: null,
    active: null,
    message: null,
    tab: 'articles',
    find: null,
    restoredFrom: restored?.savedAt ?? null,
    ruleOffer: null,
  };
}

/** The selection as [start, end), or null when nothing is selected. */
export function selectionOf(s: Pick<EditorState, 'caret' | 'anchor'>): { start: number; end: number } | null {
  return s.anchor !== null && s.anchor !== s.caret ? { start: Math.min(s.anchor, s.caret), end: Math.max(s.anchor, s.caret) } : null;
}

/** The selected lines, whole, or the caret's line. */
export function lineRangeOf(s: Pick<EditorState, 'text' | 'caret' | 'anchor'>): { start: number; end: number } {
  const sel = selectionOf(s);
  if (!sel) return { start: lineStartOf(s.text, s.caret), end: nextLineStartOf(s.text, s.caret) };
  const endLineStart = lineStartOf(s.text, Math.max(sel.start, sel.end - 1));
  return { start: lineStartOf(s.text, sel.start), end: nextLineStartOf(s.text, endLineStart) };
}

/** The handle selected in s, or null. */
export function activeHandleOf(s: EditorState, handles?: readonly Handle[]): Handle | null {
  if (!s.active) return null;
  return handles ? (handles.find((h) => h.id === s.active) ?? null) : handleById(present(s.history), s.active);
}

const say = (s: EditorState, text: string, tone: Tone = 'info'): EditorState => ({ ...s, message: { text, tone } });

function moveCaret(s: EditorState, to: number, extend = false): EditorState {
  const caret = normalizeCaret(s.text, to);
  return { ...s, caret, anchor: extend ? (s.anchor ?? s.caret) : null };
}

function apply(s: EditorState, op: EditOp, caret?: number): EditorState {
  if (!s.canEdit) return say(s, 'Read-only: sign in with an editor token to edit.', 'error');
  const r = perform(s.text, s.history, op);
  if (r.error) return say(s, r.error, 'error');
  return say({ ...s, history: r.history, caret: caret ?? s.caret }, describeOp(op));
}

function selectHandle(s: EditorState, dir: Direction): EditorState {
  const segments = present(s.history);
  const handles = allHandles(segments);
  if (!handles.length) return s;
  const current = activeHandleOf(s, handles);
  const from = current ? handles.indexOf(current) : -1;
  const next =
    from >= 0
      ? handles[(from + dir + handles.length) % handles.length]
      : dir > 0
        ? (handles.find((h) => h.offset >= s.caret) ?? handles[0])
        : ([...handles].reverse().find((h) => h.offset <= s.caret) ?? handles[handles.length - 1]);
  if (!next) return s;
  return say({ ...s, active: next.id, anchor: null, caret: next.offset }, `Handle: ${handleLabel(next, segments)} — arrows move it, Esc leaves it`);
}

/** The one transition function of the editor. Pure: same state and action, same result. */
export function editorReducer(s: EditorState, a: EditorAction): EditorState {
  const segments = present(s.history);
  switch (a.type) {
    case 'apply':
      return apply(s, a.op, a.caret);
    case 'moveCaret':
      return moveCaret(s, a.to, a.extend);
    case 'moveBy': {
      const h = activeHandleOf(s);
      if (h) {
        const to = step(s.text, h.offset, a.by, a.dir);
        return apply(s, moveOp(h, segments, to), to);
      }
      return moveCaret(s, step(s.text, s.caret, a.by, a.dir), a.extend);
    }
    case 'lineEdge':
      return moveCaret(s, a.edge === 'start' ? lineStartOf(s.text, s.caret) : lineEndOf(s.text, s.caret), a.extend);
    case 'page': {
      let o = s.caret;
      for (let k = 0; k < 20; k++) o = step(s.text, o, 'line', a.dir);
      return moveCaret(s, o);
    }
    case 'segment': {
      const i = segmentAt(segments, s.caret);
      if (a.dir > 0) return moveCaret(s, segments[i + 1]?.start ?? s.caret);
      return moveCaret(s, segments[Math.max(0, i - (s.caret === segments[i]!.start ? 1 : 0))]!.start);
    }
    case 'selectHandle':
      return selectHandle(s, a.dir);
    case 'leave':
      return { ...s, active: null, anchor: null };
    case 'split':
      return apply(s, { op: 'split', at: s.caret });
    case 'merge':
      return apply(s, { op: 'merge', at: s.caret });
    case 'relabel': {
      const r = a.lines || selectionOf(s) ? lineRangeOf(s) : { start: s.caret, end: s.caret };
      return apply(s, { op: 'relabel', start: r.start, end: r.end, kind: a.kind });
    }
    case 'markField': {
      const sel = selectionOf(s);
      const next = apply(s, sel ? { op: 'markField', start: sel.start, end: sel.end, field: a.field } : { op: 'markField', start: s.caret, end: s.caret, field: a.field });
      if (next.history === s.history) return next;
      const at = sel ? sel.start : s.caret;
      if (a.field === 'noise') {
        // the marked line can become a rule: always for this source, or everywhere
        const lineText = s.text.slice(lineStartOf(s.text, at), lineEndOf(s.text, at)).trim();
        return { ...next, ruleOffer: lineText ? { lineText, at } : null };
      }
      if (a.field === 'byline' || a.field === 'published') {
        // a byline or date fix on one line can become a rule of the line's shape (offered when it generalises)
        const pieces = fieldPieces(s.text, sel?.start ?? s.caret, sel?.end ?? s.caret, a.field);
        const p = pieces.length === 1 ? pieces[0]! : null;
        if (!p) return { ...next, ruleOffer: null };
        const from = lineStartOf(s.text, p.start);
        return { ...next, ruleOffer: { lineText: s.text.slice(from, lineEndOf(s.text, p.start)), at, field: a.field, span: { start: p.start - from, end: p.end - from } } };
      }
      return { ...next, ruleOffer: null };
    }
    case 'clearFields': {
      const sel = selectionOf(s);
      return apply(s, { op: 'clearFields', start: sel?.start ?? s.caret, end: sel?.end ?? s.caret });
    }
    case 'undo':
      return canUndo(s.history) ? say({ ...s, history: undo(s.history) }, 'Undone') : say(s, 'Nothing to undo');
    case 'redo':
      return canRedo(s.history) ? say({ ...s, history: redo(s.history) }, 'Redone') : say(s, 'Nothing to redo');
    case 'tab':
      return { ...s, tab: a.tab };
    case 'toggleChanges':
      return { ...s, tab: s.tab === 'changes' ? 'articles' : 'changes' };
    case 'find':
      return { ...s, find: a.mode };
    case 'found':
      return { ...s, active: null, anchor: a.end > a.start ? a.start : null, caret: a.end > a.start ? a.end : a.start };
    case 'goToMark': {
      const m = nextMark(s.text, a.marks, s.caret, a.dir);
      if (!m) return say(s, 'Nothing marked: no open warnings or suspect lines.');
      const moved = moveCaret({ ...s, active: null }, m.start);
      return say(m.kind === 'warning' ? { ...moved, tab: 'warnings' } : moved, `${m.kind === 'warning' ? 'Warning' : 'Suspect'}: ${m.label}`);
    }
    case 'select':
      return { ...s, active: null, caret: normalizeCaret(s.text, a.caret), anchor: a.anchor !== null && a.anchor !== a.caret ? normalizeCaret(s.text, a.anchor) : null };
    case 'activate':
      return { ...s, active: a.handle };
    case 'drag': {
      if (!s.canEdit) return s;
      const r = perform(s.text, a.from, moveOp(a.handle, present(a.from), a.to));
      return r.error ? s : { ...s, history: r.history, caret: a.to };
    }
    case 'say':
      return say(a.caret === undefined ? s : { ...s, caret: normalizeCaret(s.text, a.caret) }, a.text, a.tone);
    case 'rebase':
      return { ...s, base: a.base, history: a.history ?? createHistory(a.base.segments), restoredFrom: null };
    case 'closeRuleOffer':
      return { ...s, ruleOffer: null };
    case 'canEdit':
      return s.canEdit === a.canEdit ? s : { ...s, canEdit: a.canEdit };
  }
}
