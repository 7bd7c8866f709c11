/**
 * `GET /audit.jsonl`: the audit log as JSON Lines (one AuditRecord per line, newest first), for
 * editors only (`Authorization: Bearer <token>`; 401 UNAUTHENTICATED otherwise). `id` and `dumpId`
 * are the global ids GraphQL gives (auditEntryIds). Query parameters filter like
 * `auditLog(filter:)`: `dumpId` (a Dump ID), `actor`, `action`, `since`, `until` (ISO 8601); a bad
 * or repeated one is 400 INVALID_INPUT naming it. Any other method is 405 METHOD_NOT_ALLOWED (`Allow: GET`). Streamed in batches from the
 * database, so an export of any size holds one batch in memory.
 */
import type { Plugin } from 'graphql-yoga';
import { authenticate } from '../auth/tokens.ts';
import { readAuditLog, auditEntryIds, auditFilterSql, type AuditFilter } from '../audit/log.ts';
import { auditLog } from '@copydesk/schema';
import type { Db } from '../db/client.ts';
import { DATE_TIME_EXPECTED, isoDateTime } from '../graphql/builder.ts';
import type { AppConfig } from '../config.ts';
import { CopydeskError, InvalidInputError, UnauthenticatedError } from '../errors.ts';
import { badCharacter, parseGlobalId } from '../graphql/input.ts';
import { checkTextInput } from '../graphql/text-limits.ts';

export const AUDIT_EXPORT_PATH = '/audit.jsonl';

const json = (status: number, e: CopydeskError) =>
  new Response(JSON.stringify({ errors: [{ message: e.message, extensions: { code: e.code, ...(e instanceof InvalidInputError ? { field: e.field } : {}) } }] }), { status, headers: { 'content-type': 'application/json' } });

const DUMP_TYPE: ReadonlySet<string> = new Set(['Dump']);

const FILTER_PARAMS = ['dumpId', 'actor', 'action', 'since', 'until'] as const;

/** the filter from the URL's query; InvalidInputError naming the first bad parameter (a parameter given twice is one) */
function filterOf(params: URLSearchParams): AuditFilter {
  for (const k of FILTER_PARAMS) if (params.getAll(k).length > 1) throw new InvalidInputError(k, 'give each filter parameter once');
  const f: AuditFilter = {};
  const dump = params.get('dumpId');
  if (dump) {
    f.dumpId = parseGlobalId(dump, ['Dump'], 'dumpId', DUMP_TYPE).id;
  }
  for (const k of ['actor', 'action'] as const) {
    const v = params.get(k);
    if (!v) continue;
    // checked as auditLog(filter:) checks them at the GraphQL edge: a NUL never reaches SQL
    const bad = badCharacter(v, false);
    if (bad) throw new InvalidInputError(k, bad);
    checkTextInput(`AuditLogFilter.${k}`, v, k);
    f[k] = v;
  }
  for (const k of ['since', 'until'] as const) {
    const v = params.get(k);
    if (!v) continue;
    const iso = isoDateTime(v);
    if (iso === null) throw new InvalidInputError(k, DATE_TIME_EXPECTED);
    f[k] = iso;
  }
  auditFilterSql(auditLog, f);
  return f;
}

/** The plugin answering GET AUDIT_EXPORT_PATH; every other request goes on to GraphQL. */
export function useAuditExport(db: Db, config: AppConfig): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
      if (url.pathname !== AUDIT_EXPORT_PATH) return;
      if (request.method !== 'GET') {
        const body = { errors: [{ message: `${AUDIT_EXPORT_PATH} answers GET only, not ${request.method}`, extensions: { code: 'METHOD_NOT_ALLOWED' } }] };
        return endResponse(new Response(JSON.stringify(body), { status: 405, headers: { allow: 'GET', 'content-type': 'application/json' } }));
      }
      const authorization = request.headers.get('authorization');
      if (!(await authenticate(db, authorization, config.editorToken))) return endResponse(json(401, new UnauthenticatedError(authorization?.trim() ? 'rejected' : 'missing')));
      let filter: AuditFilter;
      try {
        filter = filterOf(url.searchParams);
      } catch (e) {
        if (e instanceof CopydeskError) return endResponse(json(400, e));
        throw e;
      }
      const rows = readAuditLog(db, filter);
      const encoder = new TextEncoder();
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          try {
            const next = await rows.next();
            if (next.done) controller.close();
            else controller.enqueue(encoder.encode(`${JSON.stringify({ ...next.value, ...auditEntryIds(next.value) })}\n`));
          } catch (e) {
            console.error(`copydesk: the audit export failed: ${(e as Error).message}`);
            controller.error(e);
          }
        },
        async cancel() {
          await rows.return(undefined);
        },
      });
      endResponse(new Response(body, { headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'content-disposition': 'attachment; filename="copydesk-audit.jsonl"', 'cache-control': 'no-store' } }));
    },
  };
}
