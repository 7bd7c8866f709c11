/**
 * Line classification and page structure: the leading chrome, the main zone, the boilerplate
 * run, and the related-block headers. Works on line indexes; fields are built in article.ts.
 */
import type { Line, LineKind } from './lines.ts';
import { lineText } from './lines.ts';
import {
  BOILERPLATE_ANCHORS,
  BOILERPLATE_SEQUENCE,
  BOILERPLATE_STRONG,
  BOILERPLATE_WEAK,
  ECHO_PREFIX,
  LISTING_HEADER,
  MIN_BOILERPLATE_PREFIX,
  URL_RESIDUE,
} from './patterns.ts';
import { echoLine, isTimeLine, isTimePrefix, looksLikeSourceLine } from './fields/dates.ts';

export type { LineKind };
export type LineInfo = Line;

/** Exact boilerplate lines -> their kind: one lookup per short line. */
const BOILERPLATE_KIND: ReadonlyMap<string, LineKind> = new Map<string, LineKind>([
  ...[...BOILERPLATE_STRONG].map((s): [string, LineKind] => [s, 'strong']),
  ...[...BOILERPLATE_WEAK].map((s): [string, LineKind] => [s, 'weak']),
]);

/**
 * The exact boilerplate lines of each length up to 60 (most lengths have none): a line is compared
 * with these few strings directly (first code unit first), never hashed for a map lookup.
 */
const BOILERPLATE_BY_LENGTH: (string[] | undefined)[] = [];
for (const s of BOILERPLATE_KIND.keys()) if (s.length <= 60) (BOILERPLATE_BY_LENGTH[s.length] ??= []).push(s);

/** BOILERPLATE_KIND.get(t) for a line of at most 60 code units, or undefined. */
function boilerplateKind(t: string): LineKind | undefined {
  const same = BOILERPLATE_BY_LENGTH[t.length];
  if (same === undefined) return undefined;
  const c = t.charCodeAt(0);
  for (let k = 0; k < same.length; k++) {
    const s = same[k]!;
    if (s.charCodeAt(0) === c && s === t) return BOILERPLATE_KIND.get(s);
  }
  return undefined;
}

/** Sets each line's kind and trimmed text (in place) and returns the lines. */
export function classify(text: string, lines: Line[]): LineInfo[] {
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const len = l.te - l.ts;
    if (len === 0) {
      l.kind = 'blank';
      l.text = '';
      continue;
    }
    const t = lineText(text, l);
    let kind: LineKind = 'other';
    if (len <= 60) kind = boilerplateKind(t) || (isTimeLine(t) ? 'time' : 'other');
    if (kind === 'other') {
      const c = t.charCodeAt(0);
      if ((c === 45 || c === 0x2022 || c === 0x2013) && echoLine(t)) kind = 'echo';
      else if (c === 76 /* L */ && len <= 220 && LISTING_HEADER.test(t)) kind = 'listing';
      else if (len <= 1000 && t.indexOf(' ') === -1 && t.indexOf('=') !== -1 && URL_RESIDUE.test(t)) kind = 'url';
    }
    l.kind = kind;
    l.text = t;
  }
  return lines;
}

export function isBoiler(k: LineKind): boolean {
  return k === 'strong' || k === 'weak' || k === 'listing' || k === 'url';
}

export function nextNonBlank(ls: readonly LineInfo[], j: number, hi: number): number {
  let k = j + 1;
  while (k < hi && ls[k]!.kind === 'blank') k++;
  return k;
}

export function prevNonBlank(ls: readonly LineInfo[], j: number, lo: number): number {
  let k = j - 1;
  while (k >= lo && ls[k]!.kind === 'blank') k--;
  return k;
}

/** Whether line j is the text's last line and was cut (no line terminator after it). */
export function isCutLast(ls: readonly LineInfo[], j: number, textLength: number): boolean {
  const l = ls[j];
  return !!l && j === ls.length - 1 && l.next === textLength && l.end === textLength;
}

/** A capture cut inside a boilerplate line leaves a prefix of it. */
function isBoilerPrefix(s: string, candidates: readonly string[]): boolean {
  if (s.length < MIN_BOILERPLATE_PREFIX) return false;
  for (const c of candidates) if (c.length > s.length && c.startsWith(s)) return true;
  return false;
}

const OPENERS = [BOILERPLATE_ANCHORS.hashtags, BOILERPLATE_ANCHORS.orangeBackground, BOILERPLATE_ANCHORS.tryAi];

export interface Run {
  start: number;
  /** exclusive; the run's last line is end-1 (a boilerplate line, never blank) */
  end: number;
  /** the run ends in a prefix of a boilerplate line (capture cut inside it) */
  partial: boolean;
  /** which opener began it */
  opener: string;
}

/**
 * The site-boilerplate run after a main article: from "Hashtags"/"Orange background"/"Try Our AI
 * Features" (or any strong boilerplate line) over blanks and boilerplate lines. A capture cut
 * inside it is recognised by a final line that is a prefix of the next boilerplate line.
 */
export function findBoilerplateRun(ls: readonly LineInfo[], from: number, textLength: number): Run | null {
  const n = ls.length;
  for (let j = from; j < n; j++) {
    const l = ls[j]!;
    let hit = false;
    let partial = false;
    if (l.kind === 'strong') hit = true;
    else if (l.kind === 'weak' && (l.text === BOILERPLATE_ANCHORS.hashtags || l.text === BOILERPLATE_ANCHORS.orangeBackground)) {
      const nx = nextNonBlank(ls, j, n);
      if (nx >= n) hit = true;
      else {
        const nl = ls[nx]!;
        hit = nl.kind === 'strong' || (isCutLast(ls, nx, textLength) && isBoilerPrefix(nl.text, BOILERPLATE_SEQUENCE));
      }
    } else if (l.kind === 'other' && isCutLast(ls, j, textLength) && isBoilerPrefix(l.text, OPENERS)) {
      hit = true;
      partial = true;
    }
    if (!hit) continue;
    let start = j;
    for (let k = j - 1; k >= from; k--) {
      const b = ls[k]!;
      if (b.kind === 'blank') continue;
      if (b.kind === 'weak' && (b.text === 'Hashtags' || b.text === 'Orange background' || b.text === 'Comments')) {
        start = k;
        continue;
      }
      break;
    }
    let end = j + 1;
    for (let k = j + 1; k < n; k++) {
      const b = ls[k]!;
      if (b.kind === 'blank') continue;
      if (b.kind === 'strong' || (b.kind === 'weak' && b.text !== 'logo' && b.text !== '#')) {
        end = k + 1;
        continue;
      }
      if (isCutLast(ls, k, textLength) && isBoilerPrefix(b.text, BOILERPLATE_SEQUENCE)) {
        end = k + 1;
        partial = true;
      }
      break;
    }
    const opener = ls[start]!.text;
    return { start, end, partial, opener };
  }
  return null;
}

export type BlockStyle = 'dash' | 'bullet';

/** A related block's header, located around its time line. */
export interface Header {
  style: BlockStyle;
  /** first line of the block */
  start: number;
  /** bullet style: the headline line (first copy) */
  headline: number;
  /** bullet style: other copies of the headline in the header */
  dups: number[];
  /** the source line, or -1 */
  source: number;
  time: number;
  /** echo / category lines, in order */
  echoes: number[];
  /** first non-blank line after the header (dash style: the headline), may be >= hi */
  after: number;
  confidence: number;
}

/** Related-block headers in [lo, hi), found from their time lines. */
export function findHeaders(ls: readonly LineInfo[], lo: number, hi: number): Header[] {
  const out: Header[] = [];
  let floor = lo;
  for (let t = lo; t < hi; t++) {
    if (ls[t]!.kind !== 'time') continue;
    const echoes: number[] = [];
    let e = nextNonBlank(ls, t, hi);
    while (e < hi && ls[e]!.kind === 'echo' && echoes.length < 4) {
      echoes.push(e);
      e = nextNonBlank(ls, e, hi);
    }
    const bulletEcho = echoes.some((x) => ls[x]!.text.startsWith('•'));
    const bullet = ls[t]!.text.startsWith('time') || bulletEcho;
    const p = prevNonBlank(ls, t, floor);
    if (p < floor || ls[p]!.kind !== 'other') continue;
    if (!bullet) {
      if (!looksLikeSourceLine(ls[p]!.text)) continue;
      // without an echo line a header is only believed when the capture stops right after it
      const cutHere = e >= hi;
      if (!echoes.length && !cutHere) continue;
      const echoMatch = echoes.some((x) => echoName(ls[x]!.text) === ls[p]!.text);
      out.push({
        style: 'dash',
        start: p,
        headline: -1,
        dups: [],
        source: p,
        time: t,
        echoes,
        after: e,
        confidence: echoMatch ? 0.97 : echoes.length ? 0.7 : 0.55,
      });
      floor = e < hi ? e : hi;
      continue;
    }
    // bullet style: [headline, headline], [source], time, [• category], • source, [headline], body
    let start = p;
    let headline = p;
    const dups: number[] = [];
    let source = -1;
    let conf = 0.9;
    const q = prevNonBlank(ls, p, floor);
    if (q >= floor && ls[q]!.kind === 'other' && ls[q]!.text === ls[p]!.text) {
      start = q;
      headline = q;
      dups.push(p);
    } else if (q >= floor && ls[q]!.kind === 'other') {
      source = p;
      const r = prevNonBlank(ls, q, floor);
      if (r >= floor && ls[r]!.kind === 'other' && ls[r]!.text === ls[q]!.text) {
        start = r;
        headline = r;
        dups.push(q);
      } else {
        start = q;
        headline = q;
        conf = 0.7;
      }
    } else {
      conf = 0.5;
    }
    const echoMatch = source >= 0 && echoes.some((x) => echoName(ls[x]!.text) === ls[source]!.text);
    if (source >= 0 && !echoMatch && echoes.length) conf -= 0.15;
    let after = e;
    while (after < hi && ls[after]!.kind === 'other' && ls[after]!.text === ls[headline]!.text) {
      dups.push(after);
      after = nextNonBlank(ls, after, hi);
    }
    out.push({ style: 'bullet', start, headline, dups, source, time: t, echoes, after, confidence: conf });
    floor = after < hi ? after : hi;
  }
  return out;
}

/** The name inside an echo line ("- Yahoo" -> "Yahoo"). */
export function echoName(s: string): string | null {
  const m = echoLine(s);
  return m ? s.slice(m.name[0], m.name[1]).trim() : null;
}

/** Lines that can be what is left of a related header cut by the end of the capture. */
export function isHeaderPrefix(ls: readonly LineInfo[], idx: readonly number[]): boolean {
  if (!idx.length || idx.length > 3) return false;
  const [a, b, c] = idx.map((i) => ls[i]!);
  if (!a || a.kind !== 'other' || !looksLikeSourceLine(a.text)) return false;
  if (b && !(b.kind === 'time' || isTimePrefix(b.text))) return false;
  if (c && c.kind !== 'echo' && !ECHO_PREFIX.test(c.text)) return false;
  return true;
}

/** The first lines at `i` look like a dash-style block header (hashtag listing, old flat form). */
export function startsWithDashHeader(ls: readonly LineInfo[], i: number, hi: number): boolean {
  if (i >= hi || ls[i]!.kind !== 'other' || !looksLikeSourceLine(ls[i]!.text)) return false;
  const t = nextNonBlank(ls, i, hi);
  if (t >= hi || ls[t]!.kind !== 'time') return false;
  const e = nextNonBlank(ls, t, hi);
  return e >= hi || ls[e]!.kind === 'echo';
}
