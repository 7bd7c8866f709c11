import {
  BYLINE_INLINE_PREFIX,
  BYLINE_LINE,
  CAPS_NAME_WORD,
  CAPS_RUN,
  COLON_END,
  DIGIT,
  WORD,
  DATELINE_MARK,
  MONTH_WORD,
  NAME_JOINERS,
  NAME_PARTICLES,
  NAME_WORD,
} from '../patterns.ts';

/** Offsets [start, end) of the author names inside a string, or null. */
export type Range = [number, number];

/** "By...": what BYLINE_LINE and BYLINE_INLINE_PREFIX both start with (checked before either runs). */
function startsWithBy(s: string): boolean {
  return s.charCodeAt(0) === 66 && s.charCodeAt(1) === 121;
}

function stripComma(w: string): string {
  return w.endsWith(',') ? w.slice(0, -1) : w;
}

/**
 * A byline on its own line: "By Tom Balmforth, Vladimir Soldatkin and Huseyin Hayatsever".
 * Returns the names' range within `s` (a trimmed line), without the leading "By ".
 * "By June 11, 1968, ..." (a date), "By" alone, and sentences are not bylines.
 */
export function bylineFromLine(s: string): Range | null {
  if (s.length > 170 || !startsWithBy(s)) return null;
  const m = BYLINE_LINE.exec(s);
  if (!m || m[1] === undefined) return null;
  const restStart = s.length - m[1].length;
  let rest = m[1];
  const bar = rest.indexOf('|');
  if (bar >= 0) rest = rest.slice(0, bar);
  WORD.lastIndex = 0;
  let names = 0;
  let last = restStart;
  let first = true;
  for (let w = WORD.exec(rest); w; w = WORD.exec(rest)) {
    const word = stripComma(w[0]);
    if (first && MONTH_WORD.test(word)) return null;
    first = false;
    if (NAME_JOINERS.has(word) || NAME_PARTICLES.has(word)) {
      continue;
    }
    if (!NAME_WORD.test(word) || DIGIT.test(word)) return null;
    names++;
    if (names > 12) return null;
    last = restStart + w.index + w[0].length;
  }
  if (names < 1) return null;
  // drop a trailing comma
  let end = last;
  while (end > restStart && (s[end - 1] === ',' || s[end - 1] === ' ')) end--;
  return [restStart, end];
}

/**
 * An inline byline at the start of a one-line related body: "By ANDREW DALTON 'South Park' ...".
 * Only ALL-CAPS names are taken (a mixed-case run cannot be told from the sentence that follows).
 * Returns the names' range and where the body resumes, or null.
 * "By ANDREW DALTON LOS ANGELES (AP) — ..." gives ANDREW DALTON: a caps run followed by a
 * dateline mark keeps two words per name and leaves the place name to the body.
 */
export function inlineByline(s: string): { names: Range; bodyStart: number } | null {
  if (!startsWithBy(s)) return null;
  const pre = BYLINE_INLINE_PREFIX.exec(s);
  if (!pre) return null;
  const head = s.slice(0, 400);
  const re = WORD;
  re.lastIndex = pre[0].length;
  const words: { w: string; s: number; e: number }[] = [];
  let stoppedAt = -1;
  let datelineNext = false;
  for (let w = re.exec(head); w; w = re.exec(head)) {
    const raw = w[0];
    const word = stripComma(raw);
    if (NAME_JOINERS.has(word) && words.length > 0) {
      words.push({ w: word, s: w.index, e: w.index + raw.length });
      continue;
    }
    if (CAPS_NAME_WORD.test(word) && CAPS_RUN.test(word) || (CAPS_NAME_WORD.test(word) && word.endsWith('.'))) {
      if (COLON_END.test(raw) || raw.endsWith('--')) {
        stoppedAt = w.index;
        datelineNext = false;
        break;
      }
      words.push({ w: word, s: w.index, e: w.index + raw.length });
      if (words.length > 14) return null;
      continue;
    }
    stoppedAt = w.index;
    datelineNext = DATELINE_MARK.test(raw);
    break;
  }
  // drop trailing joiners
  while (words.length && NAME_JOINERS.has(words[words.length - 1]!.w)) words.pop();
  const nameWords = words.filter((x) => !NAME_JOINERS.has(x.w));
  if (nameWords.length < 2) return null;
  let take = words.length;
  if (datelineNext) {
    // keep two words per name; the rest of the caps run is the dateline's place name
    let count = 0;
    take = 0;
    for (let i = 0; i < words.length; i++) {
      const x = words[i]!;
      if (NAME_JOINERS.has(x.w)) {
        if (count < 2) break;
        count = 0;
        take = i + 1;
        continue;
      }
      count++;
      take = i + 1;
      if (count === 2) {
        const nx = words[i + 1];
        if (!nx || !NAME_JOINERS.has(nx.w)) break;
      }
    }
    if (take < 2) return null;
    if (take === words.length && stoppedAt >= 0) {
      // the whole run is names; the dateline mark follows directly
    }
  }
  const kept = words.slice(0, take);
  while (kept.length && NAME_JOINERS.has(kept[kept.length - 1]!.w)) kept.pop();
  if (kept.filter((x) => !NAME_JOINERS.has(x.w)).length < 2) return null;
  const first = kept[0]!;
  const lastW = kept[kept.length - 1]!;
  let end = lastW.e;
  while (end > first.s && s[end - 1] === ',') end--;
  const next = words[take];
  let bodyStart = next ? next.s : stoppedAt >= 0 ? stoppedAt : s.length;
  if (bodyStart < end) bodyStart = end;
  return { names: [first.s, end], bodyStart };
}
