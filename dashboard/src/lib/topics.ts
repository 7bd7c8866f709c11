/** A topic of an article, with the weight of its link (0..1, strongest first). */
export interface TopicRef {
  id: string;
  name: string;
  kind: string;
  weight: number;
}

/** An article's topic links (`topics { weight topic { id name kind } }`) as flat topic refs, in order. */
export function topicsOf(links: readonly { weight: number; topic: { id: string; name: string; kind: string } }[]): TopicRef[] {
  return links.map((l) => ({ ...l.topic, weight: l.weight }));
}
