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
  AGENCY_WORD,
  JOB_TITLE_WORD,
  NAMES_STOP_WORD,
  CO_AUTHOR_JOINERS,
  OUTLET_NAME_WORD,
  DATE_WEEKDAY,
  LOWER_START,
  CREDIT_GROUP_JOINER,
  CREDIT_NEXT_LABEL,
  CREDIT_PAREN_TAIL,
  TITLE_MINOR_WORDS,
  UPPER_START,
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
 * Only names: "By Mara Quillfeather, Senior Transport Correspondent" and "By Jane Doe, Reuters"
 * give the name; "By Jane Doe | Reuters", "By Jane Doe for The Ledger" too.
 */
export function bylineFromLine(s: string): Range | null {
  if (s.length > 170 || !startsWithBy(s)) return null;
  const m = BYLINE_LINE.exec(s);
  if (!m || m[1] === undefined) return null;
  const restStart = s.length - m[1].length;
  return namesIn(s, restStart, s.length);
}

/**
 * The author names at the start of s[from, to): names joined by ",", "and", "&", up to a job
 * title or agency after a comma ("Jane Doe, Political Editor", "Jane Doe, Reuters"), a "|", or a
 * word like "for" / "in" ("Jane Doe for The Ledger"). Null when the text does not open with a name
 * (a month, a weekday, a lower-case word, a digit) or holds no name, and when a comma segment
 * after the names is sentence text ("By Tuesday, the council had ...").
 */
export function namesIn(s: string, from: number, to: number): Range | null {
  let rest = s.slice(from, to);
  // "|" and ";" end the names (a section, an outlet or the next credit follows)
  const bar = rest.indexOf('|');
  if (bar >= 0) rest = rest.slice(0, bar);
  const semi = rest.indexOf(';');
  if (semi >= 0) rest = rest.slice(0, semi);
  const words: { w: string; s: number; e: number; comma: boolean }[] = [];
  WORD.lastIndex = 0;
  for (let w = WORD.exec(rest); w; w = WORD.exec(rest)) {
    words.push({ w: stripComma(w[0]), s: from + w.index, e: from + w.index + w[0].length, comma: w[0].endsWith(',') });
    if (words.length > 40) return null;
  }
  let names = 0;
  let last = -1;
  let segStart = true;
  for (let i = 0; i < words.length; i++) {
    const { w: word } = words[i]!;
    // "By June 11, ...", "By Tuesday, the council ...": a date opens a sentence, not a name
    // ("By Jan de Vries", "By May Peters": a month word before a name is a first name)
    if (i === 0 && ((MONTH_WORD.test(word) && monthAsDate(words)) || DATE_WEEKDAY.test(word))) return null;
    if (segStart && names > 0 && !nameSegment(words, i)) break;
    segStart = false;
    // "By Jane Doe with John Roe": a co-author after "with" (two name words, no outlet or agency)
    if (names > 0 && CO_AUTHOR_JOINERS.has(word) && coAuthorAfter(words, i + 1)) continue;
    if (names > 0 && NAMES_STOP_WORD.has(word)) break;
    if (NAME_JOINERS.has(word) || NAME_PARTICLES.has(word)) {
      if (words[i]!.comma) segStart = true;
      continue;
    }
    if (!NAME_WORD.test(word) || DIGIT.test(word)) {
      // "Ana Ruiz (Reuters) and ...": a bracketed title or outlet ends the names
      if (names > 0 && word.charCodeAt(0) === 40 /* ( */) break;
      if (names === 0 || !segStartBefore(words, i)) return null;
      // "..., the council had agreed": a comma segment of sentence text (not a job title, caught above)
      if (LOWER_START.test(word)) return null;
      break;
    }
    names++;
    if (names > 12) return null;
    last = words[i]!.e;
    // "Words by Ana Ruiz. Photos by Tom Bell": a full stop after a name (not an initial) ends the
    // names when the line ends there or a second credit follows
    if (word.length > 2 && word.endsWith('.') && (last === to || CREDIT_NEXT_LABEL.test(s.slice(last - 1, to)))) {
      last--;
      break;
    }
    if (words[i]!.comma) segStart = true;
  }
  if (names < 1 || last < 0) return null;
  let end = last;
  while (end > from && (s[end - 1] === ',' || s[end - 1] === ' ')) end--;
  return [from, end];
}

/** The first word (a month's name) opens a date: a comma after it, a number or nothing next ("By June 11, 1968", "By March, the ..."). */
function monthAsDate(words: readonly { w: string; comma: boolean }[]): boolean {
  const next = words[1]?.w;
  return words[0]!.comma || next === undefined || DIGIT.test(next.charAt(0)) || (!NAME_WORD.test(next) && !NAME_PARTICLES.has(next));
}

/** Words k and k + 1 are a person's name: capitalised name words, no agency, outlet, title or small word ("John Roe", not "The Ledger", "Associated Press"). */
function coAuthorAfter(words: readonly { w: string }[], k: number): boolean {
  for (let j = k; j < k + 2; j++) {
    const w = words[j]?.w;
    if (!w || !NAME_WORD.test(w) || DIGIT.test(w) || AGENCY_WORD.test(w) || OUTLET_NAME_WORD.test(w) || JOB_TITLE_WORD.test(w) || TITLE_MINOR_WORDS.has(w.toLowerCase())) return false;
  }
  return true;
}

/** Whether word i opens a comma segment (the word before it ended in ","). */
function segStartBefore(words: readonly { comma: boolean }[], i: number): boolean {
  return i > 0 && words[i - 1]!.comma;
}

/**
 * A comma segment starting at word i holds more names ("B and C" in "A, B and C"), not a job
 * title ("Senior Transport Correspondent") or an agency ("Reuters", "Associated Press").
 */
function nameSegment(words: readonly { w: string; comma: boolean }[], i: number): boolean {
  let n = 0;
  let agency = 0;
  for (let k = i; k < words.length; k++) {
    const w = words[k]!.w;
    if (JOB_TITLE_WORD.test(w)) return false;
    if (AGENCY_WORD.test(w)) agency++;
    if (!NAME_JOINERS.has(w) && !NAME_PARTICLES.has(w)) n++;
    if (words[k]!.comma) break;
  }
  // a lone word after a comma is an outlet or agency, not a person ("Jane Doe, Reuters")
  return n >= 2 && agency < n;
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

/**
 * The credited people of s[from, to), each person's (or each joined group's) names as one range,
 * in page order, and where the last one's job title or outlet ends. Several people may each carry
 * a job title or outlet: "By A, Senior Writer, and B, Staff Reporter", "By A, Reuters, and B, AP",
 * "By A (Reuters) and B (AP)", "A, Senior Writer; B, Staff", "By A | B", "Words by A. Photos by B".
 * The first range is namesIn's; a later person needs two or more name words and no title or agency
 * word ("By A | Politics", "By A, Health and Science Editor" give A alone). Null when s[from, to)
 * does not open with a name.
 */
export function nameGroups(s: string, from: number, to: number): { groups: Range[]; end: number } | null {
  const first = namesIn(s, from, to);
  if (!first) return null;
  const groups: Range[] = [first];
  let end = tailEnd(s, first[1], to);
  while (end >= 0 && groups.length < 8) {
    const rest = s.slice(end, to);
    const j = CREDIT_NEXT_LABEL.exec(rest) ?? CREDIT_GROUP_JOINER.exec(rest);
    if (!j) break;
    const next = namesIn(s, end + j[0].length, to);
    if (!next || !personNames(s, next)) break;
    const e = tailEnd(s, next[1], to);
    groups.push(next);
    end = e;
  }
  return { groups, end: end < 0 ? groups[groups.length - 1]![1] : end };
}

/**
 * Where the job title or outlet after a credited person's names (ending at p) ends: ", Senior
 * Writer", ", Reuters", " (AP)"; p when none follows; -1 when a comma is followed by sentence text
 * (a lower-case word other than a title's small words).
 */
function tailEnd(s: string, p: number, to: number): number {
  const paren = CREDIT_PAREN_TAIL.exec(s.slice(p, Math.min(to, p + 48)));
  if (paren) return p + paren[0].length;
  if (s.charCodeAt(p) !== 44 /* , */) return p;
  let i = p + 1;
  let words = 0;
  while (words < 7) {
    while (i < to && s.charCodeAt(i) === 32) i++;
    let j = i;
    while (j < to && !STOP_CHARS.includes(s[j]!)) j++;
    const w = s.slice(i, j);
    if (!w || NAME_JOINERS.has(w)) break;
    if (!(UPPER_START.test(w) || TITLE_MINOR_WORDS.has(w) || JOB_TITLE_WORD.test(w)) || DIGIT.test(w)) return -1;
    words++;
    i = j;
    if (j >= to || s[j] !== ' ') break;
  }
  return words ? i : p;
}

/** Characters that end a word of a job title or outlet (the next person or credit follows them). */
const STOP_CHARS = ' ,;|.(';

/** A later credited person: two or more name words, none of them a job-title, agency or small word. */
function personNames(s: string, r: Range): boolean {
  let n = 0;
  for (const w of s.slice(r[0], r[1]).split(/[ ,]+/u)) {
    if (!w || NAME_JOINERS.has(w) || NAME_PARTICLES.has(w)) continue;
    if (JOB_TITLE_WORD.test(w) || AGENCY_WORD.test(w) || TITLE_MINOR_WORDS.has(w.toLowerCase())) return false;
    n++;
  }
  return n >= 2;
}
