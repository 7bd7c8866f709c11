import { ruleKey } from '../../learn/rules.ts';
import { InvalidInputError } from '../../errors.ts';
import { builder } from '../builder.ts';
import { RuleActionEnum } from './parse-rule.ts';

interface RuleShape {
  shape: string | null;
  reason: string | null;
}

const RuleShapeRef = builder.objectRef<RuleShape>('RuleShape').implement({
  description: 'The line shape a byline or date fix generalises to, before the editor makes it a rule.',
  fields: (t) => ({
    shape: t.exposeString('shape', { nullable: true, description: 'the shape a rule would match (see ParseRule.shape); null when the fix does not generalise' }),
    reason: t.exposeString('reason', { nullable: true, description: 'why the fix does not generalise, in an editor\'s words; null when it does' }),
  }),
});

builder.queryFields((t) => ({
  ruleShape: t.field({
    type: RuleShapeRef,
    description: 'The shape a BYLINE or PUBLISHED rule would learn from a line with [fieldStart, fieldEnd) marked (UTF-16 offsets into lineText): the editor is offered "always, for this source" / "always, everywhere" only when it generalises. Cheap and pure: no dump is read.',
    args: {
      lineText: t.arg.string({ required: true }),
      action: t.arg({ type: RuleActionEnum, required: true }),
      fieldStart: t.arg.int({ required: true }),
      fieldEnd: t.arg.int({ required: true }),
    },
    resolve: (_root, args) => {
      if (args.action === 'boilerplate') return { shape: null, reason: 'a boilerplate rule names its line, not a shape' };
      try {
        return { shape: ruleKey(args.lineText, args.action, args.fieldStart, args.fieldEnd), reason: null };
      } catch (e) {
        if (e instanceof InvalidInputError) return { shape: null, reason: e.message.slice(e.field.length + 2) };
        throw e;
      }
    },
  }),
}));
