import type { FieldSpan, Segment, StoredWarning } from '@copydesk/core';
import { builder } from '../builder.ts';

export const FieldSpanRef = builder.objectRef<FieldSpan>('FieldSpan').implement({
  description: 'A field inside an article segment: [start, end) in UTF-16 code units of the raw text.',
  fields: (t) => ({
    field: t.exposeString('field', { description: 'headline, byline, source, published, section, body, copyright, subhead or noise' }),
    start: t.exposeInt('start'),
    end: t.exposeInt('end'),
    confidence: t.exposeFloat('confidence'),
    rule: t.string({ nullable: true, description: 'the learned rule that produced the span: "line-memory" or an editor\'s rule ("rule:12"); null for the built-in rules', resolve: (f) => f.rule ?? null }),
    reason: t.string({ nullable: true, description: 'why, in an editor\'s words ("repeated in 5 articles")', resolve: (f) => f.reason ?? null }),
  }),
});

export const ParseWarningRef = builder.objectRef<StoredWarning>('ParseWarning').implement({
  description: 'Something the parser was unsure of, in words an editor understands.',
  fields: (t) => ({
    code: t.exposeString('code'),
    message: t.exposeString('message'),
    start: t.exposeInt('start'),
    end: t.exposeInt('end'),
  }),
});

export const SegmentRef = builder.objectRef<Segment>('Segment').implement({
  description: 'One part of a partition of the raw text: [start, end) in UTF-16 code units.',
  fields: (t) => ({
    kind: t.exposeString('kind', { description: 'main, related, boilerplate or residue' }),
    start: t.exposeInt('start'),
    end: t.exposeInt('end'),
    confidence: t.exposeFloat('confidence'),
    fields: t.field({
      type: [FieldSpanRef],
      description: 'charged to the request\'s text budget (COPYDESK_MAX_TEXT_BYTES), each span as 256 bytes',
      resolve: (s, _args, ctx) => ctx.textBudget.chargeList(s.fields, 'Segment.fields'),
    }),
  }),
});
