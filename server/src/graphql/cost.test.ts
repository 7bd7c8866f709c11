import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from './schema.ts';
import { operationCost } from './cost.ts';

describe('operationCost', () => {
  it('charges a page size given by a variable as each request gives it, though the document is the same', () => {
    const document = parse('query($n: Int) { articles(first: $n) { edges { node { id headline } } } }');
    const big = operationCost(schema, document, undefined, { n: 100 });
    const small = operationCost(schema, document, undefined, { n: 1 });
    expect(small).toBeLessThan(big);
    expect(operationCost(schema, document, undefined, { n: 100 })).toBe(big);
  });

  it('charges a document of literal page sizes the same every time, whatever the variables', () => {
    const document = parse('query($id: ID!) { article(id: $id) { related(first: 10) { edges { node { kind } } } } articles(first: 20) { edges { node { id } } } }');
    const first = operationCost(schema, document, undefined, { id: 'a' });
    expect(first).toBeGreaterThan(0);
    expect(operationCost(schema, document, undefined, { id: 'b' })).toBe(first);
    expect(operationCost(schema, parse('query($id: ID!) { article(id: $id) { related(first: 10) { edges { node { kind } } } } articles(first: 20) { edges { node { id } } } }'), undefined, {})).toBe(first);
  });

  it('charges a list of ids given by a variable by its length, as each request gives it (nodes(ids:))', () => {
    const document = parse('query($ids: [ID!]!) { nodes(ids: $ids) { id } }');
    const one = operationCost(schema, document, undefined, { ids: ['a'] });
    const many = operationCost(schema, document, undefined, { ids: Array.from({ length: 50 }, (_, i) => `x${i}`) });
    expect(many).toBeGreaterThan(one);
    expect(operationCost(schema, document, undefined, { ids: ['a'] })).toBe(one);
  });
});
