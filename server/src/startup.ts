/**
 * What `pnpm start` prints when it cannot start: one line naming the cause and the fix, never a
 * stack (COPYDESK_DEBUG=1 adds the stack for whoever debugs copydesk itself).
 */
import { EnvError } from './env.ts';
import { DataDirInUseError } from './db/lock.ts';

export const USAGE = 'usage: pnpm start [--port N] [--data-dir DIR]   (env: PORT, HOST, COPYDESK_DATA_DIR, DATABASE_URL; see README)';

/** what a start was doing when it failed, for the message */
export interface StartContext {
  /** the PostgreSQL server's address without password, when DATABASE_URL is set */
  database?: string | undefined;
  /** the embedded database's folder otherwise */
  dataDir?: string | undefined;
}

/** the first error in `e`'s cause chain with a code (a Node system error or a PostgreSQL SQLSTATE) */
function coded(e: unknown): (Error & { code: string; address?: string; port?: number; path?: string }) | null {
  for (let c = e as { code?: unknown; cause?: unknown } | null, depth = 0; c && depth < 8; c = c.cause as typeof c, depth++) {
    if (typeof c.code === 'string') return c as Error & { code: string };
    // an AggregateError (several addresses tried): its first error
    const inner = (c as { errors?: unknown[] }).errors?.[0];
    if (inner && typeof (inner as { code?: unknown }).code === 'string') return inner as Error & { code: string };
  }
  return null;
}

/** One line (no stack) saying why copydesk did not start and what to do about it. */
export function startupFailure(e: unknown, ctx: StartContext): string {
  const msg = (e as Error)?.message ?? String(e);
  // `invalid configuration: SETTING: why`, as env.ts words it
  if (e instanceof EnvError) return msg;
  if (e instanceof DataDirInUseError) return `copydesk: ${msg}: stop that copydesk first, or start this one with another --data-dir`;
  const pe = e as { code?: string };
  if (pe?.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || pe?.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL' || pe?.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return `copydesk: ${msg.replace(/\. This command does not take positional arguments$/, '')}. ${USAGE}`;
  }
  const c = coded(e);
  const code = c?.code ?? '';
  if (code === 'EADDRINUSE') return `copydesk: the port is in use (${c!.message}): set PORT or --port, or stop what listens there`;
  if (code === 'EACCES' && c?.port !== undefined) return `copydesk: not allowed to listen there (${c.message}): choose a PORT above 1023`;
  if (ctx.database) {
    const where = `the database at ${ctx.database}`;
    if (['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ECONNRESET'].includes(code)) return `copydesk: cannot reach ${where} (${code}${c?.address ? ` ${c.address}:${c.port}` : ''}): start PostgreSQL or fix DATABASE_URL`;
    if (code === '28P01' || code === '28000') return `copydesk: ${where} refused the login (${c!.message}): fix the user or password in DATABASE_URL`;
    if (code === '3D000') return `copydesk: ${c!.message} on ${ctx.database}: create it (createdb) or fix the database name in DATABASE_URL`;
    if (code === '42501') return `copydesk: ${where} does not allow this user to create copydesk's tables (${c!.message}): grant it CREATE, or use a user that owns the database`;
  }
  if (ctx.dataDir && ['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'ENOENT', 'EEXIST', 'ENOSPC'].includes(code)) {
    return `copydesk: cannot use the data folder ${ctx.dataDir} (${code}${c?.path ? ` at ${c.path}` : ''}): choose a writable folder with --data-dir or COPYDESK_DATA_DIR`;
  }
  return `copydesk: failed to start: ${c ? `${code}: ` : ''}${c?.message ?? msg}${process.env.COPYDESK_DEBUG ? `\n${(e as Error)?.stack ?? ''}` : ' (COPYDESK_DEBUG=1 shows the stack)'}`;
}

/**
 * How to create an editor token for the database this server uses: the exact command (the CLI
 * opens the same data folder, which the running server holds, or the same DATABASE_URL), or the
 * bootstrap variable.
 */
export function tokenHint(kind: 'pglite' | 'postgres', dataDir: string): string {
  const dir = /[\s'"$]/.test(dataDir) ? JSON.stringify(dataDir) : dataDir;
  const cmd =
    kind === 'pglite'
      ? `stop copydesk, run  pnpm copydesk token create --name YOUR_NAME --data-dir ${dir}  and start it again`
      : 'run  pnpm copydesk token create --name YOUR_NAME  with the same DATABASE_URL';
  return `Create one: ${cmd} (or set COPYDESK_EDITOR_TOKEN)`;
}
