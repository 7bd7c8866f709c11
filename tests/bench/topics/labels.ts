/**
 * Topic labels for `pnpm bench` (topics): the entities a careful editor would list for an
 * article, read from its headline and the lead the extractor reads (TOPIC_TEXT_LIMIT), plus the
 * subjects it is about. Articles are named by dump file and position; their text is read at
 * bench time from ../shared/dumps and ../shared/cases and never stored here. Most d8-* dumps
 * have their ordinary words replaced by pseudo-words: only names an editor can still recognise
 * as names (by form and context) are listed. The rule, applied to every d8-* article alike: a
 * capitalised word or run written inside a prose sentence or a dateline is a name and is listed
 * (its kind from context: after a title or before a verb of saying a person, after "in"/"at" or
 * in a dateline a place, the subject of "announced", an outlet after "told" or "on" an
 * organisation, a show in quotes has no kind); not listed are a capitalised word that describes
 * the noun after it as a demonym would ("Cufuvim countries", "Piweg and Lufifu people"), words of
 * a heading, of a Title Case headline, of an acronym's expansion or a slogan, and a title
 * ("Lomunoca General"). (Session 2 added the names the first labelling had left out under this
 * rule; the first labels listed about half of them.)
 *
 * `aliases`: other spellings of the same entity that count as a hit ("U.S." for United States).
 * `kind` null: an entity whose kind is none of person, place, organisation (a TV show).
 */
export type LabelKind = 'person' | 'place' | 'organization' | null;
export interface LabelledTopic {
  name: string;
  kind: LabelKind;
  aliases?: string[];
}
export interface LabelledArticle {
  /** a file in ../shared/dumps or ../shared/cases, or a fixture id */
  file: string;
  /** the derived article's position in the dump */
  position: number;
  entities: LabelledTopic[];
  subjects: string[];
}

const P = (name: string, ...aliases: string[]): LabelledTopic => ({ name, kind: 'person', aliases });
const L = (name: string, ...aliases: string[]): LabelledTopic => ({ name, kind: 'place', aliases });
const O = (name: string, ...aliases: string[]): LabelledTopic => ({ name, kind: 'organization', aliases });
const X = (name: string, ...aliases: string[]): LabelledTopic => ({ name, kind: null, aliases });
const US = L('United States', 'U.S.', 'US', 'America', 'USA');
const UK = L('United Kingdom', 'UK', 'U.K.', 'Britain');
const TRUMP = P('Donald Trump', 'Trump');
const EU = O('European Union', 'EU');

export const LABELS: LabelledArticle[] = [
  {
    file: '000_ebcbb75518871621.txt',
    position: 0,
    entities: [
      P('Vladimir Putin', 'Putin'), P('Volodymyr Zelenskyy', 'Zelenskyy', 'Zelensky'), L('Turkey'), L('Russia'), L('Ukraine'), L('Kyiv'),
      TRUMP, US, P('Marco Rubio', 'Rubio'), L('Antalya'), L('Istanbul'), L('Washington'), P('Tayyip Erdogan', 'Erdogan'), L('Ankara'),
    ],
    subjects: ['conflict', 'politics'],
  },
  {
    file: '000_ebcbb75518871621.txt',
    position: 1,
    entities: [L('Hong Kong'), L('Beijing'), L('China'), P('Elmer Yuen'), P('Johnny Fok'), P('Tony Choi'), P('Victor Ho'), P('Keung Ka-wai'), O('Hong Kong Parliament'), O('Facebook')],
    subjects: ['crime', 'politics'],
  },
  { file: '000_ebcbb75518871621.txt', position: 2, entities: [L('Hong Kong'), L('Beijing'), O('Hong Kong Parliament'), O('Reuters')], subjects: ['crime', 'politics'] },
  {
    file: '000_ebcbb75518871621.txt',
    position: 3,
    entities: [
      X('South Park'), P('Trey Parker', 'Parker'), TRUMP, O('White House'), L('San Diego'), O('Comic-Con International', 'Comic-Con'), O('Comedy Central'),
      P('Matt Stone'), P('Mike Judge'), P('Andy Samberg'), P('Taylor Rogers'),
    ],
    subjects: ['entertainment'],
  },
  {
    file: 'd8-01.txt',
    position: 0,
    entities: [UK, L('Ukraine'), US, L('China'), O('World Bank'), O('International Serawoge Buto'), L('Bajuti'), L('Zes Dajod'), L('Mikah'), L('Kubihe')],
    subjects: ['economy', 'politics'],
  },
  { file: 'd8-02.txt', position: 0, entities: [L('Canada'), L('India'), L('China'), L('Israel'), L('Gaza'), TRUMP, O('World Court'), L('Vicupekel'), P('Gusiwi'), P('Zebok Jikaco'), P('Viriti Gewudat')], subjects: ['politics'] },
  { file: 'd8-02.txt', position: 1, entities: [TRUMP, O('White House'), US, O('PAH'), O('WAH'), O('Vizodamavej for Public Fegowejuzuju', 'Wuzenu for Public Fegowejuzuju'), X('Cukipo Street'), X('Nifubok Your Cucev'), O('Komuweca'), X('Big Bepe')], subjects: ['politics', 'entertainment'] },
  { file: 'd8-03.txt', position: 0, entities: [UK, TRUMP, P('Sojiwire Gilitoki')], subjects: ['economy', 'politics'] },
  { file: 'd8-03.txt', position: 1, entities: [TRUMP, O('White House'), US, P('Mifop')], subjects: ['politics'] },
  {
    file: 'd8-04.txt',
    position: 1,
    entities: [TRUMP, X('Zivi Street'), EU, O('Cibahisef Times'), P('Caveno Lerotojaf'), P('Gunese Gonunal', 'Gonunal'), O('S&P', 'S&P 500'), O('VAJOR')],
    subjects: ['economy', 'business'],
  },
  { file: 'd8-05.txt', position: 0, entities: [US, O('World Bank'), TRUMP, L('California'), P('Bakobim Pajed'), O('Lepedi'), L('Mug Jotetor'), O('FOZ')], subjects: ['economy'] },
  { file: 'd8-06.txt', position: 0, entities: [P('Mark Carney', 'Carney'), O('RUF', 'RUF Express'), O('Canada Post'), O('Vajowo'), P('Mipi Rurak')], subjects: ['business', 'politics'] },
  { file: 'd8-07.txt', position: 1, entities: [TRUMP, O('Fox Business'), P('Gacob Widurip', 'Widurip'), O('Democrats'), O('Tekufajih News'), O('Fokowege'), X('Social Security')], subjects: ['economy', 'politics'] },
  { file: 'd8-08.txt', position: 1, entities: [P('Nabawi Vebabavu', 'Vebabavu'), O('Bukomaw Police Department'), O('Fox'), P('H.J. Jibudub'), O('Hubowov'), O('Norizoh'), P('Wojo Girasit'), P('Zimero')], subjects: ['entertainment', 'crime'] },
  {
    file: 'd8-09.txt',
    position: 0,
    entities: [L('Tavof'), L('Genorom'), P('Zahotu Sofocalup', 'Sofocalup'), O('Tavof House'), O('American Gazubewumak Hawazubujoh'), O('Wikovopoj'), O('Cagidifiwadaj Heleziruv'), O('Tibob'), O('One Jihab')],
    subjects: ['politics', 'business'],
  },
  {
    file: 'd8-10.txt',
    position: 2,
    entities: [
      P('Fib Wasog', 'Wasog'), P('Sojiwire Fawage', 'Fawage'), P('Sac Romo', 'Romo'), P('Koled Jored', 'Jored'), TRUMP, O('Democrats', 'Democratic'),
      O("National Liwuzigam' Hawazubujoh", 'PUF'), L('Vulafehu'), L('Wozubehub'), L('Nojano'),
    X('Morning Tih'), O('VAJOR'), O('Wirabeka', 'The Wirabeka')],
    subjects: ['politics'],
  },
  { file: 'd8-11.txt', position: 0, entities: [L('Japan'), L('Tokyo'), O('RAD Party'), P('Tofogag Demoluric', 'Demoluric'), L('Gifuf'), O('House of Vetobefinup'), O('House of Zubogetujerifef')], subjects: ['politics'] },
  { file: 'd8-15.txt', position: 0, entities: [TRUMP, L('Iran'), US, O('Democrats')], subjects: ['politics'] },
  {
    file: 'd8-15.txt',
    position: 1,
    entities: [TRUMP, O('White House'), US, P('Gopuvecu Dinej', 'Dinej'), P('Ropumepej Pimebolu', 'Pimebolu'), L('Bocugi'), P('Wunidekov')],
    subjects: ['politics', 'conflict'],
  },
  {
    file: 'd8-16.txt',
    position: 0,
    entities: [TRUMP, P('Vudujuz Epstein', 'Epstein', 'Jeffrey Epstein'), O('Justice Department', 'Department of Justice'), P('Voz Tuzec'), O('Truth Social'), O('Democrats'), O('MOS')],
    subjects: ['politics', 'crime'],
  },
  {
    file: 'd8-17.txt',
    position: 0,
    entities: [TRUMP, P('Vudujuz Epstein', 'Epstein', 'Jeffrey Epstein'), O('CNN'), P('Kige Bugowove'), L('Lekiteca'), O('Zivi Street Vuvagag', 'Zivi Street Vuvagag Report'), P('Zuhe Siwe'), L('Mumuzeka')],
    subjects: ['politics', 'crime'],
  },
  { file: 'd8-19.txt', position: 0, entities: [L('Tokyo'), EU, P('Culuzuluz Jeza', 'Jeza'), P('Gepecase Bemifo', 'Bemifo'), L('Bajobo'), L('Ninig'), L('Mogeleju'), P('Hebu Hahidi', 'Hahidi'), P('Fuwe Gobalag'), X('Hocug Depizu')], subjects: ['politics'] },
  { file: 'd8-20.txt', position: 0, entities: [O('Kogo Vazuniruc', 'Kogo'), O('Mamada'), O('Siwuwokoj'), O('Huzop'), O('Larotaju'), O('Havudinep'), O('GibesAto'), X('Godon')], subjects: ['business', 'technology'] },
  { file: 'd8-22.txt', position: 0, entities: [P('Sukasi Rimavanad'), P('Mark Carney', 'Carney'), O('KI Putofadefa'), X('VemovoVuz')], subjects: ['politics', 'business'] },
  {
    file: 'd8-22.txt',
    position: 1,
    entities: [P('Mark Carney', 'Carney'), L('Canada'), O('Pufiwulu First Nation'), P('Pinur Tugere Bewujah', 'Bewujah'), L('Tiharudoli'), P('Hezur LuLupif'), L('Noleg'), L('Losemekuc Nasukepaniz'), L('Nolodin'), L('Wirabeka Hemen')],
    subjects: ['culture'],
  },
  { file: '01-byline-job-title.txt', position: 0, entities: [L('Calder Bay')], subjects: ['transport'] },
  { file: '01-byline-job-title.txt', position: 1, entities: [], subjects: ['transport', 'business'] },
  { file: '02-byline-relative-time.txt', position: 0, entities: [L('Skerrow Point')], subjects: ['business'] },
  { file: '02-byline-relative-time.txt', position: 1, entities: [], subjects: ['environment'] },
  { file: '06-cookie-notice.txt', position: 0, entities: [L('Ferrow Street')], subjects: ['business'] },
  { file: '06-cookie-notice.txt', position: 1, entities: [], subjects: ['business'] },
  { file: '07-also-read-links.txt', position: 0, entities: [], subjects: ['education'] },
  { file: '07-also-read-links.txt', position: 1, entities: [], subjects: ['education'] },
  { file: '10-share-labels.txt', position: 0, entities: [L('Gannet Head')], subjects: ['culture'] },
  { file: '10-share-labels.txt', position: 1, entities: [], subjects: ['culture', 'environment'] },
];
