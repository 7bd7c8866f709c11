/**
 * What the audit log records (AuditEntry.action): the one list the server writes and filters by
 * and the dashboard's audit page offers, in the order the page lists them.
 */
export const AUDIT_ACTIONS = [
  'import',
  'save',
  'status',
  'dismiss',
  'topic.add',
  'topic.remove',
  'topic.rename',
  'topic.merge',
  'source.rename',
  'source.merge',
  'story.merge',
  'story.move',
  'story.rename',
  'token.create',
  'token.revoke',
  'rule.create',
  'rule.update',
  'rule.delete',
  'rule.apply',
  'reparse',
] as const;

/** one action of AUDIT_ACTIONS */
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
