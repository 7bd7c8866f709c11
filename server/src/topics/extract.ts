/**
 * Entity topics from an article's headline and lead, resolved within the article. Pure.
 *
 * Names are runs of capitalised words (with "of", "de", ... inside), cut at punctuation; a title
 * before a name ("President", "Secretary of State") is dropped and marks a person. A capitalised
 * word that opens a sentence is a name only when the article also writes it capitalised inside a
 * sentence or compromise's lexicon knows it as a name ("Police officers" names nobody). A fragment
 * of a longer name in the same article folds into it ("Rubio" -> "Marco Rubio", "Kong" -> "Hong
 * Kong"); the spellings folded are kept as aliases. Kinds come from the lexicon, the name's last
 * word ("... Bank", "... Street"), a title before it, and its context.
 * Evidence rules against noise: a heading line, a designation ("House Bill 1375"), the words of a
 * quoted Title Case title, a word after a list marker at a sentence start name nothing on their
 * own; an acronym introduced after a name and a party's adjective fold into the name; an
 * organisation's name and its member's written without a comma are split.
 */
import nlp from 'compromise';
import { topicKey } from './key.ts';

export type EntityKind = 'person' | 'place' | 'organization';

export interface ExtractedEntity {
  key: string;
  name: string;
  kind: EntityKind;
  /** mentions, headline mentions counting double */
  score: number;
  /** other spellings folded into this entity in the article ("Rubio", "U.S.") */
  aliases: string[];
}

type Lexicon = Record<string, string | string[] | undefined>;
const LEXICON: Lexicon = (nlp as unknown as { model(): { one: { lexicon: Lexicon } } }).model().one.lexicon;
const tagsOf = (w: string): string[] => {
  const t = LEXICON[w.toLowerCase()];
  return t === undefined ? [] : Array.isArray(t) ? t : [t];
};
const hasTag = (w: string, tags: Set<string>) => tagsOf(w).some((t) => tags.has(t));
// "Turkish", "British": demonyms the lexicon lacks
const isDemonym = (w: string) => hasTag(w, DEMONYM) || (tagsOf(w).length === 0 && /^\p{Lu}\p{Ll}+(?:ish|ese)$/u.test(w));

const PERSON_TAGS = new Set(['Person', 'FirstName', 'MaleName', 'FemaleName', 'LastName', 'Honorific']);
const PLACE_TAGS = new Set(['Place', 'Country', 'City', 'Region', 'Address']);
const ORG_TAGS = new Set(['Organization', 'SportsTeam', 'Company']);
// words that never start or end a name: "Monday", "July", "I", "The"
const DEMONYM = new Set(['Demonym']);
const CALENDAR = /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;
const EDGE_TAGS = new Set(['Determiner', 'Pronoun', 'Preposition', 'Conjunction', 'WeekDay', 'Month', 'Date', 'Value', 'Adverb', 'QuestionWord', 'Modal', 'Copula', 'Negative', 'Expression']);

// words that join the parts of one name: "Port of Rotterdam", "Ingrid de Vries"
const CONNECTORS = new Set(['of', 'for', 'de', 'da', 'do', 'del', 'der', 'van', 'von', 'al', 'bin', 'la', 'le', 'du', 'y']);
// titles and roles before a name: dropped, and the name is a person's
const TITLE_WORDS = new Set(
  'president prime minister secretary state general governor gov sen senator rep representative mayor king queen prince princess pope chancellor judge mr mrs ms miss dr sir dame lord lady chief executive ceo pm coach speaker leader premier vice deputy foreign defence defense finance interior home health trade business attorney spokesperson spokesman spokeswoman ambassador commissioner chairman chairwoman chair director minister senior correspondent editor reporter actor actress singer creator co-creator activist activists officer officers sheriff captain colonel lieutenant sergeant'.split(' '),
);
// offices written after a name: "Bank of Marlow Governor", "5 Things PM"
const TRAILING_OFFICES = /^(?:pm|ceo|mp|mep|governor|president|minister|chancellor|mayor|spokesman|spokeswoman|spokesperson)$/i;
// last words that make a name an organisation or a place
const ORG_HEADS = /^(?:inc|corp|corporation|co|ltd|llc|plc|group|company|companies|party|department|ministry|bank|police|union|agency|office|commission|council|league|court|parliament|association|university|college|institute|news|times|post|journal|herald|tribune|club|fc|government|authority|board|trust|foundation|fund|service|services|network|airlines?|motors|semiconductor|systems|technologies|nation|committee|assembly|senate|congress|house|army|navy|media|press|television|tv|radio|reuters|international)$/i;
const ORG_LEADS = /^(?:fc|university|bank|house|port|department|ministry|federation)$/i;
// the words a club's or company's name adds to its short form: "FC Porto" is Porto
const CLUB_FORMS = /^(?:fc|afc|cf|sc|ac|club|inc|corp|ltd|plc|group)$/i;
const PLACE_HEADS = /^(?:street|st|avenue|road|bay|point|head|river|island|islands|lake|mountains?|valley|delta|county|province|square|park|city|coast|beach|harbour|harbor|strait|sea|ocean|gulf|peninsula|district|region|midlands|highlands)$/i;
// a name right after these is a place when nothing else tells its kind
const PLACE_PREPOSITIONS = /\b(?:in|at|near|across|from|to|outside|around|of)\s+(?:the\s+)?$/i;
// parties named by their members, which no lexicon lists as names
const PARTIES = /^(?:democrats|republicans|conservatives|tories|liberals|socialists|greens)$/i;
// between two names of one list: ", ", " and ", " or ", " & "
const LIST_GAP = /^(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)$/;
// first words that make a name a place: "River Severn", "Lake Geneva", "Mount Kenya"
const PLACE_LEADS = /^(?:river|lake|mount|mt|cape|isle|gulf)$/i;
const DATELINE_BEFORE = /(?:^|\n)\s*\p{Lu}[\p{Lu} .'-]+,\s*$/u;
const SAID_AFTER = /^\s*(?:,[^,]{0,40},\s*)?(?:said|says|told|added|wrote|asked)\b/i;
// the same entity under a short form: one topic for each
const CANONICAL: Record<string, string> = {
  us: 'United States', usa: 'United States', america: 'United States', 'united states of america': 'United States', 'united states': 'United States',
  uk: 'United Kingdom', britain: 'United Kingdom', 'great britain': 'United Kingdom', 'united kingdom': 'United Kingdom',
  eu: 'European Union', 'european union': 'European Union', un: 'United Nations', 'united nations': 'United Nations',
};
const CANONICAL_KIND: Record<string, EntityKind> = { 'United States': 'place', 'United Kingdom': 'place', 'European Union': 'organization', 'United Nations': 'organization' };

// a word: letters, digits, inner apostrophes, hyphens, ampersands; or a dotted acronym ("U.S.")
const WORD = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[-'’&][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*/gu;
// between two words of one name there is only a space (after a plural possessive, its apostrophe: "Governors' Association")
const JOIN_GAP = /^[ \u00a0]$/;
const POSSESSIVE_GAP = /^['’][ \u00a0]$/;
/** a quote opened in the line before `at` is still open (an apostrophe after a word there closes it, it is no plural possessive) */
function quoteOpen(text: string, at: number): boolean {
  const line = text.slice(text.lastIndexOf('\n', at - 1) + 1, at);
  return ((line.match(/(?:^|[\s(\[])['‘]/g) ?? []).length - (line.match(/\p{L}['’](?=[\s,.;:!?)]|$)/gu) ?? []).length) > 0;
}
// a gap that ends a sentence or clause start: the next word opens a sentence
const SENTENCE_GAP = /[.!?:;"“”‘(\[\n•|—–\p{So}]|--|^\s*-\s*$|'\s*$|^\s*'/u;

interface Word {
  text: string;
  start: number;
  end: number;
  /** opens a sentence (or a quote, a line, a list item) */
  initial: boolean;
  cap: boolean;
  /** followed by a possessive "'s" */
  possessive: boolean;
  /** joined to the word before by a plural possessive's apostrophe ("Governors' Association") */
  joined: boolean;
}

function words(text: string): Word[] {
  const out: Word[] = [];
  let prevEnd = 0;
  for (const m of text.matchAll(WORD)) {
    let w = m[0];
    let possessive = false;
    if (/['’]s$/i.test(w)) {
      w = w.slice(0, -2);
      possessive = true;
    } else if (/['’]$/.test(w)) w = w.slice(0, -1);
    // "Beijing-imposed", "London-based": the name is the part before the hyphen
    const cut = w.match(/^(.+?)-(?:based|led|backed|owned|born|imposed|run|made|style|era|linked|controlled|funded|bound|wide|level|listed)$/i);
    if (cut) w = cut[1]!;
    const gap = text.slice(prevEnd, m.index);
    // "National Governors' Association": a plural possessive's apostrophe inside a name does not open a sentence
    const pluralPossessive = POSSESSIVE_GAP.test(gap) && /^\p{Lu}/u.test(w) && out.length > 0 && out.at(-1)!.cap && !quoteOpen(text, prevEnd);
    // "1️⃣ Topunidu ...", "2. Widet ...": a number that opens a line is a list item's marker, the word after it opens a sentence
    const afterMarker = out.length > 0 && out.at(-1)!.initial && /^\p{N}{1,2}\p{M}*$/u.test(out.at(-1)!.text) && /^[.)]?\s+$/.test(gap);
    out.push({ text: w, start: m.index!, end: m.index! + m[0].length, initial: out.length === 0 || afterMarker || (!pluralPossessive && SENTENCE_GAP.test(gap)), cap: /^\p{Lu}/u.test(w), possessive, joined: pluralPossessive });
    prevEnd = m.index! + m[0].length;
  }
  return out;
}

const isAcronym = (w: string) => /^(?:\p{Lu}\.){2,}$|^\p{Lu}[\p{Lu}\p{N}&]+$/u.test(w);
const isTitle = (w: string) => TITLE_WORDS.has(w.toLowerCase().replace(/\.$/, ''));

interface Mention {
  words: string[];
  /** the name came right after a title ("President") or a role noun */
  titled: boolean;
  initial: boolean;
  before: string;
  after: string;
  headline: boolean;
  /** inside a quoted Title Case title of three or more words ('The Truth about ...'): a work's title, its words count only for names the prose has */
  quotedTitle: boolean;
  /** the name listed right before this one ("Shrewsbury and Worcester", "Bajuti, Zes Dajod and Mikah"): one kind for both */
  listedAfter?: Mention;
}

/** a word the lexicon knows only as something other than a name ("Further", "Key", "Bill") */
const isCommon = (w: string) => tagsOf(w).length > 0 && !hasTag(w, PERSON_TAGS) && !hasTag(w, PLACE_TAGS) && !hasTag(w, ORG_TAGS);
/** the line of `text` around offset `at` */
const lineOf = (text: string, at: number) => text.slice(text.lastIndexOf('\n', at - 1) + 1, text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at));
/**
 * [start, end) offsets of quoted spans of three or more words, most of them capitalised, with a
 * small word or a colon or question mark inside: the titles of works ('The Truth about ...'). A
 * quoted run of capitalised words alone is a name in quotes ("Hong Kong Parliament").
 */
function quotedTitles(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of text.matchAll(/(?:^|[\s(])(['‘“"])(\p{Lu}(?:[^'’”"\n]|['’](?=\p{L})){3,80}?)['’”"](?![\p{L}])/gu)) {
    const ws = m[2]!.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
    const caps = ws.filter((w) => /^\p{Lu}/u.test(w)).length;
    if (ws.length >= 3 && caps >= 2 && caps / ws.length >= 0.6 && (caps < ws.length || /[:?!]/.test(m[2]!))) out.push([m.index! + m[0].indexOf(m[2]!), m.index! + m[0].indexOf(m[2]!) + m[2]!.length]);
  }
  return out;
}

/** Runs of capitalised words in `text`, cut at punctuation, titles and edge words dropped. */
function mentions(text: string, headline: boolean): Mention[] {
  const ws = words(text);
  const titles = quotedTitles(text);
  let previous: { m: Mention; end: number } | null = null;
  const out: Mention[] = [];
  let i = 0;
  while (i < ws.length) {
    if (!ws[i]!.cap) {
      i++;
      continue;
    }
    let j = i;
    // extend while the next word is joined by a single space and capitalised (or a connector before a capitalised word)
    while (j + 1 < ws.length && !ws[j]!.possessive && (ws[j + 1]!.joined || JOIN_GAP.test(text.slice(ws[j]!.end, ws[j + 1]!.start))) && !ws[j + 1]!.initial) {
      const next = ws[j + 1]!;
      if (next.cap) {
        j++;
        continue;
      }
      const after = ws[j + 2];
      if (CONNECTORS.has(next.text) && after?.cap && !after.initial && JOIN_GAP.test(text.slice(next.end, after.start))) {
        j += 2;
        continue;
      }
      break;
    }
    // "Reuters HONG KONG": a run of capitals after a name is a dateline of its own
    for (let k = i + 1; k < j; k++) if (isAcronym(ws[k]!.text) && isAcronym(ws[k + 1]!.text) && !isAcronym(ws[k - 1]!.text)) {
      j = k - 1;
      break;
    }
    let run = ws.slice(i, j + 1);
    const roleBefore = i > 0 && !ws[i]!.initial && isTitle(ws[i - 1]!.text);
    let titled = roleBefore;
    // "U.S. Secretary of State Marco Rubio", "NATO Secretary General Mark Rutte": what precedes the title is a name of its own
    const lastTitle = run.findLastIndex((w, k) => k > 0 && k < run.length - 1 && w.cap && isTitle(w.text));
    if (lastTitle > 0) {
      let firstTitle = lastTitle;
      while (firstTitle > 0 && (isTitle(run[firstTitle - 1]!.text) || CONNECTORS.has(run[firstTitle - 1]!.text))) firstTitle--;
      const lead = run.slice(0, firstTitle);
      if (lead.length && !(lead.length === 1 && !CANONICAL[topicKey(lead[0]!.text)] && (hasTag(lead[0]!.text, DEMONYM) || hasTag(lead[0]!.text, EDGE_TAGS) || hasTag(lead[0]!.text, new Set(['Adjective'])) || isDemonym(lead[0]!.text)))) {
        out.push({ words: lead.map((w) => w.text), titled: false, initial: ws[i]!.initial, before: text.slice(Math.max(0, lead[0]!.start - 24), lead[0]!.start), after: '', headline, quotedTitle: false });
      }
      run = run.slice(lastTitle + 1);
      titled = true;
    }
    // "Secretary of Commerce Pedro Almeida": the office after a title goes with it
    if (titled && run.length > 3 && CONNECTORS.has(run[0]!.text)) run = run.slice(2);
    // "South Korean", "Latin American": a phrase ending in a demonym describes, it names nothing
    if (isDemonym(run.at(-1)!.text)) {
      i = j + 1;
      continue;
    }
    // drop titles and edge words in front: "President Donald Trump", "The Environment Agency", "Japanese Prime Minister ..."
    while (run.length > 1 && (isTitle(run[0]!.text) || hasTag(run[0]!.text, EDGE_TAGS) || CONNECTORS.has(run[0]!.text) || (hasTag(run[0]!.text, DEMONYM) && isTitle(run[1]!.text)))) {
      const title = isTitle(run[0]!.text);
      if (title) titled = true;
      run = run.slice(1);
      if (title && run.length > 2 && CONNECTORS.has(run[0]!.text)) run = run.slice(2);
    }
    // "... Photo", "Bank of Marlow Governor", "5 Things PM": an office or a caption word after a name is not part of it
    // (after a first name it is a surname: "Mike Judge", "Carole King")
    const trailingOffice = (k: number) => TRAILING_OFFICES.test(run[k]!.text) && !hasTag(run[k - 1]!.text, PERSON_TAGS);
    while (run.length > 1 && (hasTag(run.at(-1)!.text, EDGE_TAGS) || CONNECTORS.has(run.at(-1)!.text) || trailingOffice(run.length - 1) || /^(?:photo|photos|images|video)$/i.test(run.at(-1)!.text))) run = run.slice(0, -1);
    const first = run[0]!;
    const last = run.at(-1)!;
    const names = run.map((w) => w.text);
    const skip =
      (run.length === 1 && !CANONICAL[first.text.toLowerCase().replace(/\./g, '')] && (isTitle(first.text) || hasTag(first.text, EDGE_TAGS) || isDemonym(first.text) || CALENDAR.test(first.text))) ||
      // an event or a day ("Canada Day"), not a person, place or organisation
      /^(?:day|week|weekend|eve)$/i.test(last.text) ||
      // a byline inside the body: "By Tobias Fenwright"
      /(?:^|\n)\s*by\s+$/i.test(text.slice(Math.max(0, first.start - 6), first.start)) ||
      // a designation, not an entity: "House Bill 1375", "Flight 370" (a common noun before a number), "D-35", "F-16"
      (run.length === 1 && /^\p{Lu}{1,3}-\d+$/u.test(first.text)) ||
      (isCommon(last.text) && /^[ \u00a0]\d/.test(text.slice(last.end, last.end + 2))) ||
      // a heading line ("Further Reading", "Key Points"): the run fills its line and opens with a common word
      (isCommon(ws[i]!.text) && lineOf(text, ws[i]!.start).trim().replace(/[:.]$/, '') === text.slice(ws[i]!.start, ws[j]!.end));
    if (!skip) {
      const m: Mention = {
        words: names,
        titled,
        initial: ws[i]!.initial && first === ws[i],
        before: text.slice(Math.max(0, first.start - 24), first.start),
        after: text.slice(last.end, last.end + 60),
        headline,
        quotedTitle: titles.some(([a, b]) => first.start >= a && last.end <= b),
      };
      if (previous && LIST_GAP.test(text.slice(previous.end, first.start))) m.listedAfter = previous.m;
      out.push(m);
      previous = { m, end: last.end };
    }
    i = j + 1;
  }
  return out;
}

/** a headline in Title Case capitalises common words too: its runs only count for names the body has */
function isTitleCase(headline: string): boolean {
  const long = headline.match(/\b\p{L}{4,}\b/gu) ?? [];
  return long.length >= 3 && long.filter((w) => /^\p{Lu}/u.test(w)).length / long.length >= 0.6;
}

interface Candidate {
  key: string;
  words: string[];
  spellings: Map<string, number>;
  score: number;
  mentions: Mention[];
}

/**
 * The kind of a candidate, and whether it rests on the name itself (lexicon, head word, title,
 * dateline, form) rather than on a weak cue of context (a verb of saying, a preposition) or the
 * fallback. A weakly kinded name listed with a surely kinded one takes its kind (resolveKinds).
 */
function kindEvidence(c: Candidate, name: string): { kind: EntityKind; sure: boolean } {
  const sure = strongKind(c, name);
  if (sure) return { kind: sure, sure: true };
  if (c.mentions.some((m) => SAID_AFTER.test(m.after)) && c.words.length <= 3) return { kind: 'person', sure: false };
  if (c.mentions.some((m) => PLACE_PREPOSITIONS.test(m.before))) return { kind: 'place', sure: false };
  return { kind: c.words.length === 2 && !c.words.some(isAcronym) && !c.words.includes('of') ? 'person' : 'organization', sure: false };
}

function strongKind(c: Candidate, name: string): EntityKind | null {
  if (CANONICAL_KIND[name]) return CANONICAL_KIND[name]!;
  const lower = c.words.join(' ').toLowerCase();
  const whole = tagsOf(lower);
  if (whole.some((t) => PLACE_TAGS.has(t))) return 'place';
  if (c.words.length === 1 && PARTIES.test(c.words[0]!)) return 'organization';
  if (whole.some((t) => ORG_TAGS.has(t))) return 'organization';
  if (whole.some((t) => PERSON_TAGS.has(t))) return 'person';
  const last = c.words.at(-1)!;
  const first = c.words[0]!;
  if (ORG_HEADS.test(last) || ORG_LEADS.test(first) || c.words.length > 1 && c.words.includes('of') && ORG_HEADS.test(first)) return 'organization';
  if (PLACE_HEADS.test(last) || (c.words.length > 1 && PLACE_LEADS.test(first))) return 'place';
  if (c.mentions.some((m) => m.titled)) return 'person';
  // the region after a dateline's city: "GENOROM, Tavof --"
  if (c.mentions.some((m) => DATELINE_BEFORE.test(m.before))) return 'place';
  if (c.words.every(isAcronym)) return 'organization';
  if (c.words.length >= 2 && (hasTag(first, PERSON_TAGS) || hasTag(last, new Set(['LastName', 'Person'])))) return 'person';
  if (c.words.length === 1 && hasTag(first, PLACE_TAGS)) return 'place';
  if (c.words.length === 1 && hasTag(first, ORG_TAGS)) return 'organization';
  if (c.words.length === 1 && hasTag(first, PERSON_TAGS)) return 'person';
  return null;
}

/**
 * The entities of an article (people, places, organisations), resolved within it: each with its
 * key, display name (as most often written, canonical for "U.S."-style short forms), kind,
 * score (mentions; headline mentions count double) and the other spellings folded into it.
 */
export function extractEntities(headline: string | null, lead: string): ExtractedEntity[] {
  const found: Mention[] = [];
  const titleCase = headline ? isTitleCase(headline) : false;
  if (headline) found.push(...mentions(headline, true));
  found.push(...mentions(lead, false));
  const bodyText = lead;

  // a word that opens a sentence is a name only if the article writes it capitalised mid-sentence too, or the lexicon knows it as a name
  const midCaps = new Set<string>();
  for (const m of found) for (const w of m.initial ? m.words.slice(1) : m.words) midCaps.add(w);
  const lowerWords = new Set((bodyText.match(/\b\p{Ll}[\p{L}'-]*/gu) ?? []).map((w) => w.toLowerCase()));
  const known = (w: string) => hasTag(w, PERSON_TAGS) || hasTag(w, PLACE_TAGS) || hasTag(w, ORG_TAGS) || CANONICAL[topicKey(w)] !== undefined || PARTIES.test(w);
  // every run as written, to tell whether a shorter run stands on its own elsewhere
  const runs = new Map<string, number>();
  for (const m of found) runs.set(m.words.join(' '), (runs.get(m.words.join(' ')) ?? 0) + 1);
  const standsAlone = (ws: string[], self: string) => (runs.get(ws.join(' ')) ?? 0) > (ws.join(' ') === self ? 1 : 0);

  // "Pufiwulu First Nation Pinur Tugere Bewujah": an organisation's name and, without a comma, its member's; split
  // where the run goes on after an organisation's head word with two or more words whose last stands alone elsewhere
  for (let n = 0; n < found.length; n++) {
    const m = found[n]!;
    const k = m.words.findIndex((w, i) => i > 0 && i <= m.words.length - 3 && ORG_HEADS.test(w) && !CONNECTORS.has(m.words[i + 1]!));
    if (k < 0 || !standsAlone([m.words.at(-1)!], m.words.join(' '))) continue;
    found.splice(n, 1, { ...m, words: m.words.slice(0, k + 1) }, { ...m, words: m.words.slice(k + 1), initial: false, titled: true });
  }

  const byKey = new Map<string, Candidate>();
  // which candidate each mention went to (a fold moves its mentions: looked up through `hostOf`)
  const ownerOf = new Map<Mention, Candidate>();
  const hostOf = new Map<Candidate, Candidate>();
  const current = (c: Candidate | undefined): Candidate | undefined => {
    while (c && hostOf.has(c)) c = hostOf.get(c);
    return c;
  };
  // kinds, a weakly kinded name taking the sure kind of a name it is listed with
  const resolveKinds = (cands: Candidate[], nameOf: (c: Candidate) => string): Map<string, EntityKind> => {
    const ev = new Map(cands.map((c) => [c, kindEvidence(c, nameOf(c))]));
    const partners = new Map<Candidate, Candidate[]>();
    for (const c of cands)
      for (const m of c.mentions) {
        const other = m.listedAfter ? current(ownerOf.get(m.listedAfter)) : undefined;
        if (!other || other === c || !ev.has(other)) continue;
        partners.set(c, [...(partners.get(c) ?? []), other]);
        partners.set(other, [...(partners.get(other) ?? []), c]);
      }
    const out = new Map<string, EntityKind>();
    for (const c of cands) {
      const own = ev.get(c)!;
      const listed = own.sure ? undefined : (partners.get(c) ?? []).map((p) => ev.get(p)!).find((e) => e.sure);
      out.set(c.key, listed ? listed.kind : own.kind);
    }
    return out;
  };
  for (const m of found) {
    let ws = m.words;
    if (m.initial && ws.length > 2 && CONNECTORS.has(ws[1]!) && !midCaps.has(ws[0]!) && !known(ws[0]!)) ws = ws.slice(2);
    else if (m.initial) {
      // "Shares in Maersk", "Police officers": a common word opening the sentence is not part of a name
      // a word no lexicon knows, opening sentences more than once and never written in lower case, is a name ("Reuters")
      // ("Night ferries" twice is a phrase repeated, not a name: a name also stands alone or before a verb of saying)
      const opens = found.filter((o) => o.initial && o.words[0] === ws[0]);
      const alone = opens.some((o) => o.words.length === 1 && !/^\s*\p{Ll}/u.test(o.after)) || opens.some((o) => SAID_AFTER.test(o.after));
      const unknownName = opens.length >= 2 && alone && tagsOf(ws[0]!).length === 0 && !lowerWords.has(ws[0]!.toLowerCase());
      while (ws.length && !unknownName && !midCaps.has(ws[0]!) && !known(ws[0]!) && (lowerWords.has(ws[0]!.toLowerCase()) || tagsOf(ws[0]!).length > 0 || ws.length === 1)) {
        if (ws.length === 1) {
          ws = [];
          break;
        }
        if (!lowerWords.has(ws[0]!.toLowerCase()) && !hasTag(ws[0]!, EDGE_TAGS)) break;
        ws = ws.slice(1);
        while (ws.length && CONNECTORS.has(ws[0]!)) ws = ws.slice(1);
      }
      // "Disgraced Nabawi Vebabavu ...": an opening word nothing else names, before a name the article writes alone, describes it
      if (ws.length >= 3 && !unknownName && !midCaps.has(ws[0]!) && !known(ws[0]!) && standsAlone(ws.slice(1), m.words.join(' '))) ws = ws.slice(1);
    }
    if (!ws.length) continue;
    // one word the lexicon knows as something other than a name ("Read", "Court", "Truth") names nothing
    if (ws.length === 1 && !CANONICAL[topicKey(ws[0]!)] && tagsOf(ws[0]!).length > 0 && !known(ws[0]!) && !isAcronym(ws[0]!)) continue;
    // an all-capitals run is a heading ("ALSO READ") or a dateline ("HONG KONG--"): a name only where the lexicon knows it as one, then in Title Case
    if (ws.every(isAcronym) && !CANONICAL[topicKey(ws.join(' '))]) {
      const lower = ws.join(' ').toLowerCase();
      if (ws.length > 1 || ws[0]!.length > 5 || (tagsOf(lower).length > 0 && !known(lower))) {
        if (!known(lower)) continue;
        ws = ws.map((w) => w.charAt(0) + w.slice(1).toLowerCase());
      }
    }
    // "Vantora Semiconductor Inc.": the legal form is not part of the name
    if (ws.length > 1 && /^(?:inc|corp|ltd|llc|plc|co|sa|ag|nv|gmbh)$/i.test(ws.at(-1)!)) ws = ws.slice(0, -1);
    const text = ws.join(' ');
    const canonical = CANONICAL[topicKey(text)];
    const key = topicKey(canonical ?? text);
    if (key.length < 2) continue;
    const c: Candidate = byKey.get(key) ?? { key, words: (canonical ?? text).split(' '), spellings: new Map(), score: 0, mentions: [] };
    c.spellings.set(text, (c.spellings.get(text) ?? 0) + 1);
    c.score += m.headline ? 2 : 1;
    c.mentions.push({ ...m, words: ws });
    ownerOf.set(m, c);
    byKey.set(key, c);
  }
  // Title Case headline runs count only where the body names the same thing
  for (const [key, c] of byKey) if (titleCase && c.mentions.every((m) => m.headline) && !c.mentions.some((m) => known(m.words.join(' ')))) byKey.delete(key);
  // so do the runs of a quoted Title Case title ('Special Report: World's Best ...')
  for (const [key, c] of byKey) if (c.mentions.every((m) => m.quotedTitle) && !c.mentions.some((m) => known(m.words.join(' ')))) byKey.delete(key);

  const kinds = new Map<string, EntityKind>();
  // the display name: the fullest spelling ("Marco Rubio" over "Rubio"), then the most written
  const words = (s: string) => s.split(' ').length;
  const nameOf = (c: Candidate) =>
    CANONICAL[c.key] ?? [...c.spellings.entries()].sort((a, b) => words(b[0]) - words(a[0]) || b[1] - a[1] || +(topicKey(b[0]) === c.key) - +(topicKey(a[0]) === c.key) || b[0].length - a[0].length)[0]![0];
  for (const [k, v] of resolveKinds([...byKey.values()], nameOf)) kinds.set(k, v);

  /** `short` becomes part of `host`: its mentions, spellings and score */
  const fold = (short: Candidate, host: Candidate) => {
    host.score += short.score;
    for (const [s, n] of short.spellings) host.spellings.set(s, (host.spellings.get(s) ?? 0) + n);
    host.mentions.push(...short.mentions);
    byKey.delete(short.key);
    hostOf.set(short, host);
  };

  // fold fragments into the longer name they are part of: "Rubio", "Marco" -> "Marco Rubio"; "Kong" -> "Hong Kong"
  const cands = [...byKey.values()].sort((a, b) => a.words.length - b.words.length);
  for (const short of cands) {
    const sw = short.key.split(' ');
    const hosts = cands.filter((long) => {
      if (long === short || !byKey.has(long.key)) return false;
      const lw = long.key.split(' ');
      if (lw.length <= sw.length) return false;
      const head = sw.every((w, i) => lw[i] === w);
      const tail = sw.every((w, i) => lw[lw.length - sw.length + i] === w);
      if (!head && !tail) return false;
      if (kinds.get(long.key) === 'person') return true;
      // "Porto" in "FC Porto", "Vantora" in "Vantora Semiconductor"
      if (sw.length === 1 && kinds.get(long.key) === 'organization' && long.words.filter((w) => !sw.includes(w.toLowerCase())).every((w) => CLUB_FORMS.test(w))) return true;
      // a place or an organisation takes a one-word fragment the lexicon does not know as a place of its own
      // (a place of its own, "Tavof" in "Tavof House", stays one)
      return sw.length === 1 && !hasTag(short.words[0]!, PLACE_TAGS) && !hasTag(short.words[0]!, ORG_TAGS) && kinds.get(short.key) !== 'person' && (kinds.get(short.key) !== 'place' || kinds.get(long.key) === 'place');
    });
    if (!hosts.length) continue;
    fold(short, hosts.sort((a, b) => b.score - a.score || b.words.length - a.words.length)[0]!);
  }

  const all = `${headline ?? ''}\n${lead}`;
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const c of [...byKey.values()]) {
    // "National Governors' Association, or NGA", "... Association (NGA)": an acronym introduced after a name is that name
    if (c.words.length === 1 && isAcronym(c.words[0]!)) {
      const host = [...byKey.values()].find(
        (o) => o !== c && o.words.length > 1 && [...o.spellings.keys()].some((sp) => new RegExp(`${escape(sp).replace(/ /g, "['’]? ")}['’]?(?:,\\s*or\\s+(?:the\\s+)?|\\s*\\()${escape(c.words[0]!)}\\b`).test(all)),
      );
      if (host) fold(c, host);
      continue;
    }
    // "Democratic" and "Democrats": a party's adjective is the party
    if (c.words.length === 1 && /ic$/i.test(c.words[0]!)) {
      const stem = c.key.replace(/ic$/, '');
      const host = [...byKey.values()].find((o) => o !== c && o.words.length === 1 && o.key.replace(/s$/, '') === stem);
      if (host) fold(c, host);
    }
  }

  const finalKinds = resolveKinds([...byKey.values()], nameOf);
  return [...byKey.values()].map((c) => {
    const name = nameOf(c);
    return {
      key: c.key,
      name,
      kind: finalKinds.get(c.key)!,
      score: c.score,
      aliases: [...c.spellings.keys()].filter((s) => s !== name).sort(),
    };
  });
}
