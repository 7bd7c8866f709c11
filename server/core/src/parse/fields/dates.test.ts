import { describe, expect, it } from 'vitest';
import { echoLine, gluedSourceDate, isTimePrefix, timeLine } from './dates.ts';

const glued = (s: string): [string | null, string] | null => {
  const g = gluedSourceDate(s);
  return g ? [g.source ? s.slice(g.source[0], g.source[1]) : null, s.slice(g.date[0], g.date[1])] : null;
};

describe('gluedSourceDate', () => {
  it('splits the source from the date', () => {
    expect(glued('Yahoo23-04-2025')).toEqual(['Yahoo', '23-04-2025']);
    expect(glued('Time of India14-05-2025')).toEqual(['Time of India', '14-05-2025']);
    expect(glued('LeMonde23-07-2025')).toEqual(['LeMonde', '23-07-2025']);
    expect(glued('ITV News5 days ago')).toEqual(['ITV News', '5 days ago']);
    expect(glued('Sky Newsa day ago')).toEqual(['Sky News', 'a day ago']);
    expect(glued('Independenta day ago')).toEqual(['Independent', 'a day ago']);
    expect(glued('Globe and Mail14 hours ago')).toEqual(['Globe and Mail', '14 hours ago']);
    expect(glued('News2415 minutes ago')).toEqual(['News24', '15 minutes ago']);
    expect(glued('3 hours ago')).toEqual([null, '3 hours ago']);
  });
  it('rejects body text', () => {
    expect(glued('The talks began. They ended 3 hours ago')).toBeNull();
    expect(glued('NINABA - Vajowo sent a letter')).toBeNull();
  });
});

describe('time lines', () => {
  it('reads relative and absolute dates, with or without "time"', () => {
    const t = (s: string): string | null => {
      const r = timeLine(s);
      return r ? s.slice(r[0], r[1]) : null;
    };
    expect(t('3 hours ago')).toBe('3 hours ago');
    expect(t('an hour ago')).toBe('an hour ago');
    expect(t('time3 hours ago')).toBe('3 hours ago');
    expect(t('time31-05-2025')).toBe('31-05-2025');
    expect(t('13 minutes ago')).toBe('13 minutes ago');
    expect(t('Yesterday')).toBeNull();
  });
  it('recognises a time line cut by the end of the capture', () => {
    for (const s of ['2 ho', 'an hou', '13 minutes a', 'time3 da', 'tim', '23-04-20']) expect(isTimePrefix(s)).toBe(true);
    expect(isTimePrefix('The Independent')).toBe(false);
  });
  it('reads echo lines', () => {
    const e = (s: string): string | null => {
      const r = echoLine(s);
      return r ? s.slice(r.name[0], r.name[1]) : null;
    };
    expect(e('- Asahi Shimbun')).toBe('Asahi Shimbun');
    expect(e('• India.com')).toBe('India.com');
    expect(e('-Asahi')).toBeNull();
  });
});
