import { describe, expect, it } from 'vitest';
import { boilerplateLines } from '../enrich/boilerplate.ts';
import { eventTerms } from './terms.ts';

describe('event terms', () => {
  it('are the stems of the content words, names and stop words left out', () => {
    const terms = eventTerms('Dockers strike closes Port of Marlow', 'Dockers at the Port of Marlow walked out on Monday, said union leader Anna Berg.');
    // "Dockers", never written in lower case here, counts as a name
    expect([...terms].sort()).toEqual(['close', 'leader', 'strike', 'union', 'walk']);
  });

  it("leave out the outlet's boilerplate lines (printed under three or more of its stories; twice is a republished story)", () => {
    const plug = 'Sign up to our free morning newsletter to get the stories of the day delivered to your inbox.';
    const lines = boilerplateLines([`Floods hit Marlow.\n${plug}`, `A fire broke out in Tessaly.\n${plug}`, `Rain again.\n${plug}`, 'A one-off story.', 'A one-off story.']);
    expect([...lines]).toEqual([plug]);
    const terms = eventTerms('Fire in Tessaly', `A fire broke out in Tessaly.\n${plug}`, lines);
    expect(terms.has('newslett')).toBe(false);
    expect(terms.has('fire')).toBe(true);
  });
});
