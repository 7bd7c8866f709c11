import { describe, expect, it } from 'vitest';
import { createTextBudget, LIST_ITEM_BYTES, YIELD_ABOVE_ITEMS } from './text-budget.ts';

describe('chargeList', () => {
  it('hands a short list back at once, unchanged', () => {
    const items = Array.from({ length: YIELD_ABOVE_ITEMS }, (_, i) => i);
    expect(createTextBudget(1 << 30).chargeList(items, 'X.list')).toBe(items);
  });

  it('hands a long list back only after other work queued on the event loop has run', async () => {
    const items = Array.from({ length: YIELD_ABOVE_ITEMS + 1 }, (_, i) => i);
    let other = false;
    setImmediate(() => (other = true));
    const out = await createTextBudget(1 << 30).chargeList(items, 'X.list');
    expect(out).toBe(items);
    expect(other).toBe(true);
  });

  it('refuses a list over the budget at once, before any turn of the event loop', () => {
    const budget = createTextBudget(LIST_ITEM_BYTES * 1000);
    expect(() => budget.chargeList(Array.from({ length: 1001 }), 'X.list')).toThrow(/Text budget/);
  });
});
