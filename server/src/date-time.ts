/**
 * Date-times clients send (the DateTime scalar, a dump's fetchedAt, the audit export's filters):
 * strict ISO 8601 with a year in 0001-9999. Pure.
 */

/** YYYY-MM-DD, optionally THH:MM[:SS[.fff]] with Z or an offset */
const ISO_DATE_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)?)?$/;

export const DATE_TIME_EXPECTED = 'DateTime must be an ISO 8601 date-time between years 0001 and 9999, e.g. 2025-07-25T09:30:00Z';

/** days in month `month` (1-12) of `year`, by the proleptic Gregorian calendar ISO 8601 uses */
const daysIn = (year: number, month: number) => (month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31);

/**
 * `v` as a UTC ISO 8601 string when it is a strict ISO 8601 date-time with a year in 0001-9999, else
 * null. The day must exist (2024-02-30 is refused, where Date would roll it over to March 1), and a
 * time without Z or an offset is UTC, as a date alone is (Date would read it in the server's zone).
 */
export function isoDateTime(v: unknown): string | null {
  if (typeof v !== 'string' || v.length > 100 || !ISO_DATE_TIME.test(v)) return null;
  const year = Number(v.slice(0, 4));
  const month = Number(v.slice(5, 7));
  if (Number(v.slice(8, 10)) > daysIn(year, month)) return null;
  const zoned = v.length === 10 || /(Z|[+-]\d\d:?\d\d)$/.test(v.slice(10)) ? v : `${v}Z`;
  const d = new Date(zoned);
  const utcYear = d.getUTCFullYear();
  return utcYear >= 1 && utcYear <= 9999 ? d.toISOString() : null;
}

/**
 * What the DateTime scalar makes of a value that is not a date-time, instead of failing the whole
 * request: the edge check (graphql/input.ts) refuses it as INVALID_INPUT naming the argument,
 * except where a resolver reports it per item (ImportDumpInput.fetchedAt: one item's error result
 * in a batch). Never reaches SQL: no code path takes it for a string.
 */
export class InvalidDateTime {
  readonly invalidDateTime = true;
}
