import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, revokeToken } from '@copydesk/server/auth/tokens.ts';
import { schema } from '@copydesk/server/graphql/schema.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

const IMPORT = `mutation($input: ImportDumpInput!) { importDump(input: $input) { __typename ... on Error { code message } ... on ImportDumpPayload { created } } }`;
const input = { text: 'Council approves new bus lanes\nThe council voted on Tuesday to add bus lanes.\n' };

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});
const dumps = async () => Number((await t.sql<{ n: string }>('select count(*) as n from dumps'))[0]!.n);

describe('editor tokens', () => {
  it('refuses a mutation without a token with UNAUTHENTICATED, and writes nothing', async () => {
    const res = await t.gql(IMPORT, { input }, { token: null });
    expect(res.data.importDump.__typename).toBe('UnauthenticatedError');
    expect(res.data.importDump.code).toBe('UNAUTHENTICATED');
    expect(res.data.importDump.message).toMatch(/carried none/);
    expect(await dumps()).toBe(0);
  });

  it('refuses an unknown token, and says the token is unknown rather than missing', async () => {
    const res = await t.gql(IMPORT, { input }, { token: 'cdk_not-a-real-token' });
    expect(res.data.importDump.code).toBe('UNAUTHENTICATED');
    expect(res.data.importDump.message).toMatch(/unknown to this server or was revoked/);
    expect(await dumps()).toBe(0);
  });

  it('accepts a created token, stores only its hash, and refuses it once revoked', async () => {
    const { token, name } = await createToken(t.database.db, 'alice');
    const stored = await t.sql<{ token_hash: string }>(`select token_hash from editor_tokens where name = 'alice'`);
    expect(stored[0]!.token_hash).not.toContain(token);
    expect(stored[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    const ok = await t.gql(IMPORT, { input }, { token });
    expect(ok.data.importDump).toEqual({ __typename: 'ImportDumpPayload', created: true });
    expect(await revokeToken(t.database.db, name)).toBe(1);
    const refused = await t.gql(IMPORT, { input: { text: 'Another headline\nAnother body.\n' } }, { token });
    expect(refused.data.importDump.code).toBe('UNAUTHENTICATED');
    expect(refused.data.importDump.message).toMatch(/unknown to this server or was revoked/);
    expect(await dumps()).toBe(1);
  });

  it('accepts the bootstrap token from the configuration', async () => {
    const res = await t.gql(IMPORT, { input: { text: 'Bootstrap headline\nBootstrap body.\n' } });
    expect(res.data.importDump.__typename).toBe('ImportDumpPayload');
  });

  it('keeps reading open by default', async () => {
    const res = await t.gql(`{ dumps(first: 1) { totalCount } }`, {}, { token: null });
    expect(res.errors).toBeUndefined();
    expect(res.data.dumps.totalCount).toBe(2);
  });

  it('closes reading when configured to', async () => {
    const closed = await createTestApp({ readRequiresToken: true });
    try {
      const anon = await closed.gql(`{ dumps(first: 1) { totalCount } }`, {}, { token: null });
      expect(anon.data).toBeUndefined();
      expect(anon.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const signed = await closed.gql(`{ dumps(first: 1) { totalCount } }`);
      expect(signed.data.dumps.totalCount).toBe(0);
    } finally {
      await closed.close();
    }
  });

  it('refuses every mutation without a token before its input is checked or coerced (no work on the input of a request that may not run)', async () => {
    const fields = Object.values(schema.getMutationType()!.getFields());
    expect(fields.length).toBeGreaterThan(10);
    for (const f of fields) {
      // every argument a value of the wrong kind with a NUL in it: checked first, it would be INVALID_INPUT or a coercion error
      const vars = f.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
      const args = f.args.map((a) => `${a.name}: $${a.name}`).join(', ');
      const query = `mutation${vars ? `(${vars})` : ''} { ${f.name}${args ? `(${args})` : ''} { __typename ... on Error { code message } } }`;
      const res = await t.gql(query, Object.fromEntries(f.args.map((a) => [a.name, 'bad\u0000'])), { token: null });
      expect({ field: f.name, errors: res.errors, data: res.data?.[f.name] }).toMatchObject({ field: f.name, errors: undefined, data: { __typename: 'UnauthenticatedError', code: 'UNAUTHENTICATED' } });
    }
    // an alias, __typename at the root, a fragment on the error type and a rejected token
    const res = await t.gql(`mutation($input: ImportDumpInput!) { __typename first: importDump(input: $input) { ...E } second: importDump(input: $input) { __typename } } fragment E on UnauthenticatedError { code message }`, { input: { text: 1 } }, { token: 'cdk_not-a-real-token' });
    expect(res).toEqual({ data: { __typename: 'Mutation', first: { code: 'UNAUTHENTICATED', message: expect.stringMatching(/unknown to this server or was revoked/) }, second: { __typename: 'UnauthenticatedError' } } });
  });
});
