/**
 * The audit log: one append-only row per change an editor (or the CLI) makes. Callers write the
 * entry in the same transaction as the change, so a change is logged exactly when it commits.
 */
import { auditLog } from '@copydesk/schema';
import type { Db, Executor } from '../db/client.ts';

/** Who acts and from where: the editor's name and the request's origin ("203.0.113.5 · Mozilla/5.0 …", "cli"). */
export interface Actor {
  name: string;
  origin: string;
}

export type AuditAction =
  | 'import'
  | 'save'
  | 'status'
  | 'dismiss'
  | 'topic.add'
  | 'topic.remove'
  | 'topic.rename'
  | 'topic.merge'
  | 'story.merge'
  | 'story.move'
  | 'story.rename'
  | 'token.create'
  | 'token.revoke';

export const AUDIT_ACTIONS: readonly AuditAction[] = ['import', 'save', 'status', 'dismiss', 'topic.add', 'topic.remove', 'topic.rename', 'topic.merge', 'story.merge', 'story.move', 'story.rename', 'token.create', 'token.revoke'];

export interface AuditEntry {
  action: AuditAction;
  dumpId?: number | null;
  /** what it was about, in words */
  subject?: string | null;
  detail?: Record<string, unknown>;
}

/** Appends one entry for `actor` (call it inside the transaction that makes the change). */
export async function audit(db: Executor, actor: Actor, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({ actor: actor.name, origin: actor.origin, action: entry.action, dumpId: entry.dumpId ?? null, subject: entry.subject ?? null, detail: entry.detail ?? {} });
}

/** The origin of an HTTP request: the client address (first X-Forwarded-For hop, else the socket's) and the user agent, at most 300 characters. */
export function requestOrigin(headers: Headers, remoteAddress: string | null | undefined): string {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  const address = forwarded || remoteAddress || 'in-process';
  const agent = headers.get('user-agent');
  return (agent ? `${address} · ${agent}` : address).slice(0, 300);
}
