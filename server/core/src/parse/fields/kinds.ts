/**
 * Publisher boilerplate by KIND: calls to action, link teasers and navigation, share and consent
 * furniture, outlet self-descriptions / disclaimers / affiliate disclosures, tag rows. A line is
 * judged from its shape (an imperative first word, second person, the outlet speaking of itself,
 * what it points at, length, punctuation) and its place (a run of short lines, the start or end of
 * a body, next to other boilerplate), the way jusText weighs length, stop words and position,
 * never from one outlet's wording. Every cue is a named pattern in patterns.ts.
 *
 * Lines that keep a doubt (they look half like a prompt) get a suspicion in [0, 1] with a reason:
 * the dump's confidence is built from them (confidence.ts).
 */
import {
  ABOUT_OUTLET,
  AFFILIATE,
  APPEAL_WORD,
  BUTTON_LINE,
  CONSENT_CONTEXT,
  CONSENT_WORD,
  CREDITS_TRAILER,
  CTA_START,
  CUT_SENTENCE_END,
  DISCLAIMER,
  EMAIL_PROMPT,
  FORM_MESSAGE,
  PROMO_NAME_PITCH,
  SIGNUP_BUTTON,
  OUTLET_LONG_HISTORY,
  SELF_MISSION,
  LINK_LEAD,
  LEADING_OPENERS,
  APPEAL_VOICE,
  APPEAL_MONEY,
  APPEAL_WORK,
  SUPPORT_NAME,
  FORM_TERMS,
  NAMED_NEWSLETTER,
  FORM_BUTTON_WORDS,
  FOLLOW_PROMPT,
  GLUED_SECTIONS,
  MAX_KIND_LINE,
  READER_QUESTION,
  READING_META,
  SENTENCE_AUX,
  NOT_IMPERATIVE_NEXT,
  MEDIA_OBJECT,
  NAV_LABEL,
  NEWSLETTER_WORD,
  OUTLET_SELF,
  PLATFORM_PROMO,
  READER_ADDRESS,
  REPORTED_SPEECH,
  ROW_SPLIT,
  SCROLL_TAP,
  SELF_HISTORY,
  SELF_INDEPENDENT,
  SELF_MEDIA,
  SHARE_LINE,
  SHARE_TOKENS,
  SHORT_LINE_CHARS,
  SHORT_LINE_WORDS,
  TAG_LABEL,
  TEASER_MAX_CHARS,
  THANKS_FOR_READING,
  OPINION_OWNER,
  ABOUT_NAMED,
  JOB_ROLE_NOUN,
  TITLE_MINOR_WORDS,
  CREDITS_LOWER_WORDS,
  DIGIT,
  LOWER_START,
  VERB_US,
  POINTER_LEAD,
  LATER_SENTENCE,
  ROW_SEPARATOR,
  COLON_END,
  PITCH_MAX_CHARS,
  OUTLET_PROFILE,
  OUTLET_FOUNDED,
  OUTLET_HISTORY,
  OUTLET_SUBJECT,
  LONG_IMPERATIVE,
  HASHTAG_ROW,
  SIGN_UP_TO_NAME,
  READER_ASK,
  PAYWALL_PROMPT,
  FOLLOW_STATEMENT,
  BREADCRUMB_ROW,
  DELIVERY_PITCH,
  NEWSLETTER_LABEL,
  MAX_TEASER_LIST,
  NEWS_WORK,
  OUTLET_PROFILE_MAX,
  QUOTE_MARK,
  AUTHOR_BIO,
  AUTHOR_BIO_MAX,
  AUTHOR_BIO_VERBS,
  OUTLET_SUBJECT_LINKS,
  OUTLET_LONG_HISTORY_VERBS,
  BREADCRUMB_MARKS,
  AUTHOR_FOLLOW,
  SHORT_PARAGRAPH_MIN_CHARS,
  TEASER_RUN_MIN,
  ENDS_SENTENCE,
  TRAILING_CLOSERS,
  BANNER_BUTTON,
  INVISIBLE_SPACE,
  ZERO_WIDTH,
  ODD_SPACE_ANY,
  OTHER_LANGUAGE_LEAD,
  OTHER_NAV_LABEL,
  OTHER_SHARE_LINE,
  OTHER_FOLLOW,
  OTHER_NEWSLETTER_WORD,
  OTHER_SIGNUP_VERB,
  OTHER_APPEAL,
  OTHER_APP_PROMPT,
  OTHER_CONSENT,
  CURLY_APOSTROPHE,
  LATER_CLAUSE,
} from '../patterns.ts';
import { isAllCaps, isTitleCase } from './subhead.ts';

/** The families of publisher boilerplate (issue 10, part 1), each with its rule names below. */
export type KindFamily = 'call-to-action' | 'link-teaser' | 'share-consent' | 'self-description' | 'tag-row' | 'credits';

/** Rule name -> family. Every rule kinds.ts can name (its cues live in patterns.ts). */
export const KIND_RULES: Readonly<Record<string, KindFamily>> = {
  /** "Sign up for our newsletter", the e-mail prompt, the promo title over the pitch */
  newsletter: 'call-to-action',
  /** "If you value our journalism, please support us", "Thanks for reading" */
  appeal: 'call-to-action',
  /** an imperative pointing at the outlet's app, channel, podcast, video, account */
  'call-to-action': 'call-to-action',
  /** "Follow us on Instagram", "Join our WhatsApp channel" */
  'follow-prompt': 'call-to-action',
  /** "Hear this episode on any podcast app" */
  'podcast-video-promo': 'call-to-action',
  /** "Scroll down for video", "Tap to expand" */
  'scroll-prompt': 'call-to-action',
  /** "Sign up", "Accept all cookies", "No thanks": a button label */
  button: 'call-to-action',
  /** "ALSO READ: ...", "See also | ...", "Keep reading", a bare headline after the last paragraph */
  'link-teaser': 'link-teaser',
  /** breadcrumbs and glued section names ("WorldEurope") at a body's start or end */
  navigation: 'link-teaser',
  /** "Share on Facebook", "Copy link", "Link copied", a row of network names */
  'share-row': 'share-consent',
  /** "By continuing to browse this site you agree to our use of cookies" */
  'consent-banner': 'share-consent',
  /** the outlet describing its mission or history, "About us" */
  'self-description': 'self-description',
  /** "The views expressed are the author's own" */
  disclaimer: 'self-description',
  /** "We may earn a commission from links on this page" */
  affiliate: 'self-description',
  /** "Jane Doe is the Ledger's transport correspondent.": the author's bio at a body's edge */
  'author-bio': 'self-description',
  /** "Tags: ...", a row or run of short title-case / ALL-CAPS tokens at a body's edge */
  'tag-row': 'tag-row',
  /** "Reporting by ...; Editing by ...": agency credits, not body */
  credits: 'credits',
};

/** What kinds.ts says of one body line. */
export interface KindVerdict {
  /** the boilerplate rule that takes the line out of the body (a KIND_RULES name), or null */
  rule: string | null;
  /** how suspect a kept line is, in [0, 1] (0: plain article text) */
  suspicion: number;
  /** why the line is suspect (kept) or taken (rule), in an editor's words; null when neither */
  reason: string | null;
}

const KEPT: KindVerdict = Object.freeze({ rule: null, suspicion: 0, reason: null });

/** A word set holding each word as written, capitalised and in capitals (a line's first word is looked up as is). */
function withCases(words: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const w of words) {
    out.add(w);
    out.add(w.charAt(0).toUpperCase() + w.slice(1));
    out.add(w.toUpperCase());
  }
  return out;
}

/** The anchored cues, as bits: a line's first word says which of them can match it. */
const G_SHARE = 1;
const G_BUTTON = 2;
const G_EMAIL = 4;
const G_CREDITS = 8;
const G_NAV = 16;
const G_TAG = 32;
const G_ABOUT = 64;
const G_THANKS = 128;
const G_CTA = 256;
const G_ROW = 512;
const G_DISCLAIMER = 1024;
const G_FORM = 2048;
const G_LEAD = 4096;

/** First words (as written, capitalised or in capitals) -> the anchored cues that can open with them. */
const FIRST_WORD_CUES: ReadonlyMap<string, number> = (() => {
  const m = new Map<string, number>();
  const add = (bit: number, words: string): void => {
    for (const w of withCases(words.split(' '))) m.set(w, (m.get(w) ?? 0) | bit);
  };
  add(G_SHARE, 'share shares tweet email e-mail copy link copied url address print save gift listen your open read');
  add(G_BUTTON, 'sign subscribe submit donate give support join register continue accept reject manage allow decline agree learn read no got ok okay close dismiss i maybe not cookie privacy yes');
  add(G_EMAIL, 'enter your email e-mail type add insert provide');
  add(G_FORM, "please enter provide use invalid not thanks thank you you're you’re check by");
  add(G_CREDITS, 'reporting additional writing editing edited compiled fact-checking produced graphics with');
  add(G_NAV, "video audio podcast gallery photos also read see more related up recommended don't dont must trending you keep continue most top editor's editors watch listen latest in next previous prev back go click icymi");
  add(G_LEAD, "also more read see watch related recommended further our you don't dont elsewhere coming");
  add(G_TAG, 'tags tag topics topic keywords keyword related filed categories category about more themen schlagwörter schlagworte stichwörter stichworte mots-clés thèmes sujets etiquetas temas palabras argomenti parole trefwoorden onderwerpen');
  add(G_ABOUT, 'about');
  // (networks are written as the page does: "WhatsApp", "LinkedIn", "TikTok", "YouTube" as well as capitalised)
  add(G_ROW, 'facebook twitter x whatsapp WhatsApp linkedin LinkedIn reddit pinterest telegram messenger flipboard instagram tiktok TikTok youtube YouTube threads bluesky BlueSky mastodon sms share email e-mail print copy link tweet');
  add(G_DISCLAIMER, 'this disclaimer published produced created made brought presented written supported');
  add(G_THANKS, 'thanks thank');
  add(
    G_CTA,
    "sign subscribe donate support download get follow join listen watch hear play scroll tap click swipe register enter become give read keep continue see share email copy accept manage reject allow find check tune stream like try start unlock log don't never catch learn discover explore visit stay please help consider make contribute chip upgrade claim grab install open send tell thank thanks press hit connect add",
  );
  return m;
})();

/**
 * Where the first word of a line ends: the word runs from `firstWordStart(s)` (past a leading "(")
 * to the first space, tab or ":|,.!" (-1 past 16 code units: no cue word is that long).
 */
function firstWordStart(s: string): number {
  return s.charCodeAt(0) === 40 ? 1 : 0;
}

function firstWordEnd(s: string, from: number): number {
  let i = from;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 58 || c === 124 || c === 44 || c === 46 || c === 33 || c === 9) break;
    if (++i - from > 16) return -1;
  }
  return i;
}

/**
 * Literals one of which each un-anchored cue needs (a cheap gate before its regexes): parts of
 * the cue words that start with a rare letter, so that `includes` skips fast over ordinary text.
 * Each hint sets the bit of the cues it opens.
 */
const YOU = 1;
const COOKIE = 2;
const NEWS = 4;
const PLATFORM = 8;
const COMMISSION = 16;
const VIEWS = 32;
const SELF = 64;
const QUESTION = 128;
const META = 256;
const PAYWALL = 512;
const MONEY = 1024;
const MEDIA = 2048;
/** Every hint bit above: what `hints` holds (the gate bits below are not hints of un-anchored cues). */
const HINT_BITS = 4095;
/**
 * Gates: literals one of which an edge rule's regex needs (patterns.ts declares them with the
 * rule and builds the rule from them), found by the same pass as the hints so that the regex is
 * tried only on a line holding one ("includes" per literal costs more than the pass).
 */
const G_BIO = 1 << 12;
const G_SUBJECT = 1 << 13;
const G_HAS = 1 << 14;
const G_CRUMB = 1 << 15;
const G_LINK = 1 << 16;
export const GATES: readonly [readonly string[], number][] = [
  [AUTHOR_BIO_VERBS, G_BIO],
  [OUTLET_SUBJECT_LINKS, G_SUBJECT],
  [OUTLET_LONG_HISTORY_VERBS, G_HAS],
  [BREADCRUMB_MARKS, G_CRUMB],
  // "If you shop through links ...": AFFILIATE is searched on a reader-addressed line only when it speaks of links
  [['link'], G_LINK],
];
/**
 * The hints, each found from one trigger character (one pass over the line, no per-hint search):
 * [trigger, text from the trigger on, bit]. "you"/"You" -> YOU, "kie" (cookie) -> COOKIE, ...
 */
const FREE_HINTS: readonly [string, string, number][] = [
  ['y', 'you', YOU],
  ['Y', 'You', YOU],
  ['k', 'kie', COOKIE],
  ['w', 'wsletter', NEWS],
  ['x', 'x', NEWS], // "inbox", checked backwards below
  ['p', 'podcast', PLATFORM],
  ['S', 'Spotify', PLATFORM],
  ['A', 'App Store', PLATFORM],
  ['G', 'Google Play', PLATFORM],
  ['m', 'mmission', COMMISSION],
  ['f', 'ffiliat', COMMISSION],
  ['v', 'views', VIEWS],
  ['V', 'Views', VIEWS],
  ['p', 'pinion', VIEWS], // "opinions", "opinion only"
  ['c', 'constitut', VIEWS], // "does not constitute legal advice"
  ['f', 'flect', VIEWS],
  ['p', 'pendently', COMMISSION], // "independently selected"
  ['p', 'pendent', SELF], // "independent", "independently"
  ['p', 'profit', SELF],
  ['w', 'ward-', SELF], // "award-winning"
  ['?', '?', QUESTION],
  ['k', 'ke this', META], // "stories like this"
  ['p', 'piece', META],
  ['y', 'y more where', META], // "plenty more where"
  ['m', 'miss a', META], // "never miss a story"
  ['-', '-funded', SELF], // "reader-funded"
  ['-', '-supported', SELF],
  ['p', 'paid a', COMMISSION], // "may be paid a fee when readers buy through links"
  ['i', 'iber', PAYWALL], // "for subscribers only", "Already a subscriber?"
  ['o', 'onat', MONEY], // "donate", "donation"
  ['g', 'gift', MONEY],
  ['n', 'ntribut', MONEY], // "contribute", "contribution"
  ['g', 'generos', MONEY],
  ['u', 'upport', MONEY], // "support"
  ['£', '£', MONEY],
  ['$', '$', MONEY],
  ['€', '€', MONEY],
  ['c', 'costs', MONEY],
  ['a', 'aywall', MONEY], // "paywall"
  ['f', 'fund', MONEY],
  ['p', 'pay for', MONEY],
  ['o', 'o give', MONEY], // "who give"
  ['B', 'Back ', MONEY], // "Back independent local news"
  ['e', 'episode', MEDIA], // "... Listen to the full episode on our website."
  ['c', 'clip', MEDIA],
  ['b', 'back ', MONEY],
];

/** The hint texts and bits (the backward "x" hint is searched as "inbox"), and the gates' literals. */
const HINT_FULL: readonly [string, number][] = [
  ...FREE_HINTS.map(([t, text, bit]) => [t === 'x' ? 'inbox' : text, bit] as [string, number]),
  ...GATES.flatMap(([literals, bit]) => literals.map((text) => [text, bit] as [string, number])),
];

/**
 * The hints as look-up tables over a line's code units, for one pass over the line with no
 * regex and no allocation: a line holds a hint where one of its texts starts, so freeHints reads
 * each position's code unit and the next one and compares only the hints that open with that
 * pair. HINT_PAIR[c << 7 | d] (c, d ASCII; d = 0 past the line's end): 1 + the index in
 * HINT_LISTS of the hints that can start there (a one-code-unit hint such as "?" under every d),
 * 0 for none; HINT_SINGLE[c]: bits of the one-code-unit ASCII hints (for a next code unit that is
 * not ASCII); HINT_OTHER: hints opening with a non-ASCII code unit ("£", "€").
 */
const HINT_PAIR = new Uint16Array(128 * 128);
const HINT_LISTS: [string, number][][] = [];
const HINT_SINGLE = new Int32Array(128);
const HINT_OTHER = new Map<number, [string, number][]>();
{
  const addAt = (key: number, hint: [string, number]): void => {
    if (HINT_PAIR[key] === 0) {
      HINT_LISTS.push([]);
      HINT_PAIR[key] = HINT_LISTS.length;
    }
    HINT_LISTS[HINT_PAIR[key]! - 1]!.push(hint);
  };
  for (const [text, bit] of HINT_FULL) {
    const c = text.charCodeAt(0);
    if (c >= 128) {
      const list = HINT_OTHER.get(c);
      if (list) list.push([text, bit]);
      else HINT_OTHER.set(c, [[text, bit]]);
    } else if (text.length === 1) {
      HINT_SINGLE[c]! |= bit;
      for (let d = 0; d < 128; d++) addAt((c << 7) | d, [text, bit]);
    } else {
      const d = text.charCodeAt(1);
      if (d >= 128 || d === 0) throw new Error(`kinds.ts: hint ${JSON.stringify(text)} has a second code unit that is not printable ASCII`);
      addAt((c << 7) | d, [text, bit]);
    }
  }
}

/**
 * The bits (YOU, COOKIE, ...) of the hints s contains, and the bits (G_BIO, ...) of the gates one
 * of whose literals it contains; 0 for the usual line. Every position is read (hints may overlap:
 * "pendently" also holds "pendent").
 */
export function freeHints(s: string): number {
  let bits = 0;
  const n = s.length;
  let c = n > 0 ? s.charCodeAt(0) : 0;
  for (let i = 0; i < n; i++) {
    const d = i + 1 < n ? s.charCodeAt(i + 1) : 0;
    if ((c | d) < 128) {
      const p = HINT_PAIR[(c << 7) | d]!;
      if (p !== 0) {
        const list = HINT_LISTS[p - 1]!;
        for (let k = 0; k < list.length; k++) {
          const h = list[k]!;
          const t = h[0];
          let j = 2;
          while (j < t.length && s.charCodeAt(i + j) === t.charCodeAt(j)) j++;
          if (j >= t.length) bits |= h[1];
        }
      }
    } else if (c < 128) bits |= HINT_SINGLE[c]!;
    else {
      const other = HINT_OTHER.get(c);
      if (other !== undefined) for (const [t, b] of other) if (s.startsWith(t, i)) bits |= b;
    }
    c = d;
  }
  return bits;
}

/** Sentence punctuation at the end (closing quotes/brackets skipped): the line is a sentence. */
function endsSentence(s: string): boolean {
  let i = s.length - 1;
  while (i > 0) {
    const c = s.charCodeAt(i);
    if (c === 34 || c === 39 || c === 0x2019 || c === 0x201d || c === 41 || c === 93) i--;
    else break;
  }
  const c = s.charCodeAt(i);
  return c === 46 || c === 33 || c === 63 || c === 0x2026 || c === 58 || c === 59 || c === 44;
}

function wordCount(s: string): number {
  let n = 1;
  for (let i = 1; i < s.length; i++) if (s.charCodeAt(i) === 32 && s.charCodeAt(i - 1) !== 32) n++;
  return n;
}

function startsUpperOrDigit(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  return /^\p{Lu}/u.test(s);
}

/** A short line: a few words, no sentence end, capitalised (a tag, a button, a promo title, a breadcrumb). */
export function isShortLine(s: string): boolean {
  return s.length <= SHORT_LINE_CHARS && startsUpperOrDigit(s) && !endsSentence(s) && wordCount(s) <= SHORT_LINE_WORDS;
}

/** "Calder Bay, Ferries, Transport" / "POLITICS | ELECTIONS": two or more short capitalised tokens. */
export function isTagRow(s: string): boolean {
  if (s.length > 160 || endsSentence(s)) return false;
  const parts = s.split(ROW_SEPARATOR);
  if (parts.length < 2) return false;
  for (const p of parts) {
    if (!p) return false;
    if (p.length > 30 || wordCount(p) > 4 || !startsUpperOrDigit(p)) return false;
  }
  return true;
}

/** "harbour wall, storms, council": a row of short keywords in any case (read only under a tag label). */
function isKeywordRow(s: string): boolean {
  if (s.length > 160 || endsSentence(s)) return false;
  const parts = s.split(ROW_SEPARATOR);
  if (parts.length < 2) return false;
  for (const p of parts) if (!p || p.length > 30 || wordCount(p) > 4) return false;
  return true;
}

function isShareRow(s: string): boolean {
  if (s.length > 80) return false;
  const toks = s.split(ROW_SPLIT).filter((t) => t !== '');
  if (toks.length < 2) return false;
  for (const t of toks) if (!SHARE_TOKENS.has(t.toLowerCase())) return false;
  return true;
}

/**
 * First words (lower case) of publisher lines that do not open with an imperative: "If you value
 * ...", "We use cookies", "The views expressed ...", "Products are independently selected".
 * Lines that open otherwise are searched for un-anchored cues only at a body's edge (or next to a prompt).
 */
const FREE_FIRST_WORDS: ReadonlySet<string> = withCases(
  'if your we our by this independent views opinions products every thanks editorial here you unlike want enjoying enjoyed love missed looking curious interested did never newsletter newsletters'.split(' '),
);

/** FIRST_WORDS bits beside the cue bits: the word is a FREE_FIRST_WORDS word, or "The". */
const W_FREE = 1 << 20;
const W_THE = 1 << 21;

/** First word (as written) -> its cue bits (G_*) and W_FREE / W_THE: one lookup per line. */
const FIRST_WORDS: ReadonlyMap<string, number> = (() => {
  const m = new Map<string, number>(FIRST_WORD_CUES);
  for (const w of FREE_FIRST_WORDS) m.set(w, (m.get(w) ?? 0) | W_FREE);
  m.set('The', (m.get('The') ?? 0) | W_THE);
  return m;
})();

/** Per ASCII first code unit: bit L set when a FIRST_WORDS word of length L starts with it (a cheap test before the slice and lookup). */
const WORD_SHAPES: Int32Array = (() => {
  const a = new Int32Array(128);
  for (const w of FIRST_WORDS.keys()) {
    const c = w.charCodeAt(0);
    if (c < 128 && w.length <= 16) a[c]! |= 1 << w.length;
    else throw new Error(`kinds.ts: first word ${JSON.stringify(w)} is not ASCII or longer than 16`);
  }
  return a;
})();

/**
 * FIRST_WORDS by first code unit and length (index c * 17 + length): the few words a line's first
 * word is compared with in place, without copying it out for a map lookup.
 */
const WORDS_AT: ([string, number][] | undefined)[] = (() => {
  const a: ([string, number][] | undefined)[] = [];
  for (const [w, bits] of FIRST_WORDS) (a[w.charCodeAt(0) * 17 + w.length] ??= []).push([w, bits]);
  return a;
})();

/** The FIRST_WORDS bits of s's first word (0: none). */
function firstWordBits(s: string, from: number, end: number): number {
  const c = s.charCodeAt(from);
  if (end < 0 || c >= 128 || ((WORD_SHAPES[c]! >>> (end - from)) & 1) === 0) return 0;
  const same = WORDS_AT[c * 17 + end - from]!;
  // compared in place, code unit by code unit (the first is equal, the lengths too)
  for (let k = 0; k < same.length; k++) {
    const w = same[k]![0];
    let j = 1;
    while (j < w.length && s.charCodeAt(from + j) === w.charCodeAt(j)) j++;
    if (j === w.length) return same[k]![1];
  }
  return 0;
}

/** Lines longer than this are searched only for anchored cues (un-anchored prompts are short). */
const FREE_MAX_CHARS = 260;

/**
 * Lines up to this long are searched for un-anchored cues wherever they stand and whatever their
 * first word ("Tonight's episode ... is out now on all podcast platforms.", "Hundreds of readers
 * already support our newsroom. Join them today."): promos are short, and a short article line
 * must still pass each rule's vetoes (reported speech, quotes, the cue combinations), as at an edge.
 */
const SHORT_FREE_CHARS = 160;

/** A breadcrumb row is at most this long. */
const BREADCRUMB_MAX = 160;

/** The edge rules gated by GATES read lines up to this long (a longer edge line is not scanned for them). */
const EDGE_GATED_CHARS = Math.max(OUTLET_PROFILE_MAX, AUTHOR_BIO_MAX, BREADCRUMB_MAX);

/** Lines opening with "The" up to this long are searched for un-anchored cues ("The views expressed ...", "The Courier has been ..."). */
const THE_LINE_CHARS = 140;

/**
 * The boilerplate rule a (trimmed, non-blank) body line matches on its own, or null; with the
 * suspicion of a line no rule takes. `edge`: the line is at the start or end of its body (searched
 * for every cue, whatever its first word). Context (runs, edges) is weighed in `bodyKinds`.
 * Cost: a line that opens with no cue word and is not at an edge is decided from its first word.
 */
export function lineKind(s: string, edge = false): KindVerdict {
  const len = s.length;
  if (len === 0 || len > MAX_KIND_LINE) return KEPT;
  // "▶ Watch ...", "👉 Follow us ...": the rest is read on its own; a short non-sentence after the symbol is a link
  if (s.charCodeAt(0) >= 0x2190 && POINTER_LEAD.test(s)) return pointedKind(s, edge);
  const from = firstWordStart(s);
  const end = firstWordEnd(s, from);
  // the first word's length (what the original slice measured: "" past 16 code units)
  const fwLength = end < 0 ? 0 : end - from;
  const word = firstWordBits(s, from, end);
  if (word === 0 && end > from) {
    // "Sign\u00a0up", "Follow\u200b us", "\ufeffShare": an unknown first word holding a non-breaking space or an invisible character; the line is read with plain spaces and without them
    const odd = oddInWord(s, from, end);
    if (odd === 2) {
      const plain = s.replace(INVISIBLE_SPACE, ' ').replace(ZERO_WIDTH, '');
      return plain.length === 0 ? KEPT : lineKind(plain, edge);
    }
    // "Don’t miss ...", "We’re ...": the first word with a straight apostrophe, as the cue words are written
    if (odd === 1) return lineKind(s.slice(0, end).replace(CURLY_APOSTROPHE, "'") + s.slice(end), edge);
  }
  const cues = word & ~(W_FREE | W_THE);
  const anchored = cues !== 0;
  const searched = len <= FREE_MAX_CHARS && (edge || (word & W_FREE) !== 0 || ((word & W_THE) !== 0 && len <= THE_LINE_CHARS));
  // a short line inside a body whose first word is no cue word: searched too (lines opening with a cue word keep their verdicts)
  const shortMid = !searched && word === 0 && len <= SHORT_FREE_CHARS;
  // an edge line is read once for the hints and the gates of the edge rules below (all within EDGE_GATED_CHARS)
  const found = searched || shortMid || (edge && len <= EDGE_GATED_CHARS) ? freeHints(s) : 0;
  const hints = searched || shortMid ? found & HINT_BITS : 0;
  const free = hints !== 0;
  // "The Ledger is an independent, non-profit newsroom ...": an outlet's profile at the body's edge
  if (edge && len <= OUTLET_PROFILE_MAX && startsUpperOrDigit(s)) {
    // every profile and follow statement opens with the outlet's name and a verb or an apposition (OUTLET_SUBJECT): most lines stop there
    const c0 = s.charCodeAt(0);
    const subject = (found & G_SUBJECT) !== 0 && OUTLET_SUBJECT.test(s);
    const profile =
      (subject && (OUTLET_PROFILE.test(s) || OUTLET_HISTORY.test(s))) ||
      ((c0 === 70 || c0 === 69 || c0 === 76 || c0 === 83) && OUTLET_FOUNDED.test(s) && NEWS_WORK.test(s)) ||
      ((c0 === 79 || c0 === 87) && SELF_MISSION.test(s) && (NEWS_WORK.test(s) || SELF_MEDIA.test(s))) ||
      ((found & G_HAS) !== 0 && OUTLET_LONG_HISTORY.test(s));
    // "Calder Courier is on Instagram, TikTok and Threads"
    const follow = subject && !profile && len <= 160 && FOLLOW_STATEMENT.test(s);
    if ((profile || follow) && !REPORTED_SPEECH.test(s) && !hasQuote(s)) return profile ? taken('self-description', 'outlet describing itself') : taken('follow-prompt', '"follow us" prompt');
  }
  // "Jane Doe is the Ledger's transport correspondent.": the author's bio (one of its verbs, AUTHOR_BIO_VERBS, cheaply first)
  if (edge && len <= AUTHOR_BIO_MAX && (found & G_BIO) !== 0 && AUTHOR_BIO.test(s) && !REPORTED_SPEECH.test(s) && !hasQuote(s)) {
    return taken('author-bio', "the author's bio, not article text");
  }
  if (edge && len <= BREADCRUMB_MAX && (found & G_CRUMB) !== 0 && BREADCRUMB_ROW.test(s)) return taken('navigation', 'breadcrumb row');
  // "Support the Ledger" at a body's edge or beside an appeal: the appeal's title or button
  if (edge && len <= SHORT_LINE_CHARS && SUPPORT_NAME.test(s)) return taken('appeal', 'asks for support for the outlet by its name');
  // "#CalderBay #Harbour #Transport"
  if (s.charCodeAt(0) === 35 && HASHTAG_ROW.test(s)) return taken('tag-row', 'row of hashtags');
  // inside a body, "X has been the region's independent voice since 1887" may be the article's
  // (a story about a newspaper): kept, but doubted
  if ((!free || shortMid) && len <= PITCH_MAX_CHARS && s.includes('ndependent') && SELF_INDEPENDENT.test(s) && SELF_MEDIA.test(s) && SELF_HISTORY.test(s) && !REPORTED_SPEECH.test(s)) {
    return doubt(0.9, 'reads like the outlet describing itself');
  }
  // "your@email.com": the placeholder of a sign-up form's e-mail field
  if (len <= 60 && s.charCodeAt(0) < 128 && s.includes('@') && EMAIL_PROMPT.test(s)) return taken('newsletter', 'e-mail field of a sign-up form');
  // "Lesen Sie auch: ...", "Suivez-nous sur Facebook", "Suscríbete a nuestro boletín": the families in other languages
  if (!anchored && len <= PITCH_MAX_CHARS && OTHER_LANGUAGE_LEAD.test(s)) {
    const v = otherLanguageKind(s);
    if (v !== null) return v;
  }
  if (!anchored && !free) return KEPT;
  if (anchored) {
    if (cues & G_SHARE && len <= 60 && SHARE_LINE.test(s)) return taken('share-row', 'share-button label');
    if (cues & G_BUTTON && len <= 48 && BUTTON_LINE.test(s)) return taken('button', 'button label of a prompt or banner');
    if (cues & G_EMAIL && len <= 80 && EMAIL_PROMPT.test(s)) return taken('newsletter', 'e-mail prompt of a sign-up form');
    if (cues & G_FORM && len <= 100 && FORM_MESSAGE.test(s) && !REPORTED_SPEECH.test(s)) return taken('newsletter', 'message of a sign-up form to the reader');
    if (cues & G_FORM && len <= 240 && FORM_TERMS.test(s)) return taken('newsletter', 'terms under a sign-up form');
    if (cues & G_CREDITS && CREDITS_TRAILER.test(s) && onlyCreditWords(s)) return taken('credits', 'reporting / editing credits');
    if (cues & G_NAV && NAV_LABEL.test(s) && startsUpperOrDigit(s)) return taken('link-teaser', 'link label pointing to another page');
    if (cues & G_LEAD && len <= TEASER_MAX_CHARS + 40) {
      // "Also on the Ledger: Ferry timetable cut for winter": a label, then a headline (no sentence end)
      const m = LINK_LEAD.exec(s);
      const rest = m ? s.slice(m[0].length).replace(LEADING_OPENERS, '') : '';
      if (m && startsUpperOrDigit(rest) && !endsSentence(s) && wordCount(rest) >= 3 && !REPORTED_SPEECH.test(s)) return taken('link-teaser', 'link label and the headline it points to');
    }
    if (cues & G_TAG && len <= 200 && TAG_LABEL.test(s)) return taken('tag-row', 'tag / keyword row');
    if (cues & G_ABOUT && (ABOUT_OUTLET.test(s) || (ABOUT_NAMED.test(s) && OUTLET_SELF.test(s)))) return taken('self-description', 'outlet describing itself');
    if (cues & G_THANKS && THANKS_FOR_READING.test(s)) return taken('appeal', 'sign-off addressed to the reader');
  }
  if (cues & G_ROW && len <= 80 && isShareRow(s)) return taken('share-row', 'row of share buttons');
  if ((hints & VIEWS || cues & G_DISCLAIMER) && (DISCLAIMER.test(s) || OPINION_OWNER.test(s)) && !REPORTED_SPEECH.test(s)) return taken('disclaimer', 'opinion / content disclaimer');
  // "If you shop through links ...": a reader-addressed line is searched only when it speaks of links
  if ((hints & COMMISSION || (hints & YOU && found & G_LINK)) && AFFILIATE.test(s)) return taken('affiliate', 'affiliate / commission disclosure');
  if (hints & COOKIE && CONSENT_WORD.test(s) && CONSENT_CONTEXT.test(s) && (READER_ADDRESS.test(s) || OUTLET_SELF.test(s))) return taken('consent-banner', 'cookie / consent banner');
  // "Support for the bill ...": a verb-like first word used as a noun is no imperative
  const cta = (cues & G_CTA) !== 0 && CTA_START.test(s) && !NOT_IMPERATIVE_NEXT.test(s.slice(fwLength));
  if (!cta && (hints & (YOU | NEWS | PLATFORM | SELF | QUESTION | META | PAYWALL | MONEY | MEDIA)) === 0) return KEPT;
  // from here on, reported speech ("..., she said") is article text
  if (REPORTED_SPEECH.test(s)) return KEPT;
  // "Local news needs you. Make a contribution now.": the imperative opens a later sentence
  if (!cta && hints & (YOU | MEDIA) && laterImperative(s) && (APPEAL_WORD.test(s) || MEDIA_OBJECT.test(s) || OUTLET_SELF.test(s))) {
    return taken('call-to-action', 'call to action addressed to the reader');
  }
  const reader = (hints & YOU) !== 0 && READER_ADDRESS.test(s);
  const self = (reader || cta || (hints & (NEWS | SELF)) !== 0) && OUTLET_SELF.test(s);
  if (hints & QUESTION && hints & YOU && READER_ASK.test(s) && !hasQuote(s)) return taken('appeal', 'asks the reader for support');
  if (reader && len <= PITCH_MAX_CHARS && PROMO_NAME_PITCH.test(s) && !hasQuote(s)) return taken('newsletter', 'a newsletter\'s name and what it is for the reader');
  // "If you found this article useful, please consider making a donation.", "Dear reader, our reporters depend on your generosity."
  if (hints & MONEY && len <= PITCH_MAX_CHARS && (reader || APPEAL_VOICE.test(s) || OUTLET_SELF.test(s)) && APPEAL_MONEY.test(s) && APPEAL_WORK.test(s) && !hasQuote(s)) {
    return taken('appeal', 'asks the reader for money or support for the outlet\'s work');
  }
  if (hints & (QUESTION | PAYWALL) && PAYWALL_PROMPT.test(s) && !hasQuote(s)) return taken('appeal', 'paywall prompt');
  if (hints & (QUESTION | META) && len <= 200) {
    // "Want more stories like this? ...", "Enjoying this piece?": the line speaks about the reading
    const meta = (hints & META) !== 0 && READING_META.test(s);
    const question = (hints & QUESTION) !== 0 && READER_QUESTION.test(s);
    if (meta || (question && (reader || self || MEDIA_OBJECT.test(s)))) return taken('appeal', 'speaks to the reader about reading more');
    // "Missed the final? Catch every goal on our app.": a question, then an imperative pointing at the outlet's things
    if (!cta && laterImperative(s) && (APPEAL_WORD.test(s) || MEDIA_OBJECT.test(s) || OUTLET_SELF.test(s))) return taken('call-to-action', 'a question to the reader, then a call to action');
    if (question) return doubt(0.5, 'a question put to the reader');
  }
  if (cta) {
    if (len <= 120 && SCROLL_TAP.test(s)) return taken('scroll-prompt', 'prompt to scroll or tap');
    if (len <= 90 && SIGN_UP_TO_NAME.test(s)) return taken('newsletter', 'sign-up to a named newsletter or show');
    if (FOLLOW_PROMPT.test(s) && MEDIA_OBJECT.test(s)) return taken('follow-prompt', '"follow us" prompt');
    if (len <= 120 && AUTHOR_FOLLOW.test(s)) return taken('follow-prompt', "the author's follow or contact prompt");
  }
  if (hints & PLATFORM && PLATFORM_PROMO.test(s)) return taken('podcast-video-promo', 'podcast / video / app promo');
  if (hints & NEWS && NEWSLETTER_WORD.test(s) && (reader || self || cta || NEWSLETTER_LABEL.test(s) || laterImperative(s))) return taken('newsletter', 'newsletter sign-up');
  // "The Politics Hour newsletter lands in inboxes every Friday. It's free.": a named newsletter and when it comes
  if (hints & NEWS && len <= PITCH_MAX_CHARS && NAMED_NEWSLETTER.test(s) && DELIVERY_PITCH.test(s) && !hasQuote(s)) return taken('newsletter', 'pitch of a named newsletter and its delivery');
  if (hints & SELF && SELF_INDEPENDENT.test(s) && SELF_MEDIA.test(s) && (self || SELF_HISTORY.test(s))) return taken('self-description', 'outlet describing itself');
  // every verdict below needs an imperative opening or the reader addressed: without both, the
  // two costliest cues (case-insensitive word lists) are not searched
  if (!cta && !reader) return KEPT;
  const media = MEDIA_OBJECT.test(s);
  const appeal = APPEAL_WORD.test(cta ? s.slice(fwLength) : s);
  if (cta && (media || self || appeal)) return taken('call-to-action', 'call to action addressed to the reader');
  if (reader && self && (appeal || media)) return taken('appeal', 'appeal to the reader in the outlet\'s voice');
  // kept, but half like a prompt: a doubt for the confidence
  // (a long sentence with no media or appeal word is more likely directions: "Follow the coast road north and you reach ...")
  if (cta && reader) return doubt(len > LONG_IMPERATIVE ? 0.3 : 0.5, 'starts like a call to action and speaks to the reader');
  if (reader && appeal) return doubt(0.5, 'speaks to the reader about subscribing, donating or signing up');
  if (reader && self) return doubt(0.35, 'speaks to the reader in the outlet\'s voice');
  if (cta && (len < 80 || appeal)) return doubt(0.25, 'starts with an imperative');
  return KEPT;
}

/**
 * A publisher prompt in German, French, Spanish, Italian or Dutch (the line opens with an
 * OTHER_LANGUAGE_LEAD word): a link label and its headline, a share label, a follow prompt naming
 * a network, a newsletter sign-up, an appeal naming journalism or the outlet, an app download, a
 * cookie banner; null
 * for anything else (the line is then read like any other). A quote is someone's words: kept.
 */
function otherLanguageKind(s: string): KindVerdict | null {
  if (hasQuote(s)) return null;
  const nav = OTHER_NAV_LABEL.exec(s);
  if (nav) {
    // the label alone, or the label and a headline (no sentence end)
    const rest = s.slice(nav[0].length).trim();
    if (rest === '' || (startsUpperOrDigit(rest) && !endsSentence(rest))) return taken('link-teaser', 'link label pointing to another page');
  }
  if (s.length <= 60 && OTHER_SHARE_LINE.test(s)) return taken('share-row', 'share-button label');
  if (OTHER_FOLLOW.test(s) && MEDIA_OBJECT.test(s)) return taken('follow-prompt', '"follow us" prompt');
  if (OTHER_NEWSLETTER_WORD.test(s) && OTHER_SIGNUP_VERB.test(s)) return taken('newsletter', 'newsletter sign-up');
  if (OTHER_APPEAL.test(s)) return taken('appeal', 'asks the reader for money or support for the outlet\'s work');
  if (OTHER_APP_PROMPT.test(s)) return taken('call-to-action', 'call to action addressed to the reader');
  if (OTHER_CONSENT.test(s)) return taken('consent-banner', 'cookie / consent banner');
  return null;
}

/**
 * What odd character a line's first word (from..end, at most 16 code units) holds: 2 for a
 * non-breaking space or an invisible character (ODD_SPACE_ANY), 1 for a curly apostrophe, 0 for neither.
 */
function oddInWord(s: string, from: number, end: number): number {
  let odd = 0;
  for (let i = from; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xa0) continue;
    if (c === 0x2019) odd = 1;
    else if (ODD_SPACE_ANY.test(s.charAt(i))) return 2;
  }
  return odd;
}

/** A quotation mark: a quoted profile is someone's words, reported in the article. */
function hasQuote(s: string): boolean {
  return QUOTE_MARK.test(s);
}

/** A credits trailer's words: names, digits-free, lower-case words only from CREDITS_LOWER_WORDS. */
function onlyCreditWords(s: string): boolean {
  if (DIGIT.test(s)) return false;
  for (const w of s.split(/[\s;,()]+/u)) {
    if (w && LOWER_START.test(w) && !CREDITS_LOWER_WORDS.has(w.replace(/[.:]$/u, ''))) return false;
  }
  return true;
}

/** A later sentence of s opens with an imperative ("... needs you. Give what you can.", "... Back us with ..."). */
function laterImperative(s: string): boolean {
  const re = LATER_SENTENCE;
  re.lastIndex = 0;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    const rest = s.slice(m.index + 2);
    const end = firstWordEnd(rest, 0);
    if ((CTA_START.test(rest) && !NOT_IMPERATIVE_NEXT.test(rest.slice(end < 0 ? 0 : end))) || VERB_US.test(rest)) return true;
  }
  // "...: get the Stennet Star app." (the clause's first letter read as a capital)
  const clause = LATER_CLAUSE;
  clause.lastIndex = 0;
  for (let m = clause.exec(s); m !== null; m = clause.exec(s)) {
    const rest = s.charAt(m.index + 2).toUpperCase() + s.slice(m.index + 3);
    const end = firstWordEnd(rest, 0);
    if (CTA_START.test(rest) && !NOT_IMPERATIVE_NEXT.test(rest.slice(end < 0 ? 0 : end))) return true;
  }
  return false;
}

/** A line opening with a pointer or play symbol: the rest's verdict, or a link when the rest is a short non-sentence. */
function pointedKind(s: string, edge: boolean): KindVerdict {
  const rest = s.replace(POINTER_LEAD, '');
  const v = lineKind(rest, edge);
  if (v.rule !== null) return v;
  if (rest.length <= TEASER_MAX_CHARS && !endsSentence(rest)) return taken('link-teaser', 'link or media prompt after a pointer symbol');
  return v;
}

function taken(rule: string, reason: string): KindVerdict {
  return { rule, suspicion: 0, reason };
}

/** Taken by its place in the body (a tag run, a teaser headline, breadcrumbs): kept with a doubt. */
function placed(rule: string, reason: string, suspicion: number): KindVerdict {
  return { rule, suspicion, reason };
}

function doubt(suspicion: number, reason: string): KindVerdict {
  return { rule: null, suspicion, reason };
}

/** The call-to-action rules whose neighbours (titles, buttons) belong to the same block. */
const BLOCK_RULES: ReadonlySet<string> = new Set(['newsletter', 'appeal', 'call-to-action', 'button', 'consent-banner']);

/**
 * Verdicts for a body's lines (trimmed, non-blank, in order; `skip[i]`: line i is already taken
 * by another rule, e.g. a site or outlet noise rule). `cutLast`: the capture stops inside the last
 * line (its end says nothing). `kindOf(i, edge)`: lineKind(texts[i], edge), or the same verdict
 * from a cache (the parse's line table). Adds to the line rules:
 * - a short title line right before a newsletter / appeal line is that block's promo title;
 * - at the body's end: a tag row, a run of short title / ALL-CAPS lines, a bare headline after
 *   the last paragraph (a teaser pointing elsewhere), glued section names;
 * - at the body's start: a run of two or more short lines before the first paragraph (breadcrumbs).
 */
export function bodyKinds(
  texts: readonly string[],
  skip: readonly boolean[],
  cutLast: boolean,
  kindOf: (i: number, edge: boolean) => KindVerdict = (i, edge) => lineKind(texts[i]!, edge),
): KindVerdict[] {
  const n = texts.length;
  // one line (a related block's body): its own rules only, no run or edge can form
  if (n === 1) return [skip[0] ? KEPT : kindOf(0, false)];
  const out: KindVerdict[] = new Array<KindVerdict>(n);
  let blocks = false;
  for (let i = 0; i < n; i++) {
    const v = skip[i] ? KEPT : kindOf(i, n > 1 && (i === 0 || i >= n - 2));
    out[i] = v;
    if (v.rule !== null && BLOCK_RULES.has(v.rule)) blocks = true;
  }
  // the neighbours of a prompt are read like edge lines (every cue, whatever their first word):
  // a newsletter pitch above its e-mail prompt, an appeal next to its button
  for (let round = 0; blocks && round < 3; round++) {
    blocks = false;
    for (let i = 0; i < n; i++) {
      const r = out[i]!.rule;
      if (r === null || !BLOCK_RULES.has(r)) continue;
      for (const j of [i - 1, i + 1]) {
        if (j < 0 || j >= n || isGone(skip, out, j)) continue;
        const v = kindOf(j, true);
        if (v.rule !== null) {
          out[j] = v;
          blocks = true;
        } else if ((r === 'button' || r === 'consent-banner') && isFormButton(texts[j]!) && BANNER_BUTTON.test(texts[j]!)) {
          // "Reject non-essential", "Manage choices", "More options" beside "Accept all" or under the banner
          out[j] = taken('button', 'another button of the banner or prompt');
          blocks = true;
        } else if (r === 'button' && addressesReader(texts[j]!)) {
          // "Each pound you send ..." beside "Give now": the button's pitch
          out[j] = taken('appeal', 'speaks to the reader beside a button');
          blocks = true;
        } else if ((r === 'newsletter' || r === 'call-to-action') && outletPitch(texts[j]!)) {
          // "Our free weekly email about the port ..." under "Sign up to The Harbour Brief"
          out[j] = taken('newsletter', 'pitch of a publisher prompt in the outlet\'s voice');
          blocks = true;
        } else if (r === 'button' && j === i - 1 && buttonPitch(texts[j]!, texts[i]!)) {
          // "The day's top headlines, delivered at 7am. Free." over "Subscribe"
          const letter = NEWSLETTER_WORD.test(texts[j]!) || DELIVERY_PITCH.test(texts[j]!) || (SIGNUP_BUTTON.test(texts[i]!) && !APPEAL_MONEY.test(texts[i]!) && !APPEAL_MONEY.test(texts[j]!));
          out[j] = taken(letter ? 'newsletter' : 'appeal', letter ? 'newsletter pitch above its button' : 'appeal above its button');
          blocks = true;
        }
      }
    }
  }
  // a banner's buttons under it or under another button, other publisher lines between ("Accept and close" under an affiliate note under the banner)
  for (let i = 0; i < n; i++) {
    const r = out[i]!.rule;
    if (r !== 'button' && r !== 'consent-banner') continue;
    for (let j = i + 1; j < n; j++) {
      if (isGone(skip, out, j)) continue;
      if (!isFormButton(texts[j]!) || !BANNER_BUTTON.test(texts[j]!)) break;
      out[j] = taken('button', 'another button of the banner or prompt');
    }
  }
  // the pitch right above an e-mail prompt ("Ten minutes, every Saturday: ..." over "Email address")
  for (let i = 1; i < n; i++) {
    if (out[i]!.rule !== 'newsletter' || !EMAIL_PROMPT.test(texts[i]!)) continue;
    let h = i - 1;
    while (h >= 0 && skip[h]) h--;
    if (h >= 0 && out[h]!.rule === null && texts[h]!.length <= PITCH_MAX_CHARS && !REPORTED_SPEECH.test(texts[h]!)) out[h] = placed('newsletter', 'pitch above an e-mail prompt', 0.2);
    // ... and the form's button right under it, whatever its words ("Count me in", "Send it to me")
    let b = i + 1;
    while (b < n && skip[b]) b++;
    if (b < n && out[b]!.rule === null && isFormButton(texts[b]!)) out[b] = placed('button', 'button under an e-mail prompt', 0);
  }
  // promo titles: "The Morning Ledger" over "Our best stories, delivered to your inbox ..."
  for (let i = 0; i + 1 < n; i++) {
    if (isGone(skip, out, i)) continue;
    let j = i + 1;
    while (j < n && skip[j]) j++;
    const r = j < n ? out[j]!.rule : null;
    if (!r || !BLOCK_RULES.has(r) || r === 'button' || !isShortLine(texts[i]!)) continue;
    // a promo title follows article text (a sentence, a paragraph) or opens the body, not a list of short lines
    let h = i - 1;
    while (h >= 0 && isGone(skip, out, h)) h--;
    // after a line that is no sentence (a digest's list of headlines), only a title-case or ALL-CAPS line is a promo's title
    const t = texts[i]!;
    // ... or stands over a whole block (a pitch, then its button or e-mail prompt), after a line that is no sentence
    let k = j + 1;
    while (k < n && skip[k]) k++;
    const block = k < n && out[k]!.rule !== null && BLOCK_RULES.has(out[k]!.rule!) && (isTitleCase(t) || isAllCaps(t));
    if (!(h < 0 || endsSentence(texts[h]!) || (!isShortLine(texts[h]!) && (isTitleCase(t) || isAllCaps(t))) || block)) continue;
    // "The inquiry continues" over an appeal: a closing sentence without its full stop (a verb headlines and titles drop, not in title case), kept with a doubt
    if (shortParagraph(t)) {
      out[i] = doubt(0.3, 'short line over a publisher prompt: a closing sentence, or the prompt\'s title');
      continue;
    }
    // between article paragraphs over a one-line prompt, the same line may be a subhead the prompt was put under
    const lone = !block && h >= 0 && k < n && out[k]!.rule === null && endsSentence(texts[k]!);
    out[i] = placed(r, 'title of a publisher prompt', lone ? 0.6 : 0.3);
  }
  // a bare link label ("Recommended", "Most read:") over one headline, then article text: the headline is the link
  for (let i = 0; i + 1 < n; i++) {
    if (out[i]!.rule !== 'link-teaser' || !isShortLine(texts[i]!.replace(COLON_END, ''))) continue;
    // (other publisher lines between the label and its headline are passed over)
    let j = i + 1;
    while (j < n && isGone(skip, out, j)) j++;
    if (j >= n || !isTeaserHeadline(texts[j]!)) continue;
    // one headline, or a list of them ("More from the Courier:" over three headlines)
    const heads = [j];
    let after = j + 1;
    for (;;) {
      while (after < n && isGone(skip, out, after)) after++;
      if (after >= n || heads.length >= MAX_TEASER_LIST || !isTeaserHeadline(texts[after]!) || (cutLast && after === n - 1)) break;
      heads.push(after++);
    }
    // ... then article text: a paragraph, or the line the capture stops in
    // (a short paragraph too, once a link label has said what the headlines are: "Fares stay the same.")
    const para = after < n && ((cutLast && after === n - 1) || (texts[after]!.length >= SHORT_PARAGRAPH_MIN_CHARS && endsSentence(texts[after]!)));
    if (after >= n || para) for (const h of heads) out[h] = placed('link-teaser', 'headline under a link label', h === j ? 0.2 : 0);
  }
  // "Tags:" / "Topics" on a line of its own: the short title-case or ALL-CAPS lines after it are its tags
  for (let i = 0; i < n; i++) {
    if (out[i]!.rule !== 'tag-row') continue;
    let j = i + 1;
    for (; j < n && (isGone(skip, out, j) || (isShortLine(texts[j]!) && (isTitleCase(texts[j]!) || isAllCaps(texts[j]!))) || isKeywordRow(texts[j]!)); j++) {
      if (!isGone(skip, out, j)) out[j] = taken('tag-row', 'tag after a tag label');
    }
    i = j - 1;
  }
  // the body's end: tags, short runs, a teaser headline
  let last = n - 1;
  while (last >= 0 && isGone(skip, out, last)) last--;
  if (last >= 0 && !(cutLast && last === n - 1)) {
    // a run of tag-like lines, taken only when article text (a sentence) comes right before it
    let k = last;
    const run: [number, KindVerdict][] = [];
    let rows = 0;
    while (k >= 0) {
      if (isGone(skip, out, k)) {
        k--;
        continue;
      }
      const t = texts[k]!;
      if (isTagRow(t)) {
        run.push([k, placed('tag-row', 'tag / keyword row at the end of the body', 0.15)]);
        rows++;
      } else if (GLUED_SECTIONS.test(t)) run.push([k, placed('navigation', 'section names at the end of the body', 0.2)]);
      else if (isShortLine(t) && !isListItem(t) && (isTitleCase(t) || isAllCaps(t))) run.push([k, placed('tag-row', 'short tag line at the end of the body', 0.25)]);
      else break;
      k--;
    }
    // k: the kept line above the run (-1: none); a paragraph there, or a tag row in the run, decides
    // (beside short paragraphs, a run of two to MAX_TEASER_LIST tag lines after any sentence: "Fares stay the same." / "Ferries" / "Transport"; a longer list is the article's)
    if (run.length && k >= 0 && (rows > 0 || (endsSentence(texts[k]!) && texts[k]!.length > SHORT_LINE_CHARS) || (run.length >= 2 && run.length <= MAX_TEASER_LIST && shortParagraph(texts[k]!)))) {
      // the doubt is where the body ends: on the run's first line, once
      for (const [m, v] of run) out[m] = m === run[run.length - 1]![0] ? v : placed(v.rule!, v.reason!, 0);
    }
    if (!run.length && isTeaserHeadline(texts[last]!) && endsParagraph(texts, skip, out, last)) {
      out[last] = placed('link-teaser', 'headline of another story after the last paragraph', 0.35);
    } else if (!run.length && isTeaserHeadline(texts[last]!)) {
      // a run of teaser headlines after the last sentence, however short the paragraphs ("Fares stay the same." / two headlines)
      const heads: number[] = [];
      let h = last;
      while (h >= 0 && heads.length < MAX_TEASER_LIST && (isGone(skip, out, h) || isTeaserHeadline(texts[h]!))) {
        if (!isGone(skip, out, h)) heads.push(h);
        h--;
      }
      while (h >= 0 && isGone(skip, out, h)) h--;
      if (heads.length >= TEASER_RUN_MIN && h >= 0 && shortParagraph(texts[h]!)) {
        for (const m of heads) out[m] = placed('link-teaser', 'run of headlines of other stories after the last paragraph', m === heads[heads.length - 1] ? 0.35 : 0);
      }
    }
  }
  // the body's start: breadcrumbs (two or more short lines before the first paragraph)
  let first = 0;
  while (first < n && isGone(skip, out, first)) first++;
  // "Political Correspondent" on its own line under the byline: part of the credit, not body
  if (first < n && isJobTitle(texts[first]!) && paragraphAfter(texts, skip, out, first)) {
    out[first] = placed('credits', 'job title under the byline', 0.1);
    while (first < n && isGone(skip, out, first)) first++;
  }
  let k = first;
  while (k < n && (isGone(skip, out, k) || (isShortLine(texts[k]!) && wordCount(texts[k]!) <= 3 && !isListItem(texts[k]!)))) k++;
  let shorts = 0;
  for (let m = first; m < k; m++) if (!isGone(skip, out, m)) shorts++;
  if (shorts >= 2 && k < n) {
    let doubt = 0.3;
    for (let m = first; m < k; m++) {
      if (isGone(skip, out, m)) continue;
      out[m] = placed('navigation', 'breadcrumb / section line before the first paragraph', doubt);
      doubt = 0;
    }
  } else if (first < n && GLUED_SECTIONS.test(texts[first]!)) {
    out[first] = placed('navigation', 'section names before the first paragraph', 0.2);
  } else if (first < n && isTagRow(texts[first]!) && paragraphAfter(texts, skip, out, first)) {
    // "World › Europe › Spain" / "News / Local" right before the first paragraph
    out[first] = placed('navigation', 'breadcrumb row before the first paragraph', 0.2);
  }
  return out;
}

/**
 * A short paragraph: a sentence ending in ".", "!" or "?" (closing quotes allowed; not a line
 * introducing a list with ":") of SHORT_PARAGRAPH_MIN_CHARS or more, or a closing sentence without
 * its full stop ("The inquiry continues", "Police are appealing for witnesses"): three or more
 * words with a verb headlines and tags drop (SENTENCE_AUX), not in title case.
 */
function shortParagraph(t: string): boolean {
  if (t.length < SHORT_PARAGRAPH_MIN_CHARS) return false;
  if (ENDS_SENTENCE.test(t.replace(TRAILING_CLOSERS, ''))) return true;
  return !t.endsWith(':') && wordCount(t) >= 3 && SENTENCE_AUX.test(t) && !isTitleCase(t) && !isAllCaps(t);
}

/** A sign-up form's button: a few capitalised words, at most a "!" at the end ("Count me in", "Send me the briefing!"). */
function isFormButton(s: string): boolean {
  const t = s.endsWith('!') ? s.slice(0, -1) : s;
  return t.length > 0 && t.length <= SHORT_LINE_CHARS && startsUpperOrDigit(t) && !endsSentence(t) && wordCount(t) <= FORM_BUTTON_WORDS;
}

/** Line i is taken (by another rule or a kind rule). */
function isGone(skip: readonly boolean[], out: readonly KindVerdict[], i: number): boolean {
  return skip[i]! || out[i]!.rule !== null;
}

/** "1. item", "- item", "• item": list items are not tags or teasers. */
function isListItem(s: string): boolean {
  const c = s.charCodeAt(0);
  return (c >= 48 && c <= 57) || c === 45 || c === 0x2022 || c === 42 || c === 0x2013;
}

/** The kept line before k is a paragraph that ends a sentence (not another headline-shaped list item). */
function endsParagraph(texts: readonly string[], skip: readonly boolean[], out: readonly KindVerdict[], k: number): boolean {
  for (let m = k - 1; m >= 0; m--) {
    if (skip[m] || out[m]!.rule) continue;
    const t = texts[m]!;
    return endsSentence(t) && t.length > 2 * SHORT_LINE_CHARS;
  }
  return false;
}

/** The kept line after k is a paragraph that ends a sentence. */
function paragraphAfter(texts: readonly string[], skip: readonly boolean[], out: readonly KindVerdict[], k: number): boolean {
  for (let m = k + 1; m < texts.length; m++) {
    if (skip[m] || out[m]!.rule) continue;
    const t = texts[m]!;
    return endsSentence(t) && t.length > 2 * SHORT_LINE_CHARS;
  }
  return false;
}

/** "Senior Political Correspondent", "Rural Affairs Editor, The Ledger": two to six capitalised words ending in a role noun (an outlet after a comma). */
function isJobTitle(s: string): boolean {
  if (s.length > 80 || endsSentence(s)) return false;
  const head = s.split(',')[0]!.trim();
  const words = head.split(/\s+/u);
  if (words.length < 2 || words.length > 6 || TITLE_MINOR_WORDS.has(words[0]!.toLowerCase()) || !JOB_ROLE_NOUN.test(words[words.length - 1]!)) return false;
  // capitalised words (a beat: "Rural Affairs", "Senior Political") before the role noun
  for (const w of words) if (!startsUpperOrDigit(w) && !TITLE_MINOR_WORDS.has(w)) return false;
  return true;
}

/**
 * The pitch right above a subscribe or give button, without "you": what the reader gets or what
 * the money pays for ("The day's top headlines, delivered at 7am. Free.", "Independent local
 * journalism costs money. ..."): a short line, not reported speech, naming an appeal, a
 * newsletter, a delivery or news work (SELF_MEDIA). The line below a button is the article again.
 */
function buttonPitch(s: string, button: string): boolean {
  return s.length <= PITCH_MAX_CHARS && !REPORTED_SPEECH.test(s) && (APPEAL_WORD.test(s) || NEWSLETTER_WORD.test(s) || DELIVERY_PITCH.test(s) || SELF_MEDIA.test(s) || (OUTLET_SELF.test(s) && !hasQuote(s) && SIGNUP_BUTTON.test(button)));
}

/** Beside a sign-up or call to action, the outlet speaking of what it sends: "Our free weekly email about the port ..." (short, "we"/"our" and a media object, not reported speech). */
function outletPitch(s: string): boolean {
  return s.length <= PITCH_MAX_CHARS && OUTLET_SELF.test(s) && MEDIA_OBJECT.test(s) && !REPORTED_SPEECH.test(s) && !hasQuote(s);
}

/** A short line that speaks to the reader in its own voice (not reported speech). */
function addressesReader(s: string): boolean {
  return s.length <= PITCH_MAX_CHARS && READER_ADDRESS.test(s) && !REPORTED_SPEECH.test(s);
}

/** A bare headline: capitalised, four or more words, no sentence end, not a list item or a quote. */
function isTeaserHeadline(s: string): boolean {
  return s.length <= TEASER_MAX_CHARS && startsUpperOrDigit(s) && !isListItem(s) && !endsSentence(s) && wordCount(s) >= 4 && !REPORTED_SPEECH.test(s) && !CUT_SENTENCE_END.test(s) && !SENTENCE_AUX.test(s);
}
