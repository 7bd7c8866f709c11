import { describe, expect, it } from 'vitest';
import { sameStory, STORY_RULE, type PairEvidence } from './rule.ts';

const pair = (e: Partial<PairEvidence>): PairEvidence => ({ similarity: null, sharedEntities: 0, entitiesA: 4, entitiesB: 4, hoursApart: 1, sameSource: false, sharedTerms: 0, ...e });

describe('sameStory', () => {
  it('joins near-duplicate text about the same entities, and a rewrite naming most of the same entities', () => {
    expect(sameStory(pair({ similarity: 0.7, sharedEntities: 2 }))).toBe(true);
    expect(sameStory(pair({ sharedEntities: 3, sharedTerms: 2 }))).toBe(true);
  });

  it('keeps apart near-duplicate text (shared boilerplate) about different entities', () => {
    expect(sameStory(pair({ similarity: 0.9, sharedEntities: 0 }))).toBe(false);
  });

  it('keeps apart two events that share one or two of many entities', () => {
    expect(sameStory(pair({ sharedEntities: 1, entitiesA: 5, entitiesB: 5 }))).toBe(false);
    expect(sameStory(pair({ sharedEntities: 2, entitiesA: 6, entitiesB: 6 }))).toBe(false);
  });

  it('needs nearly identical text when neither article names an entity', () => {
    expect(sameStory(pair({ similarity: 0.6, entitiesA: 0, entitiesB: 0 }))).toBe(false);
    expect(sameStory(pair({ similarity: STORY_RULE.bareMinSimilarity, entitiesA: 0, entitiesB: 0 }))).toBe(true);
  });

  it('never joins articles further apart than the window, whichever comes first', () => {
    for (const h of [STORY_RULE.windowHours + 1, -(STORY_RULE.windowHours + 1)]) expect(sameStory(pair({ similarity: 1, sharedEntities: 4, hoursApart: h }))).toBe(false);
    expect(sameStory(pair({ similarity: 1, sharedEntities: 4, hoursApart: null }))).toBe(true);
  });

  it('gives no weight to near-duplicate text within one outlet (its boilerplate): a shared city is not a story', () => {
    expect(sameStory(pair({ similarity: 0.9, sameSource: true, sharedEntities: 1, entitiesA: 3, entitiesB: 2 }))).toBe(false);
    expect(sameStory(pair({ similarity: 0.9, sameSource: false, sharedEntities: 1, entitiesA: 3, entitiesB: 2 }))).toBe(true);
  });

  it('keeps apart the same people on another matter: entities in common, no event words', () => {
    expect(sameStory(pair({ sharedEntities: 3, entitiesA: 3, entitiesB: 3, sharedTerms: 1 }))).toBe(false);
  });

  it('joins reports of one event that share one place and its event words', () => {
    expect(sameStory(pair({ sharedEntities: 1, entitiesA: 2, entitiesB: 3, sharedTerms: STORY_RULE.eventMinTerms }))).toBe(true);
    expect(sameStory(pair({ sharedEntities: 1, entitiesA: 2, entitiesB: 3, sharedTerms: STORY_RULE.eventMinTerms - 1 }))).toBe(false);
  });
});
