/**
 * Keyboard shortcuts: views register groups with useShortcuts; one window listener dispatches;
 * `?` lists every active group. Keys are written "j", "Enter", "mod+s" (Ctrl or Cmd),
 * "shift+ArrowUp", "alt+ArrowLeft", "shift+3" (digits by key position).
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';

export interface Shortcut {
  keys: string | string[];
  label: string;
  run: (e: KeyboardEvent) => void;
  /** shown in the help list (default true) */
  help?: boolean;
  /** also while typing in a field */
  inInputs?: boolean;
}

export interface ShortcutGroup {
  id: string;
  title: string;
  shortcuts: Shortcut[];
  /** a dialog: the groups under it get no keys */
  modal?: boolean;
}

let groups: ShortcutGroup[] = [];
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

export function comboOf(e: KeyboardEvent): string {
  let key = e.key;
  const digit = /^Digit(\d)$/.exec(e.code);
  if (digit) key = digit[1]!;
  const parts: string[] = [];
  if (e.ctrlKey || e.metaKey) parts.push('mod');
  if (e.altKey) parts.push('alt');
  if (e.shiftKey && (key.length > 1 || digit)) parts.push('shift');
  parts.push(key.length === 1 && !digit && (e.ctrlKey || e.metaKey) ? key.toLowerCase() : key);
  return parts.join('+');
}

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  return el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable;
}

let pending: { prefix: string; at: number } | null = null;

function onKey(e: KeyboardEvent) {
  if (e.defaultPrevented || e.isComposing) return;
  const combo = comboOf(e);
  const inInput = typing(e.target);
  const tag = (e.target as HTMLElement | null)?.tagName;
  // Enter and Space on a focused button or link are the browser's
  if ((combo === 'Enter' || combo === ' ') && (tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY')) return;
  const seq = pending && Date.now() - pending.at < 1200 ? `${pending.prefix} ${combo}` : null;
  pending = null;
  // the newest group wins (a dialog over a page)
  for (let g = groups.length - 1; g >= 0; g--) {
    for (const s of groups[g]!.shortcuts) {
      const keys = Array.isArray(s.keys) ? s.keys : [s.keys];
      if (inInput && !s.inInputs) continue;
      if (keys.includes(combo) || (seq && keys.includes(seq))) {
        e.preventDefault();
        s.run(e);
        return;
      }
      if (!inInput && keys.some((k) => k.startsWith(`${combo} `))) {
        pending = { prefix: combo, at: Date.now() };
        e.preventDefault();
        return;
      }
    }
    if (groups[g]!.modal) return;
  }
}

let installed = false;
function install() {
  if (installed) return;
  installed = true;
  window.addEventListener('keydown', onKey);
}

/** Registers a group of shortcuts while the calling component is mounted. */
export function useShortcuts(id: string, title: string, shortcuts: Shortcut[], modal = false): void {
  const ref = useRef(shortcuts);
  ref.current = shortcuts;
  useEffect(() => {
    install();
    const group: ShortcutGroup = {
      id,
      title,
      modal,
      get shortcuts() {
        return ref.current;
      },
    };
    groups = [...groups, group];
    emit();
    return () => {
      groups = groups.filter((g) => g !== group);
      emit();
    };
  }, [id, title, modal]);
}

function subscribe(cb: () => void) {
  listeners.add(cb);
  return () => listeners.delete(cb);
}

export function useShortcutGroups(): ShortcutGroup[] {
  return useSyncExternalStore(subscribe, () => groups, () => groups);
}

/** "mod+s" -> "Ctrl+S" for display. */
export function keyLabel(k: string): string {
  const mac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
  return k
    .split(' ')
    .map((part) =>
      part
        .split('+')
        .map((p) => ({ mod: mac ? '⌘' : 'Ctrl', alt: mac ? '⌥' : 'Alt', shift: 'Shift', ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→', Escape: 'Esc', ' ': 'Space' })[p] ?? (p.length === 1 ? p : p))
        .join('+'),
    )
    .join(' then ');
}
