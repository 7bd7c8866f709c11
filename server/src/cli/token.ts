import { checkEditorName, createToken, listTokens, revokeToken } from '../auth/tokens.ts';
import { UsageError } from './errors.ts';
import { readArgs } from './args.ts';
import { withDatabase } from './shared.ts';

export async function tokenCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'create' && sub !== 'list' && sub !== 'revoke') throw new UsageError('token', sub === undefined ? 'needs a command: create, list or revoke' : `unknown token command "${sub}": create, list or revoke`);
  const command = `token ${sub}`;
  const dataDir = { 'data-dir': { type: 'string' } } as const;
  switch (sub) {
    case 'create': {
      const { values } = readArgs(command, rest, { name: { type: 'string' }, ...dataDir });
      if (!values.name) throw new UsageError(command, 'needs --name NAME (the editor the token signs for)');
      // before the database is opened
      checkEditorName(values.name, '--name');
      const t = await withDatabase(values['data-dir'], (db) => createToken(db, values.name!));
      process.stderr.write(`created token ${t.id} for ${t.name}; it is shown once, keep it:\n`);
      process.stdout.write(t.token + '\n');
      return 0;
    }
    case 'list': {
      const { values } = readArgs(command, rest, dataDir);
      const rows = await withDatabase(values['data-dir'], listTokens);
      for (const r of rows) process.stdout.write(`${r.id}\t${r.name}\tcreated ${r.createdAt}\t${r.revokedAt ? `revoked ${r.revokedAt}` : 'active'}\n`);
      if (!rows.length) process.stderr.write('no tokens yet: copydesk token create --name NAME\n');
      return 0;
    }
    case 'revoke': {
      const { values, positionals } = readArgs(command, rest, dataDir, true);
      const target = positionals[0];
      if (!target || positionals.length > 1) throw new UsageError(command, target ? `takes one id or editor name, not ${positionals.length}` : 'needs an id or an editor name');
      const n = await withDatabase(values['data-dir'], (db) => revokeToken(db, target));
      process.stderr.write(n ? `revoked ${n} token(s)\n` : `no active token matches "${target}"\n`);
      return n ? 0 : 1;
    }
  }
}
