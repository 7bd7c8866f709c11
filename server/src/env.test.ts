import { describe, expect, it } from 'vitest';
import { ENV_SETTINGS, EnvError, loadCliEnv, loadEnv } from './env.ts';

/** a value each validated setting refuses; the free-form ones (a host, folders) take any non-empty string */
const BAD: Record<string, string[]> = {
  PORT: ['abc', '99999', '-1', '40.5', '0x10'],
  DATABASE_URL: ['notaurl', 'mysql://u@h/db', 'postgres://u:secret@[x'],
  COPYDESK_MAX_DUMP_BYTES: ['0', 'big'],
  COPYDESK_SEED_SAMPLES: ['maybe'],
  COPYDESK_LOG_SQL: ['2'],
  COPYDESK_MAX_REQUEST_BYTES: ['1MB'],
  COPYDESK_MAX_ANONYMOUS_REQUEST_BYTES: ['0', '64k'],
  COPYDESK_MAX_UPLOAD_BYTES: ['-5'],
  COPYDESK_MAX_TEXT_BYTES: ['lots'],
  COPYDESK_MAX_SUBSCRIPTION_EVENT_TEXT_BYTES: ['0'],
  COPYDESK_MAX_SUBSCRIPTIONS: ['0'],
  COPYDESK_MAX_SUBSCRIPTIONS_PER_CLIENT: ['x'],
  COPYDESK_RESPONSE_CACHE_TTL_MS: ['-1'],
  COPYDESK_HTTP_PROCESSES: ['65', '0'],
  COPYDESK_WORKERS: ['17', 'x'],
  COPYDESK_EDITOR_TOKEN: ['short'],
  COPYDESK_READ_REQUIRES_TOKEN: ['sure'],
  COPYDESK_COMPILED_READS: ['nope'],
  COPYDESK_GRAPHQL_JIT: ['jit'],
  COPYDESK_STATEMENT_TIMEOUT_MS: ['99', '600001'],
  COPYDESK_DEBUG_ERRORS: ['debug'],
  COPYDESK_TRUST_PROXY: ['proxy'],
  NODE_ENV: ['prod'],
};
const FREE = ['HOST', 'COPYDESK_DATA_DIR', 'COPYDESK_DASHBOARD_DIR'];

const refusal = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(EnvError);
    return (e as Error).message;
  }
  throw new Error('not refused');
};

describe('loadEnv: a bad setting is one line, "invalid configuration: SETTING: why"', () => {
  it('covers every setting the server reads', () => {
    expect([...Object.keys(BAD), ...FREE].sort()).toEqual([...ENV_SETTINGS].sort());
  });

  it('refuses each bad value in one line naming the setting and what it expects', () => {
    for (const [setting, values] of Object.entries(BAD)) {
      for (const v of values) {
        const m = refusal(() => loadEnv({ [setting]: v }));
        expect(m, `${setting}=${v}`).toMatch(new RegExp(`^invalid configuration: ${setting}: expected `));
        expect(m).not.toContain('\n');
      }
    }
    expect(refusal(() => loadEnv({ PORT: 'abc' }))).toBe('invalid configuration: PORT: expected a whole number from 0 to 65535, got "abc"');
    expect(refusal(() => loadEnv({}, { PORT: '99999' }))).toBe('invalid configuration: PORT: expected a whole number from 0 to 65535, got "99999"');
  });

  it('never quotes a secret (a database password, a token)', () => {
    expect(refusal(() => loadEnv({ DATABASE_URL: 'postgres://u:hunter2@[x' }))).not.toContain('hunter2');
    expect(refusal(() => loadEnv({ COPYDESK_EDITOR_TOKEN: 'sekrit' }))).not.toContain('sekrit');
  });

  it('names every bad setting on the same line', () => {
    expect(refusal(() => loadEnv({ PORT: 'abc', COPYDESK_WORKERS: 'x' }))).toMatch(/^invalid configuration: PORT: [^\n]*; COPYDESK_WORKERS: expected /);
  });

  it('takes good values as before', () => {
    const env = loadEnv({ PORT: '8080', COPYDESK_SEED_SAMPLES: 'No', COPYDESK_WORKERS: '0', DATABASE_URL: 'postgresql://u:p@localhost:5432/db', COPYDESK_STATEMENT_TIMEOUT_MS: ' 5000 ' });
    expect(env).toMatchObject({ PORT: 8080, COPYDESK_SEED_SAMPLES: false, COPYDESK_WORKERS: 0, COPYDESK_STATEMENT_TIMEOUT_MS: 5000, HOST: '0.0.0.0' });
    expect(loadEnv({})).toMatchObject({ PORT: 4000, COPYDESK_SEED_SAMPLES: true, COPYDESK_MAX_DUMP_BYTES: 5 * 1024 * 1024, NODE_ENV: 'development' });
  });

  it('the CLI\'s settings too', () => {
    expect(refusal(() => loadCliEnv({ COPYDESK_URL: 'localhost:4000' }))).toMatch(/^invalid configuration: COPYDESK_URL: expected an http:\/\/ or https:\/\/ URL/);
  });
});
