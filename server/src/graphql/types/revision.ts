import { builder } from '../builder.ts';
import { ParseWarningRef, SegmentRef } from './segment.ts';

export const SegmentationRevision = builder.drizzleNode('segmentationRevisions', {
  name: 'SegmentationRevision',
  description: 'An append-only segmentation of a dump: number 1 is the parser\'s, each editor save adds one.',
  id: { column: (r) => r.id },
  fields: (t) => ({
    number: t.exposeInt('number'),
    baseNumber: t.exposeInt('baseNumber', { nullable: true }),
    author: t.exposeString('author'),
    parserVersion: t.exposeString('parserVersion', { nullable: true }),
    confidence: t.exposeFloat('confidence'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    segments: t.field({ type: [SegmentRef], select: { columns: { segments: true } }, resolve: (r) => r.segments }),
    warnings: t.field({ type: [ParseWarningRef], select: { columns: { warnings: true } }, resolve: (r) => r.warnings }),
    dump: t.relation('dump'),
  }),
});
