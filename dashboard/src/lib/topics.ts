/** Topics as the API returns them, either directly or through a weighted link. */
export interface TopicRef {
  id?: string;
  name: string;
  kind?: string;
  weight?: number;
}

export type RawTopic = TopicRef | { weight?: number; topic: TopicRef };

export function topicsOf(raw: readonly RawTopic[] | undefined): TopicRef[] {
  return (raw ?? []).map((t) => ('topic' in t ? { ...t.topic, ...(t.weight !== undefined ? { weight: t.weight } : {}) } : t));
}
