/** An article's topics: its entities (resolved within it) and its subjects. Pure. */
import { extractEntities } from './extract.ts';
import { topicKey } from './key.ts';
import { subjectsOf } from './subjects.ts';

export type TopicKind = 'person' | 'place' | 'organization' | 'subject';

export interface ExtractedTopic {
  /** normalised key (topicKey): the same entity in two articles has one key */
  key: string;
  /** display name, as most often written */
  name: string;
  kind: TopicKind;
  /** in (0, 1]: mentions relative to the most mentioned topic, headline mentions count double; subjects relative to the best subject, halved */
  weight: number;
  /** other spellings of the entity in the article, folded into it ("Rubio" for Marco Rubio) */
  aliases: string[];
}

/** how much text the extractor reads: the lead carries an article's topics, and NLP is costly */
export const TOPIC_TEXT_LIMIT = 1200;
/** at most this many entity topics per article, strongest first */
export const MAX_ENTITIES = 25;

/**
 * The topics of an article from its headline and the first TOPIC_TEXT_LIMIT characters of its
 * body: entities (person, place, organisation) strongest first, then up to two subjects.
 */
export function extractTopics(headline: string | null, body: string): ExtractedTopic[] {
  const lead = body.slice(0, TOPIC_TEXT_LIMIT);
  const entities = extractEntities(headline, lead);
  const max = Math.max(1, ...entities.map((e) => e.score));
  const out: ExtractedTopic[] = entities
    .map((e) => ({ key: e.key, name: e.name, kind: e.kind, weight: Math.round((e.score / max) * 1000) / 1000, aliases: e.aliases }))
    .sort((a, b) => b.weight - a.weight || a.key.localeCompare(b.key))
    .slice(0, MAX_ENTITIES);
  const taken = new Set(out.map((t) => t.key));
  for (const s of subjectsOf(`${headline ?? ''}\n${lead}`)) {
    const key = topicKey(s.name);
    if (!taken.has(key)) out.push({ key, name: s.name, kind: 'subject', weight: Math.round(s.weight * 500) / 1000, aliases: [] });
  }
  return out;
}
