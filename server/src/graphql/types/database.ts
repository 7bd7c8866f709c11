import { databaseIdentity } from '../../db/identity.ts';
import { builder } from '../builder.ts';

builder.queryFields((t) => ({
  databaseId: t.string({
    description:
      'The identity of the database this server reads and writes (stable for its life, different for a new database): clients that remember what they sent, like `copydesk import`, key it by this.',
    resolve: (_root, _args, ctx) => databaseIdentity(ctx.db),
  }),
}));
