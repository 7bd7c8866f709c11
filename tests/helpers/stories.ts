/** Articles for story tests (written for copydesk): [outlet, headline, body lines], as `logoDump` takes them. */

/** a newsletter plug one outlet prints under every story (boilerplate that reaches the body is scored in tests/bench/stories.ts) */
const PLUG = [
  'Sign up to our free morning newsletter to get the most important local stories of the day delivered straight to your inbox before breakfast, every single weekday.',
  'You can change your newsletter preferences or unsubscribe at any time using the link at the bottom of every email we send you, and we will never share your address with anyone else.',
  'Support independent local journalism by becoming a member today: members read every story without adverts, get early access to our events and help keep local reporting alive for years to come.',
  'Got a story we should know about? Send your tips, photos and videos to our newsdesk through the contact form on our website, or message us on any of our social media channels at any hour.',
  'Our reporters cover council meetings, courts, schools, business and sport across the whole region, and every one of our stories is checked by an editor before it is published on this site.',
];

/** three reports: two outlets on one dock strike, and an unrelated story from the first outlet (with the same plug) */
export const STORY_ARTICLES = {
  strikePost: ['Harbour Post', 'Dockers strike closes Port of Rotterdam', ['Dockers at the Port of Rotterdam walked out on Monday, halting container traffic as union leader Ingrid de Vries demanded higher pay.', 'Ingrid de Vries said the strike at the Port of Rotterdam would last until Maersk and the other shipping lines returned to talks.', ...PLUG]],
  strikeCourier: ['Coast Courier', 'Rotterdam port at a standstill as dockers walk out', ['Container ships queued off Rotterdam as dock workers struck for a second day, union chief Ingrid de Vries told reporters at the Port of Rotterdam.', 'Maersk said it was diverting vessels to Antwerp while the strike lasts, and de Vries said workers would not back down.']],
  festivalPost: ['Harbour Post', 'Jazz festival returns to Delft this summer', ['The Delft Jazz Festival will return in July with Esperanza Spalding headlining, organiser Pieter Bakker announced on Tuesday.', 'Pieter Bakker said tickets for the Delft Jazz Festival go on sale next week at the town hall.', ...PLUG]],
} as const;
