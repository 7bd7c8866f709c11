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

describe('prepay', () => {
  it('charges a list ahead, as the payer, and does not charge it again when it is resolved', () => {
    const budget = createTextBudget(LIST_ITEM_BYTES * 1000);
    budget.prepay(600, 'X.list', 'Page.items');
    // resolving the 600 paid items costs nothing more; 400 unpaid ones still fit, one more does not
    budget.chargeList(Array.from({ length: 600 }), 'X.list');
    budget.chargeList(Array.from({ length: 400 }), 'Y.list');
    expect(() => budget.chargeList(Array.from({ length: 1 }), 'X.list')).toThrow(/exceeded by X\.list/);
  });

  it('refuses a page over the budget at once, naming the payer', () => {
    expect(() => createTextBudget(LIST_ITEM_BYTES * 1000).prepay(1001, 'X.list', 'Page.items')).toThrow(/exceeded by Page\.items/);
  });
});
