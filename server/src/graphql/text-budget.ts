/**
 * The per-request budget for large text fields (Dump.text, Article.body, and what editors write:
 * ParseRule.note, .lineText, .source, WarningDismissal.reason): every such value a
 * request returns is charged here, and the request fails with LIMIT_EXCEEDED once the total passes
 * `Limits.maxTextBytes`, before the response is built. Aliases and page sizes are limited
 * separately (limits.ts); this bounds what they multiply.
 */
import { GraphQLError } from 'graphql';

export interface TextBudget {
  /**
   * Counts `text` (UTF-8 bytes) against the request's budget and returns it unchanged.
   * @throws GraphQLError with code LIMIT_EXCEEDED when the total passes the budget
   */
  charge(text: string, field: string): string;
  /** starts over: each event of a subscription is a response of its own (its root field's resolve calls this) */
  reset(): void;
}

/** the GraphQL field extension that marks a field as charged to the request's text budget (read by the compiled executor) */
export const TEXT_BUDGET_EXTENSION = 'copydeskTextBudget';

/** A fresh budget of `maxBytes` UTF-8 bytes for one request. */
export function createTextBudget(maxBytes: number): TextBudget {
  let used = 0;
  return {
    charge(text, field) {
      used += Buffer.byteLength(text, 'utf8');
      if (used > maxBytes) {
        throw new GraphQLError(`Text budget of ${maxBytes} bytes exceeded by ${field}: request fewer items or fewer aliases of large text fields.`, {
          extensions: { code: 'LIMIT_EXCEEDED' },
        });
      }
      return text;
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
