/** Topic extraction with compromise (people, places, organisations), normalised to stable keys. Pure. */
import nlp from 'compromise';
import { foldText } from '../derive/fingerprint.ts';

export type TopicKind = 'person' | 'place' | 'organization';

export interface ExtractedTopic {
  /** normalised key: the same entity in two articles has one key */
  key: string;
  /** display name, as most often written */
  name: string;
  kind: TopicKind;
  /** in (0, 1]: mentions relative to the most mentioned topic, headline mentions count double */
  weight: number;
}

/** how much text the extractor reads: the lead carries an article's topics, and NLP is costly */
export const TOPIC_TEXT_LIMIT = 1200;

// honorifics and titles that precede names: "President Donald Trump" is the topic Donald Trump
const TITLES = /^(?:(?:president|prime minister|minister|secretary|senator|sen|rep|representative|governor|gov|mayor|king|queen|prince|princess|pope|chancellor|general|gen|judge|justice|mr|mrs|ms|miss|dr|sir|dame|lord|lady|chief|ceo|coach|spokesman|spokeswoman|speaker|leader|premier|vice president|state)\.?\s+)+/i;

function clean(raw: string): string {
  return raw
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/'s\b/gi, '')
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
    .replace(TITLES, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function keyOf(name: string): string {
  return foldText(name).replace(/[^\p{L}\p{N} ]/gu, '').trim();
}

export function extractTopics(headline: string | null, body: string): ExtractedTopic[] {
  const lead = body.slice(0, TOPIC_TEXT_LIMIT);
  const counts = new Map<string, { names: Map<string, number>; kind: TopicKind; score: number }>();
  const add = (text: string, boost: number) => {
    if (!text.trim()) return;
    const doc = nlp(text);
    const groups: [TopicKind, string[]][] = [
      ['person', doc.people().out('array') as string[]],
      ['place', doc.places().out('array') as string[]],
      ['organization', doc.organizations().out('array') as string[]],
    ];
    for (const [kind, names] of groups) {
      for (const raw of names) {
        const name = clean(raw);
        const key = keyOf(name);
        // a bare title ("President") or a lower-case phrase names nobody
        if (key.length < 2 || !/\p{Lu}/u.test(name) || TITLES.test(name + ' ')) continue;
        const entry = counts.get(key) ?? { names: new Map(), kind, score: 0 };
        entry.score += boost;
        entry.names.set(name, (entry.names.get(name) ?? 0) + 1);
        counts.set(key, entry);
      }
    }
  };
  if (headline) add(headline, 2);
  add(lead, 1);

  // "Putin" and "Vladimir Putin" in one article are one person: fold surnames into full names
  const people = [...counts.entries()].filter(([, v]) => v.kind === 'person');
  for (const [key, v] of people) {
    if (key.includes(' ')) continue;
    const full = people.find(([k]) => k.includes(' ') && k.split(' ').at(-1) === key);
    if (full) {
      full[1].score += v.score;
      counts.delete(key);
    }
  }
  const max = Math.max(0, ...[...counts.values()].map((v) => v.score));
  return [...counts.entries()]
    .map(([key, v]) => ({
      key,
      kind: v.kind,
      name: [...v.names.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0]![0],
      weight: Math.round((v.score / max) * 1000) / 1000,
    }))
    .sort((a, b) => b.weight - a.weight || a.key.localeCompare(b.key))
    .slice(0, 25);
}
