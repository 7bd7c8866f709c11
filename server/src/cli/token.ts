import { parseArgs } from 'node:util';
import { checkEditorName, createToken, listTokens, revokeToken } from '../auth/tokens.ts';
import { CliError, withDatabase } from './shared.ts';

export async function tokenCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    options: { name: { type: 'string' }, 'data-dir': { type: 'string' } },
    allowPositionals: true,
  });
  switch (sub) {
    case 'create': {
      if (!values.name) throw new CliError('token create needs --name NAME (the editor the token signs for)');
      // before the database is opened
      checkEditorName(values.name, '--name');
      const t = await withDatabase(rest, (db) => createToken(db, values.name!));
      process.stderr.write(`created token ${t.id} for ${t.name}; it is shown once, keep it:\n`);
      process.stdout.write(t.token + '\n');
      return 0;
    }
    case 'list': {
      const rows = await withDatabase(rest, listTokens);
      for (const r of rows) process.stdout.write(`${r.id}\t${r.name}\tcreated ${r.createdAt}\t${r.revokedAt ? `revoked ${r.revokedAt}` : 'active'}\n`);
      if (!rows.length) process.stderr.write('no tokens yet: copydesk token create --name NAME\n');
      return 0;
    }
    case 'revoke': {
      const target = positionals[0];
      if (!target) throw new CliError('token revoke needs an id or an editor name');
      const n = await withDatabase(rest, (db) => revokeToken(db, target));
      process.stderr.write(n ? `revoked ${n} token(s)\n` : `no active token matches "${target}"\n`);
      return n ? 0 : 1;
    }
    default:
      throw new CliError(`unknown token command "${sub ?? ''}"`);
  }
}
