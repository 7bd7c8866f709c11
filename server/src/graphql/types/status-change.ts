import { builder } from '../builder.ts';
import { DumpStatus } from './dump.ts';

export const DumpStatusChange = builder.drizzleObject('dumpStatusChanges', {
  name: 'DumpStatusChange',
  description: 'Who moved which revision of a dump to which review status, and when (append-only).',
  fields: (t) => ({
    revision: t.exposeInt('revision', { description: 'the segmentation revision the status applies to' }),
    status: t.field({ type: DumpStatus, select: { columns: { status: true } }, resolve: (r) => r.status as 'new' | 'in_review' | 'approved' }),
    editor: t.exposeString('editor'),
    at: t.expose('at', { type: 'DateTime' }),
  }),
});
