/**
 * The audit log: one append-only row per change an editor (or the CLI) makes. Callers write the
 * entry in the same transaction as the change, so a change is logged exactly when it commits.
 */
import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { auditLog } from '@copydesk/schema';
import type { Db, Executor } from '../db/client.ts';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { InvalidInputError } from '../errors.ts';

/** Who acts and from where: the editor's name and the request's origin ("203.0.113.5 · Mozilla/5.0 …", "cli"). */
export interface Actor {
  name: string;
  origin: string;
}

// the one list of actions, shared with the dashboard's audit page
import { AUDIT_ACTIONS, type AuditAction } from '@copydesk/core';
export { AUDIT_ACTIONS, type AuditAction };

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

/**
 * The client address of an HTTP request, the one place that decides it (the audit log's origin,
 * the per-client subscription limit): the socket's address, else "in-process" (at most 100
 * characters). X-Forwarded-For is any client's to write, so its first hop is taken only when
 * `trustProxy` is set (COPYDESK_TRUST_PROXY: the server runs behind a proxy that sets it).
 */
export function clientAddress(headers: Headers, remoteAddress: string | null | undefined, trustProxy: boolean): string {
  const forwarded = trustProxy ? headers.get('x-forwarded-for')?.split(',')[0]?.trim() : undefined;
  return (forwarded || remoteAddress || 'in-process').slice(0, 100);
}

/** The origin of an HTTP request: its client address (clientAddress) and the user agent, at most 300 characters. */
export function requestOrigin(headers: Headers, remoteAddress: string | null | undefined, trustProxy: boolean): string {
  const address = clientAddress(headers, remoteAddress, trustProxy);
  const agent = headers.get('user-agent');
  return (agent ? `${address} · ${agent}` : address).slice(0, 300);
}

/** What the audit log is read by: every given condition holds (dumpId exactly, actor exactly, action one of AUDIT_ACTIONS, since ≤ at < until, ISO 8601). */
export interface AuditFilter {
  dumpId?: number | null;
  actor?: string | null;
  action?: string | null;
  since?: string | null;
  until?: string | null;
}

/** The filter as SQL on `t` (the audit_log table or its alias); undefined when empty. Errors: InvalidInputError (`filter.action`) for an unknown action. */
export function auditFilterSql(t: typeof auditLog, f: AuditFilter | null | undefined): SQL | undefined {
  if (f?.action && !(AUDIT_ACTIONS as readonly string[]).includes(f.action)) throw new InvalidInputError('filter.action', `one of ${AUDIT_ACTIONS.join(', ')}`);
  const parts: SQL[] = [];
  if (f?.dumpId) parts.push(eq(t.dumpId, f.dumpId));
  if (f?.actor) parts.push(eq(t.actor, f.actor));
  if (f?.action) parts.push(eq(t.action, f.action));
  if (f?.since) parts.push(gte(t.at, f.since));
  if (f?.until) parts.push(lt(t.at, f.until));
  return parts.length ? and(...parts) : undefined;
}

/**
 * An entry's ids as clients see them, in GraphQL (AuditEntry.id, AuditEntry.dumpId) and in the
 * JSON Lines export alike: Relay global ids (`AuditEntry:<id>`, `Dump:<id>`, base64), the form the
 * filters (`auditLog(filter: {dumpId})`, `/audit.jsonl?dumpId=`) accept.
 */
export function auditEntryIds(e: { id: number; dumpId: number | null }): { id: string; dumpId: string | null } {
  return { id: encodeGlobalID('AuditEntry', e.id), dumpId: e.dumpId === null ? null : encodeGlobalID('Dump', e.dumpId) };
}

/** One entry as read from the table (`at` ISO 8601 UTC, `detail` the change as an object, ids the table's numbers: see auditEntryIds). */
export interface AuditRecord {
  id: number;
  at: string;
  actor: string;
  action: string;
  dumpId: number | null;
  subject: string | null;
  detail: unknown;
  origin: string;
}

/**
 * The entries matching `filter`, newest first, read `batch` rows at a time (keyset on id), so an
 * export of any size holds one batch in memory.
 */
export async function* readAuditLog(db: Db, filter: AuditFilter, batch = 500): AsyncGenerator<AuditRecord> {
  let below: number | null = null;
  for (;;) {
    const where = and(auditFilterSql(auditLog, filter), below === null ? undefined : lt(auditLog.id, below));
    const rows = await db
      .select({
        id: auditLog.id,
        at: sql<string>`to_char(${auditLog.at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
        actor: auditLog.actor,
        action: auditLog.action,
        dumpId: auditLog.dumpId,
        subject: auditLog.subject,
        detail: auditLog.detail,
        origin: auditLog.origin,
      })
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(batch);
    yield* rows;
    if (rows.length < batch) return;
    below = rows.at(-1)!.id;
  }
}
