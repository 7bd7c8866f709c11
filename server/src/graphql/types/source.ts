import { and, isNull } from 'drizzle-orm';
import { sources as sourcesTable } from '@copydesk/schema';
import { mergeSources, renameSource, sourceMatchSql } from '../../sources/index.ts';
import { builder, requireActor } from '../builder.ts';
import { audit } from '../../audit/log.ts';
import { MUTATION_ERRORS } from '../errors.ts';
import { cursorOrdering } from '../input.ts';

export const Source = builder.drizzleNode('sources', {
  name: 'Source',
  description: 'An outlet under its canonical name; every spelling pages use for it is an alias. Editors rename and merge them.',
  id: { column: (s) => s.id },
  select: { columns: { id: true } },
  fields: (t) => ({
    name: t.exposeString('name', { description: 'the canonical name' }),
    aliases: t.stringList({
      description: 'every name the outlet goes by, as first seen ("The Independent", "Independent"), alphabetical',
      select: { with: { aliases: { columns: { name: true } } } },
      resolve: (s) => s.aliases.map((a) => a.name).sort((a, b) => a.localeCompare(b)),
    }),
    mergedInto: t.relation('mergedInto', { nullable: true, description: 'set when an editor merged this source into another' }),
    articles: t.relatedConnection('articles', { query: { orderBy: { id: 'asc' } }, totalCount: true, extensions: cursorOrdering({ values: ['int'] }) }),
  }),
});

/** canonical sources (`s`: the sources table, or the alias a relational query gives it), matching `search` when given */
const canonical = (s: typeof sourcesTable, search: string | null | undefined) =>
  and(isNull(s.mergedIntoId), search?.trim() ? sourceMatchSql(s.id, search) : undefined)!;

builder.queryFields((t) => ({
  source: t.drizzleField({
    type: 'sources',
    nullable: true,
    args: { id: t.arg.globalID({ required: true, for: Source }) },
    resolve: (query, _r, args, ctx) => ctx.db.query.sources.findFirst(query({ where: { id: Number(args.id.id) } })),
  }),
  sources: t.drizzleConnection({
    type: 'sources',
    description: 'outlets under their canonical names (merged ones left out), alphabetical',
    args: { search: t.arg.string({ required: false, description: 'part of any name the outlet goes by, case-insensitive' }) },
    extensions: cursorOrdering({ name: 'sources.NAME_ASC', values: ['text', 'int'] }),
    totalCount: (_p, args, ctx) => ctx.db.$count(sourcesTable, canonical(sourcesTable, args.search)),
    resolve: (query, _r, args, ctx) =>
      ctx.db.query.sources.findMany(query({ where: { RAW: (s) => canonical(s, args.search) }, orderBy: { name: 'asc', id: 'asc' } })),
  }),
}));

builder.mutationFields((t) => ({
  renameSource: t.drizzleField({
    type: 'sources',
    description: "Gives an outlet a new canonical name; its old names stay aliases. Another outlet's name (or a variant of it) is INVALID_INPUT: merge the two instead. Audited (source.rename).",
    errors: { types: [...MUTATION_ERRORS], directResult: true },
    args: { id: t.arg.globalID({ required: true, for: Source }), name: t.arg.string({ required: true }) },
    resolve: async (query, _r, args, ctx) => {
      const actor = requireActor(ctx);
      const id = Number(args.id.id);
      await ctx.db.transaction(async (tx) => {
        const { from, to } = await renameSource(tx, id, args.name);
        await audit(tx, actor, { action: 'source.rename', subject: `source ${id} ${to}`, detail: { sourceId: id, from, to } });
      });
      return (await ctx.db.query.sources.findFirst(query({ where: { id } })))!;
    },
  }),
  mergeSources: t.drizzleField({
    type: 'sources',
    description: 'Moves every article and alias of the `from` sources to `into`; the importer files their names under `into` from then on. Audited (source.merge).',
    errors: { types: [...MUTATION_ERRORS], directResult: true },
    args: { into: t.arg.globalID({ required: true, for: Source }), from: t.arg.globalIDList({ required: true, for: Source }) },
    resolve: async (query, _r, args, ctx) => {
      const actor = requireActor(ctx);
      const into = Number(args.into.id);
      const from = args.from.map((g) => Number(g.id));
      await ctx.db.transaction(async (tx) => {
        await mergeSources(tx, into, from);
        await audit(tx, actor, { action: 'source.merge', subject: `sources ${from.join(', ')} into ${into}`, detail: { into, from } });
      });
      return (await ctx.db.query.sources.findFirst(query({ where: { id: into } })))!;
    },
  }),
}));
