import {
  CopydeskError,
  DumpTooLargeError,
  EmptyDumpError,
  ForbiddenError,
  InvalidInputError,
  InvalidSegmentationError,
  ImportFailedError,
  InvalidTextError,
  StaleRevisionError,
  NotFoundError,
  UnauthenticatedError,
} from '../errors.ts';
import { builder } from './builder.ts';

/** Every typed error a client can receive as a result: a message and a stable code. */
export const ErrorInterface = builder.interfaceRef<CopydeskError>('Error').implement({
  fields: (t) => ({
    message: t.exposeString('message'),
    code: t.exposeString('code'),
  }),
});

builder.objectType(EmptyDumpError, {
  name: 'EmptyDumpError',
  description: 'code EMPTY_DUMP: the text is empty or only white space',
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof EmptyDumpError,
  fields: () => ({}),
});

builder.objectType(DumpTooLargeError, {
  name: 'DumpTooLargeError',
  description: 'code DUMP_TOO_LARGE: the text is over the size limit',
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof DumpTooLargeError,
  fields: (t) => ({
    sizeBytes: t.exposeInt('sizeBytes'),
    limitBytes: t.exposeInt('limitBytes'),
  }),
});

builder.objectType(InvalidTextError, {
  name: 'InvalidTextError',
  description: 'code INVALID_TEXT: the text holds characters that are not text (NUL, broken surrogates)',
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof InvalidTextError,
  fields: (t) => ({
    reason: t.exposeString('reason'),
    offset: t.exposeInt('offset', { nullable: true }),
  }),
});

builder.objectType(InvalidInputError, {
  name: 'InvalidInputError',
  description: 'code INVALID_INPUT: an input field is malformed',
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof InvalidInputError,
  fields: (t) => ({
    field: t.exposeString('field'),
  }),
});

builder.objectType(ImportFailedError, {
  name: 'ImportFailedError',
  description: 'code IMPORT_FAILED: one dump of a batch or file failed on the server (the details are in its log); nothing of it was written, the others went on',
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof ImportFailedError,
  fields: () => ({}),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  description: 'code NOT_FOUND: no object with that id',
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof NotFoundError,
  fields: (t) => ({
    entity: t.exposeString('entity'),
    id: t.exposeString('id'),
  }),
});

builder.objectType(UnauthenticatedError, {
  name: 'UnauthenticatedError',
  description: 'code UNAUTHENTICATED: no valid editor token was sent',
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof UnauthenticatedError,
  fields: () => ({}),
});

builder.objectType(ForbiddenError, {
  name: 'ForbiddenError',
  description: 'code FORBIDDEN: the editor may not do this',
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof ForbiddenError,
  fields: () => ({}),
});

builder.objectType(StaleRevisionError, {
  name: 'StaleRevisionError',
  description: 'code STALE_REVISION: someone saved the dump since the editor opened it; rebase on currentRevision',
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof StaleRevisionError,
  fields: (t) => ({
    baseRevision: t.exposeInt('baseRevision'),
    currentRevision: t.exposeInt('currentRevision'),
  }),
});

builder.objectType(InvalidSegmentationError, {
  name: 'InvalidSegmentationError',
  description: 'code INVALID_SEGMENTATION: the segments are not a partition of the text, a field is misplaced, an editorial rule is broken, or there are too many (`rule` names it); an import whose parse has too many is refused with it too',
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof InvalidSegmentationError,
  fields: (t) => ({
    rule: t.exposeString('rule', { description: 'PARTITION, SEGMENT_KIND, FIELD, ONE_MAIN (at most one main article), RELATED_HEADLINE (a related block needs a headline) or SIZE (more segments or field spans than a revision of the text may hold: 1,000 + one per 16 characters, 4,000 + one per 8)' }),
    reason: t.exposeString('reason'),
    index: t.exposeInt('index'),
    start: t.exposeInt('start', { description: "the span at fault: the field span's when field is set (UTF-16 offsets)" }),
    end: t.exposeInt('end'),
    field: t.exposeString('field', { nullable: true, description: 'the field of the span at fault (headline, byline, ...); null when the segment itself is' }),
  }),
});

/** errors every mutation can answer with */
export const MUTATION_ERRORS = [UnauthenticatedError, ForbiddenError, NotFoundError, InvalidInputError] as const;
export const REVISE_ERRORS = [...MUTATION_ERRORS, StaleRevisionError, InvalidSegmentationError] as const;
/** errors a status change can answer with: a stale revision is refused like a stale save */
export const STATUS_ERRORS = [...MUTATION_ERRORS, StaleRevisionError] as const;
/** an import refuses a text whose parse is over the SIZE rule (segmentationLimits) with INVALID_SEGMENTATION */
export const IMPORT_ERRORS = [...MUTATION_ERRORS, EmptyDumpError, DumpTooLargeError, InvalidTextError, InvalidSegmentationError] as const;
/** a re-parse refuses a parse over the SIZE rule (segmentationLimits) with INVALID_SEGMENTATION, as an import does */
export const REPARSE_ERRORS = [...MUTATION_ERRORS, InvalidSegmentationError] as const;
/** what one item of a batch can answer with */
export const IMPORT_ITEM_ERRORS = [...IMPORT_ERRORS, ImportFailedError] as const;

