/**
 * When two articles are about the same story (one event, any outlets). Pure: the assigner
 * (assign.ts) gathers the evidence for each candidate pair and the bench scores this rule on a
 * labelled set (tests/bench/stories.ts).
 *
 * Two articles are one story when they were seen within STORY_RULE.windowHours of each other and
 * either
 * - they are near-duplicates from two outlets (wire copy: a SAME_STORY edge, MinHash similarity >=
 *   SAME_STORY_THRESHOLD, enrich/minhash.ts) whose entity topics agree (Jaccard >=
 *   nearDuplicateMinJaccard), or nearly identical (>= bareMinSimilarity) with no entities on
 *   either side. Two articles of ONE outlet are near-duplicates whenever they share a long
 *   boilerplate (a newsletter plug, a membership appeal), so there similarity is no evidence;
 * - or they report the same event: they name the same people, places and organisations AND use
 *   the same event words (terms.ts: stems of the content words of headline and lead, names and
 *   the outlet's boilerplate left out). Either most entities in common (>= rewriteMinShared,
 *   Jaccard >= rewriteMinJaccard) with >= rewriteMinTerms event words ("rate", "hold"), or fewer
 *   (>= 1, Jaccard >= eventMinJaccard) with >= eventMinTerms event words ("wildfire",
 *   "firefighter", "flame" around one city). The same people on another matter ("Lagarde warns
 *   on climate risks" the day after a rate decision) share entities but no event words; two
 *   events in one city share the city and no event words.
 *
 * Entity topics are people, places and organisations (subjects such as "Politics" are shared by
 * unrelated stories and do not count); they come from the headline and lead (topics/extract.ts).
 *
 * Where the constants come from: the window is the life of a news event's coverage (Google News
 * and Event Registry cluster over a few days; 72 h holds a story's follow-ups of the next days
 * without joining next week's event of the same name). The bounds were set on the labelled set in
 * tests/bench/stories.ts (`pnpm bench --only stories` prints precision and recall): rewrites of an
 * event share >= 2 event words, two stories sharing an entity share at most 2 (a "town hall" both
 * mention) and stories about the same people on other matters at most 1.
 */
export const STORY_RULE = {
  windowHours: 72,
  nearDuplicateMinJaccard: 0.2,
  bareMinSimilarity: 0.8,
  rewriteMinShared: 2,
  rewriteMinJaccard: 0.4,
  rewriteMinTerms: 2,
  eventMinJaccard: 0.2,
  eventMinTerms: 3,
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
  /** both come from one source (their near-duplicate text may be its boilerplate) */
  sameSource: boolean;
  /** event terms (terms.ts) both use */
  sharedTerms: number;
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
  if (e.similarity !== null && !e.sameSource) {
    if (e.entitiesA === 0 && e.entitiesB === 0) return e.similarity >= STORY_RULE.bareMinSimilarity;
    if (j >= STORY_RULE.nearDuplicateMinJaccard) return true;
  }
  const rewrite = e.sharedEntities >= STORY_RULE.rewriteMinShared && j >= STORY_RULE.rewriteMinJaccard && e.sharedTerms >= STORY_RULE.rewriteMinTerms;
  const event = e.sharedEntities >= 1 && j >= STORY_RULE.eventMinJaccard && e.sharedTerms >= STORY_RULE.eventMinTerms;
  return rewrite || event;
}
