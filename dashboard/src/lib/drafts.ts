/**
 * Unsaved editor work, kept in localStorage per dump and base revision, so that a reload (or a
 * crash) loses nothing. The operations are kept, not only the result: a draft on an old base
 * can be replayed on the new current revision.
 */
import type { EditOp, EditSegment } from './segmentation-edit.ts';

export interface Draft {
  dumpId: string;
  baseRevision: number;
  ops: EditOp[];
  segments: EditSegment[];
  savedAt: string;
}

const PREFIX = 'copydesk:draft:';
const keyOf = (dumpId: string, base: number) => `${PREFIX}${dumpId}:${base}`;

export function loadDraft(dumpId: string, base: number): Draft | null {
  try {
    const raw = localStorage.getItem(keyOf(dumpId, base));
    return raw ? (JSON.parse(raw) as Draft) : null;
  } catch {
    return null;
  }
}

export function saveDraft(d: Omit<Draft, 'savedAt'>): void {
  try {
    localStorage.setItem(keyOf(d.dumpId, d.baseRevision), JSON.stringify({ ...d, savedAt: new Date().toISOString() }));
  } catch {
    // storage full or disabled: the work stays in memory
  }
}

export function dropDraft(dumpId: string, base: number): void {
  localStorage.removeItem(keyOf(dumpId, base));
}

/** Drafts of this dump on other (older) bases: someone saved since. */
export function staleDrafts(dumpId: string, current: number): Draft[] {
  const out: Draft[] = [];
  for (let i = 0; i < localStorage.length; i++) {
    const k = localStorage.key(i);
    if (!k?.startsWith(`${PREFIX}${dumpId}:`)) continue;
    const base = Number(k.slice(`${PREFIX}${dumpId}:`.length));
    if (base === current) continue;
    const d = loadDraft(dumpId, base);
    if (d) out.push(d);
  }
  return out.sort((a, b) => b.baseRevision - a.baseRevision);
}

/** The dumps (ids) with an unsaved draft in this browser, on any base. */
export function dumpsWithDrafts(): Set<string> {
  const out = new Set<string>();
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (!k?.startsWith(PREFIX)) continue;
      const rest = k.slice(PREFIX.length);
      out.add(rest.slice(0, rest.lastIndexOf(':')));
    }
  } catch {
    // storage disabled: no drafts
  }
  return out;
}
