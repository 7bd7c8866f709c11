/**
 * The subject taxonomy: what an article is about when that is not an entity (politics,
 * business, ...), from the words of its headline and lead. Pure.
 */

/** the subjects, by topic name; each names the word stems that signal it */
export const SUBJECTS: Record<string, RegExp> = {
  Politics: /\b(?:election|elector|vot(?:e|ed|ers?|ing)|parliament|senat|congress|governor|minister|president|government|political|politic|party|campaign|legislat|lawmaker|democrat|republican|conservative|labour|liberal|policy|administration|bill\b|cabinet|premier|mayor)/g,
  Conflict: /\b(?:war\b|wars\b|military|troops|army|missile|drone|strike[sd]? on|ceasefire|peace talks|invasion|defen[cs]e|air defence|attack|shelling|soldier|nato\b|front line|sanction)/g,
  Crime: /\b(?:police|arrest|court|judge|jury|trial|prosecut|crime|criminal|warrant|charged|convict|prison|jail|sentence|lawsuit|subversi|investigat|fbi\b|justice department)/g,
  Economy: /\b(?:economy|economic|inflation|tariff|trade war|trade deal|interest rates?|debt|gdp|recession|jobs report|unemployment|world bank|imf\b|budget|tax(?:es)?\b|currency|growth)/g,
  Business: /\b(?:compan(?:y|ies)|shares?\b|stock|investor|market|profit|revenue|earnings|quarter|ceo\b|chief executive|firm|industry|retail|trader|merger|acquisition|supplier|contract|price)/g,
  Technology: /\b(?:technology|tech\b|artificial intelligence|\bai\b|software|chip|semiconductor|data cent|cloud|app\b|internet|online|cyber|smartphone|social media|algorithm)/g,
  Entertainment: /\b(?:film|movie|show\b|series|episode|season premiere|actor|actress|celebrity|comedy|music|album|singer|concert|television|tv\b|netflix|hollywood|festival|star\b)/g,
  Culture: /\b(?:heritage|museum|history|historic|tradition|ceremony|celebrat|indigenous|first nations?|religio|church|art\b|arts\b|wartime|monument|visitors)/g,
  Sport: /\b(?:match|league|cup\b|final\b|goal|scored|coach|player|team\b|tournament|championship|olympic|football|soccer|tennis|cricket|rugby|season|club\b|penalty)/g,
  Health: /\b(?:health|hospital|doctor|nurse|patient|disease|virus|vaccine|medical|medicine|cancer|outbreak|mental health|drug)/g,
  Environment: /\b(?:climate|weather|flood|storm|rain|snow|heat ?wave|wildfire|pollution|emission|environment|wildlife|species|seal|conservation|air quality|drought|river)/g,
  Transport: /\b(?:ferr(?:y|ies)|rail|train|bus\b|buses|airline|airport|flight|port\b|ports\b|shipping|ships?\b|road|traffic|transport|freight|pilot|cranes?|dock)/g,
  Education: /\b(?:school|pupil|student|teacher|universit|college|education|exam|classroom|curriculum)/g,
};

/** a subject needs this many matches, from at least two different words */
const MIN_HITS = 2;
/** and at least this share of the best subject's matches */
const MIN_SHARE = 0.5;
const MAX_SUBJECTS = 2;

/**
 * The subjects of a text, best first, with a weight in (0, 1] relative to the best one.
 * Text is the headline and lead; returns [] when no subject is clear.
 */
export function subjectsOf(text: string): { name: string; weight: number }[] {
  const lower = text.toLowerCase();
  const scored: { name: string; hits: number }[] = [];
  for (const [name, re] of Object.entries(SUBJECTS)) {
    const found = lower.match(re) ?? [];
    if (found.length >= MIN_HITS && new Set(found).size >= 2) scored.push({ name, hits: found.length });
  }
  scored.sort((a, b) => b.hits - a.hits || a.name.localeCompare(b.name));
  const best = scored[0]?.hits ?? 0;
  return scored
    .filter((s) => s.hits >= best * MIN_SHARE)
    .slice(0, MAX_SUBJECTS)
    .map((s) => ({ name: s.name, weight: Math.round((s.hits / best) * 1000) / 1000 }));
}
