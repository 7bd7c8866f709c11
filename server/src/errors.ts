/**
 * Domain errors. Each carries a stable `code` that reaches GraphQL clients, and the data a client
 * needs to act on it. Anything else thrown stays masked by Yoga.
 */
import { GraphQLError } from 'graphql';
import { offsetRange, type SegmentationProblem } from '@copydesk/core';

export abstract class CopydeskError extends Error {
  abstract readonly code: string;
}

/**
 * A request that cannot be read (a malformed body, multipart or query parameter): 400 with the
 * code BAD_REQUEST, as Yoga answers the malformed requests it reads itself.
 */
export const badRequest = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });

/**
 * `noun` with its indefinite article, for error messages: "an Article", "an Editor", "a Topic",
 * "a Dump" (by the first letter's sound as the type names in this API begin: vowels take "an").
 * A list ("Article or Topic") takes the article of its first word.
 */
export function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

/** most characters of a client's input an error quotes */
export const MAX_QUOTED_INPUT = 80;

/**
 * A client's input as an error may quote it: at most MAX_QUOTED_INPUT characters, a longer one cut
 * with its length ("aaaa… (900000 characters)"), so an error never echoes a huge request back.
 */
export function quoteInput(value: string): string {
  if (value.length <= MAX_QUOTED_INPUT) return value;
  // never cut a surrogate pair in two
  const end = /[\uD800-\uDBFF]/.test(value[MAX_QUOTED_INPUT - 1]!) ? MAX_QUOTED_INPUT - 1 : MAX_QUOTED_INPUT;
  return `${value.slice(0, end)}… (${value.length} characters)`;
}

export class EmptyDumpError extends CopydeskError {
  readonly code = 'EMPTY_DUMP';
  constructor(message = 'The dump text is empty (or only white space): there is nothing to parse.') {
    super(message);
    this.name = 'EmptyDumpError';
  }
}

export class DumpTooLargeError extends CopydeskError {
  readonly code = 'DUMP_TOO_LARGE';
  constructor(
    readonly sizeBytes: number,
    readonly limitBytes: number,
  ) {
    super(`The dump is ${sizeBytes} bytes; the limit is ${limitBytes} bytes (COPYDESK_MAX_DUMP_BYTES).`);
    this.name = 'DumpTooLargeError';
  }
}

export class InvalidTextError extends CopydeskError {
  readonly code = 'INVALID_TEXT';
  constructor(
    readonly reason: string,
    /** UTF-16 offset of the first offending character, where there is one */
    readonly offset: number | null,
  ) {
    super(`The dump text is not valid: ${reason}${offset === null ? '' : ` (at offset ${offset})`}.`);
    this.name = 'InvalidTextError';
  }
}

export class InvalidInputError extends CopydeskError {
  readonly code = 'INVALID_INPUT';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'InvalidInputError';
  }
}

/** A dump that failed for a reason of the server's own (logged there); nothing of it was written. */
export class ImportFailedError extends CopydeskError {
  readonly code = 'IMPORT_FAILED';
  constructor(message = 'This dump could not be stored because of an internal error; nothing of it was written. The other dumps of the batch were imported on their own.') {
    super(message);
    this.name = 'ImportFailedError';
  }
}

export class NotFoundError extends CopydeskError {
  readonly code = 'NOT_FOUND';
  /** the id (or key) asked for, as quoted: at most MAX_QUOTED_INPUT characters (quoteInput) */
  readonly id: string;
  constructor(
    /** the type not found: "Story", "Article", "RememberedLine" */
    readonly entity: string,
    /** the id (or key) asked for, exactly: a client's input, quoted cut (quoteInput) */
    id: string,
  ) {
    const quoted = quoteInput(id);
    super(`No ${entity} with id ${quoted}.`);
    this.id = quoted;
    this.name = 'NotFoundError';
  }
}

export class UnauthenticatedError extends CopydeskError {
  readonly code = 'UNAUTHENTICATED';
  /** `missing`: the request carried no token; `rejected`: it carried one this server does not know or that was revoked */
  constructor(readonly reason: 'missing' | 'rejected' = 'missing') {
    super(
      reason === 'rejected'
        ? 'The editor token is unknown to this server or was revoked: check it, or create one with `pnpm copydesk token create --name NAME` (with the server\'s --data-dir or DATABASE_URL).'
        : 'This needs an editor token and the request carried none: send "Authorization: Bearer <token>" (create one with `pnpm copydesk token create --name NAME`, with the server\'s --data-dir or DATABASE_URL).',
    );
    this.name = 'UnauthenticatedError';
  }
}

export class ForbiddenError extends CopydeskError {
  readonly code = 'FORBIDDEN';
  constructor(message = 'This editor may not do that.') {
    super(message);
    this.name = 'ForbiddenError';
  }
}

export class StaleRevisionError extends CopydeskError {
  readonly code = 'STALE_REVISION';
  constructor(
    readonly baseRevision: number,
    readonly currentRevision: number,
    /** what the editor tried: a save, or a status change (approve) of the revision they saw */
    action: 'save' | 'status' = 'save',
    /** who saved the current revision ("parser" for a re-parse), when known */
    savedBy: string | null = null,
  ) {
    const since = `A newer revision of this dump was saved since revision ${baseRevision}${savedBy ? ` (revision ${currentRevision}, by ${savedBy})` : ''}`;
    super(
      action === 'save'
        ? `${since}: you edited revision ${baseRevision}; the current one is ${currentRevision}. Rebase your changes on revision ${currentRevision} and save again.`
        : `${since}: you saw revision ${baseRevision}; the current one is ${currentRevision}. Look at revision ${currentRevision} before changing its status.`,
    );
    this.name = 'StaleRevisionError';
  }
}

export class InvalidSegmentationError extends CopydeskError {
  readonly code = 'INVALID_SEGMENTATION';
  constructor(
    /** the rule broken: PARTITION, SEGMENT_KIND, FIELD, ONE_MAIN, RELATED_HEADLINE or SIZE (derive/validate.ts) */
    readonly rule: string,
    readonly reason: string,
    readonly index: number,
    readonly start: number,
    readonly end: number,
    /** the field of the span at fault ("byline"), null when the segment itself is */
    readonly field: string | null = null,
  ) {
    super(`The segmentation breaks the ${rule} rule: ${reason} (segment ${index}${field === null ? '' : `, ${field} span`}, offsets ${offsetRange(start, end)}).`);
    this.name = 'InvalidSegmentationError';
  }

  /** the error for a problem checkSegmentation (or checkSegmentationSize) found */
  static of(p: SegmentationProblem): InvalidSegmentationError {
    return new InvalidSegmentationError(p.rule, p.reason, p.index, p.start, p.end, p.field);
  }
}

/**
 * A statement not answered within COPYDESK_STATEMENT_TIMEOUT_MS. `busy`: the embedded database
 * was still running other work when the bound ran out (an import, a save or an enrichment job
 * holds it: PGlite runs one statement at a time), so the request itself may be fine and a retry
 * shortly will do; otherwise the statement itself ran that long and the request should ask for less.
 */
export class QueryTimeoutError extends CopydeskError {
  readonly code = 'QUERY_TIMEOUT';
  constructor(readonly busy = false) {
    super(
      busy
        ? 'The database is busy with other work (an import, a save or an enrichment job holds the embedded database) and did not answer within COPYDESK_STATEMENT_TIMEOUT_MS; the request was stopped. Retry shortly: the request itself need not change.'
        : 'The database took too long to answer and the request was stopped (COPYDESK_STATEMENT_TIMEOUT_MS); ask for less, e.g. a shorter search or a smaller page.',
    );
    this.name = 'QueryTimeoutError';
  }
}
