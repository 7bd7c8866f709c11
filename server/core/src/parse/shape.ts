/**
 * Line shapes: an editor's byline or date-line fix generalised from the line's words to its
 * shape, so that a shape rule (learned.ts) marks the same field on every line shaped alike.
 *
 * A line is cut into tokens (SHAPE_TOKEN); each becomes an element of the shape:
 * - a run of job-title words (JOB_TITLE_WORD, any case: "Senior Correspondent") outside a byline's
 *   names becomes `<title:N>`; any other run of capitalised words (names; name particles such as
 *   "van der" inside the run and an initial's "." belong to it) becomes `<cap:N>`. A run of N
 *   words matches N-1 .. N+SHAPE_RUN_SLACK such words;
 * - a date or time token becomes its class: `<day>` `<month>` `<year>` `<weekday>` `<time>`
 *   `<ampm>` `<zone>` `<date>` (numeric date) `<num>` (any other number);
 * - lower-case words ("by", "last", "modified"), punctuation (dashes fold to "-") and the line's
 *   first word when it lies before the marked span (its label: "By", "Posted", "Words") stay literal;
 * - `[` and `]` enclose the elements of the marked span (the field).
 * "Jane Doe, Senior Correspondent" with "Jane Doe" marked gives "[ <cap:2> ] , <cap:2>";
 * "Posted 09:30 GMT, 12 March 2024 - last modified ..." gives "Posted [ <time> <zone> , <day> <month> <year> ] - last modified ...".
 * A shape matches a whole line, element by element. Pure.
 */
import {
  DATE_AMPM,
  DATE_CLOCK,
  DATE_DAY,
  DATE_MONTH,
  DATE_NUMERIC,
  DATE_WEEKDAY,
  DATE_YEAR,
  DATE_ZONE,
  JOB_TITLE_WORD,
  NAME_PARTICLES,
  SHAPE_CAP_WORD,
  SHAPE_DASH,
  SHAPE_LOWER_WORD,
  SHAPE_MAX_LINE,
  SHAPE_MAX_TOKENS,
  SHAPE_RUN_SLACK,
  SHAPE_TOKEN,
} from './patterns.ts';

/** The field a shape rule marks. */
export type ShapeField = 'byline' | 'published';

/** The classes a token can fall in, tested in this order (the first that fits names a token of the example line). */
const CLASSES: readonly [string, RegExp][] = [
  ['date', DATE_NUMERIC],
  ['time', DATE_CLOCK],
  ['year', DATE_YEAR],
  ['day', DATE_DAY],
  ['ampm', DATE_AMPM],
  ['zone', DATE_ZONE],
  ['month', DATE_MONTH],
  ['weekday', DATE_WEEKDAY],
];
/** Classes that make a marked span a date (a dateline shape must hold one). */
const DATE_CLASSES: ReadonlySet<string> = new Set(['date', 'time', 'year', 'day', 'month', 'weekday']);
const CLASS_TEST = new Map<string, RegExp>([...CLASSES, ['num', /^\p{N}+$/u]]);

interface Token {
  text: string;
  start: number;
  end: number;
}

type RunKind = 'cap' | 'title';
type Element =
  | { t: 'run'; kind: RunKind; min: number; max: number }
  | { t: 'class'; c: string; re: RegExp }
  | { t: 'lit'; v: string };

/** A shape ready to match lines (compileShape): its elements and the marked span [from, to) among them. */
export interface CompiledShape {
  elements: Element[];
  from: number;
  to: number;
  /** fewest and most tokens a matching line has: a cheap first test */
  minTokens: number;
  maxTokens: number;
  /** literal words and marks every matching line holds (dashes aside: they fold), for quickReject */
  literals: string[];
}

/** The tokens of a line, with UTF-16 offsets into it; an initial's or abbreviation's "." ("A.", "Mar.", "p.m.") joins its word. */
export function shapeTokens(line: string): Token[] {
  const out: Token[] = [];
  for (const m of line.matchAll(SHAPE_TOKEN)) {
    const text = m[0];
    const start = m.index;
    const prev = out[out.length - 1];
    if (text === '.' && prev && prev.end === start && (prev.text.length <= 3 || prev.text.includes('.')) && /\p{L}$/u.test(prev.text)) {
      prev.text += '.';
      prev.end++;
      continue;
    }
    out.push({ text, start, end: start + text.length });
  }
  return out;
}

const isCap = (w: string) => SHAPE_CAP_WORD.test(w);
const isParticle = (w: string) => NAME_PARTICLES.has(w);
const isTitle = (w: string) => JOB_TITLE_WORD.test(w);
const RUN_WORD: Record<RunKind, (w: string) => boolean> = { cap: isCap, title: isTitle };
/** Whether tokens[i] is a name particle inside a run of capitalised words: more particles, then a capitalised word, follow ("van der Berg"). */
function innerParticle(tokens: readonly Token[], i: number, stop = tokens.length): boolean {
  let j = i;
  while (j < stop && isParticle(tokens[j]!.text)) j++;
  return j > i && j < stop && isCap(tokens[j]!.text);
}
const foldLit = (w: string) => (SHAPE_DASH.test(w) ? '-' : w);
const dateClass = (w: string): string | null => {
  for (const [c, re] of CLASSES) if (re.test(w)) return c;
  return /^\p{N}+$/u.test(w) ? 'num' : null;
};

/** Why a fix does not generalise to a shape (thrown by lineShape; the API turns it into INVALID_INPUT). */
export class ShapeError extends Error {}

/**
 * The shape of `line` with [fieldStart, fieldEnd) (UTF-16 offsets into `line`) marked as `field`,
 * as a string of space-separated elements (see the module comment). Throws ShapeError when the fix
 * does not generalise: the line is longer than SHAPE_MAX_LINE or has more than SHAPE_MAX_TOKENS
 * tokens; the span holds no token; a byline span holds no capitalised word or a date span no date
 * token; or the shape is names only ("Jane Doe": it would take any short capitalised line).
 */
export function lineShape(line: string, fieldStart: number, fieldEnd: number, field: ShapeField): string {
  if (line.length > SHAPE_MAX_LINE) throw new ShapeError(`a credit line is at most ${SHAPE_MAX_LINE} characters long: this one reads as article text`);
  const tokens = shapeTokens(line);
  if (tokens.length > SHAPE_MAX_TOKENS) throw new ShapeError(`a credit line has at most ${SHAPE_MAX_TOKENS} words and marks`);
  const inField = (tk: Token) => tk.start >= fieldStart && tk.end <= fieldEnd;
  const first = tokens.findIndex(inField);
  let last = -1;
  for (let i = tokens.length - 1; i >= 0; i--) if (inField(tokens[i]!)) {
    last = i;
    break;
  }
  if (first < 0) throw new ShapeError('the marked span holds no word');
  const parts: string[] = [];
  let run = 0;
  let runKind: RunKind = 'cap';
  const flush = () => {
    if (run) parts.push(`<${runKind}:${run}>`);
    run = 0;
  };
  const extend = (kind: RunKind) => {
    if (run && runKind !== kind) flush();
    runKind = kind;
    run++;
  };
  let caps = 0;
  let dates = 0;
  let anchors = 0;
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i]!.text;
    const inside = i >= first && i <= last;
    if (i === first) {
      flush();
      parts.push('[');
    }
    // a byline's names are capitalised words, even "May" or "Friday"
    const names = field === 'byline' && inside;
    const cls = names && isCap(w) ? null : dateClass(w);
    if (i === 0 && i < first && !cls) {
      parts.push(escapeLit(w));
      anchors++;
    } else if (cls) {
      flush();
      parts.push(`<${cls}>`);
      anchors++;
      if (inside && DATE_CLASSES.has(cls)) dates++;
    } else if (!names && isTitle(w)) {
      extend('title');
      anchors++;
    } else if (isCap(w)) {
      extend('cap');
      if (inside) caps++;
    } else if (run && runKind === 'cap' && innerParticle(tokens, i, i < first ? first : i <= last ? last + 1 : tokens.length)) {
      // "Jane van der Berg": the particles belong to the run
    } else {
      flush();
      parts.push(escapeLit(foldLit(w)));
      anchors++;
    }
    if (i === last) {
      flush();
      parts.push(']');
    }
  }
  flush();
  if (field === 'byline' && !caps) throw new ShapeError('a byline span holds a name: no capitalised word is marked');
  if (field === 'published' && !dates) throw new ShapeError('a date span holds a date: no day, month, year or time is marked');
  if (!anchors) throw new ShapeError('the line is names only: its shape would take any short capitalised line');
  return parts.join(' ');
}

const escapeLit = (w: string) => (w === '[' || w === ']' || w.startsWith('<') || w.startsWith('\\') ? `\\${w}` : w);

/** Parses a shape string (lineShape's output) into matchers. Throws ShapeError on a malformed shape. */
export function compileShape(shape: string): CompiledShape {
  const elements: Element[] = [];
  let from = -1;
  let to = -1;
  for (const part of shape.split(' ')) {
    if (!part) continue;
    if (part === '[') from = elements.length;
    else if (part === ']') to = elements.length;
    else if (part.startsWith('\\')) elements.push({ t: 'lit', v: part.slice(1) });
    else if (part.startsWith('<')) {
      const run = /^<(cap|title):(\d{1,2})>$/u.exec(part);
      if (run) {
        const n = Number(run[2]);
        elements.push({ t: 'run', kind: run[1] as RunKind, min: Math.max(1, n - 1), max: n + SHAPE_RUN_SLACK });
        continue;
      }
      const c = part.slice(1, -1);
      const re = CLASS_TEST.get(c);
      if (!re || !part.endsWith('>')) throw new ShapeError(`unknown element ${part}`);
      elements.push({ t: 'class', c, re });
    } else elements.push({ t: 'lit', v: part });
  }
  if (from < 0 || to <= from) throw new ShapeError('a shape marks its field with [ and ]');
  let minTokens = 0;
  let maxTokens = 0;
  for (const e of elements) {
    minTokens += e.t === 'run' ? e.min : 1;
    // a run of names may also hold particles ("van der"): at most two between two of its words
    maxTokens += e.t === 'run' ? 3 * e.max - 2 : 1;
  }
  const literals = [...new Set(elements.flatMap((e) => (e.t === 'lit' && e.v !== '-' ? [e.v] : [])))];
  return { elements, from, to, minTokens, maxTokens, literals };
}

/**
 * True when the line [s, e) of `text` (trimmed) cannot have the shape, told without cutting it into tokens nor copying it: its first or last
 * character cannot open or close the shape's first or last element (a sentence's end closes no
 * credit line), it lacks one of the shape's literals, or it has more space-separated words than
 * the shape has tokens at most. Most lines stop here.
 */
export function quickReject(shape: CompiledShape, text: string, s = 0, e = text.length): boolean {
  const first = shape.elements[0];
  const c = text.charCodeAt(s);
  if (first?.t === 'lit' && first.v !== '-' && !text.startsWith(first.v, s)) return true;
  if (first?.t === 'run' && first.kind === 'cap' && !(c >= 65 && c <= 90) && (c < 128 || !isCap(text[s]!))) return true;
  if (first?.t === 'class' && first.c !== 'zone' && (c >= 48 && c <= 57) !== DIGIT_CLASSES.has(first.c)) return true;
  if (badEnd(shape.elements[shape.elements.length - 1], text, s, e)) return true;
  for (const l of shape.literals) {
    const at = text.indexOf(l, s);
    if (at < 0 || at + l.length > e) return true;
  }
  let words = 1;
  for (let i = s; i < e; i++) if (text.charCodeAt(i) === 32 && ++words > shape.maxTokens) return true;
  return false;
}
/**
 * Whether the end of the line [s, e) of `text` cannot be the shape's last element: a literal it
 * does not end with; or, for a word, a mark that is no word's end (a sentence's "." after a long
 * word, "?", a quote).
 */
function badEnd(last: Element | undefined, text: string, s: number, e: number): boolean {
  if (!last) return true;
  if (last.t === 'lit') return last.v !== '-' && !(e - last.v.length >= s && text.startsWith(last.v, e - last.v.length));
  const c = text.charCodeAt(e - 1);
  if (c === 46) {
    // "." ends a word only as an initial's or abbreviation's ("A.", "Mar.", "p.m."): see shapeTokens
    const from = Math.max(s, text.lastIndexOf(' ', e - 1) + 1);
    if (e - 1 - from <= 3) return false;
    for (let i = from; i < e - 1; i++) if (text.charCodeAt(i) === 46) return false;
    return true;
  }
  if (c < 128) return !((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 41);
  return !WORD_END.test(text[e - 1]!);
}
const WORD_END = /[\p{L}\p{N}]/u;
/** Classes whose tokens open with a digit (the others open with a letter, or "(" for a zone). */
const DIGIT_CLASSES: ReadonlySet<string> = new Set(['date', 'time', 'year', 'day', 'num']);

/**
 * Matches `line` (a whole trimmed line) against a compiled shape. Returns the field's span
 * [start, end) in UTF-16 offsets into `line`, or null when the line has another shape. Linear in
 * practice: a failed (element, token) pair is never tried twice.
 */
export function matchShape(shape: CompiledShape, line: string, tokens: readonly Token[] = shapeTokens(line)): { start: number; end: number } | null {
  if (tokens.length < shape.minTokens || tokens.length > shape.maxTokens) return null;
  const els = shape.elements;
  const at = new Array<number>(els.length + 1);
  const failed = new Set<number>();
  const step = (ei: number, ti: number): boolean => {
    at[ei] = ti;
    if (ei === els.length) return ti === tokens.length;
    if (ti >= tokens.length) return false;
    const memo = ei * (tokens.length + 1) + ti;
    if (failed.has(memo)) return false;
    const e = els[ei]!;
    let ok = false;
    if (e.t === 'lit') ok = foldLit(tokens[ti]!.text) === e.v && step(ei + 1, ti + 1);
    else if (e.t === 'class') ok = e.re.test(tokens[ti]!.text) && step(ei + 1, ti + 1);
    else {
      // a run of capitalised (or job-title) words, name particles only inside it: try each length it allows
      const word = RUN_WORD[e.kind];
      let words = 0;
      for (let j = ti; j < tokens.length; j++) {
        const w = tokens[j]!.text;
        if (word(w)) {
          words++;
          if (words > e.max) break;
          if (words >= e.min && step(ei + 1, j + 1)) {
            ok = true;
            break;
          }
        } else if (!(words && e.kind === 'cap' && isParticle(w) && innerParticle(tokens, j))) break;
      }
    }
    if (!ok) failed.add(memo);
    return ok;
  };
  if (!step(0, 0)) return null;
  // at[] holds the successful path: the field runs from the token its first element took to the one before the element after it
  const first = tokens[at[shape.from]!]!;
  const last = tokens[at[shape.to]! - 1]!;
  return { start: first.start, end: last.end };
}
