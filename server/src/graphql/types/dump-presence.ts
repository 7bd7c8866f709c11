import { builder, requireEditor } from '../builder.ts';
import { Dump } from './dump.ts';

interface DumpPresenceShape {
  dumpId: number;
  editors: string[];
}

const DumpPresence = builder.objectRef<DumpPresenceShape>('DumpPresence').implement({
  description: 'Who has a dump open in the boundary editor, across every server process.',
  fields: (t) => ({
    dump: t.field({
      type: Dump,
      nullable: true,
      resolve: (p, _a, ctx) => ctx.db.query.dumps.findFirst({ where: { id: p.dumpId } }).then((d) => d ?? null),
    }),
    editors: t.exposeStringList('editors', { description: 'the names of the editors who have it open (the subscriber included), sorted, each once' }),
  }),
});

builder.subscriptionFields((t) => ({
  dumpPresence: t.field({
    type: DumpPresence,
    description:
      'Holding this subscription marks the signed-in editor as having the dump open (the editor holds it while the dump is open); it yields who has the dump open at once and on every change. Editors only (UNAUTHENTICATED otherwise).',
    args: { dumpId: t.arg.globalID({ required: true, for: Dump }) },
    subscribe: (_r, args, ctx) => ctx.presence.hold(Number(args.dumpId.id), requireEditor(ctx).name),
    resolve: (editors: string[], args, ctx) => (ctx.textBudget.reset(), { dumpId: Number(args.dumpId.id), editors }),
  }),
}));
