import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hostname } from 'node:os';
import { and, eq, isNull, or, sql } from 'drizzle-orm';
import { editorTokens } from '@copydesk/schema';
import { audit, type Actor } from '../audit/log.ts';
import type { Db } from '../db/client.ts';
import { checkName } from '../names.ts';
import { InvalidInputError } from '../errors.ts';

export interface Editor {
  name: string;
  /** null for the bootstrap token from COPYDESK_EDITOR_TOKEN */
  tokenId: number | null;
}

const PREFIX = 'cdk_';

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** who runs the token commands when no one else is named: the CLI on the server's machine */
export const CLI_ACTOR: Actor = { name: 'cli', origin: `cli on ${hostname()}` };

/** An editor's name as stored: trimmed, 1 to 100 characters. Errors: InvalidInputError (`name`). */
export function checkEditorName(name: string, argument = 'name'): string {
  // no control or bidi characters (names.ts: the rule every name follows)
  checkName(argument, name);
  const clean = name.trim();
  if (!clean || clean.length > 100) throw new InvalidInputError(argument, `an editor name is 1 to 100 characters (got ${clean.length})`);
  return clean;
}

/** Creates a token for an editor (audit-logged as `actor`); the token itself is returned once and never stored. Errors: InvalidInputError (checkEditorName). */
export async function createToken(db: Db, name: string, actor: Actor = CLI_ACTOR): Promise<{ id: number; name: string; token: string }> {
  const clean = checkEditorName(name);
  const token = PREFIX + randomBytes(24).toString('base64url');
  const row = await db.transaction(async (tx) => {
    const [r] = await tx.insert(editorTokens).values({ name: clean, tokenHash: hashToken(token) }).returning({ id: editorTokens.id });
    await audit(tx, actor, { action: 'token.create', subject: `token ${r!.id} (${clean})`, detail: { tokenId: r!.id, editor: clean } });
    return r!;
  });
  return { id: row.id, name: clean, token };
}

/** Revokes tokens by id or by editor name (audit-logged as `actor`, one entry per token); returns how many were revoked. */
export async function revokeToken(db: Db, idOrName: string, actor: Actor = CLI_ACTOR): Promise<number> {
  const id = /^\d+$/.test(idOrName) ? Number(idOrName) : -1;
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(editorTokens)
      .set({ revokedAt: sql`now()` })
      .where(and(isNull(editorTokens.revokedAt), or(eq(editorTokens.id, id), eq(editorTokens.name, idOrName))))
      .returning({ id: editorTokens.id, name: editorTokens.name });
    for (const r of rows) await audit(tx, actor, { action: 'token.revoke', subject: `token ${r.id} (${r.name})`, detail: { tokenId: r.id, editor: r.name } });
    return rows.length;
  });
}

export async function listTokens(db: Db) {
  return db.query.editorTokens.findMany({
    columns: { id: true, name: true, createdAt: true, lastUsedAt: true, revokedAt: true },
    orderBy: { id: 'asc' },
  });
}

function sameSecret(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

/** The editor an `Authorization: Bearer <token>` header names, or null (no header, unknown or revoked token). */
export async function authenticate(db: Db, authorization: string | null | undefined, bootstrapToken: string | null): Promise<Editor | null> {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!m) return null;
  const token = m[1]!;
  if (bootstrapToken && sameSecret(token, bootstrapToken)) return { name: 'editor', tokenId: null };
  if (!token.startsWith(PREFIX) || token.length > 200) return null;
  const row = await db.query.editorTokens.findFirst({
    where: { tokenHash: hashToken(token), revokedAt: { isNull: true } },
    columns: { id: true, name: true },
  });
  return row ? { name: row.name, tokenId: row.id } : null;
}
