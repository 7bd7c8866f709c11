/**
 * Which body lines a parse shows, and in which story: what the line memory counts. Pure (the
 * import, the CLI's first pass and tests share it).
 *
 * A line counts once per story, not per page: a related block repeated on many pages is one
 * article, and wire copy syndicated by several outlets (other headlines, other sources) is one
 * story too, because its copies share their longest paragraph. So the story key is the key of
 * the article's longest body line when that line is at least STORY_ANCHOR_MIN long (a
 * paragraph, not a promo), else the article's fingerprint.
 */
import { articleFingerprint, type DerivedArticle, isMemorable, lineKey, type LineMemory, type LineMemoryEntry, type Segmentation, sourceKey } from '@copydesk/core';

/** A body line this long or longer can stand for its story (see the module comment). */
export const STORY_ANCHOR_MIN = 120;

export interface Sighting {
  /** lineKey of the trimmed line */
  lineKey: string;
  storyKey: string;
  /** folded outlet name; '' when the article names none */
  sourceKey: string;
  /** the trimmed line */
  text: string;
}

/**
 * The (line, story, outlet) triples of one parse, each once: every whole body or publisher-boilerplate
 * line of each article that the memory can hold (isMemorable). `dumpKey` keys articles without
 * headline or body (the content hash does).
 */
export function sightingsOf(text: string, seg: Segmentation, derived: readonly DerivedArticle[], dumpKey: string): Sighting[] {
  const out: Sighting[] = [];
  const seen = new Set<string>();
  for (const a of derived) {
    const s = seg.segments[a.segmentIndex];
    if (!s) continue;
    const lines: { text: string; body: boolean }[] = [];
    for (const f of s.fields) {
      if (f.field !== 'body' && f.field !== 'noise') continue;
      const t = text.slice(f.start, f.end).trim();
      if (t && !t.includes('\n')) lines.push({ text: t, body: f.field === 'body' });
    }
    let anchor = '';
    for (const l of lines) if (l.body && l.text.length >= STORY_ANCHOR_MIN && l.text.length > anchor.length) anchor = l.text;
    const storyKey = anchor ? `p:${lineKey(anchor)}` : `a:${articleFingerprint(a) ?? `${dumpKey}:${a.position}`}`;
    const source = sourceKey(a.source);
    for (const l of lines) {
      if (!isMemorable(l.text.length)) continue;
      const key = lineKey(l.text);
      const pair = `${key}\u0000${storyKey}\u0000${source}`;
      if (seen.has(pair)) continue;
      seen.add(pair);
      out.push({ lineKey: key, storyKey, sourceKey: source, text: l.text });
    }
  }
  return out;
}

/** The keys of a dump's lines the memory could know: what to load before parsing it. */
export function memorableLineKeys(text: string): string[] {
  const keys = new Set<string>();
  let pos = 0;
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl === -1) nl = text.length;
    const t = text.slice(pos, nl).trim();
    if (isMemorable(t.length)) keys.add(lineKey(t));
    pos = nl + 1;
  }
  return [...keys];
}

/** A line memory held in memory: the CLI's first pass collects a batch's sightings into one. */
export class MemoryCollector {
  private readonly stories = new Map<string, Set<string>>();
  private readonly sources = new Map<string, Set<string>>();

  add(sightings: readonly Sighting[]): void {
    for (const s of sightings) {
      let st = this.stories.get(s.lineKey);
      if (!st) this.stories.set(s.lineKey, (st = new Set()));
      st.add(s.storyKey);
      if (s.sourceKey) {
        let so = this.sources.get(s.lineKey);
        if (!so) this.sources.set(s.lineKey, (so = new Set()));
        so.add(s.sourceKey);
      }
    }
  }

  /** The memory as the parser takes it. */
  memory(): LineMemory {
    const lines = new Map<string, LineMemoryEntry>();
    for (const [key, st] of this.stories) lines.set(key, { stories: st.size, sources: this.sources.get(key)?.size ?? 0 });
    return { lines };
  }
}
