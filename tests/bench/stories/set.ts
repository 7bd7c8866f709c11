/**
 * A labelled set for story membership, written for copydesk (no shared dump text): events each
 * covered by one to three outlets in their own words, wire copy printed twice, a follow-up by the
 * same outlet the next day, two unrelated events in one city, and outlets that append one long
 * boilerplate (newsletter plug, membership appeal) to every story, so that their unrelated stories
 * share most of their shingles, and a few hard cases (a commentary naming few entities, the same
 * people on another matter a day later). `story` is the label: articles with the same label are one story.
 */
export interface LabelledArticle {
  story: string;
  source: string;
  /** hours after the set's start */
  hour: number;
  headline: string;
  body: string;
}

const PLUGS: Record<string, string> = {
  'Harbour Post': [
    'Sign up to our free morning newsletter to get the most important local stories of the day delivered straight to your inbox before breakfast, every single weekday.',
    'You can change your newsletter preferences or unsubscribe at any time using the link at the bottom of every email we send you, and we will never share your address with anyone else.',
    'Support independent local journalism by becoming a member today: members read every story without adverts, get early access to our events and help keep local reporting alive for years to come.',
    'Got a story we should know about? Send your tips, photos and videos to our newsdesk through the contact form on our website, or message us on any of our social media channels at any hour.',
  ].join('\n'),
  'Daily Ledger': [
    'This article is part of our free daily briefing, which brings you the essential business and politics coverage every morning, with analysis from our correspondents around the world.',
    'Readers who subscribe get unlimited access to our archive, the weekend magazine, the markets dashboard and the podcast, and can cancel their subscription online whenever they like.',
    'We welcome letters from readers on any subject covered in our pages; letters may be edited for length and clarity, and we regret that we cannot reply to every one of them personally.',
    'Our journalism is funded by our readers. If you value what we do, please consider a subscription: it takes less than a minute and keeps our reporters in the field where the news happens.',
  ].join('\n'),
};

const WIRE_QUAKE =
  'A magnitude 6.1 earthquake struck off the coast of Hokkaido early on Thursday, the Japan Meteorological Agency said, shaking buildings in Sapporo and halting trains across the island. ' +
  'The agency said there was no tsunami warning. Hokkaido Electric Power said two of its plants were being inspected, and there were no immediate reports of serious damage or injuries in Sapporo or nearby towns.';

const RAW: LabelledArticle[] = [
  // E1: a dock strike, three outlets
  { story: 'strike', source: 'Harbour Post', hour: 2, headline: 'Dockers strike closes Port of Rotterdam', body: 'Dockers at the Port of Rotterdam walked out on Monday, halting container traffic as union leader Ingrid de Vries demanded higher pay. Ingrid de Vries said the strike would last until Maersk and the other shipping lines returned to talks.' },
  { story: 'strike', source: 'Coast Courier', hour: 9, headline: 'Rotterdam port at a standstill as dockers walk out', body: 'Container ships queued off Rotterdam as dock workers struck for a second day, union chief Ingrid de Vries told reporters at the Port of Rotterdam. Maersk said it was diverting vessels to Antwerp while the strike lasts.' },
  { story: 'strike', source: 'Daily Ledger', hour: 20, headline: 'Maersk diverts ships as Rotterdam strike bites', body: 'Maersk has begun sending ships to Antwerp and Hamburg as a strike at the Port of Rotterdam enters its second day. The walkout, led by Ingrid de Vries of the dockers union, has left hundreds of containers stranded on the quays.' },
  // E2: a festival, two outlets
  { story: 'jazz', source: 'Harbour Post', hour: 5, headline: 'Jazz festival returns to Delft this summer', body: 'The Delft Jazz Festival will return in July with Esperanza Spalding headlining, organiser Pieter Bakker announced on Tuesday. Pieter Bakker said tickets go on sale next week at the town hall.' },
  { story: 'jazz', source: 'Evening Star', hour: 30, headline: 'Esperanza Spalding to headline Delft Jazz Festival', body: 'Grammy winner Esperanza Spalding will top the bill at the Delft Jazz Festival in July, its director Pieter Bakker said. The festival in Delft drew forty thousand visitors last year.' },
  // E3: another event in the same city, days later
  { story: 'marathon', source: 'Harbour Post', hour: 120, headline: 'Sifan Hassan wins Rotterdam Marathon', body: 'Sifan Hassan won the Rotterdam Marathon on Sunday in a course record, pulling away from Tigist Assefa in the last five kilometres. Hassan said the crowds along the Erasmus Bridge carried her home.' },
  { story: 'marathon', source: 'Coast Courier', hour: 124, headline: 'Course record for Hassan in Rotterdam', body: 'Sifan Hassan broke the course record at the Rotterdam Marathon, beating Tigist Assefa by more than a minute. The Dutch runner said she had not expected to win after an injury in March.' },
  // E4: a rate decision, three outlets
  { story: 'rates', source: 'Daily Ledger', hour: 40, headline: 'European Central Bank holds rates', body: 'The European Central Bank left interest rates unchanged on Thursday, with Christine Lagarde telling reporters in Frankfurt that inflation was still too high. Christine Lagarde said further cuts depended on wage growth.' },
  { story: 'rates', source: 'Evening Star', hour: 41, headline: 'Lagarde keeps rates on hold', body: 'Christine Lagarde said the European Central Bank would keep borrowing costs where they are, speaking after a meeting in Frankfurt. Markets had expected the pause.' },
  { story: 'rates', source: 'Coast Courier', hour: 43, headline: 'ECB pause leaves mortgage holders waiting', body: 'Homeowners hoping for cheaper mortgages will have to wait after the European Central Bank held rates in Frankfurt. Christine Lagarde said the bank was not yet confident inflation was beaten.' },
  // E5: a flood, two outlets
  { story: 'flood', source: 'Evening Star', hour: 60, headline: 'Floods hit Valencia after record rain', body: 'Flash floods swept through Valencia on Wednesday after a year of rain fell in eight hours, regional leader Carlos Mazon said. Emergency services in Valencia rescued dozens of drivers from their cars.' },
  { story: 'flood', source: 'Daily Ledger', hour: 66, headline: 'Valencia counts the cost of flash floods', body: 'Businesses in Valencia began clearing mud on Thursday as Carlos Mazon asked Madrid for emergency funds. Insurers said the floods in Valencia could cost more than a billion euros.' },
  // E6: an acquisition, two outlets
  { story: 'deal', source: 'Daily Ledger', hour: 70, headline: 'Lumora Systems agrees to buy Quantix', body: 'Lumora Systems has agreed to buy the chip designer Quantix for four billion dollars, chief executive Dana Whitfield said in San Jose. Dana Whitfield said the deal would close next year.' },
  { story: 'deal', source: 'Harbour Post', hour: 75, headline: 'Quantix sold to Lumora in four billion dollar deal', body: 'Quantix, the chip designer, is being bought by Lumora Systems, whose chief executive Dana Whitfield announced the deal in San Jose. Quantix shares rose by a fifth.' },
  // E7: wire copy printed by two outlets
  { story: 'quake', source: 'Coast Courier', hour: 80, headline: 'Earthquake shakes Hokkaido', body: WIRE_QUAKE },
  { story: 'quake', source: 'Evening Star', hour: 81, headline: 'Strong quake hits northern Japan', body: WIRE_QUAKE },
  // E8: one outlet's story and its follow-up the next day
  { story: 'mayor', source: 'Daily Ledger', hour: 90, headline: 'Leeds mayor Tom Hollis resigns', body: 'Tom Hollis resigned as mayor of Leeds on Friday after an inquiry by Leeds City Council into his expenses. Tom Hollis said he had done nothing wrong but would step aside.' },
  { story: 'mayor', source: 'Daily Ledger', hour: 110, headline: 'Leeds City Council sets date to replace Hollis', body: 'Leeds City Council will choose a successor to Tom Hollis next month, its chief executive said, a day after the mayor of Leeds resigned over his expenses.' },
  // hard cases: the same people on another matter the next day (not the rate story), a commentary
  // on the strike naming few of its entities, a second-day report from a new outlet
  { story: 'lagarde-speech', source: 'Evening Star', hour: 64, headline: 'Lagarde warns on climate risks to banks', body: 'Christine Lagarde told a conference in Frankfurt that banks were underestimating the cost of floods and heatwaves to their loan books, and that the European Central Bank would test them next year.' },
  { story: 'strike', source: 'Evening Star', hour: 44, headline: 'Why the dock strike matters for your shopping', body: 'Empty shelves could follow if the walkout in Rotterdam drags on, economists warned, as the port handles a third of the fruit imported into northern Europe.' },
  { story: 'flood', source: 'Coast Courier', hour: 84, headline: 'Spain sends troops to flooded Valencia', body: 'Spain has sent two thousand soldiers to Valencia to help clear roads and search for the missing, a day after regional leader Carlos Mazon asked for help.' },
  // singletons from the boilerplate-heavy outlets
  { story: 'bridge', source: 'Harbour Post', hour: 15, headline: 'Erasmus Bridge to close for repairs', body: 'The Erasmus Bridge will close to traffic for three weeks in August for repairs, the city of Rotterdam said. Cyclists will be diverted over the Willemsbrug.' },
  { story: 'tariffs', source: 'Daily Ledger', hour: 50, headline: 'Ottawa weighs tariffs on steel imports', body: 'Canada is considering tariffs on steel imports, finance minister Mark Carney said in Ottawa, after a surge in cheap steel from abroad hurt mills in Hamilton.' },
  // session 2: more events and harder pairs. An event reported with different places named
  // (one city in common, its event words shared), a follow-up by a new outlet two days on, and
  // stories that share a person, a company or a city with another story in the window but are a
  // different event (the boilerplate outlets among them)
  { story: 'fire', source: 'Evening Star', hour: 140, headline: 'Wildfire forces evacuations near Marseille', body: 'A wildfire fanned by strong winds forced the evacuation of three villages north of Marseille on Saturday, firefighters said, as flames reached the edge of Vitrolles.' },
  { story: 'fire', source: 'Coast Courier', hour: 146, headline: 'Firefighters battle blaze in hills above Marseille', body: 'More than eight hundred firefighters fought the wildfire in the hills above Marseille for a second day, with water bombers flying from Marignane as winds pushed the flames toward Rognac.' },
  { story: 'fire', source: 'Harbour Post', hour: 160, headline: 'Marseille wildfire contained after three days', body: 'Firefighters said on Monday they had contained the wildfire north of Marseille, and evacuated villagers began returning to their homes in Vitrolles and Rognac.' },
  { story: 'om-signing', source: 'Harbour Post', hour: 150, headline: 'Olympique de Marseille sign Brazilian striker', body: 'Olympique de Marseille have signed the striker Vitor Reis from Santos for twenty million euros, the club said on Sunday, and he will wear the number nine shirt.' },
  { story: 'ecb-economist', source: 'Daily Ledger', hour: 46, headline: 'ECB appoints Katrin Vogel as chief economist', body: 'The European Central Bank named the German academic Katrin Vogel as its new chief economist on Friday in Frankfurt. Christine Lagarde said Katrin Vogel would start in the spring.' },
  { story: 'maersk-results', source: 'Daily Ledger', hour: 50, headline: 'Maersk profit falls as freight rates ease', body: 'Maersk said on Saturday its quarterly profit fell by a third as freight rates eased from last year, chief executive Vincent Clerc told analysts in Copenhagen.' },
  { story: 'deal', source: 'Evening Star', hour: 95, headline: 'Regulators to examine Lumora purchase of Quantix', body: 'Competition regulators at the European Commission will examine the four billion dollar purchase of Quantix by Lumora Systems, officials said in Brussels, a process that could take months.' },
  { story: 'cycle-lanes', source: 'Harbour Post', hour: 30, headline: 'Rotterdam approves new cycle lanes', body: 'Rotterdam city council approved twelve kilometres of new cycle lanes on Tuesday, alderman Judith Bokhove said, including a route from the Erasmus Bridge to the central station.' },
  { story: 'quake', source: 'Daily Ledger', hour: 100, headline: 'Aftershocks keep Hokkaido residents outdoors', body: 'Residents of Sapporo spent a second night outdoors as aftershocks followed the earthquake that struck Hokkaido on Thursday, the Japan Meteorological Agency said.' },
  { story: 'town-hall', source: 'Harbour Post', hour: 10, headline: 'Delft town hall to close for renovation', body: 'The town hall in Delft will close for eighteen months from September for a renovation of its roof and facade, the municipality said on Wednesday.' },
];

/** the labelled set: each article's body followed by its outlet's boilerplate, if it has one */
export const STORY_SET: LabelledArticle[] = RAW.map((a) => ({ ...a, body: PLUGS[a.source] ? `${a.body}\n${PLUGS[a.source]}` : a.body }));
