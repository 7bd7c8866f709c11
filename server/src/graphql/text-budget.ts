/**
 * The per-request budget for what a response carries in bulk: large text fields (Dump.text,
 * Article.body, and what editors write: ParseRule.note, .lineText, .source,
 * WarningDismissal.reason) by their UTF-8 bytes, and long lists (a revision's segments, a
 * segment's field spans) at LIST_ITEM_BYTES per item. Every such value a request returns is
 * charged here, before it is resolved further, and the request fails with LIMIT_EXCEEDED once the
 * total passes `Limits.maxTextBytes`. Aliases and page sizes are limited separately (limits.ts);
 * this bounds what they multiply.
 */
import { GraphQLError } from 'graphql';

export interface TextBudget {
  /**
   * Counts `text` (UTF-8 bytes) against the request's budget and returns it unchanged.
   * @throws GraphQLError with code LIMIT_EXCEEDED when the total passes the budget
   */
  charge(text: string, field: string): string;
  /**
   * Counts a list of `items.length` items at LIST_ITEM_BYTES each and returns it unchanged; a list
   * of more than YIELD_ABOVE_ITEMS items is handed back after one turn of the event loop (see there).
   * @throws GraphQLError with code LIMIT_EXCEEDED when the total passes the budget (at once, before any turn)
   */
  chargeList<T>(items: readonly T[], field: string): readonly T[] | Promise<readonly T[]>;
  /**
   * Counts `items` list items of `field` ("Segment.fields") at LIST_ITEM_BYTES each NOW, before
   * they are loaded or built (a page of revisions pays for all its segments as it is loaded:
   * revision-items.ts); later `chargeList` calls of `field` use this credit up before they spend,
   * so a list paid ahead is not paid twice (the total charged is the larger of the two).
   * @throws GraphQLError with code LIMIT_EXCEEDED when the total passes the budget
   */
  prepay(items: number, field: string, by: string): void;
  /**
   * starts over: each event of a subscription is a response of its own (its root field's resolve
   * calls this), with the smaller event budget from then on (`createTextBudget`'s `eventMaxBytes`)
   */
  reset(): void;
}

/** the GraphQL field extension that marks a field as charged to the request's text budget (read by the compiled executor) */
export const TEXT_BUDGET_EXTENSION = 'copydeskTextBudget';

/**
 * What one item of a charged list (a segment, a field span) counts against the budget, in bytes:
 * about four times its JSON, for resolving an object per item costs the server more than copying
 * a string of that size. With the default budget (32 MB) one request returns at most ~131,000
 * segments and field spans, all lists together.
 */
export const LIST_ITEM_BYTES = 256;

/**
 * Lists longer than this (a revision's segments) are handed back by `chargeList` after one turn of
 * the event loop. graphql-js completes the objects of a list it has been given synchronously, so a
 * response of many long lists (`revisions(first: 100) { segments { fields } }` on a dump with
 * big revisions) would hold the request thread from its first list to its last, and every other
 * request would wait (the break-it re-check measured `{ __typename }` held 6.8 s by eight such reads
 * at once); with the turn, other requests run between the lists. Short lists (every real dump's:
 * the shared dumps have at most 47 field spans) stay synchronous.
 */
export const YIELD_ABOVE_ITEMS = 200;

/**
 * A fresh budget of `maxBytes` UTF-8 bytes for one request; after `reset` (a subscription event),
 * of `eventMaxBytes` (Limits.maxSubscriptionEventTextBytes), never more than `requestMaxBytes`.
 */
export function createTextBudget(requestMaxBytes: number, eventMaxBytes = requestMaxBytes): TextBudget {
  let maxBytes = requestMaxBytes;
  let used = 0;
  /** items of each list field paid ahead by `prepay`, not yet charged by `chargeList` */
  let credit = new Map<string, number>();
  const spend = (bytes: number, field: string) => {
    used += bytes;
    if (used > maxBytes) {
      throw new GraphQLError(`Text budget of ${maxBytes} bytes exceeded by ${field}: request fewer items or fewer aliases of large text fields and segment lists.`, {
        extensions: { code: 'LIMIT_EXCEEDED' },
      });
    }
  };
  return {
    charge(text, field) {
      spend(Buffer.byteLength(text, 'utf8'), field);
      return text;
    },
    chargeList(items, field) {
      const paid = Math.min(credit.get(field) ?? 0, items.length);
      if (paid > 0) credit.set(field, (credit.get(field) ?? 0) - paid);
      spend((items.length - paid) * LIST_ITEM_BYTES, field);
      return items.length > YIELD_ABOVE_ITEMS ? new Promise((ok) => setImmediate(() => ok(items))) : items;
    },
    prepay(items, field, by) {
      if (items <= 0) return;
      spend(items * LIST_ITEM_BYTES, by);
      credit.set(field, (credit.get(field) ?? 0) + items);
    },
    reset() {
      maxBytes = Math.min(eventMaxBytes, requestMaxBytes);
      used = 0;
      credit = new Map();
    },
  };
}

/**
 * The `extensions` and `resolve` of a String field charged to the request's text budget: the
 * value `get(parent)` (null passes uncharged), counted as `field` ("ParseRule.note"). Spread into
 * the field's options: `t.string({ nullable: true, ...chargedText('ParseRule.note', (r) => r.note) })`.
 */
export function chargedText<P, T extends string | null>(field: string, get: (parent: P) => T) {
  return {
    extensions: { [TEXT_BUDGET_EXTENSION]: true },
    resolve: (parent: P, _args: unknown, ctx: { textBudget: TextBudget }): T => {
      const value = get(parent);
      return (value == null ? value : ctx.textBudget.charge(value, field)) as T;
    },
  };
}
