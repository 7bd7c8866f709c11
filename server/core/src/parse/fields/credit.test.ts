import { describe, expect, it } from 'vitest';
import { creditLine } from './credit.ts';
import { absoluteDateIso } from './dates.ts';
import { nameList } from '../../derive/articles.ts';

const read = (s: string): { byline: string | null; published: string | null } | null => {
  const c = creditLine(s);
  return c ? { byline: c.names ? nameList(c.names.map((r) => s.slice(r[0], r[1]))) : null, published: c.date ? s.slice(c.date[0], c.date[1]) : null } : null;
};

describe('credit lines: names and a date, in either order', () => {
  it('names first, then a date after a separator', () => {
    expect(read('By Tobias Fenwright · 3 hours ago')).toEqual({ byline: 'Tobias Fenwright', published: '3 hours ago' });
    expect(read('By Ana Ruiz | 12 March 2024')).toEqual({ byline: 'Ana Ruiz', published: '12 March 2024' });
    expect(read('By Ana Ruiz and Tom Bell — March 12, 2024 at 9:30 a.m. ET')).toEqual({ byline: 'Ana Ruiz and Tom Bell', published: 'March 12, 2024 at 9:30 a.m. ET' });
    expect(read('By Ana Ruiz, Health Editor, 2 days ago')).toEqual({ byline: 'Ana Ruiz', published: '2 days ago' });
  });
  it('a date glued to the last name', () => {
    expect(read('By Jane Example3 hours ago')).toEqual({ byline: 'Jane Example', published: '3 hours ago' });
    expect(read('By Jane Examplea day ago')).toEqual({ byline: 'Jane Example', published: 'a day ago' });
    expect(read('By Ana Ruiz12 March 2024')).toEqual({ byline: 'Ana Ruiz', published: '12 March 2024' });
  });
  it('a date and time first, then "by" and the names', () => {
    expect(read('12 March 2024 09:30 by Jane Doe')).toEqual({ byline: 'Jane Doe', published: '12 March 2024 09:30' });
    expect(read('Updated 3 hours ago by Jane Doe and John Roe')).toEqual({ byline: 'Jane Doe and John Roe', published: '3 hours ago' });
  });
  it('labelled date lines give the first (original) date', () => {
    expect(read('Posted 09:30 GMT, 12 March 2024 - last modified 10:15 GMT, 12 March 2024')).toEqual({ byline: null, published: '09:30 GMT, 12 March 2024' });
    expect(read('Published: March 12, 2024 | Updated: March 13, 2024')).toEqual({ byline: null, published: 'March 12, 2024' });
    expect(read('First published on Tue 4 Jun 2024 06.00 BST')).toEqual({ byline: null, published: 'Tue 4 Jun 2024 06.00 BST' });
  });
  it('leaves article sentences alone', () => {
    expect(read('By June 11, 1968, the river had frozen.')).toBeNull();
    expect(read('By the end of the week prices had fallen.')).toBeNull();
    expect(read('Posted guards stood at the gate all night.')).toBeNull();
    expect(read('12 March 2024 was the wettest day on record, the Met Office said.')).toBeNull();
    expect(read('Published: | Updated:')).toBeNull();
  });
});

describe('credit lines: other openings and orders', () => {
  it('"on" before the date, credit labels, ALL-CAPS "BY", and names after a dated separator', () => {
    expect(read('By Hal Ostrander on 9 October 2025')).toEqual({ byline: 'Hal Ostrander', published: '9 October 2025' });
    expect(read('Posted by Wen Qiao on Oct 9, 2025 at 4:10 pm')).toEqual({ byline: 'Wen Qiao', published: 'Oct 9, 2025 at 4:10 pm' });
    expect(read('Written by Hal Ostrander and Wen Qiao')).toEqual({ byline: 'Hal Ostrander and Wen Qiao', published: null });
    expect(read('BY HAL OSTRANDER AND WEN QIAO')).toEqual({ byline: 'HAL OSTRANDER AND WEN QIAO', published: null });
    expect(read('9 October 2025 | Hal Ostrander')).toEqual({ byline: 'Hal Ostrander', published: '9 October 2025' });
  });
  it('leaves subheads and sentences with the same openings alone', () => {
    expect(read('BY THE NUMBERS')).toBeNull();
    expect(read('Written by Shakespeare in 1600, the play was banned twice.')).toBeNull();
    expect(read('Posted by a neighbour on Facebook, the video spread quickly.')).toBeNull();
    expect(read('9 October 2025 | Politics')).toBeNull();
    expect(read('Story by story, the archive was rebuilt.')).toBeNull();
  });
});

describe('credit lines: several people, each with a job title or an outlet (nameGroups)', () => {
  it('gives every name, in page order, whatever the order of titles, outlets and joiners', () => {
    expect(read('By Ana Ruiz, Senior Writer, and Tom Bell, Staff Reporter')).toEqual({ byline: 'Ana Ruiz and Tom Bell', published: null });
    expect(read('By Ana Ruiz and Tom Bell, Reuters')).toEqual({ byline: 'Ana Ruiz and Tom Bell', published: null });
    expect(read('By Ana Ruiz, Reuters, and Tom Bell, Bloomberg')).toEqual({ byline: 'Ana Ruiz and Tom Bell', published: null });
    expect(read('By Ana Ruiz (Reuters) and Tom Bell (AP)')).toEqual({ byline: 'Ana Ruiz and Tom Bell', published: null });
    expect(read('Ana Ruiz, Senior Writer; Tom Bell, Staff')).toEqual({ byline: 'Ana Ruiz and Tom Bell', published: null });
    expect(read('By Ana Ruiz | Tom Bell')).toEqual({ byline: 'Ana Ruiz and Tom Bell', published: null });
    expect(read('Words by Ana Ruiz. Photos by Tom Bell.')).toEqual({ byline: 'Ana Ruiz and Tom Bell', published: null });
    expect(read('Words by Ana Ruiz; photography by Tom Bell')).toEqual({ byline: 'Ana Ruiz and Tom Bell', published: null });
    expect(read('BY ANA RUIZ, STAFF WRITER, AND TOM BELL, AP')).toEqual({ byline: 'ANA RUIZ and TOM BELL', published: null });
    expect(read('By Ana Ruiz, Political Editor, Tom Bell and Li Wei | 12 March 2024')).toEqual({ byline: 'Ana Ruiz', published: '12 March 2024' });
    expect(read('By Ana Ruiz, Political Editor, and Tom Bell, Health Correspondent | 12 March 2024')).toEqual({ byline: 'Ana Ruiz and Tom Bell', published: '12 March 2024' });
    expect(read('By Ana Ruiz (Reuters) and Tom Bell (AP) · 3 hours ago')).toEqual({ byline: 'Ana Ruiz and Tom Bell', published: '3 hours ago' });
    expect(read('Ana Ruiz, Chief Political Correspondent')).toEqual({ byline: 'Ana Ruiz', published: null });
  });
  it('a date in brackets after the names is the published date, as the page prints it', () => {
    expect(read('By Jane Example (3h)')).toEqual({ byline: 'Jane Example', published: '3h' });
    expect(read('By Jane Example (2 hrs)')).toEqual({ byline: 'Jane Example', published: '2 hrs' });
    expect(read('By Jane Example (12 March 2024)')).toEqual({ byline: 'Jane Example', published: '12 March 2024' });
  });
  it('takes no section, outlet or title for a person, and no sentence for a credit', () => {
    expect(read('By Ana Ruiz | Politics')).toEqual({ byline: 'Ana Ruiz', published: null });
    expect(read('By Ana Ruiz | World News')).toEqual({ byline: 'Ana Ruiz', published: null });
    expect(read('By Ana Ruiz, Health and Science Editor')).toEqual({ byline: 'Ana Ruiz', published: null });
    expect(read('By Ana Ruiz, Senior Writer, and the Harbour Desk')).toEqual({ byline: 'Ana Ruiz', published: null });
    expect(read('The Ledger, Staff')).toBeNull();
    expect(read('Reuters, Staff')).toBeNull();
    expect(read('Ana Ruiz, who chairs the trust, said the works would start in spring.')).toBeNull();
    expect(read('Calder Bay, the harbour town, voted against the plan.')).toBeNull();
    expect(read('By Jane Doe. The council met on Tuesday.')).toBeNull();
  });
});

describe('labelled date lines that print the later date first', () => {
  it('give the original date, labelled "posted" or "published", wherever it stands', () => {
    expect(read('Last updated 11:05 GMT, 12 March 2024 (posted 09:30 GMT, 12 March 2024)')).toEqual({ byline: null, published: '09:30 GMT, 12 March 2024' });
    expect(read('Last updated 3 hours ago (posted 2 days ago)')).toEqual({ byline: null, published: '2 days ago' });
    expect(read('Updated: March 12, 2024 | Published: March 10, 2024')).toEqual({ byline: null, published: 'March 10, 2024' });
    expect(read('Updated 12 March 2024, first published 10 March 2024')).toEqual({ byline: null, published: '10 March 2024' });
    expect(read('Modified 12 March 2024 | Posted 10 March 2024')).toEqual({ byline: null, published: '10 March 2024' });
    expect(read('UPDATED 12 MAR 2024 · PUBLISHED 10 MAR 2024')).toEqual({ byline: null, published: '10 MAR 2024' });
    expect(read('Updated March 12, 2024 at 4:10 pm ET | Originally published March 10, 2024 at 9:00 am ET')).toEqual({ byline: null, published: 'March 10, 2024 at 9:00 am ET' });
  });
  it('keep the first date when it is the original one or the only one', () => {
    expect(read('Published 10 March 2024 Modified 12 March 2024')).toEqual({ byline: null, published: '10 March 2024' });
    expect(read('Posted 09:30 GMT, 12 March 2024 (updated 11:00 GMT)')).toEqual({ byline: null, published: '09:30 GMT, 12 March 2024' });
    expect(read('Updated 3 hours ago')).toEqual({ byline: null, published: '3 hours ago' });
  });
  it('leave sentences with the same words alone', () => {
    expect(read('Updated 12 March 2024, the figures were first published in a report last year.')).toBeNull();
    expect(read('Posted guards were first published in the rota on 10 March 2024.')).toBeNull();
  });
});

describe('absoluteDateIso', () => {
  it('reads month-name, ISO and numeric dates with a clock time and zone', () => {
    expect(absoluteDateIso('09:30 GMT, 12 March 2024')).toBe('2024-03-12T09:30:00.000Z');
    expect(absoluteDateIso('March 12, 2024 at 9:30 a.m. ET')).toBe('2024-03-12T14:30:00.000Z');
    expect(absoluteDateIso('Tue 4 Jun 2024 06.00 BST')).toBe('2024-06-04T05:00:00.000Z');
    expect(absoluteDateIso('2024-03-12')).toBe('2024-03-12T00:00:00.000Z');
  });
  it('gives null without a year or for a day past the month end', () => {
    expect(absoluteDateIso('12 March')).toBeNull();
    expect(absoluteDateIso('31 February 2024')).toBeNull();
  });
});

describe('date phrases: the first-code-unit test admits every date token', () => {
  it('every month, weekday, am/pm, count, day word and number can open a phrase', async () => {
    const { DATE_PHRASE_FIRST, DATE_MONTH, DATE_WEEKDAY, DATE_AMPM, DATE_COUNT, DATE_DAY_WORD, DATE_COUNT_UNIT, DATE_DAY, DATE_YEAR, DATE_CLOCK, DATE_NUMERIC } = await import('../patterns.ts');
    const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
    const tokens = [
      ...months.flatMap((m) => [m, m.slice(0, 3), `${m.slice(0, 3)}.`, m.toUpperCase().slice(0, 3), 'Sept']),
      ...weekdays.flatMap((d) => [d, d.slice(0, 3), 'Tues', 'Thur', 'Thurs']),
      'am', 'AM', 'pm', 'PM', 'a.m.', 'p.m.', '9am', 'a', 'an', 'A', 'An', 'today', 'Today', 'yesterday', 'Yesterday', '3', '3h', '12', '3rd', '2024', '09:30', '9.30am', '12/03/2024', '2024-03-12',
    ];
    const families = [DATE_MONTH, DATE_WEEKDAY, DATE_AMPM, DATE_COUNT, DATE_DAY_WORD, DATE_COUNT_UNIT, DATE_DAY, DATE_YEAR, DATE_CLOCK, DATE_NUMERIC];
    let checked = 0;
    for (const t of tokens) {
      if (!families.some((re) => re.test(t))) continue;
      checked++;
      expect(DATE_PHRASE_FIRST.test(t), t).toBe(true);
    }
    expect(checked).toBeGreaterThan(60);
    // and a line opening with another word is no date phrase
    expect(creditLine('Reporting continues tomorrow')).toBeNull();
    expect(read('just now')).toBeNull();
    expect(read('Posted just now')).toEqual({ byline: null, published: 'just now' });
  });
});

describe('credit lines without "By", with a label, or in other languages', () => {
  it('names, a separator and a date', () => {
    expect(read('Jane Doe | 3 March 2024')).toEqual({ byline: 'Jane Doe', published: '3 March 2024' });
    expect(read('Jane Doe · 2 hours ago')).toEqual({ byline: 'Jane Doe', published: '2 hours ago' });
    expect(read('Ana Ruiz and Tom Bell — Updated 12/03/2024')).toEqual({ byline: 'Ana Ruiz and Tom Bell', published: '12/03/2024' });
  });
  it('leaves an outlet with a date, a dateline and a sentence alone', () => {
    expect(read('Harbour News · 2 hours ago')).toBeNull();
    expect(read('New York, 3 March 2024')).toBeNull();
    expect(read('Council Leader Quits · Read the full story')).toBeNull();
  });
  it('a credit label with a colon', () => {
    expect(read('Author: Jane Doe')).toEqual({ byline: 'Jane Doe', published: null });
    expect(read('Words: Ana Ruiz')).toEqual({ byline: 'Ana Ruiz', published: null });
    expect(read('Reporting: Tom Bell and Mei Tanaka')).toEqual({ byline: 'Tom Bell and Mei Tanaka', published: null });
    expect(read("Reporting: the council's own figures show a rise.")).toBeNull();
  });
  it('"By X with Y" credits both', () => {
    expect(read('By Jane Doe with John Roe')).toEqual({ byline: 'Jane Doe with John Roe', published: null });
    expect(read('By Jane Doe with Reuters')).toEqual({ byline: 'Jane Doe', published: null });
    expect(read('By Jane Doe with additional reporting by Tom Bell')).toEqual({ byline: 'Jane Doe', published: null });
  });
  it('bylines in other languages', () => {
    expect(read('Von Hans Müller und Petra Schmidt')).toEqual({ byline: 'Hans Müller und Petra Schmidt', published: null });
    expect(read('Por María García')).toEqual({ byline: 'María García', published: null });
    expect(read('Par Jean Dupont')).toEqual({ byline: 'Jean Dupont', published: null });
    expect(read('Di Marco Rossi')).toEqual({ byline: 'Marco Rossi', published: null });
    expect(read('Door Jan de Vries')).toEqual({ byline: 'Jan de Vries', published: null });
    // every label CREDIT_OPEN knows, not only those a hand-written first-letter test listed
    expect(read('Geschreven door Jan de Vries')).toEqual({ byline: 'Jan de Vries', published: null });
    expect(read('By May Peters')).toEqual({ byline: 'May Peters', published: null });
  });
  it('leaves sentences opening with the same words alone', () => {
    expect(read('Di Maio said the plan was dead.')).toBeNull();
    expect(read("Von Trier's new film premiered in Cannes")).toBeNull();
    expect(read('Par for the course, the minister said.')).toBeNull();
    expect(read('By March the council had agreed.')).toBeNull();
  });
});

describe('date lines in more shapes and languages', () => {
  it('labels in other languages give the date', () => {
    expect(read('Veröffentlicht am 3. März 2024')).toEqual({ byline: null, published: '3. März 2024' });
    expect(read('Publié le 3 mars 2024 à 14h05')).toEqual({ byline: null, published: '3 mars 2024 à 14h05' });
    expect(read('Publicado el 3 de marzo de 2024')).toEqual({ byline: null, published: '3 de marzo de 2024' });
    expect(read('Pubblicato il 3 marzo 2024')).toEqual({ byline: null, published: '3 marzo 2024' });
    expect(read('Gepubliceerd op 3 maart 2024')).toEqual({ byline: null, published: '3 maart 2024' });
  });
  it('a later date in another language is marked as later', () => {
    expect(creditLine('Aktualisiert am 12.03.2024, 14:05 Uhr')?.later).toBe(true);
    expect(creditLine('Mis à jour le 3 mars 2024')?.later).toBe(true);
  });
  it('a numeric or ISO date alone on its line', () => {
    expect(read('12/03/2024')).toEqual({ byline: null, published: '12/03/2024' });
    expect(read('2024-03-12')).toEqual({ byline: null, published: '2024-03-12' });
    expect(read('2024-03-12T09:30:00Z')).toEqual({ byline: null, published: '2024-03-12T09:30:00Z' });
    expect(read('3 hours ago')).toBeNull();
    expect(read('3 mars 2024 was a wet day.')).toBeNull();
  });
});

describe('a reading-time label ending a credit or date line', () => {
  it('is read past', () => {
    expect(read('By Jane Doe · 5 min read')).toEqual({ byline: 'Jane Doe', published: null });
    expect(read('Mar 3, 2024 · 5 min read')).toEqual({ byline: null, published: 'Mar 3, 2024' });
    expect(read('By Jane Doe · 3 March 2024 · 4 min read')).toEqual({ byline: 'Jane Doe', published: '3 March 2024' });
    expect(read('Words by Jane Doe with Tom Bell')).toEqual({ byline: 'Jane Doe with Tom Bell', published: null });
  });
  it('is no credit on its own, nor after a sentence', () => {
    expect(read('5 min read')).toBeNull();
    expect(read('The council took a vote - 5 min read')).toBeNull();
  });
});
