/**
 * Articles written for the topic bench (our own text, not from any dump), each with the topics
 * a careful editor would list. They cover the kinds of text the issue names: a surname or a
 * part of a place name used after the full name, a common-noun phrase next to a place
 * ("Lisbon squad", "European banking"), one entity in two spellings, titles before names.
 */
import type { LabelledArticle } from './labels.ts';

export interface FixtureArticle extends LabelledArticle {
  headline: string;
  body: string;
}

const P = (name: string, ...aliases: string[]) => ({ name, kind: 'person' as const, aliases });
const L = (name: string, ...aliases: string[]) => ({ name, kind: 'place' as const, aliases });
const O = (name: string, ...aliases: string[]) => ({ name, kind: 'organization' as const, aliases });

export const FIXTURES: FixtureArticle[] = [
  {
    file: 'fixture:harbour-summit',
    position: 0,
    headline: 'Nakamura and Okafor meet in Lisbon over fishing quotas',
    body: [
      'Japanese Prime Minister Haruto Nakamura met Nigerian President Chidi Okafor in Lisbon on Monday to settle a dispute over Atlantic fishing quotas.',
      'Nakamura told reporters that the Lisbon squad of negotiators had worked through the night, while Okafor said the deal protected fishing towns in the Niger Delta.',
      'Officials from the European Commission joined the talks as observers. The European banking sector welcomed the deal, which lifts the threat of tariffs on frozen fish.',
      'Portugal hosted the meeting at the request of both governments.',
    ].join('\n'),
    entities: [P('Haruto Nakamura', 'Nakamura'), P('Chidi Okafor', 'Okafor'), L('Lisbon'), L('Atlantic', 'Atlantic Ocean'), L('Niger Delta'), O('European Commission'), L('Portugal')],
    subjects: ['politics', 'economy'],
  },
  {
    file: 'fixture:port-strike',
    position: 0,
    headline: 'Dock workers at Port of Rotterdam vote to strike',
    body: [
      'ROTTERDAM -- Dock workers at the Port of Rotterdam voted on Friday to strike for 48 hours next week, the FNV union said, in a dispute over automated cranes.',
      'Maersk and Hapag-Lloyd said they would divert some ships to Antwerp. Union leader Ingrid de Vries said the vote showed "how angry the crews are".',
      'De Vries said talks with the port company had broken down on Thursday. The Dutch government urged both sides to return to the table.',
      'Shares in Maersk fell 2% in Copenhagen after the vote.',
    ].join('\n'),
    entities: [O('Port of Rotterdam'), L('Rotterdam'), O('FNV'), O('Maersk'), O('Hapag-Lloyd'), L('Antwerp'), P('Ingrid de Vries', 'De Vries'), L('Netherlands', 'Dutch'), L('Copenhagen')],
    subjects: ['business', 'transport'],
  },
  {
    file: 'fixture:zelensky-spelling',
    position: 0,
    headline: 'Zelensky thanks allies for air defence pledge',
    body: [
      "Ukrainian President Volodymyr Zelensky thanked NATO allies on Wednesday for a new pledge of air defence systems, a day after strikes on Kharkiv.",
      "Zelensky, speaking in Kyiv, said the systems would arrive before winter. NATO Secretary General Mark Rutte said the alliance would keep its promise.",
      'Germany and the Netherlands will pay for most of the systems, officials in Brussels said.',
    ].join('\n'),
    entities: [P('Volodymyr Zelenskyy', 'Zelensky', 'Volodymyr Zelensky', 'Zelenskyy'), O('NATO'), L('Kharkiv'), L('Kyiv'), P('Mark Rutte', 'Rutte'), L('Germany'), L('Netherlands'), L('Brussels'), L('Ukraine', 'Ukrainian')],
    subjects: ['conflict', 'politics'],
  },
  {
    file: 'fixture:chip-results',
    position: 0,
    headline: 'Vantora Semiconductor profit doubles on data centre demand',
    body: [
      'Vantora Semiconductor Inc. said on Tuesday its quarterly profit doubled as cloud companies bought more chips for artificial intelligence data centres.',
      'Chief executive Priya Raman said orders from Amazon and Microsoft had risen for a third quarter. Vantora shares rose 9% in New York trading.',
      'Analysts at Goldman Sachs raised their price target, citing the company\'s new factory in Arizona.',
    ].join('\n'),
    entities: [O('Vantora Semiconductor', 'Vantora', 'Vantora Semiconductor Inc.'), P('Priya Raman'), O('Amazon'), O('Microsoft'), L('New York'), O('Goldman Sachs'), L('Arizona')],
    subjects: ['business', 'technology'],
  },
  {
    file: 'fixture:cup-final',
    position: 0,
    headline: 'Santos scores twice as Porto win the cup final',
    body: [
      'Rui Santos scored twice as FC Porto beat Benfica 3-1 in the Portuguese Cup final in Oeiras on Sunday.',
      'Santos opened the scoring after ten minutes and added a second from the penalty spot. Benfica coach Bruno Lage said his side had "no answers".',
      'Porto, who also won the league, will play in the Champions League next season.',
    ].join('\n'),
    entities: [P('Rui Santos', 'Santos'), O('FC Porto', 'Porto'), O('Benfica'), L('Oeiras'), P('Bruno Lage'), O('Champions League')],
    subjects: ['sport'],
  },
  {
    file: 'fixture:flood-warning',
    position: 0,
    headline: 'Flood warnings issued as river Severn rises',
    body: [
      'The Environment Agency issued flood warnings for towns along the River Severn on Saturday after two days of heavy rain across Wales and the West Midlands.',
      'Residents of Shrewsbury and Worcester were told to move valuables upstairs. The Met Office said more rain was expected on Monday.',
      'Emergency services rescued a driver whose car was trapped in flood water near Bewdley.',
    ].join('\n'),
    entities: [O('Environment Agency'), L('River Severn', 'Severn'), L('Wales'), L('West Midlands'), L('Shrewsbury'), L('Worcester'), O('Met Office'), L('Bewdley')],
    subjects: ['environment'],
  },
];
