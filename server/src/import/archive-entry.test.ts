import { describe, expect, it } from 'vitest';
import { classifyEntry } from './archive-entry.ts';

describe('classifyEntry: one rule for zip and tar entries', () => {
  it('reads .txt and .jsonl files', () => {
    expect(classifyEntry('dumps/a.txt', 'file')).toEqual({ read: 'dump' });
    expect(classifyEntry('B.TXT', 'file')).toEqual({ read: 'dump' });
    expect(classifyEntry('x/lines.jsonl', 'file')).toEqual({ read: 'jsonl' });
    expect(classifyEntry('x/lines.ndjson', 'file')).toEqual({ read: 'jsonl' });
  });

  it('skips folders, hidden files, macOS metadata and other file types quietly', () => {
    for (const [name, kind] of [['dumps/', 'directory'], ['x', 'directory'], ['.hidden.txt', 'file'], ['__MACOSX/._a.txt', 'file'], ['readme.md', 'file'], ['photo.jpg', 'file']] as const) {
      expect(classifyEntry(name, kind), name).toEqual({ skip: true });
    }
  });

  it('refuses, with the reason, an unsafe path whatever its type', () => {
    const cases: [string, RegExp][] = [
      ['../evil.txt', /holds "\.\."/],
      ['a/../../evil.txt', /holds "\.\."/],
      ['..', /holds "\.\."/],
      ['/etc/evil.txt', /absolute/],
      ['C:/evil.txt', /absolute/],
      ['c:evil.txt', /absolute/],
      ['dumps\\win.txt', /backslash/],
      ['..\\evil.txt', /backslash/],
      ['a/b\u0000.txt', /control character/],
      ['../readme.md', /holds "\.\."/],
    ];
    for (const [name, reason] of cases) {
      const v = classifyEntry(name, 'file');
      expect('refuse' in v && v.refuse, name).toMatch(reason);
    }
  });

  it('refuses an archive inside the archive, and a link', () => {
    for (const name of ['inner.zip', 'x/inner.tar.gz', 'x/inner.tgz', 'inner.tar', 'dump.txt.gz']) {
      const v = classifyEntry(name, 'file');
      expect('refuse' in v && v.refuse, name).toMatch(/archive inside the archive/);
    }
    const link = classifyEntry('x/a.txt', 'link');
    expect('refuse' in link && link.refuse).toMatch(/link/);
  });
});
