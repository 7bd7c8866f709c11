import { describe, expect, it } from 'vitest';
import { decodeText, firstInvalidUtf8, NotUtf8Error, parseJsonLines } from './read-text.ts';

const bytes = (...b: number[]) => new Uint8Array(b);
const latin1 = (s: string) => new Uint8Array([...s].map((c) => c.charCodeAt(0)));

describe('decodeText', () => {
  it('reads UTF-8 and drops a leading byte order mark', () => {
    expect(decodeText('a.txt', new TextEncoder().encode('Café ☕ 𝄞'))).toBe('Café ☕ 𝄞');
    expect(decodeText('a.txt', bytes(0xef, 0xbb, 0xbf, 0x68, 0x69))).toBe('hi');
  });

  it('refuses a Latin-1 file naming the file, the byte and its offset, never with U+FFFD', () => {
    let err: unknown;
    try {
      decodeText('café.txt', latin1('Headline\nCaf\u00e9 opens\n'));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(NotUtf8Error);
    expect((err as NotUtf8Error).code).toBe('INVALID_TEXT');
    expect((err as NotUtf8Error).byteOffset).toBe(12);
    expect((err as Error).message).toContain('café.txt is not UTF-8 text: byte 0xE9 at byte offset 12');
  });

  it('finds the first bad byte of each kind of broken sequence', () => {
    const cases: [number[], number][] = [
      [[0x61, 0x62], -1],
      [[0x61, 0x80], 1], // a lone continuation byte
      [[0x61, 0xc0, 0x80], 1], // overlong
      [[0xe0, 0x80, 0x80], 0], // overlong three-byte
      [[0xed, 0xa0, 0x80], 0], // a surrogate
      [[0x61, 0xe2, 0x82], 1], // cut short at the end
      [[0xf4, 0x90, 0x80, 0x80], 0], // past U+10FFFF
      [[0xf0, 0x9d, 0x84, 0x9e, 0xff], 4],
      [[0xef, 0xbf, 0xbd, 0x61, 0xc3], 4], // a real U+FFFD, then a sequence cut short
      [[0xef, 0xbb, 0xbf, 0xe2, 0x98, 0x95, 0x80], 6], // after a byte order mark and a three-byte character
    ];
    for (const [b, at] of cases) {
      expect(firstInvalidUtf8(bytes(...b))).toBe(at);
      if (at >= 0) expect(() => decodeText('x', bytes(...b))).toThrow(`at byte offset ${at}`);
    }
  });
});

describe('parseJsonLines', () => {
  it('reads each line, skips blank ones, and names the line of a bad one', () => {
    const lines = parseJsonLines('batch.jsonl', ['{"text":"one","filename":"a.txt"}', '{not json', '', '[1]', '{"nope":1}', '{"text":"five","url":3}', '{"text":"six"}'].join('\n'));
    expect(lines.map((l) => ('input' in l ? l.input.filename : l.error.message.split(':')[0]))).toEqual([
      'a.txt',
      'batch.jsonl line 2',
      'batch.jsonl line 4',
      'batch.jsonl line 5',
      'batch.jsonl line 6',
      'batch.jsonl:7',
    ]);
    expect(lines[1]).toMatchObject({ line: 2, name: 'batch.jsonl:2' });
    expect('error' in lines[1]! && lines[1].error.message).toMatch(/^batch\.jsonl line 2: not valid JSON/);
    expect('error' in lines[4]! && lines[4].error.message).toBe('batch.jsonl line 6: "url" must be a string');
  });
});
