/** Every String a client can send has a limit in the one table (server/src/graphql/text-limits.ts), or a named check of its own. */
import { describe, expect, it } from 'vitest';
import { getNamedType, isInputObjectType, isObjectType } from 'graphql';
import { schema } from '@copydesk/server/graphql/schema.ts';
import { TEXT_LIMITED_ELSEWHERE, TEXT_LIMITS, controlCharacterAt } from '@copydesk/server/graphql/text-limits.ts';

/** the schema coordinate of every String argument and input field, cursors left out (input.ts bounds them) */
function stringInputs(): string[] {
  const out: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isObjectType(type)) {
      for (const f of Object.values(type.getFields())) {
        for (const a of f.args) if (getNamedType(a.type).name === 'String' && a.name !== 'after' && a.name !== 'before') out.push(`${type.name}.${f.name}(${a.name})`);
      }
    }
    if (isInputObjectType(type)) for (const f of Object.values(type.getFields())) if (getNamedType(f.type).name === 'String') out.push(`${type.name}.${f.name}`);
  }
  return out;
}

describe('text limits', () => {
  it('cover every String argument and input field of the schema', () => {
    const unbounded = stringInputs().filter((c) => !TEXT_LIMITS[c] && !TEXT_LIMITED_ELSEWHERE[c]);
    expect(unbounded, 'add each to TEXT_LIMITS (server/src/graphql/text-limits.ts)').toEqual([]);
  });

  it('name nothing the schema does not have', () => {
    const all = new Set(stringInputs());
    expect(Object.keys(TEXT_LIMITS).filter((c) => !all.has(c))).toEqual([]);
  });

  it('refuse control characters in names (line breaks too), allow line breaks and tabs in free text', () => {
    expect(controlCharacterAt('Harbor Herald', 'name')).toBe(-1);
    expect(controlCharacterAt('a\nb', 'name')).toBe(1);
    expect(controlCharacterAt('x\u009b', 'name')).toBe(1);
    expect(controlCharacterAt('a\nb\tc\r\n', 'text')).toBe(-1);
    expect(controlCharacterAt('ring\u0007', 'text')).toBe(4);
    expect(controlCharacterAt('\u001b[31m', 'raw')).toBe(-1);
  });
});
