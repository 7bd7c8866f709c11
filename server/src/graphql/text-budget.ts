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
   * Counts a list of `items.length` items at LIST_ITEM_BYTES each and returns it unchanged.
   * @throws GraphQLError with code LIMIT_EXCEEDED when the total passes the budget
   */
  chargeList<T>(items: readonly T[], field: string): readonly T[];
  /** starts over: each event of a subscription is a response of its own (its root field's resolve calls this) */
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

/** A fresh budget of `maxBytes` UTF-8 bytes for one request. */
export function createTextBudget(maxBytes: number): TextBudget {
  let used = 0;
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
      spend(items.length * LIST_ITEM_BYTES, field);
      return items;
    },
    reset() {
      used = 0;
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
