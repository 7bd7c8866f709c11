import { describe, expect, it } from 'vitest';
import { parseDump } from './index.ts';
import { deriveArticles } from '../derive/articles.ts';

const BP = 'Hashtags\n\nTry Our AI Features\nExplore what Daily8 AI can do for you:\nComments\nNo comments yet...\nRelated Articles\n';
const PARA = 'The harbour authority said on Tuesday that the night ferries would return in September.';
const main = (credit: string) => {
  const text = `\nFerries to return\n${credit}\n${PARA}\n${BP}`;
  const a = deriveArticles(text, parseDump(text))[0]!;
  return { byline: a.byline, published: a.published, source: a.source, body: a.body };
};

describe('credit lines under the headline', () => {
  it('give byline and published and leave the body', () => {
    expect(main('By Tobias Fenwright · 3 hours ago')).toEqual({ byline: 'Tobias Fenwright', published: '3 hours ago', source: null, body: PARA });
    expect(main('By Jane Example3 hours ago')).toEqual({ byline: 'Jane Example', published: '3 hours ago', source: null, body: PARA });
    expect(main('12 March 2024 09:30 by Jane Doe')).toEqual({ byline: 'Jane Doe', published: '12 March 2024 09:30', source: null, body: PARA });
    expect(main('Posted 09:30 GMT, 12 March 2024 - last modified 10:15 GMT, 12 March 2024')).toEqual({ byline: null, published: '09:30 GMT, 12 March 2024', source: null, body: PARA });
  });
  it('a byline then a labelled date line give both', () => {
    expect(main('By Ana Ruiz, Political Editor\nPublished: March 12, 2024 | Updated: March 13, 2024')).toEqual({ byline: 'Ana Ruiz', published: 'March 12, 2024', source: null, body: PARA });
  });
});

describe('date lines on two lines, the later date first or second', () => {
  it('give the original date as published, take the label for no outlet, and leave the body', () => {
    expect(main('Last updated 14:20 BST, 3 June 2025\nPosted 08:10 BST, 2 June 2025')).toEqual({ byline: null, published: '08:10 BST, 2 June 2025', source: null, body: PARA });
    expect(main('Updated 3 hours ago\nPublished 2 days ago')).toEqual({ byline: null, published: '2 days ago', source: null, body: PARA });
    expect(main('Published 2 days ago\nUpdated 3 hours ago')).toEqual({ byline: null, published: '2 days ago', source: null, body: PARA });
    expect(main('By Ana Ruiz\nModified 12 March 2024\nFirst published 10 March 2024')).toEqual({ byline: 'Ana Ruiz', published: '10 March 2024', source: null, body: PARA });
  });
  it('a lone "Updated" date is the only date shown: published, with no outlet "Updated"', () => {
    expect(main('Updated 3 hours ago')).toEqual({ byline: null, published: '3 hours ago', source: null, body: PARA });
  });
});

describe('names alone on a line, then a date line', () => {
  it('the names are the byline', () => {
    expect(main('Jane Doe\n3 March 2024')).toEqual({ byline: 'Jane Doe', published: '3 March 2024', source: null, body: PARA });
    expect(main('Ana Ruiz and Tom Bell\nPublished: 12/03/2024')).toEqual({ byline: 'Ana Ruiz and Tom Bell', published: '12/03/2024', source: null, body: PARA });
  });
  it('an outlet over a date, or names over a sentence, are not', () => {
    expect(main('Harbour News\n3 March 2024').byline).toBeNull();
    expect(main('Jane Doe\nThe ferries were cancelled on Tuesday.').byline).toBeNull();
  });
});
