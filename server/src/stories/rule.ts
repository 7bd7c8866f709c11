/**
 * When two articles are about the same story (one event, any outlets). Pure: the assigner
 * (assign.ts) gathers the evidence for each candidate pair and the bench scores this rule on a
 * labelled set (tests/bench/stories.ts).
 *
 * Two articles are one story when they were seen within STORY_RULE.windowHours of each other and
 * either
 * - their bodies are near-duplicates (a SAME_STORY edge: MinHash similarity >= SAME_STORY_THRESHOLD,
 *   enrich/minhash.ts) AND their entity topics agree (Jaccard >= nearDuplicateMinJaccard). Text
 *   alone is not enough: two stories of one outlet that share a long boilerplate (a newsletter
 *   plug, a standfirst, a legal footer) have similar shingles but different people and places;
 *   or, with no entities on either side, the text is nearly identical (>= bareMinSimilarity);
 * - or they name the same entities, however differently they are written (another outlet's
 *   rewrite): at least topicalMinShared shared entity topics with Jaccard >= topicalMinJaccard.
 *
 * Entity topics are people, places and organisations (subjects such as "Politics" are shared by
 * unrelated stories and do not count); they come from the headline and lead (topics/extract.ts),
 * so page furniture at the end of a body does not reach them.
 *
 * Where the constants come from: the window is the life of a news event's coverage (Google News
 * and Event Registry cluster over a few days; 72 h holds a story's follow-ups of the next days
 * without joining next week's event of the same name). The Jaccard bounds were set on the labelled
 * set in tests/bench/stories.ts (`pnpm bench --only stories` prints precision and recall): an
 * outlet's rewrite of an event shares most of its named people and places (observed >= 0.4), two
 * events with one common place share one or two of five or more (< 0.3).
 */
export const STORY_RULE = {
  windowHours: 72,
  nearDuplicateMinJaccard: 0.2,
  bareMinSimilarity: 0.8,
  topicalMinShared: 2,
  topicalMinJaccard: 0.4,
} as const;

/** What the assigner knows about a pair of articles. */
export interface PairEvidence {
  /** MinHash similarity in [0, 1] when a SAME_STORY edge joins them, else null */
  similarity: number | null;
  /** entity topics (person, place, organisation) both are about */
  sharedEntities: number;
  /** entity topics of each article */
  entitiesA: number;
  entitiesB: number;
  /** hours between their times (published, else first imported); null when unknown */
  hoursApart: number | null;
}

/** Jaccard index of the two entity sets (0 when both are empty). */
export function entityJaccard(e: PairEvidence): number {
  const union = e.entitiesA + e.entitiesB - e.sharedEntities;
  return union > 0 ? e.sharedEntities / union : 0;
}

/** True when the pair is one story under STORY_RULE. */
export function sameStory(e: PairEvidence): boolean {
  if (e.hoursApart !== null && Math.abs(e.hoursApart) > STORY_RULE.windowHours) return false;
  const j = entityJaccard(e);
  if (e.similarity !== null) {
    if (e.entitiesA === 0 && e.entitiesB === 0) return e.similarity >= STORY_RULE.bareMinSimilarity;
    if (j >= STORY_RULE.nearDuplicateMinJaccard) return true;
  }
  return e.sharedEntities >= STORY_RULE.topicalMinShared && j >= STORY_RULE.topicalMinJaccard;
}
