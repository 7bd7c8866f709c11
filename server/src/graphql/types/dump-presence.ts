import { NotFoundError } from '../../errors.ts';
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
      'Holding this subscription marks the signed-in editor as having the dump open (the editor holds it while the dump is open); it yields who has the dump open at once and on every change. Editors only (UNAUTHENTICATED otherwise); NOT_FOUND when no dump has the ID, INVALID_INPUT when it is not a Dump ID.',
    args: { dumpId: t.arg.globalID({ required: true, for: Dump }) },
    subscribe: async (_r, args, ctx) => {
      const editor = requireEditor(ctx).name;
      const dumpId = Number(args.dumpId.id);
      // an ID of no dump is refused like any lookup (a malformed one or another type's is INVALID_INPUT at the edge), not held forever
      if (!(await ctx.db.query.dumps.findFirst({ where: { id: dumpId }, columns: { id: true } }))) throw new NotFoundError('Dump', String(args.dumpId.id));
      return ctx.presence.hold(dumpId, editor);
    },
    resolve: (editors: string[], args, ctx) => (ctx.textBudget.reset(), { dumpId: Number(args.dumpId.id), editors }),
  }),
}));
