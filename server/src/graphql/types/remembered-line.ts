import { mostRepeatedLines, setLineVeto, type RememberedLine } from '../../learn/memory.ts';
import { sourceKey } from '@copydesk/core';
import { LINE_MEMORY_MIN_STORIES } from '@copydesk/core/patterns';
import { builder, requireEditor } from '../builder.ts';
import { MUTATION_ERRORS } from '../errors.ts';

export const RememberedLineRef = builder.objectRef<RememberedLine>('RememberedLine').implement({
  description: `A body line the line memory holds: in how many distinct stories (near-duplicate articles count once) and outlets it appeared. A line seen in at least ${LINE_MEMORY_MIN_STORIES} stories (more inside a body or for a long line) is parsed as publisher boilerplate, "repeated in N articles", unless an editor vetoed it.`,
  fields: (t) => ({
    key: t.exposeString('key', { description: 'the parser\'s key of the line (folded text, hashed)' }),
    text: t.exposeString('text', { description: 'the line as first seen' }),
    stories: t.exposeInt('stories', { description: 'distinct stories it appeared in (of the outlet, when listed for one)' }),
    sources: t.exposeInt('sources', { description: 'distinct outlets it appeared from' }),
    boilerplate: t.boolean({
      description: `true when the parser takes it for publisher boilerplate at a body's edge (stories >= ${LINE_MEMORY_MIN_STORIES}, not vetoed)`,
      resolve: (l) => l.vetoedAt === null && l.stories >= LINE_MEMORY_MIN_STORIES,
    }),
    vetoed: t.boolean({ resolve: (l) => l.vetoedAt !== null }),
    vetoedAt: t.expose('vetoedAt', { type: 'DateTime', nullable: true }),
    vetoedBy: t.exposeString('vetoedBy', { nullable: true }),
  }),
});

const VetoRememberedLineInput = builder.inputType('VetoRememberedLineInput', {
  fields: (t) => ({
    key: t.string({ required: true }),
    vetoed: t.boolean({ required: false, defaultValue: true, description: 'false lifts the veto' }),
  }),
});

builder.queryFields((t) => ({
  repeatedLines: t.field({
    type: [RememberedLineRef],
    description: 'What the line memory learned: the most repeated body lines, most stories first; with `source`, the lines seen in that outlet\'s stories.',
    args: {
      source: t.arg.string({ required: false, description: 'an outlet name (case-insensitive)' }),
      first: t.arg.int({ required: false, defaultValue: 20, description: '1-100' }),
      includeVetoed: t.arg.boolean({ required: false, defaultValue: true }),
    },
    resolve: (_root, args, ctx) =>
      mostRepeatedLines(ctx.db, { source: args.source ? sourceKey(args.source) : null, limit: args.first ?? 20, includeVetoed: args.includeVetoed ?? true }),
  }),
}));

builder.mutationFields((t) => ({
  vetoRememberedLine: t.field({
    type: RememberedLineRef,
    description: 'Vetoes a line the memory learned: the parser never takes it for boilerplate again (re-parse dumps to apply). `vetoed: false` lifts the veto.',
    args: { input: t.arg({ type: VetoRememberedLineInput, required: true }) },
    errors: { types: [...MUTATION_ERRORS], directResult: true },
    resolve: (_root, { input }, ctx) => {
      const editor = requireEditor(ctx);
      return setLineVeto(ctx.db, input.key, input.vetoed ?? true, editor.name);
    },
  }),
}));
