/**
 * Every rule the parser uses, named, in one place. Each entry names the dump pattern it handles.
 *
 * Linear-time rule: no pattern may start with an unbounded quantifier or nest quantifiers;
 * every repetition is bounded ({0,N}) unless it is anchored and runs to the end of the input.
 * Patterns are matched against single (trimmed) lines, never the whole dump.
 */

/** Characters to escape when a literal (an outlet name, a hint) goes into a RegExp. */
export const REGEXP_SPECIAL = /[.*+?^${}()|[\]\\]/gu;

/** Literals as the alternatives of a RegExp source (REGEXP_SPECIAL escaped; no group around them). */
function alternatives(literals: readonly string[]): string {
  return literals.map((w) => w.replace(REGEXP_SPECIAL, '\\$&')).join('|');
}

// ---------------------------------------------------------------------------------------------
// Site boilerplate (Daily8 aggregator chrome). Matched against a trimmed line.
// ---------------------------------------------------------------------------------------------

/** Lines that open the site boilerplate after a main article. */
export const BOILERPLATE_ANCHORS = {
  /** "Hashtags": flat template, first line after the body (missing on ~1 page in 5) */
  hashtags: 'Hashtags',
  /** "Orange background": logo template, where the flat template has "Hashtags" */
  orangeBackground: 'Orange background',
  /** "Try Our AI Features": first line of the AI-features box, present on every template */
  tryAi: 'Try Our AI Features',
} as const;

/** Boilerplate lines that are unmistakable anywhere in a dump (exact, after trimming). */
export const BOILERPLATE_STRONG: ReadonlySet<string> = new Set([
  // "Try Our AI Features": AI-features box title
  'Try Our AI Features',
  // "Explore what Daily8 AI can do for you:": AI-features box prompt
  'Explore what Daily8 AI can do for you:',
  // "No comments yet...": empty comment section
  'No comments yet...',
  // "Related Articles": header of the related-blocks list
  'Related Articles',
]);

/** Boilerplate lines that are boilerplate only inside the boilerplate run or at the top of a page. */
export const BOILERPLATE_WEAK: ReadonlySet<string> = new Set([
  // "Hashtags": flat template, opens the boilerplate
  'Hashtags',
  // "Orange background": logo template, opens the boilerplate
  'Orange background',
  // "Comments": comment-section title
  'Comments',
  // "logo": logo template, first line of the page
  'logo',
  // "#": logo-form hashtag listing, line before "Latest news with #TAG"
  '#',
]);

/** The flat/logo boilerplate run in page order (used to recognise a capture cut inside it). */
export const BOILERPLATE_SEQUENCE: readonly string[] = [
  'Hashtags',
  'Orange background',
  'Try Our AI Features',
  'Explore what Daily8 AI can do for you:',
  'Comments',
  'No comments yet...',
  'Related Articles',
];

/** "Latest news with #Mumbaikar": header of a hashtag listing page (no main article). */
export const LISTING_HEADER = /^Latest news with #\S{0,200}$/u;

/** "&w=3840&q=100)": image-URL query residue left on its own line before a related block. */
export const URL_RESIDUE = /^[&?]?[\w.%-]{1,40}=[^\s&]{0,200}(?:&[\w.%-]{1,40}=[^\s&]{0,200}){1,20}\)?$/u;

/** A capture cut inside the boilerplate leaves a prefix of an anchor line; this many chars needed. */
export const MIN_BOILERPLATE_PREFIX = 4;

// ---------------------------------------------------------------------------------------------
// Related-block headers: "Source" / "3 hours ago" / "- Source"  and the bullet style.
// ---------------------------------------------------------------------------------------------

/** Relative or absolute date text as the page prints it: "3 hours ago", "an hour ago", "23-04-2025". */
const DATE_TEXT = String.raw`(?:(?:\d{1,2}|an?) (?:second|minute|hour|day|week|month|year)s? ago|\d{1,2}-\d{1,2}-\d{4})`;

/** "3 hours ago" (dash style) and "time3 hours ago" / "time31-05-2025" (bullet style): a time line. */
export const TIME_LINE = new RegExp(String.raw`^(time)?(${DATE_TEXT})$`, 'u');

/** A capture cut inside a time line: "2 ho", "13 minutes a", "time3 da", "23-04-20", "tim". */
export const TIME_PREFIX = /^(?:t(?:i(?:me?)?)?|(?:time)?(?:(?:\d{1,3}|an?)(?: [a-z]{0,7}(?: a?g?o?)?)?|\d{1,2}-(?:\d{1,2}(?:-\d{0,4})?)?))$/u;

/** "- Asahi Shimbun" (dash style) / "  • India.com" (bullet style): echo of the source, or a category. */
export const ECHO_LINE = /^([-•–])[ \t\u00a0]{1,8}(\S.{0,200})$/u;

/** A related block's source line is a short name, not a sentence. */
export const MAX_SOURCE_LINE = 80;

/** A source line does not end like a sentence ("India.com" and "Yahoo!" are names). */
export const SENTENCE_LIKE_END = /[.?]["'’”]?$/u;

/** Domain suffixes that end outlet names: "India.com", "News.co.uk". */
export const DOMAIN_SUFFIX = /\.(?:com|co\.uk|in|net|org|co|news)$/u;

/** "Yahoo23-04-2025", "Sky Newsa day ago", "ITV News5 days ago": source glued to date (logo template). */
export const GLUED_SOURCE_DATE = new RegExp(String.raw`^(.{0,60}?)(${DATE_TEXT})$`, 'u');

/** A glued source must look like an outlet name: starts with a letter or digit, no sentence punctuation, not "By " (a byline glued to its date). */
export const SOURCE_NAME = /^(?!By )(?!.{0,60}\p{Ll}{2}\. )(?!(?:\S{1,30} ){6})[\p{L}\p{N}][\p{L}\p{N} .&'’-]{0,59}$/u;

/** Parts of a relative date, for publishedAt: "3 hours ago", "an hour ago", "a day ago". */
export const RELATIVE_DATE = /^(\d{1,2}|an?) (second|minute|hour|day|week|month|year)s? ago$/u;

/** "23-04-2025": absolute date, DD-MM-YYYY. */
export const ABSOLUTE_DATE = /^(\d{1,2})-(\d{1,2})-(\d{4})$/u;

// ---------------------------------------------------------------------------------------------
// Bylines
// ---------------------------------------------------------------------------------------------

/** "By Tom Balmforth, Vladimir Soldatkin and Huseyin Hayatsever": a byline on its own line. */
export const BYLINE_LINE = /^By[ \t\u00a0]{1,4}(\S.{0,160})$/u;

/** "By ANDREW DALTON 'South Park' co-creator...": inline byline at the start of a related body. */
export const BYLINE_INLINE_PREFIX = /^By[ \t\u00a0]{1,4}/u;

/** One word of an author name: "Tom", "O'Neil", "J.", "Al-Sayed". */
export const NAME_WORD = /^\p{Lu}[\p{L}'’.-]{0,30}$/u;

/** One word of an ALL-CAPS inline byline: "ANDREW", "O'NEIL", "J.". */
export const CAPS_NAME_WORD = /^\p{Lu}[\p{Lu}'’.-]{0,30}$/u;

/** Lower-case particles inside names ("Ursula von der Leyen", "Ana de Armas"). */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(['de', 'da', 'del', 'van', 'von', 'der', 'den', 'al', 'bin', 'la', 'le', 'di', 'du', 'dos']);

/** Joiners between several author names: "A, B and C", "A & B". */
export const NAME_JOINERS: ReadonlySet<string> = new Set(['and', '&', 'AND', 'und', 'et', 'y', 'e', 'en']);

/**
 * "By Jane Doe with John Roe", "Von A mit B", "Par A avec B": a co-author joined by "with" (the
 * names after it are credited too). Taken as a joiner only before two or more name words that are
 * no outlet, agency or title ("By Jane Doe with Reuters", "with additional reporting by ..." end the names).
 */
export const CO_AUTHOR_JOINERS: ReadonlySet<string> = new Set(['with', 'With', 'mit', 'avec', 'con', 'met']);

/** "By June 11, 1968, ...": a sentence starting with "By" + a month is not a byline. */
export const MONTH_WORD = /^(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?$/u;

/** "By Jane Doe3 hours ago", "By J. DOE ...": a line opening like a byline (for suspicion when no byline rule took it). */
export const BYLINE_LIKE = /^By[ \t]{1,3}\p{Lu}[\p{L}.'’-]{0,30}[ \t]\p{Lu}/u;

/** "By" alone on a line: Daily Mail residue, not a byline. */
export const BARE_BY = /^By$/u;

/** "Published: | Updated:": Daily Mail residue, not a byline and not body. */
export const PUBLISHED_UPDATED = /^(?:By[ \t]{1,4})?Published:[ \t]{0,4}(?:[^|]{0,60})\|[ \t]{0,4}Updated:[ \t]{0,4}[^|]{0,60}$/u;

/** Where an ALL-CAPS byline stops and a dateline starts: "LOS ANGELES (AP) —", "OTTAWA -", "CHENNAI:". */
export const DATELINE_MARK = /^(?:\((?:AP|Reuters|AFP|CP)\)|--|—|–|-|:)/u;

// ---------------------------------------------------------------------------------------------
// Credit lines: names and a date on one line, and labelled date lines (fields/credit.ts)
// ---------------------------------------------------------------------------------------------

// Dates are read token by token (fields/credit.ts datePhraseEnd): one big date regex costs tens
// of milliseconds to compile, and V8 recompiles a regex it has flushed.

/** "March", "Mar.", "Sept": a month token of a date phrase. */
export const DATE_MONTH = /^(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|JAN|FEB|MAR|APR|MAY|JUNE?|JULY?|AUG|SEPT?|OCT|NOV|DEC)\.?$/;
/**
 * "März", "mars", "marzo", "maart": a month in German, French, Spanish, Italian, Dutch or Portuguese
 * (written as the page does, capitalised or not). Read only after a date phrase's first token
 * ("3. März 2024", "3 mars 2024", "3 de marzo de 2024"), so that DATE_PHRASE_FIRST stays ASCII.
 */
export const DATE_MONTH_OTHER = /^(?:[Jj]an(?:uar|vier|uari)?|[Ff][eé]b(?:ruar|ruari)?|[Ff]évrier|[Mm](?:ärz|är|aart|ars|arzo|arço)|[Aa]pr(?:il|ile)?|[Aa]vr(?:il)?|[Aa]bril|[Mm](?:ai|ei|ayo|aggio|aio)|[Jj]u(?:ni|in|nio|nho)|[Gg]iugno|[Jj]u(?:li|illet|lio|lho)|[Ll]uglio|[Aa]o[uû]t|[Aa]gosto|[Aa]ugustus|[Ss]ept?(?:embre|iembre|tembre|embro)?|[Ss]etiembre|[Oo]kt(?:ober)?|[Oo]ct(?:obre|ubre)?|[Oo]ttobre|[Oo]utubro|[Nn]ov(?:embre|iembre|embro)?|[Dd]ez(?:ember|embro)?|[Dd][ée]c(?:embre)?|[Dd]iciembre|[Dd]icembre|[Ee]nero|[Gg]ennaio|[Ff]ebbraio|[Ff]ebrero|[Ff]evereiro|[Jj]aneiro)\.?$/u;
/** "Tue", "Tuesday": a weekday token. */
export const DATE_WEEKDAY = /^(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|sday|nesday|rsday|urday)?\.?$/;
/** "12", "3rd": a day-of-month token. */
export const DATE_DAY = /^\d{1,2}(?:st|nd|rd|th|\.|er)?$/;
/** "2024": a year token. */
export const DATE_YEAR = /^(?:19|20)\d{2}$/;
/** "09:30", "9.30am", "14:05:10": a clock-time token. */
export const DATE_CLOCK = /^\d{1,2}[:.h]\d{2}(?:[:.]\d{2})?(?:[aApP]\.?[mM]\.?)?$/;
/** "am", "p.m.", "9am": the am/pm mark (alone or glued to an hour). */
export const DATE_AMPM = /^(?:\d{1,2})?[aApP]\.?[mM]\.?$/;
/** "GMT", "(IST)", "UTC+2": a time-zone token (after a clock time). */
export const DATE_ZONE = /^\(?(?:[A-Z]{2,4}T|GMT|UTC|ET|PT|IST|JST|KST|HKT|SGT|Uhr|MEZ|MESZ|h)(?:[+-]\d{1,2}(?::?\d{2})?)?\)?$/;
/** "12/03/2024", "12.03.2024", "23-04-2025", "2024-03-12": a numeric date token. */
export const DATE_NUMERIC = /^(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{4}[-/.]\d{2}[-/.]\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?)?)$/;
/** "3", "an": the count of a relative date ("3 hours ago", "an hour ago"); "3h": count and unit glued. */
export const DATE_COUNT = /^(?:\d{1,3}|an?|An?)$/;
export const DATE_UNIT = /^(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|wks?|months?|years?)$/;
export const DATE_COUNT_UNIT = /^\d{1,3}(?:s|m|h|d|w|mo|y|min|mins|hr|hrs)$/;
/** "yesterday", "today", "Yesterday": a one-word relative date. */
export const DATE_DAY_WORD = /^(?:[Yy]esterday|[Tt]oday)$/;
/**
 * The first code unit of a date phrase's first token: a digit (day, year, numeric date, clock,
 * count), or the first letter of a month, weekday, am/pm mark, count ("a", "an"), "today",
 * "yesterday" or "just" (now). A cheap test before the token-by-token read; it must admit the
 * first letter of every token DATE_MONTH, DATE_WEEKDAY, DATE_AMPM, DATE_COUNT, DATE_DAY_WORD accept.
 */
export const DATE_PHRASE_FIRST = /^[0-9JFMASONDTWYytjaPp]/;
/** "at", "on", "@", "-": words that join the date and the time inside one date phrase. */
export const DATE_JOINERS: ReadonlySet<string> = new Set(['at', 'on', '@', '-', '|', '·', 'de', 'del', 'um', 'à', 'om', 'alle', 'às']);

/** Labels that open a labelled date line: "Posted", "Published:", "First published on", "Last updated"; in other languages "Veröffentlicht am", "Publié le", "Publicado el", "Pubblicato il", "Gepubliceerd op". */
export const DATE_LABEL = /^(?:(?:First|Originally) )?(?:[Pp]ublished|[Pp]osted|[Cc]reated|[Uu]pdated|[Ll]ast [Uu]pdated|[Mm]odified|[Dd]ated?|[Ff]iled|PUBLISHED|UPDATED|Pub\.?|Veröffentlicht(?: am)?|Erschienen(?: am)?|Aktualisiert(?: am)?|Zuletzt aktualisiert(?: am)?|Stand|Publié(?: le)?|Mis à jour(?: le)?|Publicado(?: el| em)?|Actualizado(?: el)?|Atualizado(?: em)?|Pubblicato(?: il)?|Aggiornato(?: il)?|Gepubliceerd(?: op)?|Bijgewerkt(?: op)?|Laatst bijgewerkt(?: op)?)(?: on| at)?:?(?= )/;

/** After the first date of a labelled line: "- last modified ...", "| Updated: ...", "(updated ...)": the later date, not read. */
export const LATER_DATE_LABEL = /^[ \t]{0,3}(?:[·|•—–,;(]|-)?[ \t]{0,3}(?:and )?(?:[Ll]ast )?(?:[Mm]odified|[Uu]pdated|[Ee]dited|[Aa]mended|UPDATED)\b/;

/** A label that names a later date: "Updated", "Last updated", "Modified", "Edited" ("Last updated X (posted Y)" prints the original date second). */
export const UPDATE_DATE_LABEL = /^(?:[Ll]ast )?(?:[Uu]pdated|[Mm]odified|[Ee]dited|[Rr]evised)\b|^(?:LAST )?UPDATED\b|^(?:Zuletzt )?[Aa]ktualisiert|^Mis à jour|^Actualizado|^Atualizado|^Aggiornato|^(?:Laatst )?[Bb]ijgewerkt/u;

/**
 * After a later date, the original one with its label: " (posted 09:30 GMT, 12 March 2024)",
 * " | Published: March 10, 2024", ", first published 10 March 2024", " - Originally posted on ...".
 * The date phrase follows the match.
 */
export const ORIGINAL_DATE_LABEL = /^[ \t]{0,3}(?:[·|•—–,;(]|-)?[ \t]{0,3}(?:and |but )?(?:(?:[Ff]irst|[Oo]riginally|FIRST) )?(?:[Pp]ublished|[Pp]osted|[Cc]reated|[Ff]iled|PUBLISHED|POSTED)(?: on| at)?:?[ \t]{1,3}(?=\S)/;

/**
 * What opens a credit line before the names: "By", "BY" (an ALL-CAPS credit), or a credit label
 * ("Written by", "Words by", "Story by", "Reported by", "Posted by"). Only "By" lines may carry
 * more after the names (a job title, an outlet); after the others and "BY" the names run to the
 * end of the line or to the date.
 */
export const CREDIT_OPEN = /^(?:By|BY|(?:Written|Words|Story|Text|Reported|Report|Posted|Reporting) by|(?:Author|Authors|AUTHOR|Words|WORDS|Text|Reporting|REPORTING|Reporter|Writer|Byline|Autor|Autorin|Autoren|Auteur|Auteurs|Autore|Texto|Tekst)[ \t]{0,2}:|Von|VON|Por|POR|Par|PAR|Di|DI|Door|DOOR|Texto de|Text von|Escrito por|Écrit par|Scritto da|Geschreven door)[ \t]{1,4}(?=\S)/u;

/**
 * "Jane Doe | 3 March 2024", "Jane Doe · 2 hours ago": a credit line without "By", the names
 * before a separator and a date. A name word that is an outlet's ("News", "Times", "Post") makes it
 * a source line, not a credit.
 */
export const OUTLET_NAME_WORD = /^(?:News|NEWS|Times|Post|Herald|Journal|Daily|Mail|Telegraph|Guardian|Gazette|Tribune|Courier|Chronicle|Express|Observer|Standard|Independent|Radio|TV|Media|Online|Today|Weekly|Review|Report|Record|Star|Sun|Mirror|Press|Network|Channel|Magazine|Insider|Wire|Digital|Live)$/u;
/** Separators between the names and the date of a credit line without "By" (no comma: "New York, 3 March 2024" is a dateline). */
export const NAMES_DATE_SEPARATORS = '·|•—–';

/** " · 5 min read", " | 3 minute read": a reading-time label ending a credit or date line ("Mar 3, 2024 · 5 min read"); the line is read without it. */
export const READING_TIME_TAIL = /[ \t]{0,3}[·|•—–-][ \t]{0,3}\d{1,3}[ \t]?(?:min(?:ute)?s?|MIN(?:UTE)?S?|m)\.? (?:read|READ)$/u;

/** "(3h)", "(12 March 2024)", "(2 days ago)": a date in brackets ending a credit line ("By Jane Example (3h)"); the inside is read as a date phrase or a count glued to its unit. */
export const BRACKETED_DATE = /^\(([^()]{1,40})\)\.?$/u;

/** " on 3 June 2025": a date after the names introduced by "on" ("By Ana Ruiz on 3 June 2025"). */
export const ON_DATE = ' on ';

/** " | Ana Ruiz": names after a date and a separator, without "by" ("3 June 2025 | Ana Ruiz"). */
export const NAMES_AFTER_DATE = /^[ \t]{0,3}[·|•—–][ \t]{0,3}(?=\p{Lu})/u;

/** " by Jane Doe", " | By X": the names after a date on a credit line ("12 March 2024 09:30 by Jane Doe"). */
export const BY_AFTER_DATE = /^[ \t]{0,3}(?:[·|•—–,]|-)?[ \t]{0,3}[Bb]y[ \t]{1,4}(?=\S)/u;

/** Separators between the names and the date of a credit line ("By X · 3 hours ago"). */
export const CREDIT_SEPARATORS = '·|•—–,';

/** Words of a job title or desk after a byline's names: "Senior Transport Correspondent", "Political Editor". */
export const JOB_TITLE_WORD = /^(?:correspondents?|editors?|reporters?|writers?|columnists?|contributors?|contributing|staff|senior|chief|deputy|associate|assistant|executive|managing|political|business|sports?|science|health|technology|tech|foreign|diplomatic|economics?|finance|transport|education|environment|climate|crime|legal|home|affairs|culture|arts|entertainment|fashion|travel|food|investigations?|investigative|data|digital|news|global|international|national|local|regional|bureau|desk|chief|producer|photographer|journalist|analyst|commentator|critic|special|intern|team|staffer|correspondent|lead|head|director|officer|author|presenter|host)$/iu;

/** News agencies and wire credits after a byline's names: "Jane Doe, Reuters", "By X, AP". */
/** The role noun that ends a job title ("Political Correspondent", "Deputy Editor, Business"). */
export const JOB_ROLE_NOUN = /^(?:correspondents?|editors?|reporters?|writers?|columnists?|contributors?|producers?|photographers?|journalists?|analysts?|commentators?|critics?|presenters?|hosts?|authors?|interns?|staffers?)$/iu;

export const AGENCY_WORD = /^(?:Reuters|AP|AFP|Bloomberg|PA|PTI|ANI|IANS|UPI|DPA|EFE|ANSA|Xinhua|Kyodo|Yonhap|TASS|CNN|BBC|CP|Associated|Press|Agence|France-Presse|Media|Wire|Wires|Agencies|Newsroom|Staff)$/u;

/**
 * Between two credited people on one line, after the first one's job title or outlet: the joiner
 * ("and", "&", ";", "|", "/", "·"), a comma before it allowed ("By A, Senior Writer, and B, Staff",
 * "A, Senior Writer; B, Staff", "By A | B"). Tested at the end of the first person's tail.
 */
export const CREDIT_GROUP_JOINER = /^[ \t]{0,3},?[ \t]{0,3}(?:and|AND|&|;|\||\/|·)[ \t]{1,3}(?=\S)/u;

/**
 * A second credit on the line after the first one's names: ". Photos by B", "; Pictures by B",
 * "| Words by B" ("Words by A. Photos by B."): the label opens the next person's names.
 */
export const CREDIT_NEXT_LABEL = /^[ \t]{0,3}[.;|,·][ \t]{1,3}(?:[Ww]ords|[Tt]ext|[Ss]tory|[Rr]eporting|[Pp]hotos?|[Pp]hotographs?|[Pp]hotography|[Pp]ictures?|[Ii]mages?|[Ii]llustrations?|[Vv]ideo|[Gg]raphics)[ \t]by[ \t]{1,4}(?=\p{Lu})/u;

/** A job title or outlet in brackets after a credited name: "Ana Ruiz (Reuters)", "Tom Bell (Staff Writer)". */
export const CREDIT_PAREN_TAIL = /^[ \t]{0,3}\([\p{L} .&'’-]{1,40}\)/u;

/** Words that end the names of a byline: "By Jane Doe for The Ledger", "By Jane Doe in Paris". */
export const NAMES_STOP_WORD: ReadonlySet<string> = new Set(['for', 'in', 'at', 'with', 'from', 'on']);

// ---------------------------------------------------------------------------------------------
// Section kickers above a main headline (fields/kicker.ts)
// ---------------------------------------------------------------------------------------------

/** A kicker ("POLITICS", "Analysis", "World › Europe", "EXCLUSIVE") is at most this long and this many words. */
export const KICKER_MAX_CHARS = 32;
export const KICKER_MAX_WORDS = 3;
/** The headline under a kicker: at least this many words, at most this many code units, no sentence end. */
export const KICKER_HEADLINE_MIN_WORDS = 4;
export const KICKER_HEADLINE_MAX_CHARS = 250;
/** Under an ALL-CAPS or breadcrumb kicker and its headline, a paragraph at least this long (else a credit line) confirms the kicker. */
export const KICKER_PARAGRAPH_MIN_CHARS = 80;
/** A kicker's characters: letters, digits, spaces and "&'’-", a trailing ":" allowed ("EXCLUSIVE:"). */
export const KICKER_SHAPE = /^[\p{L}\p{N}][\p{L}\p{N} &'’-]{0,30}:?$/u;

// ---------------------------------------------------------------------------------------------
// Datelines and captions (kept in the body; recognised so that other rules leave them alone)
// ---------------------------------------------------------------------------------------------

/** "HONG KONG--", "OTTAWA -", "OTTAWA —", "CHENNAI:", "TOKYO --", "July 15 (Reuters) -": a dateline. */
export const DATELINE = /^(?:\p{Lu}[\p{Lu} .,'-]{1,40}(?:\s?--|\s[-—–]|:)|\p{Lu}\p{Ll}{2,8}\.? \d{1,2} \((?:Reuters|AP|AFP)\) [-—–])/u;

// ---------------------------------------------------------------------------------------------
// Copyright
// ---------------------------------------------------------------------------------------------

/** "© Thomson Reuters 2025." / "Copyright 2025 ...": a line or tail that opens a copyright notice. */
export const COPYRIGHT_OPEN = /^(?:©|\(c\)[ \t]|Copyright\b)/u;

/** A trailing notice names a year or reserves rights; a bare "© Reuters" photo credit does neither. */
export const COPYRIGHT_NOTICE_CUE = /\b(?:19|20)\d{2}\b|all rights reserved|\bcopyright\b/iu;

/** A trailing notice is short; a longer tail is body text with a mid-body credit in it. */
export const MAX_COPYRIGHT_TAIL = 400;

// ---------------------------------------------------------------------------------------------
// Subheads
// ---------------------------------------------------------------------------------------------

/** A subhead ends without sentence punctuation ("DIPLOMATIC CONFUSION", "Why This Matters"). */
export const SENTENCE_END = /[.!?,;:…\-—–]$/u;

/** Closing quotes/brackets stripped before looking at a line's last character. */
export const TRAILING_CLOSERS = /['"’”)\]»›]{1,4}$/u;

/** Small words allowed in lower case inside a title-case subhead ("Why Trade Deals Fail in Asia"). */
export const TITLE_MINOR_WORDS: ReadonlySet<string> = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'in', 'on', 'to', 'for', 'at', 'by', 'with', 'vs', 'vs.', 'from', 'as', 'is']);

/** "- item", "• item", "* item", "1. item", "2) item": list items are not subheads. */
export const LIST_ITEM = /^(?:[-•*–]\s|\d{1,3}[.)]\s)/u;

/** URLs, paths, "©" credits: not subheads. */
export const NOT_SUBHEAD_CHARS = /https?:|www\.|\/|©/u;

/** "Image: Moray Deep Ltd", "Photo credit: ...", "Foto: dpa", "Crédit photo :": a credit line under a picture is furniture kept in the body, not a subhead. */
export const CREDIT_LABEL_LINE = /^(?:Images?|Photos?|Photographs?|Photography|Pictures?|Pics?|Illustrations?|Graphics?|Video|Credits?|Image credits?|Photo credits?|Picture credits?|Foto|Fotos|Bild|Bilder|Crédits? photo|Crédito|Fuente)[ \t]{0,2}:/u;

/** Opening quotes stripped before looking at a word's first letter ("'Tak," -> "Tak,"). */
export const LEADING_OPENERS = /^['"‘“(]{1,4}/u;

export const SUBHEAD_MAX_CHARS = 150;
export const SUBHEAD_MAX_WORDS = 20;
/** A subhead is followed by a paragraph at least this long (or is ALL-CAPS, or an isolated title). */
export const PARAGRAPH_MIN_CHARS = 120;
export const TITLE_SUBHEAD_MAX_WORDS = 8;

// ---------------------------------------------------------------------------------------------
// Publisher boilerplate inside bodies ("noise"): never body text.
// ---------------------------------------------------------------------------------------------

export interface NoiseRule {
  name: string;
  re: RegExp;
  /** why the rule takes the line out, in an editor's words (rules written before this field have only their comment) */
  reason?: string;
  /**
   * Literal(s) one of which the dump, then the line, must contain before an unanchored `re` is
   * tried (a fast pre-filter). Rules without hints must be anchored at ^ (they fail at once).
   */
  hints?: readonly string[];
}

/**
 * Whole-line publisher boilerplate (tested against a trimmed body line). Appeals that can be
 * followed by article text on the same line (donation appeals, paywalls) are inline rules below.
 */
export const NOISE_LINE_RULES: readonly NoiseRule[] = [
  // "Advertisement": ad slot label on its own line
  { name: 'advertisement', re: /^(?:Advertisement|ADVERTISEMENT|Sponsored content)$/u },
  // "Article content": Postmedia paragraph-split residue
  { name: 'article-content', re: /^Article content$/u },
  // "Read More" / "READ MORE": link label on its own line
  { name: 'read-more', re: /^(?:Read More|Read more|READ MORE)$/u },
  // "Show all 7": gallery residue
  { name: 'gallery', re: /^Show all \d{1,4}$/u },
  // "12 comments", "340 shares": a counter of the comment or share widget
  { name: 'widget-count', re: /^\d{1,6} (?:[Cc]omments?|COMMENTS?|[Ss]hares?|SHARES?|[Rr]eplies|[Rr]eactions)$/u },
  // "This story has been shared 1,204 times": the share counter as a sentence
  { name: 'widget-count-sentence', re: /^(?:This (?:article|story|post|page) has been )?(?:[Ss]hared|[Rr]ead|[Vv]iewed) \d[\d,.]{0,9}(?:k|K)? times\.?$/u },
  // "Story continues below advertisement", "Article continues after this ad": ad-slot residue
  { name: 'continues-below', re: /^(?:Story|Article|Text|Report|STORY|ARTICLE) (?:continues|CONTINUES) (?:below|after|BELOW|AFTER)\b.{0,40}$/u },
  // "Live Events": Economic Times widget label
  { name: 'live-events', re: /^Live Events$/u },
  // "Sponsored", "SPONSORED CONTENT", "Paid partnership", "Skip advertisement", "Advertisement - scroll to continue", "AD": ad-slot labels of other words
  // (in other languages: "Anzeige", "Werbung", "Publicité", "Publicidad", "Pubblicità", "Advertentie")
  { name: 'ad-slot', reason: 'an ad-slot label, not article text', re: /^(?:Anzeige|ANZEIGE|Werbung|WERBUNG|Publicité|PUBLICITÉ|Publicidad|PUBLICIDAD|Pubblicità|PUBBLICITÀ|Advertentie|ADVERTENTIE|Sponsored(?: [Cc]ontent| [Pp]ost| by (?:the |The )?\p{Lu}[\p{L}\p{N}&'’.-]{0,30}(?: \p{Lu}[\p{L}\p{N}&'’.-]{0,30}){0,3})?|SPONSORED(?: CONTENT)?|Paid (?:[Cc]ontent|[Pp]artnership|[Pp]ost|[Pp]romotion|[Ff]or [Bb]y \p{Lu}[\p{L}&'’. -]{0,40})|PAID (?:CONTENT|POST)|Promoted(?: [Cc]ontent| [Ss]tories)?|Advertisements?|Ad|AD|Adverti[sz]ing|ADVERTISING|Skip (?:[Aa]dvertisement|[Aa]d|ADVERTISEMENT)|(?:Advertisement|ADVERTISEMENT)[ \t]{0,2}[-–—:|][ \t]{0,2}(?:[Ss]croll|[Cc]ontinue|[Ss]tory|[Aa]rticle|SCROLL|CONTINUE)[\p{L} ]{0,40}|(?:Continue|CONTINUE) (?:reading|READING) (?:below|BELOW|after (?:the )?(?:ad|advertisement)))$/u },
  // "5 min read", "3 minute read", "Reading time: 5 minutes", "Lesezeit: 4 Min.", "4 min de lecture": a reading-time label
  { name: 'reading-time', reason: 'a reading-time label, not article text', re: /^(?:(?:(?:Estimated )?[Rr]eading time|[Rr]ead time|READING TIME|Lesezeit|Lesedauer|Temps de lecture|Tiempo de lectura|Tempo di lettura|Leestijd)[ \t]{0,2}[:|–—-]?[ \t]{0,2}(?:about |approx\.? |ca\.? |~)?\d{1,3}[ \t]?(?:-|–)?[ \t]?(?:min(?:ute)?s?|MIN(?:UTES?)?|Min(?:uten|\.)?|m)\.?(?: read)?|(?:About |~)?\d{1,3}[ \t]?(?:-|–)?[ \t]?(?:min(?:ute)?s?|mins?\.|MINS?|MINUTES?|Min\.?|m) (?:read|READ|Read|reading|to read|lesen|Lesezeit|de lecture|de lectura|di lettura|leestijd))\.?$/u },
  // "[Embedded content]", "Click to load video", "This content is not available", "Image 1 of 5", "Loading...": an embed or widget placeholder
  { name: 'embed-placeholder', reason: 'an embed or widget placeholder, not article text', re: /^(?:\[(?:[Ee]mbedded (?:content|media|video|tweet|post)|[Ee]mbed|EMBED|[Vv]ideo|VIDEO|[Aa]udio|[Ii]mage|[Pp]hoto|[Gg]allery|[Tt]weet|[Ii]nstagram (?:post|content)|[Pp]odcast|[Ii]frame|[Mm]ap|[Cc]hart|[Gg]raphic|[Pp]oll)(?: (?:embed|removed|content|player)| not available)?\]|\[Source(?: embed|: \p{L}{1,20})\]|(?:Click|Tap|Press) (?:here )?to (?:load|play|watch|view|show|see|enable) (?:the |this )?(?:video|media|content|external content|embed|embedded content|tweet|post|gallery|audio|podcast|map|chart|poll)\.?|(?:This|The) (?:content|video|embed|media|element|tweet|post|graphic|interactive|iframe)(?: is)? (?:is not available|not available|cannot be (?:displayed|shown|loaded)|could not be (?:displayed|loaded)|is unavailable|failed to load)(?: (?:in your (?:region|browser|country)|on this (?:device|browser|page)|here|right now|at the moment))?[.!]?|Loading(?:\.\.\.|…)?|Loading (?:video|player|content|comments|the video|media|gallery|map|chart)(?:\.\.\.|…)?|Video (?:Player|player) is loading\.?|Image \d{1,3} (?:of|\/) \d{1,3}|Photo \d{1,3} (?:of|\/) \d{1,3}|Enlarge (?:this )?image|Expand (?:image|gallery)|Play [Vv]ideo|Replay [Vv]ideo|Unmute)$/u },
  // "Comments (12)", "Join the conversation", "Log in to comment", "View comments", "Comments are closed.": a comment section's furniture
  { name: 'comment-section', reason: 'comment-section furniture, not article text', re: /^(?:(?:Comments?|COMMENTS?|Reader comments|Replies)[ \t]?\(\d{1,6}\)|(?:Join|JOIN) (?:the|THE) (?:conversation|discussion|debate|CONVERSATION|DISCUSSION)|(?:Log|Sign) (?:in|up) (?:to|and) (?:comment|reply|join the (?:conversation|discussion|debate)|leave a comment|post a comment|add a comment|see comments)|(?:Please )?(?:log|sign) in to (?:comment|reply)|(?:View|Show|Read|See|Hide|Load|Open|Close) (?:all )?(?:\d{1,6} )?(?:more )?(?:[Cc]omments?|[Rr]eplies|[Rr]eader comments|[Cc]onversation)|(?:Leave|Add|Post|Write) a (?:comment|reply|Comment|Reply)|Be the first to (?:comment|reply)|(?:Comments|Commenting) (?:are|is|have been|has been) (?:now )?(?:closed|disabled|turned off|open)(?: for this (?:article|story))?|There are no comments yet|No comments yet|Start the conversation|(?:Most|Newest|Oldest) (?:first|comments)|Sort (?:comments )?by:? (?:Newest|Oldest|Best|Top|Most)[\p{L} ]{0,20}|Community (?:guidelines|rules)|Report (?:this )?comment)[.!]?$/u },
  // "By" alone: Daily Mail residue
  { name: 'bare-by', re: BARE_BY },
  // "Published: | Updated:": Daily Mail residue
  { name: 'published-updated', re: PUBLISHED_UPDATED },
  // "Were you forwarded this newsletter by a friend? Sign up here." / "Sign up for the ... newsletter here."
  // (the first sentence speaks of the newsletter: after an article sentence, the sign-up is cut by the inline rule 'newsletter-tail')
  { name: 'newsletter', re: /^(?=.{0,250}$)(?=[^.!?]{0,200}\b(?:newsletters?|[Ss]ign up|[Ss]ubscribe)\b)(?=.{0,200}\bnewsletters?\b)(?=.{0,200}\b(?:[Ss]ign up|[Ss]ubscribe)\b)/u, hints: ['Sign up', 'Subscribe'] },
  // "Visit the Thomson Reuters Privacy Statement for information on our privacy ..."
  { name: 'privacy-statement', re: /^Visit the .{1,60} Privacy (?:Statement|Policy)\b/u },
  // "You may also visit megaphone.fm/adchoices to opt out of targeted advertising."
  { name: 'ad-choices', re: /^.{0,300}(?:adchoices|opt out of targeted advertising)/iu, hints: ['/adchoices', 'Opt out'] },
  // "Start your FREE trial now Show Comments ()": News24 paywall prompt
  { name: 'paywall-trial', re: /^(?=.{0,600}$)(?:.{0,500}(?:FREE trial|subscription trial|Show Comments \(\)))/u, hints: ['FREE ', 'Show Comments'] },
  // "10 stocks we like better than Meta Platforms ›": Motley Fool promo
  { name: 'stock-promo', re: /^\d{1,3} stocks we like better than\b/u },
  // "Where to invest $1,000 right now? ... Learn More »": Motley Fool promo
  { name: 'stock-promo-invest', re: /^Where to invest \$[\d,]{1,12} right now\?/u },
  // a short line ending in a link arrow "›" / "»": call to action
  { name: 'link-arrow', re: /^.{0,300}\s[›»]$/u, hints: ['›', '»'] },
  // "To view this video please enable JavaScript, and consider upgrading to a web browser that supports HTML5 video"
  { name: 'video-blurb', re: /^To \p{L}{1,20} this \p{L}{1,20} \p{L}{1,20} \p{L}{1,20} \p{L}{1,30}, and \p{L}{1,20} \p{L}{1,20} to a \p{L}{1,20} \p{L}{1,20} that \p{L}{1,20} \p{Lu}{2,8}5 \p{L}{1,20}\.?$/u },
];

/**
 * Publisher boilerplate inside a (long) body line. Each match is cut out of the body.
 * Every pattern starts with literal text (fast to scan for); `before` must match the text just
 * before the match (tested in code, not as a lookbehind, to stay fast); `backWord` moves the
 * start back over one preceding word ("Subscribe| to the Daily ..."); `toEnd`: the boilerplate
 * runs to the end of the line once it starts (footer residue).
 */
export interface InlineNoiseRule {
  name: string;
  re: RegExp;
  hints: readonly string[];
  before?: RegExp;
  backWord?: boolean;
  toEnd?: boolean;
}

/** End of a sentence just before an inline label: ". Advertisement Next sentence". */
const SENTENCE_BEFORE = /[.!?'"’”)] $/u;

export const NOISE_INLINE_RULES: readonly InlineNoiseRule[] = [
  // "To view this video please enable JavaScript, and consider upgrading to a web browser that supports HTML5 video" (word shape)
  { name: 'video-blurb', re: /To \p{L}{1,20} this \p{L}{1,20} \p{L}{1,20} \p{L}{1,20} \p{L}{1,30}, and \p{L}{1,20} \p{L}{1,20} to a \p{L}{1,20} \p{L}{1,20} that \p{L}{1,20} \p{Lu}{2,8}5 \p{L}{1,20}\.?/gu, hints: ['To '] },
  // "Get in touch with our news team by emailing us at ... MORE: ...": Metro footer, runs to the end
  { name: 'metro-footer', re: /Get in \p{L}{1,20} with our news team\b/gu, hints: ['Get in '], toEnd: true },
  // "MORE: headline MORE: headline": Metro related-links footer, runs to the end
  { name: 'more-links', re: /MORE: /gu, hints: ['MORE: '], before: SENTENCE_BEFORE, toEnd: true },
  // "Learn more about your ad choices. Visit podcastchoices.com/adchoices": podcast footer, runs to the end
  { name: 'ad-choices-footer', re: / more about your \p{L}{1,20} \p{L}{1,20}\. Visit\b/gu, hints: ['Visit'], backWord: true, toEnd: true },
  // "Subscribe to the Daily newsletter. Fast Company's trending stories delivered to you every day Privacy Policy | Fast Company Editorial"
  { name: 'daily-newsletter', re: / to the Daily \p{L}{1,20}\. .{1,60}? stories delivered to you every day \p{L}{1,20} Policy \|/gu, hints: ['Daily '], backWord: true },
  // "(You can now subscribe to our Economic Times WhatsApp channel)": ET promo (printed once or twice)
  { name: 'et-channel', re: /\(You can now \p{L}{1,20} to our (?:\(You can now \p{L}{1,20} to our )?Economic Times \p{L}{1,20} \p{L}{1,20}\)?/gu, hints: ['(You can now'] },
  // "Live Events": Economic Times widget label between two sentences
  { name: 'live-events', re: /Live Events(?= )/gu, hints: ['Live Events'], before: SENTENCE_BEFORE },
  // "Advertisement" / "Article content" / "Read More" between two sentences of a one-line body
  { name: 'ad-label', re: /(?:Advertisement|ADVERTISEMENT|Article content|Read More|READ MORE)(?= [\p{Lu}'‘"“])/gu, hints: ['Advertisement', 'ADVERTISEMENT', 'Article content', 'Read More', 'READ MORE'], before: SENTENCE_BEFORE },
  // "Show all 7": gallery residue between two sentences
  { name: 'gallery', re: /Show all \d{1,4}(?= )/gu, hints: ['Show all '], before: SENTENCE_BEFORE },
  // "From reproductive rights to climate change to Big Tech, The Independent ... makes all the difference.": donation appeal
  { name: 'independent-appeal', re: /From reproductive rights to climate change to Big Tech\b.{0,3000}?(?:makes all the difference\.|$)/gu, hints: ['From reproductive'] },
  // "Be among those who shape the future with knowledge. ... Show Comments ()": News24 paywall
  { name: 'news24-paywall', re: /Be among those who shape the future with knowledge\b.{0,1200}?(?:Show Comments \(\)|$)/gu, hints: ['Be among those'] },
  // "By Published: | Updated: ...": Daily Mail residue at the start of a one-line body
  { name: 'daily-mail-residue', re: /(?:By )?Published:[ \t]{0,3}\|[ \t]{0,3}Updated:/gu, hints: ['Published:'] },
  // "... a year. (Reporting by Kemal Aydin in Ankara; Editing by Paul Greer)": an agency credits trailer ending a one-line body; only names, places and the credit words may follow "by"
  { name: 'credits-trailer', re: /\(?(?:With (?:assistance from|additional reporting by)|(?:Additional )?[Rr]eporting by|Writing by|Editing by|Compiled by) \p{Lu}[\p{L}'’.-]{0,30}(?:[ ,;&]{1,3}(?:\p{Lu}[\p{L}'’.-]{0,30}|in|and|by|with|from|the|of|at|for|[Ee]diting|[Ww]riting|[Rr]eporting|[Aa]dditional|[Cc]ompiled|[Ff]act-checking)){0,30}\)?\.?$/gu, hints: ['eporting by', 'Writing by', 'Editing by', 'Compiled by', 'assistance from'], before: SENTENCE_BEFORE },
  // "... the council said. Sign up for our newsletter and get the valley's news every morning.", "... Suscríbete a nuestro boletín ...":
  // a sign-up sentence naming a newsletter, after an article sentence of a one-line body, runs to the end of the line
  { name: 'newsletter-tail', re: /(?:Sign up|Subscribe|Suscr[ií]b\p{L}{0,5}|Abonnez-vous|Inscrivez-vous|Abonnieren Sie|Melden Sie sich)\b[^.!?]{0,160}?(?:\b[Nn]ewsletters?\b|\bbolet[íi]n\b|\binfolettre\b|\bbriefing\b|\bbulletin\b|\binbox\b)[^.!?]{0,160}[.!]?$/gu, hints: ['Sign up', 'Subscribe', 'Suscr', 'Abonnez-vous', 'Inscrivez-vous', 'Abonnieren Sie', 'Melden Sie sich'], before: SENTENCE_BEFORE, toEnd: true },
  // "... the council said. Follow us on Facebook for more local news.", "... Download the Gazette app for breaking news alerts.":
  // a follow or app prompt (a network or an app named) after an article sentence of a one-line body, to the end of the line
  { name: 'prompt-tail', re: /(?:(?:Follow|Like|Join|Find) us on \p{Lu}|(?:Download|Install) (?:the|our) (?:free )?(?:\p{Lu}[\p{L}'’]{0,30} ){0,3}app\b|(?:Folgen Sie uns|Suivez-nous|Síguenos|Seguici) (?:auf|sur|en|su) \p{Lu})[^.!?]{0,140}[.!]?$/gu, hints: [' us on ', 'Download the', 'Download our', 'Install the', 'Install our', 'Folgen Sie uns', 'Suivez-nous', 'Síguenos', 'Seguici'], before: SENTENCE_BEFORE, toEnd: true },
  // "Start your FREE trial now Show Comments ()": News24 paywall prompt
  { name: 'free-trial', re: /Start your FREE trial now(?: Show Comments \(\))?/gu, hints: ['FREE trial'] },
];

/** Whole-line rules apply to lines up to this long; longer lines only lose inline matches. */
export const MAX_NOISE_LINE = 600;

/** Literals one of which a line must contain before SUSPECT_BOILERPLATE is tried on it (every match contains one). */
export const SUSPECT_HINTS: readonly string[] = ['Subscri', 'Sign up', 'Donat', 'JavaScript', 'Click here', 'Download', 'Follow us'];

/** ... and the line addresses the reader or opens with the prompt ("Subscribers to the water company ..." is article text). */
export const SUSPECT_CONTEXT = /\b(?:[Yy]ou|[Yy]our)\b|^(?:Subscribe\b|Sign up|Donate\b|Click\b|Download\b|Follow us)/u;

/** Words that suggest publisher boilerplate the rules above do not know: flagged for review, kept. */
export const SUSPECT_BOILERPLATE = /(?:Subscri(?:be|ption)|Sign up|Donat(?:e|ion)|enable JavaScript|Click here|Download (?:our|the) app|Follow us on)/u;

// ---------------------------------------------------------------------------------------------
// Publisher boilerplate by KIND (fields/kinds.ts): families of lines recognised from their shape
// (imperative start, second person, the outlet speaking of itself, media objects, length,
// punctuation, runs of short lines, position at a body's edge), never from one outlet's words.
// Each cue is a single-line test; fields/kinds.ts combines them. All are bounded or anchored.
// ---------------------------------------------------------------------------------------------

/**
 * A pointer or play symbol opening a line ("▶ Watch ...", "👉 Follow us ...", "► Listen now"):
 * arrows, play triangles, pointing hands, media icons (not the keycaps and emoji that open
 * newsletter items). The rest of the line is read on its own.
 */
export const POINTER_LEAD = /^(?:[▶►▸▷➤➡→⇒⏩⏯]|\u{1F449}|\u{1F447}|\u{1F3A7}|\u{1F4FA}|\u{1F3A5}|\u{1F3AC}|\u{1F50A}|\u{1F4F2}|\u{1F399})\uFE0F?[ \t]{0,3}(?=\S)/u;

/** A sentence that opens with a verb whose object is the outlet ("Back us with ...", "Help us keep ..."): an imperative. */
export const VERB_US = /^\p{Lu}\p{Ll}{1,12} us\b/u;

/** Where a later sentence of a line starts ("Local news needs you. Make ..."): sentence end, space, capital. */
export const LATER_SENTENCE = /[.!?] (?=\p{Lu})/gu;
/** Where a clause after a colon starts in lower case ("Breaking news alerts, straight to your phone: get the app."): read as a later imperative too. */
export const LATER_CLAUSE = /: (?=\p{Ll})/gu;

/** A newsletter pitch or an appeal's line beside its prompt is at most this long (longer: an article paragraph). */
export const PITCH_MAX_CHARS = 200;

/** Separators of a tag or breadcrumb row: "A | B", "A • B", "A · B", "A, B", "A › B", "A » B", "A > B", "A / B". */
export const ROW_SEPARATOR = /\s*[|•·,›»>]\s*|\s\/\s/u;

/** Lines longer than this are article paragraphs for the kind rules (publisher prompts are short). */
export const MAX_KIND_LINE = 420;

/** "Sign up for ...", "Download the app", "Follow us on ...", "Listen to ...": a line opening with a call-to-action verb. */
export const CTA_START = /^(?:Press|Hit|Sign (?:up|in)|Subscribe|Donate|Support|Download|Get|Follow|Join|Listen|Watch|Hear|Play|Scroll|Tap|Click|Swipe|Register|Enter|Become|Give|Read|Keep reading|Continue|See|Share|Email|Copy|Accept|Manage|Reject|Allow|Find|Check out|Tune in|Stream|Like|Try|Start|Unlock|Log in|Don'?t miss|Never miss|Catch|Learn|Discover|Explore|Visit|Stay|Please|Help|Consider|Make|Contribute|Chip in|Upgrade|Claim|Grab|Install|Open|Send|Tell|Thank you|Thanks)\b/u;

/** What follows a first word used as a noun or subject, not an imperative: "Support for ...", "Download speeds ...", "Share prices ...". */
export const NOT_IMPERATIVE_NEXT = /^(?:-|[ \t](?:of|for|is|was|were|has|had|have|will|would|could|can|may|might|from|among|and|or|levels?|rates?|prices?|speeds?|numbers?|figures?|records?|groups?|members?|'s|’s|rose|fell|grew|went|came)\b)/u;

/** "you", "your": the line speaks to the reader. */
export const READER_ADDRESS = /\b(?:[Yy]ou|[Yy]our|[Yy]ours|[Yy]ou're|[Yy]ou've|[Yy]ou'll|[Yy]ou’re|[Yy]ou’ve|[Yy]ou’ll)\b/u;

/** "we", "our", "us": the outlet speaking of itself (or a quoted speaker: reported speech vetoes). */
export const OUTLET_SELF = /\b(?:[Ww]e|[Ww]e're|[Ww]e’re|[Ww]e've|[Ww]e’ve|[Oo]ur|[Uu]s)\b/u;

/** Things publishers point readers at: newsletters, podcasts, apps, networks, buttons, "here"/"above". */
export const MEDIA_OBJECT = /\b(?:newsletters?|inbox|e-?mails?|podcasts?|episodes?|videos?|clip|apps?|App Store|Google Play|channel|WhatsApp|Telegram|Facebook|Instagram|Twitter|TikTok|YouTube|LinkedIn|Threads|Bluesky|Flipboard|subscription|subscribers?|membership|donations?|journalism|newsroom|account|below|above|here|link|button|feed|alerts|headlines|notifications|briefing|digest|updates|stories)\b/iu;

/** Words of an appeal: support, donate, subscribe, sign up, membership, free trial, register, unlock. */
export const APPEAL_WORD = /\b(?:(?:readers|people|supporters|listeners|viewers) like you|give (?:what|whatever) you can|give (?:once|monthly|today|now)|support|donat(?:e|ion|ions)|subscri(?:be|ption|ber|bers)|sign(?:ing)? up|member(?:ship)?|free trial|register|unlock|contribut(?:e|ion)|independent journalism|ad-free|paywall|help us|keep us)\b/iu;

/** "she said", "told reporters", "according to", "a poll found": reported speech, so article text (vetoes every kind rule but share/consent rows); "if you found this useful" is the reader, not a source. */
export const REPORTED_SPEECH = /\b(?:said|says|told(?! (?:the |its |their |our )?stor(?:y|ies))|according to|added|asked|urged|wrote|posted|announced|(?<!, )explained|warned|insisted|claimed|(?<![Yy]ou )found|showed|chanted|advise[sd]?)\b/u;

/** "Thanks for reading ...", "Thank you for reading": a sign-off addressed to the reader. */
export const THANKS_FOR_READING = /^(?:Thanks|Thank you) for (?:reading|listening|watching|your support)\b/iu;

/** "Sign up to The Harbour Brief", "Subscribe to Morning Tide": a sign-up whose object is a capitalised product name (a newsletter, a podcast). */
export const SIGN_UP_TO_NAME = /^(?:Sign up (?:to|for)|Subscribe to|Register for) (?:the |The )?\p{Lu}[\p{L}\p{N}'’&.-]{0,30}(?: (?:\p{Lu}[\p{L}\p{N}'’&.-]{0,30}|of|and|&)){0,5}[.!]?$/u;

/** "Can you spare £3 to keep local news alive?", "Will you support ...?": a question asking the reader for money or help. */
export const READER_ASK = /^(?:Can|Could|Will|Would) you (?:spare|give|help|support|chip in|donate|become|join|back|afford|consider)\b[^?]{0,120}\?/u;

/**
 * A support appeal without an imperative first word, read as three cues that must all hold (and no
 * quote or reported speech): the line speaks to the reader or in the outlet's voice (you / we /
 * our, "Dear reader", "readers like you", "Valued the story?"), names money or support
 * (APPEAL_MONEY) and names the outlet's work or a price (APPEAL_WORK). "The charity appealed for
 * donations after the flood" has no voice; "Our neighbours gave what they could, one said" is
 * reported speech.
 */
export const APPEAL_VOICE = /\b(?:[Dd]ear (?:reader|friend)s?|[Rr]eaders (?:who|like you)|[Pp]eople like you)\b|^(?:Valued|Value|Appreciated?|Liked?|Enjoyed|Found) (?:this|the|our) (?:story|article|piece|reporting|journalism)\b[^?]{0,40}\?/u;
export const APPEAL_MONEY = /\b(?:donat(?:e|es|ed|ing|ions?)|gifts?|contribut(?:e|es|ing|ions?)|generosity|support(?:ing)?|back(?:ing)? (?:independent|local|quality|our|us)|fund(?:s|ed|ing)? (?:our|us|the|this|independent|local)|pay(?:s|ing)? for (?:it|this|our|us)|costs? (?:us|money)|who (?:give|pay)|paywall|become an? (?:supporter|member|patron|donor|subscriber|friend))\b|[£$€]\d/iu;
export const APPEAL_WORK = /\b(?:journalism|journalists?|reporting|reporters?|newsroom|news|stories|story|article|coverage|paywall|[Rr]eaders|advertisers)\b|[£$€]\d{1,3}(?:\.\d\d)? (?:a|per|each) (?:month|year|week)\b|\bfrom (?:just |only |as little as )?[£$€]\d/u;
/** "Support the Ledger", "Back The Courier": a support button naming the outlet (read at a body's edge or beside an appeal). */
export const SUPPORT_NAME = /^(?:Support|Back|Fund|Donate to|Give to) (?:the|The) \p{Lu}[\p{L}'’.&-]{0,30}(?: \p{Lu}[\p{L}'’.&-]{0,30}){0,3}[.!]?$/u;

/** "This article is for subscribers only", "Already a subscriber? Log in", "Subscribe to continue reading": a paywall prompt (the article itself, or the reader's subscription, named; "The club is for members only" is not one). */
export const PAYWALL_PROMPT = /\b(?:[Tt]his|[Tt]he (?:full|rest of the)) (?:article|story|content|piece|report) is (?:only )?(?:for|available to|exclusive to|reserved for) (?:paying |premium |our )?(?:subscribers|members)\b|\bAlready an? (?:subscriber|member)\?|\b[Ss]ubscribe (?:now )?to (?:continue|keep) reading\b/u;

/** Newsletter block, the pitch: "... delivered to your inbox every morning", "Get our free newsletter". */
export const NEWSLETTER_WORD = /\b(?:newsletters?|inbox(?:es)?)\b/iu;

/** Newsletter block, the e-mail prompt: "Enter your email", "Your email address", "Email address". */
export const EMAIL_PROMPT = /^(?:(?:(?:Enter|Type|Add|Insert|Provide)(?: your| an?)?(?: (?:best|work|personal|preferred|main|usual|business))? e-?mail(?: address)?|Your(?: (?:best|work|personal|preferred|main|usual|business))? e-?mail(?: address)?|E-?mail address)\b.{0,40}|E-?mail ?\*?:?|(?:your|you|name|email|e-mail|yourname|example)@[\w.-]{1,40})$/iu;

/**
 * Newsletter block, the form's messages: "Invalid email address", "Please enter a valid email",
 * "Thank you for signing up!", "You're subscribed", "Check your inbox to confirm": what a sign-up
 * form says back to the reader (short, never reported speech).
 */
export const FORM_MESSAGE = /^(?:(?:Please )?(?:enter|provide|use) a valid e-?mail|(?:Invalid|Not a valid) e-?mail|(?:Thanks|Thank you) for (?:signing up|subscribing|registering|joining)|You(?:'re|’re| are) (?:now |all )?(?:signed up|subscribed|on the list)\b|Check your inbox\b)[^.!]{0,60}[.!]?$/iu;

/** The button of a sign-up form, right under its e-mail prompt ("Count me in", "Send me the briefing", "Put me on the list"): at most this many words, no sentence end. */
export const FORM_BUTTON_WORDS = 5;

/** Button labels of prompts and banners: "Sign up", "Subscribe now", "Accept all cookies", "No thanks", "Manage preferences". */
export const BUTTON_LINE = /^(?:Sign (?:up|me up|in)|Subscribe|Submit|Donate|Give|Support|Join|Register|Continue|Accept|Reject|Manage|Allow|Decline|Agree|Learn more|Read more|No,? thanks|Got it|OK|Okay|Close|Dismiss|I agree|I accept|Maybe later|Not now|Cookie settings|Privacy settings|Yes,? please)(?: (?:up|now|us|today|here|all|cookies|preferences|settings|options|more|thanks|in|me up|free|the newsletter|our journalism|monthly|once|and continue|all cookies|necessary cookies|only|essential))?[.!]?$/iu;

/**
 * The other buttons of a consent banner or prompt, read only beside a banner or another button
 * (kinds.ts bodyKinds): a short line opening with a choice verb or a settings noun ("Accept and
 * close", "Reject non-essential", "Manage choices", "More options", "Customise settings",
 * "Alle akzeptieren", "Tout refuser", "Aceptar todo"). The same words in an article are a sentence.
 */
export const BANNER_BUTTON = /^(?:(?:I|We) )?(?:Accept|Reject|Refuse|Decline|Deny|Allow|Agree|Manage|Customi[sz]e|Change|Adjust|Review|Save|Confirm|Continue|Close|Dismiss|More|Show|Hide|Options|Settings|Preferences|Necessary|Essential|Only|Akzeptieren|Ablehnen|Alle|Einstellungen|Zustimmen|Accepter|Refuser|Tout|Paramétrer|Personnaliser|Aceptar|Rechazar|Configurar|Accetta|Rifiuta|Accepteren|Weigeren)\b/iu;

/**
 * Invisible or non-breaking characters a capture keeps inside a line ("Sign\u00a0up",
 * "Follow\u200b us"): where a line's first word holds one (kinds.ts, looked for there only, so
 * that ordinary lines cost nothing), NBSP and narrow NBSP read as a space, zero-width characters
 * and the BOM as nothing, before the line's kind is judged. The parse keeps the text as it is.
 */
export const INVISIBLE_SPACE = /[\u00a0\u202f\u2007]/gu;
export const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/gu;
export const ODD_SPACE_ANY = /[\u00a0\u202f\u2007\u200b-\u200d\u2060\ufeff\u00ad]/u;
/** A curly apostrophe ("Don’t", "We’re"): read as a straight one in a line's first word, where the cue words are written with "'". */
export const CURLY_APOSTROPHE = /\u2019/gu;

// Publisher prompts in other languages (German, French, Spanish, Italian, Dutch): the same
// families as above, read by kinds.ts otherLanguageKind on lines that open with one of these
// words. Each needs the family's object too (a network, an app, a newsletter, journalism or a
// price), so that an article sentence opening with the same word stays ("Folgen Sie dem Fluss ...").

/** The first words of other-language prompts (a cheap anchored gate; the rules below decide). */
export const OTHER_LANGUAGE_LEAD = /^(?:Wir verwenden|Wir nutzen|Diese (?:Website|Webseite|Seite)|Nous utilisons|Ce site|Utilizamos|Usamos|Este sitio|Questo sito|Utilizziamo|Wij gebruiken|Deze (?:site|website)|Jetzt|Abonnier|Melden Sie|Folgen Sie|Folge uns|Unterstütz|Lesen Sie|Mehr zum|Weiterlesen|Auch interessant|Artikel|Beitrag|Teilen|Link kopiert|Laden Sie|Abonnez|Inscrivez|Suivez|Retrouvez|Soutenez|Aidez|Partager|Lire|Voir aussi|À lire|A lire|Sur le même|Lien copié|Téléchargez|Recevez|Suscr|Síguenos|Siguenos|Apoya|Apóyanos|Compart|Lee también|Lea también|Leer más|Te puede|Descarg|Recibe|Enlace copiado|Iscriviti|Seguici|Sostieni|Condividi|Leggi anche|Scarica|Volg ons|Lees ook|Delen|Steun|Abonneer)/u;

/** "Lesen Sie auch: ...", "Lire aussi :", "Lee también:", "Leggi anche", "Lees ook": a link label (the headline after it goes with it). */
export const OTHER_NAV_LABEL = /^(?:Lesen Sie (?:auch|mehr|hier)|Mehr zum Thema|Weiterlesen|Auch interessant|Lire (?:aussi|la suite|plus)|Voir aussi|[ÀA] lire (?:aussi|également)|Sur le même sujet|Lee también|Lea también|Leer más|Te puede interesar|Leggi anche|Lees ook|Lees meer)[ \t]{0,3}(?:[:|»›>–—→]|-(?= )|$)/u;

/** "Artikel teilen", "Partager cet article", "Compartir en Facebook", "Link kopiert", "Lien copié": share-button labels. */
export const OTHER_SHARE_LINE = /^(?:(?:Artikel|Beitrag|Seite) (?:teilen|drucken|versenden|merken)|Teilen|Link kopiert|Partager(?: (?:cet article|l'article|l’article|sur \p{Lu}\p{L}{1,15}))?|Lien copié|Compartir(?: (?:este |el )?(?:artículo|noticia|en \p{Lu}\p{L}{1,15}))?|Enlace copiado|Condividi(?: (?:l'articolo|l’articolo|su \p{Lu}\p{L}{1,15}))?|Delen|Artikel delen)[ \t]?[.!]?$/u;

/** "Folgen Sie uns auf Instagram", "Suivez-nous sur Facebook", "Síguenos en X", "Seguici su", "Volg ons op": a follow prompt (a network must be named: MEDIA_OBJECT). */
export const OTHER_FOLLOW = /^(?:Folgen Sie uns|Folge uns|Suivez-nous|Retrouvez-nous|Síguenos|Siguenos|Seguici|Volg ons)\b/u;

/** A newsletter in other languages: "Newsletter", "infolettre", "lettre d'information", "boletín", "nieuwsbrief". */
export const OTHER_NEWSLETTER_WORD = /\b(?:[Nn]ewsletter|infolettre|lettre d['’]information|bolet[íi]n|nieuwsbrief)\b/u;
/** A sign-up verb in other languages: "abonnieren", "anmelden", "Abonnez-vous", "Inscrivez-vous", "Recevez", "Suscríbete", "Iscriviti", "Abonneer". */
export const OTHER_SIGNUP_VERB = /(?:[Aa]bonnier|[Aa]nmelde|[Bb]estelle|Melden Sie sich|Abonnez|Inscrivez|Recevez|Suscr[ií]b|Ap[úu]ntate|Recibe|Iscriviti|Abonneer|Meld je aan)/u;

/**
 * "Unterstützen Sie unabhängigen Journalismus", "Soutenez notre rédaction", "Apoya el periodismo
 * local", "Unterstützen Sie uns ab 3 Euro": an appeal naming journalism or the outlet ("uns",
 * "notre", "nuestro", "onze"); "Unterstützen Sie die Tafel mit 5 Euro" (a charity's) names neither.
 */
export const OTHER_APPEAL = /^(?:Unterstützen Sie|Unterstütze|Soutenez|Aidez-nous|Apoya|Apóyanos|Sostieni|Steun)\b.{0,160}?(?:[Jj]ournalismus|journalisme|rédaction|periodismo|redacción|giornalismo|redazione|journalistiek|redactie|\buns(?:er\p{L}{0,2})?\b|\bnotre\b|\bnous\b|\bnuestr[oa]s?\b|\bnos\b|\bci\b|\bons\b|\bonze\b|nos\b)/u;

/** "Laden Sie unsere App herunter", "Téléchargez notre application", "Descarga nuestra app": an app-download prompt. */
export const OTHER_APP_PROMPT = /^(?:Laden Sie|Téléchargez|Descarg[au]|Desc[áa]rgate|Scarica)\b.{0,80}?\b(?:App|app|application|appli|aplicación|applicazione)\b/u;

/** A cookie banner in other languages: cookies named, and consent, acceptance or privacy ("stimmen Sie ... zu", "vous acceptez", "aceptas", "acconsenti", "toestemming"). */
export const OTHER_CONSENT = /\b[Cc]ookies?\b.{0,200}?(?:zustimm|stimmen Sie|akzeptier|Einwilligung|Einverständnis|Datenschutz|accept|consent|aceptar|aceptas|acepta|consentimiento|privacidad|confidentialité|acconsenti|consenso|toestemming|akkoord)/u;

/** Prompts to scroll or tap: "Scroll down for video", "Tap to expand", "Click here to ...", "Swipe for more". */
export const SCROLL_TAP = /^(?:Scroll|Tap|Swipe|Click|Press|Hit) (?:play|down|up|here|to|for|on|below|above|through|left|right)\b/iu;

/** Podcast and video promos naming a platform: "on any podcast app", "Apple Podcasts", "wherever you get your podcasts". */
export const PLATFORM_PROMO = /\b(?:Apple Podcasts|Spotify|podcast app|podcast platforms?|(?:wherever|anywhere) you (?:get|listen to|find|hear|stream) (?:your |our )?(?:podcasts|shows|audio)|App Store|Google Play|YouTube channel)\b/iu;

/** "Follow him on X", "Follow her on Bluesky @jane", "Email her at jane@...": an author's follow or contact prompt (a bio's tail). */
export const AUTHOR_FOLLOW = /^(?:Follow|Find|Email) (?:him|her|them|me|the (?:author|writer|reporter)) (?:on|at|via|by) (?:X|Twitter|Bluesky|Threads|Instagram|LinkedIn|Mastodon|TikTok|Facebook|e-?mail|\S{1,40}@\S{1,60})\b[^.!?]{0,60}[.!]?$/u;
/** "Follow us on ...", "Like us on ...", "Join our ... channel": follow prompts naming a network. */
export const FOLLOW_PROMPT = /^(?:Follow|Like|Join|Find|Connect with|Add) (?:us|our|him|her|them|me|[\p{Lu}][\p{L}&.' ]{0,30}?) (?:on|at|channel|via)\b/u;

/** Cookie / consent banners: a cookies line that speaks of consent, partners, preferences or browsing. */
export const CONSENT_WORD = /\bcookies?\b/iu;
export const CONSENT_CONTEXT = /\b(?:accept|agree|consent|partners|preferences|privacy|personali[sz]e|browse|browsing|use of|this (?:site|website))\b/iu;

/** Share furniture: "Share", "Share on Facebook", "Email this article", "Copy link", "Link copied to clipboard", "Your email has been sent." */
export const SHARE_LINE = /^(?:Share(?: (?:this|on|via|to|the) ?[\p{L} ]{0,30}|s)?|Tweet(?: this)?|E-?mail(?: this(?: article| story| page| link)?| to a friend)?|Copy(?: the)? link|(?:Link|URL|Address) copied(?: to (?:the |your )?clipboard)?|Copied(?: to (?:the |your )?clipboard)?!?|Print(?: this (?:article|page|story))?|Save(?: (?:article|story|for later|this article|this story))?|Gift(?: this)? (?:article|story)|Listen to (?:this )?(?:article|story)|Your e-?mail has been sent|Open in app|Read in app|Share full article|\d{1,5} [Ss]hares?)[.!]?$/u;

/** Network names and share verbs: a line of only these ("Facebook Twitter WhatsApp Email") is a share row. */
export const SHARE_TOKENS: ReadonlySet<string> = new Set(['facebook', 'twitter', 'x', 'whatsapp', 'email', 'e-mail', 'linkedin', 'reddit', 'pinterest', 'telegram', 'messenger', 'flipboard', 'print', 'copy', 'link', 'share', 'sms', 'threads', 'bluesky', 'mastodon', 'instagram', 'tiktok', 'youtube', 'tweet', 'comment', 'comments', 'save', 'gift']);

/** Separators between tokens of a share row or a tag row. */
export const ROW_SPLIT = /\s*[|•·,/]\s*|\s{2,}|\s/u;

/** Link teasers and navigation labels: "ALSO READ:", "See also |", "MORE FROM US:", "Keep reading", "Continue to the article". */
export const NAV_LABEL = /^(?:also read|read also|also see|video|audio|podcast|gallery|photos|in pictures|read more|see also|more from [\p{L}' ]{1,30}|more on this(?: story)?|related(?: stories| articles| coverage| content| reading| news| links)?|read next|up next|recommended(?: for you| reading)?|don'?t miss|must read|trending(?: now)?|you may also like|you might also like|keep reading|continue reading|continue to (?:the )?(?:article|story)|read the full (?:story|article)|read (?:the )?full (?:story|article)|most read|most popular|top stories|editor'?s picks?|watch|listen|latest|more stories|more news|in other news|in case you missed it|icymi|(?:next|previous|prev) (?:article|story|post|page)|read this next|back to (?:the )?top|go to (?:the )?(?:full )?(?:story|article)|click (?:here )?to (?:continue|keep) reading)[ \t]{0,3}(?:[:|»›>–—→]|-(?= )|$)/iu;

/**
 * A link label of other words before a headline: "Also on the Ledger: ...", "You might be
 * interested in: ...", "Our coverage of the storms: A | B". The label is a few words opening with a
 * pointing word and ending in ":", "|" or "→"; the rest must be a headline (kinds.ts: capitalised, no sentence end).
 */
export const LINK_LEAD = /^(?:Also|More|Read|See|Watch|Related|Recommended|Further|Our|You (?:might|may)|Don'?t miss|Elsewhere|Coming up)\b[^:|→.!?]{0,40}[:|→][ \t]{0,3}/iu;

/** "Tags:", "Topics:", "Filed under", "Related topics", "ABOUT US": a tag or keyword row's label (also "Themen:", "Schlagwörter:", "Mots-clés :", "Etiquetas:", "Parole chiave:", "Trefwoorden:"). */
export const TAG_LABEL = /^(?:tags?|topics?|keywords?|related topics|filed under|categories|category|about us|more about|themen|schlagw(?:ö|oe)rter|schlagworte|stichw(?:ö|oe)rter|stichworte|mots[- ]cl[ée]s|th[èe]mes|sujets|etiquetas|temas|palabras clave|argomenti|parole chiave|trefwoorden|onderwerpen)[ \t]{0,3}(?::|\||$)/iu;

/** The marks between a breadcrumb row's section names: a row holds one of them (kinds.ts and kicker.ts look for one before BREADCRUMB_ROW). */
export const BREADCRUMB_MARKS: readonly string[] = ['›', '»'];
/** "Home › Local › Parks", "News » World » Europe": a breadcrumb row (capitalised section names joined by "›" or "»"), navigation wherever it stands at a body's edge or above a credit line. */
export const BREADCRUMB_ROW = new RegExp(String.raw`^\p{Lu}[\p{L}\p{N}&'’.-]{0,20}(?: [\p{L}\p{N}&'’.-]{1,20}){0,3}(?: ?[${BREADCRUMB_MARKS.join('')}] ?\p{Lu}[\p{L}\p{N}&'’.-]{0,20}(?: [\p{L}\p{N}&'’.-]{1,20}){0,3}){1,6}$`, 'u');

/** "#CalderBay #Harbour #Transport": a row of hashtags and nothing else (a tag row wherever it stands). */
export const HASHTAG_ROW = /^#[\p{L}\p{N}_]{1,40}(?:[ ,·|]{1,3}#[\p{L}\p{N}_]{1,40}){0,20}$/u;

/** A glued section-name pair ("WorldEurope", "BusinessMarkets"): navigation residue. */
export const GLUED_SECTIONS = /^\p{Lu}\p{Ll}{2,15}\p{Lu}\p{Ll}{2,15}$/u;

/** Outlet self-description: the outlet's mission, independence or history ("... has been the city's independent voice since 1887"). */
export const SELF_INDEPENDENT = /\b(?:independent|non-?profit|not-for-profit|reader-(?:funded|supported)|award-winning|family-owned|locally owned|publicly funded)\b/iu;
export const SELF_MEDIA = /\b(?:journalism|newsroom|news(?:paper| organi[sz]ation| site| outlet| service| agency| publication)?|publication|reporting|media|voice)\b/iu;
export const SELF_HISTORY = /\b(?:since (?:1[89]|20)\d{2}|founded in|our mission|mission is|readers|free to read|paywall|every day|for (?:over|more than) (?:a )?(?:century|\d{1,3} years))\b/iu;
export const ABOUT_OUTLET = /^(?:About (?:us|the author|the writer|this (?:newsletter|podcast|series))|ABOUT (?:US|THE AUTHOR))\b/u;
/** What an outlet calls itself: "newsroom", "newspaper", "news site", "media company", "digital magazine", "wire service", "broadcaster". */
const MEDIA_NOUN = String.raw`(?:newsrooms?|newspapers?|news(?:papers?)? (?:organi[sz]ations?|sites?|websites?|outlets?|services?|agency|agencies|publications?|magazines?|platforms?|start-?ups?|non-?profits?|co-?operatives?|brands?|networks?)|magazines?|publications?|media (?:companies|company|organi[sz]ations?|outlets?|groups?|platforms?|start-?ups?|brands?)|broadcasters?|journalism (?:organi[sz]ations?|non-?profits?|projects?)|(?:digital|online) (?:news|media|publications?|magazines?|newspapers?)|wire services?|(?:radio|TV|television) stations?)`;
/** An outlet's name as a sentence's subject: "The Ledger", "Harbour Post", "the Valley Times", "CalMatters". */
const OUTLET_NAME = String.raw`(?:[Tt]he )?\p{Lu}[\p{L}\p{N}'’.&-]{0,30}(?: (?:\p{Lu}[\p{L}\p{N}'’.&-]{0,30}|of|&|and|on)){0,5}`;
/**
 * An outlet's profile without "we" or "our", read only at a body's edge (kinds.ts): the outlet's
 * name as the subject and a media noun in the predicate ("The Ledger is an independent, non-profit
 * newsroom covering ...", "Harbour Post, a reader-funded news site, covers ..."). An article
 * sentence of the same shape names no media noun ("The council is an independent body founded in
 * 1998") or reports speech (vetoed in kinds.ts).
 */
export const OUTLET_PROFILE = new RegExp(
  String.raw`^(?:${OUTLET_NAME} (?:is|has been|remains) (?:an?|the|one of the) [^.;:]{0,80}?\b${MEDIA_NOUN}\b|${OUTLET_NAME}, (?:an?|the) [^,;]{0,60}?\b${MEDIA_NOUN}\b[^,;]{0,60}, (?:is|has|covers|reports|publishes|serves|produces|delivers|provides)\b)`,
  'u',
);
/** "Founded in 1998, the Valley Times reports on ...": a founding year before a name; an outlet's profile when the line also names news work (NEWS_WORK). */
export const OUTLET_FOUNDED = new RegExp(String.raw`^(?:(?:Founded|Established|Launched|Started|Since) (?:in )?(?:1[6-9]|20)\d{2}|For (?:more than |over |nearly |almost )?(?:(?:[2-9]\d|\d{3}) years|a century|generations)), ${OUTLET_NAME} (?:is|has|covers|reports|publishes|serves|produces|delivers|provides|brings)\b`, 'u');
/**
 * "The Ledger has covered the harbour towns for more than 150 years": the outlet's name, a verb of
 * news work and a long history (20 years or more, a century, since before 2000), whatever the
 * object. Read at a body's edge only; "The Courier has reported on the dispute since 2019" is article text.
 * The name is followed by one of OUTLET_LONG_HISTORY_VERBS: a line without one is not tried (kinds.ts).
 */
export const OUTLET_LONG_HISTORY_VERBS: readonly string[] = [' has ', ' have '];
export const OUTLET_LONG_HISTORY = new RegExp(
  String.raw`^${OUTLET_NAME}(?:${alternatives(OUTLET_LONG_HISTORY_VERBS)})(?:been )?(?:publish|report|cover|tell|told|chronicl|inform)\p{L}{0,4}\b.{0,100}?(?:\bsince 1[6-9]\d{2}\b|\bfor (?:over |more than |nearly |almost )?(?:(?:[2-9]\d|\d{3}) years|a century|generations)\b)`,
  'u',
);
/** "Our mission is to hold power to account ...", "We exist to ...": the outlet's mission (read at a body's edge with news work named, NEWS_WORK). */
export const SELF_MISSION = /^(?:Our (?:mission|purpose|aim|promise|goal|job) (?:is|has always been|remains)\b|We exist to\b|OUR MISSION\b)/u;
/** News work named in an outlet's profile: "reports on", "covers", "journalism", "news", "stories". */
/** Social networks an outlet points to. */
const NETWORK = String.raw`(?:Instagram|TikTok|Threads|Facebook|X|Twitter|YouTube|WhatsApp|Telegram|LinkedIn|Bluesky|Mastodon|Snapchat|Flipboard|Google News|Apple News|Substack)`;
/** "Calder Courier is on Instagram, TikTok and Threads": a follow prompt in the outlet's name, without "follow us" (read at a body's edge only). */
export const FOLLOW_STATEMENT = new RegExp(String.raw`^${OUTLET_NAME} (?:is|are) (?:also |now ){0,2}on ${NETWORK}(?:(?:, and |, | and | & )${NETWORK}){0,8}\.?$`, 'u');
/**
 * "The Courier has published news for the towns of the valley since 1884 ...": the outlet's name,
 * a verb of news work with a generic object (news, journalism, stories, readers) and its history
 * (a year after "since", or "for N years" / "a century"). Read at a body's edge only; "The Courier
 * has reported on the dispute since 2019" (a particular object) is article text.
 */
export const OUTLET_HISTORY = new RegExp(
  String.raw`^${OUTLET_NAME} (?:has|have) (?:been )?(?:publish|report|cover|serv|bring|brought|deliver|tell|told|inform)\p{L}{0,4} (?:(?:the|local|independent|trusted|award-winning|daily|regional|community|its|their) ){0,3}(?:news|journalism|stories|readers|communit(?:y|ies))\b.{0,160}?(?:\bsince (?:1[6-9]|20)\d{2}\b|\bfor (?:over |more than |nearly |almost )?(?:a century|\d{1,3} years)\b)`,
  'u',
);
/** What follows the outlet's name in OUTLET_SUBJECT: a verb or an apposition; a line without one of them is not tried (kinds.ts). */
export const OUTLET_SUBJECT_LINKS: readonly string[] = [' is ', ' are ', ' has ', ' have ', ' remains ', ', a ', ', an ', ', the '];
/** The opening OUTLET_PROFILE, OUTLET_HISTORY and FOLLOW_STATEMENT share: the outlet's name, then "is", "has", "remains" or an apposition (", a ..."); tested first, once. */
export const OUTLET_SUBJECT = new RegExp(String.raw`^${OUTLET_NAME}(?:${alternatives(OUTLET_SUBJECT_LINKS)})`, 'u');
/** Beside a subscribe / give button, a pitch of what the reader gets: "delivered at 7am", "every Thursday", "daily", "free". */
export const DELIVERY_PITCH = /\b(?:delivered|straight to|(?:lands?|landing|arrives?|arriving|sent) (?:in|on|each|every|twice|once|weekly|daily)|(?:[Ee]very|[Ee]ach) (?:morning|evening|weekday|day|week|month|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:s| mornings| evenings)|weekdays|daily|weekly|fortnightly|(?:twice|once) a week|at \d{1,2}(?:[:.]\d{2})? ?(?:am|pm)|headlines|[Ff]ree)\b/u;
/** A sign-up or give button ("Sign me up", "Subscribe free", "Join", "Donate now"): the outlet's own pitch above it is the block's ("Our pick of the week ..."); above "Manage preferences" it is not. */
export const SIGNUP_BUTTON = /^(?:Sign (?:up|me up)|Subscribe|Join|Register|Donate|Give|Support|Count me in|Send me)\b/iu;
/** "The Morning Ledger: your daily guide to what's happening in Calder Bay": a product's name, then what it is for the reader. */
export const PROMO_NAME_PITCH = /^(?:The )?\p{Lu}[\p{L}'’]{0,30}(?: \p{Lu}[\p{L}'’]{0,30}){0,3}: (?:your|the|a) (?:(?:free|essential|daily|weekly|morning|evening|must-read|go-to|new) ){0,3}(?:guide|briefing|round-?up|digest|newsletter|dose|catch-up|rundown|bulletin)\b/u;
/** "The Politics Hour newsletter", "the Ledger's briefing": a newsletter named as a product (a capitalised name before it). */
export const NAMED_NEWSLETTER = /\b(?!(?:The|A|An|This|That|These|Our|Their|His|Her|Its|Your|Every|Each|Weekly|Daily|Monthly|Free)\b)\p{Lu}[\p{L}'’]{1,30} (?:newsletters?|briefing|bulletin)\b/u;
/** "By clicking Sign up, you agree to receive marketing emails ...": the terms under a sign-up form (a cookie banner's wording is consent-banner). */
export const FORM_TERMS = /^By (?:clicking|signing up|subscribing|registering|submitting|entering|providing|continuing)\b(?!.{0,200}\bcookie).{0,160}\byou (?:agree|accept|consent|confirm|acknowledge)\b/iu;
/** "Newsletter: The Harbour Brief, every Thursday ...": a line labelled as a newsletter promo. */
export const NEWSLETTER_LABEL = /^(?:Newsletters?|NEWSLETTERS?)[ \t]{0,2}[:|–—-]/u;
export const NEWS_WORK = /\b(?:reports|reporting|reporters|covers|covered|coverage|publishes|published|journalism|journalists|news|newsroom|stories|readers)\b/u;
/** A double quotation mark ("“”"): a quoted profile is someone's words, reported in the article. */
export const QUOTE_MARK = /["“”]/u;
/** An outlet profile is one or two sentences: lines longer than this are article paragraphs. */
export const OUTLET_PROFILE_MAX = 320;

/** "About the Ridgeway Post: we have ...": a named "About" label; taken with the outlet speaking of itself (OUTLET_SELF). */
export const ABOUT_NAMED = /^About (?:the |The )?\p{Lu}[\p{L}'’.&-]{0,30}(?: [\p{Lu}&][\p{L}'’.&-]{0,30}){0,4}:/u;

/**
 * An author's bio at a body's edge (kinds.ts, rule "author-bio"): a person's name as the subject and
 * their post at an outlet, the sentence ending there: "Jane Doe is the Harbour Post's transport
 * correspondent.", "Jane Doe is a senior reporter at The Harbour Post. She ...", "Jane Doe covers
 * transport for the Harbour Post." An article sentence about a reporter goes on after the outlet
 * ("Tom Bell is a former reporter at the Courier who now runs the ferry company") or reports speech
 * (vetoed in kinds.ts).
 */
const BIO_NAME = String.raw`\p{Lu}[\p{L}'’-]{1,20}(?: (?:\p{Lu}[\p{L}'’.-]{0,20}|de|van|von|der|da|di|du|le|la|al|bin)){1,3}`;
const BIO_ROLE = String.raw`(?:correspondent|editor|reporter|writer|columnist|contributor|producer|photographer|journalist|analyst|commentator|critic|presenter|host|author|video journalist|data journalist|fellow)s?`;
const BIO_OUTLET = String.raw`(?:the |The )?\p{Lu}[\p{L}\p{N}'’.&-]{0,30}(?: (?:\p{Lu}[\p{L}\p{N}'’.&-]{0,30}|of|on|&)){0,4}`;
const BIO_END = String.raw`(?=\.(?: |$)|;|$| and | based | covering | since | where | who (?:covers|writes|reports|specialises|specializes))`;
/** The verbs after the name in AUTHOR_BIO: before the post ("is a reporter at ...") and before the beat ("covers transport for ..."). */
const BIO_POST_VERBS = ['is', 'has been', 'was until recently'];
const BIO_BEAT_VERBS = ['covers', 'writes about', 'reports on', 'writes on'];
/** A bio holds one of its verbs between spaces (" is ", " covers "): a line without one is not tried (kinds.ts). */
export const AUTHOR_BIO_VERBS: readonly string[] = [...BIO_POST_VERBS, ...BIO_BEAT_VERBS].map((v) => ` ${v} `);
export const AUTHOR_BIO = new RegExp(
  String.raw`^${BIO_NAME} (?:${alternatives(BIO_POST_VERBS)}) (?:(?:a|an|the) (?:[\p{L}-]{1,20} ){0,5}${BIO_ROLE} (?:(?:at|for|with|on) ${BIO_OUTLET}|based in \p{Lu}[\p{L}'’.-]{1,30}(?: \p{Lu}[\p{L}'’.-]{1,30}){0,2})|(?:the |The )?\p{Lu}[\p{L}\p{N}.&-]{0,30}(?: \p{Lu}[\p{L}\p{N}.&-]{0,30}){0,3}(?:'s|’s) (?:[\p{L}-]{1,20} ){0,4}${BIO_ROLE})${BIO_END}|^${BIO_NAME} (?:${alternatives(BIO_BEAT_VERBS)}) [^.;]{1,60} for ${BIO_OUTLET}${BIO_END}`,
  'u',
);
/** A bio is one to three sentences: longer lines are article paragraphs. */
export const AUTHOR_BIO_MAX = 300;

/** Opinion disclaimers: "The views expressed are the author's own", "does not necessarily reflect the views of"; sponsorship notes: "Published in partnership with the Coastal Trust", "Produced with support from ...". */
export const DISCLAIMER = /(?:\b(?:does|do|is|are) not (?:constitute|intended as|a substitute for) (?:legal|financial|medical|investment|tax|professional) advice\b|\b(?:views|opinions) (?:expressed )?(?:in this (?:article|piece|column|commentary) )?(?:are|is) (?:solely |entirely |strictly )?(?:those of the (?:author|writer|contributor)s?|the (?:author|writer|contributor)'?s?’?s? own|(?:his|her|their|my) own)|\bdo(?:es)? not (?:necessarily )?(?:reflect|represent) the (?:views|position|opinions?|policy)\b|^\(?Disclaimer\b|^This (?:article|story|content|piece|post) (?:is|was) (?:for (?:general )?information(?:al)? (?:purposes|only)|(?:originally|first) (?:published|appeared)|produced (?:by|in partnership)|sponsored|paid for|part of a paid)|^(?:Published|Produced|Created|Made|Brought to you|Presented|Written|Supported) (?:in (?:partnership|association|collaboration) with|with (?:the )?(?:support|funding|financial support) (?:of|from))\b)/iu;

/**
 * Opinion disclaimer in other words: "views"/"opinions" and the writer ("author", "columnist",
 * "personal") with an ownership word ("own", "alone", "belong", "not ... the paper"), within a
 * short span: "Views are personal.", "Opinions on this page belong to the columnist alone",
 * "The columnist's opinions are his own"; or the writer's view or opinion "only" / "alone" ending
 * a clause ("This review reflects the writer's opinion only, not that of the Ledger"; "The
 * writer's opinion only changed after the vote" goes on).
 * Tested only on lines without reported speech ("her lawyer said the views ...").
 */
export const OPINION_OWNER = /\b(?:author|writer|columnist|contributor|commentator|reviewer|critic|blogger|correspondent)(?:'s|’s|s'|s’) (?:own )?(?:views?|opinions?) (?:only|alone|solely)(?=[,.;)]|$)|(?:\b(?:[Vv]iews|[Oo]pinions)\b|\b(?:author|writer|columnist|contributor|commentator|reviewer|critic|blogger|correspondent)(?:'s|’s|s'|s’|s)?\b.{0,12}\b(?:views|opinions)\b).{0,80}?(?:\b(?:are|is) personal\b|\b(?:are|is|remain) (?:entirely |solely )?(?:his|her|their|my) own\b|\b(?:author|writer|columnist|contributor|commentator|reviewer|critic|blogger|correspondent)(?:'s|’s|s'|s’|s)?\b.{0,30}?\b(?:own|alone|solely|only)\b|\bbelong(?:s|ing)? to (?:the )?(?:author|writer|columnist|contributor|commentator|reviewer|critic|blogger|correspondent)s?\b|\b(?:are|is) (?:those of )?the (?:author|writer|columnist|contributor|commentator|reviewer|critic|blogger|correspondent)(?:'s|’s|s'|s’)(?= |\.|,|$))/u;

/** Affiliate / commission disclosures: "We may earn a commission", "affiliate links", "independently selected". */
export const AFFILIATE = /\b(?:affiliate (?:links?|commission|partners?|programs?)|\b(?:may|might|could|can|will) (?:be paid|earn|receive|get|make) (?:a |an )?(?:small |affiliate )?(?:fee|commission|share of|payment|money)\b.{0,80}?\blinks?\b|(?:\b[Ww]e (?:may |might |could |can |will |sometimes |often )?|\b(?:may|might) )(?:earn|receive|get) (?:a )?(?:small )?(?:affiliate )?commission|commission (?:on|from) (?:purchases|sales|anything)|independently (?:selected|chosen|reviewed)|when you (?:buy|shop|click|purchase) (?:through|via|using|from) (?:links|our links|the links)|\b(?:buy|shop|purchase|click)(?:s|ing)? (?:[\p{L}'’]{1,20} ){0,3}(?:through|via|using|from|on) (?:[\p{L}'’]{1,20} ){0,3}links?\b.{0,80}?\b(?:we|us|our)\b.{0,40}?\b(?:earn|paid|fee|share of|commission|money|revenue)|\b(?:we|us)\b.{0,40}?\b(?:earn|paid|fee|share of (?:the )?(?:sale|revenue)|commission)\b.{0,60}?\b(?:buy|shop|purchase|click)(?:s|ing)? (?:[\p{L}'’]{1,20} ){0,3}(?:through|via|using|from|on) (?:[\p{L}'’]{1,20} ){0,3}links?\b)/iu;

/** "Reporting by Jane Doe; Editing by John Roe", "With assistance from ...": an agency credits trailer (credits, not body); its words are checked against CREDITS_LOWER_WORDS. */
export const CREDITS_TRAILER = /^\(?(?:With (?:assistance from|(?:additional )?reporting by)|(?:(?:Additional )?[Rr]eporting|[Ww]riting|[Ee]diting|[Ee]dited|[Cc]ompiled|[Ff]act-checking|[Pp]roduced|[Gg]raphics) by) (?:the )?[\p{Lu}][^.]{0,300}\)?\.?$/u;

/**
 * The lower-case words a credits trailer holds besides names: joiners, places ("in Ankara"), the
 * roles of the next credit ("; Editing by ..."), name particles. Any other lower-case word, or a
 * digit, makes the line a sentence ("Reporting by two journals in 2019 first exposed the scheme").
 */
export const CREDITS_LOWER_WORDS: ReadonlySet<string> = new Set(['and', 'in', 'from', 'by', 'with', 'the', 'of', 'at', 'for', 'additional', 'reporting', 'writing', 'editing', 'edited', 'compiled', 'fact-checking', 'produced', 'graphics', 'assistance', 'de', 'da', 'del', 'van', 'von', 'der', 'den', 'al', 'bin', 'la', 'le', 'di', 'du', 'dos']);

/** "Want more stories like this?", "Enjoying this piece?", "plenty more where that came from": the line speaks about the reading itself. */
export const READING_META = /^(?:Never|Don'?t|Don’t|Do not)(?: (?:want|wish) to)? miss (?:a|an|another|any|out on)\b|\b(?:stories like this|articles like this|(?:enjoy(?:ed|ing)?|like|love)(?:d)? (?:this|our) (?:piece|article|story|newsletter|journalism)|plenty more where|more where (?:that|it) came from|never miss a (?:story|thing|beat))\b/iu;

/** A question opening a line that speaks to the reader ("Want more ...?", "Enjoying this piece?"). */
export const READER_QUESTION = /^(?:Want|Enjoy(?:ing|ed)?|Like|Love|Looking for|Missed|Curious|Interested in|Did you (?:enjoy|like))\b[^?]{0,120}\?/u;

/** "Police are appealing ...", "A decision is due ...": an auxiliary verb marks a sentence, not a headline (headlines drop them). */
export const SENTENCE_AUX = /\b(?:is|are|was|were|has|have|had|will|would|can|could|should|be|been|being|continues|remains)\b/u;

/** "Picture: iStock", "THE CANADIAN PRESS/Sean Hall", "(AP Photo)": photo captions and credits, article furniture kept in the body without doubt. */
export const CAPTION_MARKS = /[:/(©]|\b(?:Photo|Picture|Image|Credit|Getty|Reuters|AP|AFP)\b/u;

/** A short line: at most this many words and characters (tag rows, buttons, titles of promo blocks). */
export const SHORT_LINE_WORDS = 5;
export const SHORT_LINE_CHARS = 40;

/** An imperative line speaking to the reader but naming no media object or appeal: longer than this, it is more likely directions in the article ("Follow the coast road north and you reach ..."), doubted below the warning level. */
export const LONG_IMPERATIVE = 80;

/** A link label's list of headlines ("More from the Courier:" over three headlines) is at most this long. */
export const MAX_TEASER_LIST = 6;

/**
 * Beside short paragraphs: a sentence line at least this long (UTF-16 code units) before a run of
 * tag lines or teaser headlines at a body's end, or after headlines under a link label, is article
 * text that the run is not part of ("Fares stay the same." over "Ferries" / "Transport").
 */
export const SHORT_PARAGRAPH_MIN_CHARS = 16;
/** A run of this many teaser headlines or more at a body's end, after a sentence, is a list of links (one alone needs a long paragraph before it). */
export const TEASER_RUN_MIN = 2;

/** A bare headline pointing elsewhere at a body's end: at most this long, no sentence end. */
export const TEASER_MAX_CHARS = 140;

/** "... of Trump's campaign against": a line ending in a function word is a sentence cut off (a publisher teaser), not a headline. */
export const CUT_SENTENCE_END = /\b(?:a|an|the|of|to|and|or|but|against|with|for|in|on|at|by|from|that|which|as|into|over|is|are|was|were|has|have|had|will|would|his|her|their|its|this|these|those|than|about|after|before|while|when|if)$/iu;

// ---------------------------------------------------------------------------------------------
// Small shapes used by several rules
// ---------------------------------------------------------------------------------------------

/** Any letter or digit: a body piece without one ("." left between two cut-outs) is dropped. */
export const HAS_WORD = /[\p{L}\p{N}]/u;

/** Any letter / lower-case letter / upper-case letters (global) / a capitalised or numeric start. */
export const LETTER = /\p{L}/u;
export const LOWER = /\p{Ll}/u;
export const UPPER_ALL = /\p{Lu}/gu;
export const UPPER_START = /^[\p{Lu}\p{N}]/u;

/** A word that opens in lower case. */
export const LOWER_START = /^\p{Ll}/u;

/** "OTTAWA -", "HONG KONG--", "CHENNAI:": a line ending the way a dateline does. */
export const DATELINE_END = /(?:--|[-—–:])$/u;

/** A line (or the text before a notice) that ends a sentence, closing quotes/brackets allowed. */
export const SENTENCE_CLOSED = /[.!?'"’”)]$/u;

/** "Police said it." ends a sentence: such a line is a paragraph, not a cut-off headline. */
export const ENDS_SENTENCE = /[.!?]$/u;

/** "- Src", "• Busi": a cut-off echo or category line at the end of a capture. */
export const ECHO_PREFIX = /^[-•–]\s{0,8}\S{0,60}$/u;

/** A word of a byline (run of non-space); a digit inside one means it is a date, not a name. */
export const WORD = /\S+/gu;
export const DIGIT = /\d/u;

/** "ANDREW": an ALL-CAPS name has two upper-case letters in a row (a lone "A" is not a name). */
export const CAPS_RUN = /\p{Lu}{2}/u;

/** "CHENNAI:": a caps word ending in ":" is a dateline, where a byline stops. */
export const COLON_END = /:$/u;

/** The word just before an inline-noise match ("Subscribe| to the Daily ..."). */
export const WORD_BEFORE = /\p{L}{1,20}$/u;

/** One capitalised word after a footer's "Policy |" ("| Editorial"). */
export const CAPITALISED_WORD_AFTER = /^ \p{Lu}\p{L}{0,20}/u;

/** CRLF line ends, turned into LF by the slice rule (derive/articles.ts). */
export const CRLF = /\r\n/gu;

// ---------------------------------------------------------------------------------------------
// Learned inputs (learned.ts): line memory and editors' rules
// ---------------------------------------------------------------------------------------------

/** A line's memory key hashes its letters only, lower-cased (learned.ts lineKey). */
/** A line's key starts with a hash of its first this many letters: a cheap first test (learned.ts linePrefix). */
export const KEY_PREFIX_LETTERS = 10;
/** A line with fewer letters than this keys on its whole folded text instead ("12:30 - 14:00"). */
export const LINE_KEY_MIN_LETTERS = 3;

/**
 * K: a line at a body's edge seen in at least this many distinct stories is publisher
 * boilerplate ("repeated in N articles"). An interior line needs twice as many, a line longer
 * than LINE_MEMORY_SHORT twice as many again, and a line longer than LINE_MEMORY_MAX never
 * qualifies (paragraphs are article text, however often syndicated).
 */
export const LINE_MEMORY_MIN_STORIES = 3;
/** Lines up to this long (UTF-16 code units) need only K stories (at a body's edge). */
export const LINE_MEMORY_SHORT = 200;
/** Lines longer than this are never remembered nor marked: promos are short, paragraphs long. */
export const LINE_MEMORY_MAX = 400;
/**
 * A line the memory never marks, however many stories it was seen in: a sentence of reported
 * speech (REPORTED_SPEECH, ending like a sentence: "Council officers said the freeze would cost
 * ..."). Promos speak to the reader; they do not report what someone said, and a stock sentence
 * of news copy repeated across stories is still article text. Editors' rules still apply.
 */
export function memoryKeepsSentence(line: string): boolean {
  return ENDS_SENTENCE.test(line) && REPORTED_SPEECH.test(line);
}

/** An editor's rule names a line of at most this many code units (a promo, not a paragraph). */
export const RULE_MAX_LINE = 1000;
/** Lines shorter than this are not remembered (one-word lines are subheads and labels). */
export const LINE_MEMORY_MIN = 12;

// ---------------------------------------------------------------------------------------------
// Shape rules (shape.ts): an editor's byline or date-line fix, generalised to the line's shape
// ---------------------------------------------------------------------------------------------

/**
 * The kinds of shape rule and the field each marks: "byline-shape" (lines shaped like a byline
 * the editor marked, e.g. "[<Cap+>] , <Cap+>" from "Jane Doe, Senior Correspondent") and
 * "dateline-shape" (lines shaped like a date line, e.g. "Posted [<time> <zone> , <day> <month> <year>] - last modified ...").
 */
export const SHAPE_RULE_FIELDS = { byline: 'byline-shape', published: 'dateline-shape' } as const;
/** A shape rule looks at most this many non-blank lines after an article's headline (the credit zone). */
export const SHAPE_LEAD_LINES = 6;
/** A line longer than this (UTF-16 code units) is a paragraph, never a credit line: a shape rule neither learns from it nor marks it. */
export const SHAPE_MAX_LINE = 200;
/** A line with more tokens than this is not a credit line either (and keeps the match linear and short). */
export const SHAPE_MAX_TOKENS = 40;
/** A run of n capitalised words in a shape matches a run of n - 1 to n + SHAPE_RUN_SLACK such words (names are 1 to 4 words long). */
export const SHAPE_RUN_SLACK = 2;
/** One token of a line: a word (letters, digits, with inner . : / ' ’ - between them), or one other non-space character. */
export const SHAPE_TOKEN = /[\p{L}\p{N}](?:[\p{L}\p{N}]|[.:/'’-](?=[\p{L}\p{N}]))*|\S/gu;
/** A capitalised word: a name or title word in a byline shape ("Jane", "O’Neil", "McDonald"). */
export const SHAPE_CAP_WORD = /^\p{Lu}[\p{L}\p{N}'’.-]*$/u;
/** A lower-case word: kept literally in a shape ("by", "and", "last", "modified"): the publisher's template, not the story's words. */
export const SHAPE_LOWER_WORD = /^\p{Ll}[\p{L}'’.-]*$/u;
/** Dashes fold to "-" in a shape: "—", "–" and "-" are one separator. */
export const SHAPE_DASH = /^[-‐‑‒–—―]$/u;
