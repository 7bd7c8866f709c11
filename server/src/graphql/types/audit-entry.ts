import { auditLog } from '@copydesk/schema';
import { AUDIT_ACTIONS, auditEntryIds, auditFilterSql, type AuditFilter } from '../../audit/log.ts';
import { cursorOrdering } from '../input.ts';
import { builder, requireEditor } from '../builder.ts';
import { Dump } from './dump.ts';

export const AuditEntry = builder.drizzleObject('auditLog', {
  name: 'AuditEntry',
  description: 'One change in the append-only audit log: who, when, what, from where.',
  fields: (t) => ({
    id: t.id({ description: 'the entry\'s id, as in /audit.jsonl', resolve: (e) => auditEntryIds(e).id }),
    at: t.expose('at', { type: 'DateTime' }),
    actor: t.exposeString('actor', { description: "the editor's name, or cli" }),
    action: t.exposeString('action', { description: AUDIT_ACTIONS.join(', ') }),
    dumpId: t.id({ nullable: true, description: 'the dump it was about, if any (it may have been deleted since): a Dump ID', resolve: (e) => auditEntryIds(e).dumpId }),
    subject: t.exposeString('subject', { nullable: true }),
    detail: t.string({ description: 'the change itself, as JSON', resolve: (e) => JSON.stringify(e.detail) }),
    origin: t.exposeString('origin', { description: 'client address and user agent, or cli' }),
  }),
});

const AuditLogFilter = builder.inputType('AuditLogFilter', {
  fields: (t) => ({
    dumpId: t.globalID({ required: false, for: Dump }),
    actor: t.string({ required: false, description: "an editor's name, exactly" }),
    action: t.string({ required: false, description: AUDIT_ACTIONS.join(', ') }),
    since: t.field({ type: 'DateTime', required: false, description: 'at or after' }),
    until: t.field({ type: 'DateTime', required: false, description: 'before' }),
  }),
});

const filterOf = (f: { dumpId?: { id: string | number } | null; actor?: string | null; action?: string | null; since?: string | null; until?: string | null } | null | undefined): AuditFilter | null =>
  f ? { ...f, dumpId: f.dumpId ? Number(f.dumpId.id) : null } : null;

builder.queryFields((t) => ({
  auditLog: t.drizzleConnection({
    type: 'auditLog',
    description: 'The audit log, newest first, for editors only (UNAUTHENTICATED otherwise): filter by dump, editor, action and time.',
    args: { filter: t.arg({ type: AuditLogFilter, required: false }) },
    extensions: cursorOrdering({ name: 'auditLog.ID_DESC', values: ['int'] }),
    totalCount: (_p, args, ctx) => (requireEditor(ctx), ctx.db.$count(auditLog, auditFilterSql(auditLog, filterOf(args.filter)))),
    resolve: (query, _root, args, ctx) => {
      requireEditor(ctx);
      const where = auditFilterSql(auditLog, filterOf(args.filter));
      return ctx.db.query.auditLog.findMany(query({ where: where ? { RAW: (tt) => auditFilterSql(tt, filterOf(args.filter))! } : {}, orderBy: { id: 'desc' } }));
    },
  }),
}));
