import { and, isNull } from 'drizzle-orm';
import { topics as topicsTable } from '@copydesk/schema';
import { InvalidInputError, NotFoundError } from '../../errors.ts';
import { addArticleTopic, mergeTopics, removeArticleTopic, renameTopic, topicMatchSql } from '../../topics/store.ts';
import { audit } from '../../audit/log.ts';
import { builder, requireActor } from '../builder.ts';
import { MUTATION_ERRORS } from '../errors.ts';
import { cursorOrdering } from '../input.ts';

/** `search` as given, or null without one (its length is bounded at the edge: text-limits.ts) */
const topicSearch = (search: string | null | undefined): string | null => (search?.trim() ? search : null);

export const TopicKind = builder.enumType('TopicKind', {
  values: { PERSON: { value: 'person' }, PLACE: { value: 'place' }, ORGANIZATION: { value: 'organization' }, SUBJECT: { value: 'subject' } } as const,
});

export const Topic = builder.drizzleNode('topics', {
  name: 'Topic',
  description: 'A person, place, organisation or subject that articles are about. Editors rename and merge them.',
  id: { column: (t) => t.id },
  select: { columns: { id: true } },
  fields: (t) => ({
    name: t.exposeString('name'),
    kind: t.field({ type: TopicKind, select: { columns: { kind: true } }, resolve: (r) => r.kind as 'person' | 'place' | 'organization' | 'subject' }),
    aliases: t.stringList({
      description: 'other names it goes by: spellings folded into it ("Rubio" for Marco Rubio), and names merged or renamed away; alphabetical',
      select: { with: { aliases: { columns: { name: true } } } },
      resolve: (r) => [...new Set(r.aliases.map((a) => a.name))].sort((a, b) => a.localeCompare(b)),
    }),
    mergedInto: t.relation('mergedInto', { nullable: true, description: 'set when an editor merged this topic into another' }),
    articleCount: t.relatedCount('links'),
    articles: t.relatedConnection('links', {
      description: 'the articles about this topic, strongest first',
      query: { orderBy: { weight: 'desc', articleId: 'asc' } },
      totalCount: true,
      type: ArticleTopicRef,
      extensions: cursorOrdering({ values: ['float', 'int', 'int'] }),
    }),
  }),
});

/** An article's link to a topic, with its weight. */
export const ArticleTopicRef = builder.drizzleObject('articleTopics', {
  name: 'ArticleTopic',
  fields: (t) => ({
    weight: t.exposeFloat('weight'),
    topic: t.relation('topic'),
    article: t.relation('article'),
  }),
});

builder.queryFields((t) => ({
  topic: t.drizzleField({
    type: 'topics',
    nullable: true,
    args: { id: t.arg.globalID({ required: true, for: Topic }) },
    resolve: (query, _r, args, ctx) => ctx.db.query.topics.findFirst(query({ where: { id: Number(args.id.id) } })),
  }),
  topics: t.drizzleConnection({
    type: 'topics',
    description: 'topics (merged ones left out), alphabetical',
    args: { search: t.arg.string({ required: false, description: 'part of its name or of any alias, case- and accent-insensitive' }) },
    extensions: cursorOrdering({ name: 'topics.NAME_ASC', values: ['text', 'int'] }),
    totalCount: (_p, args, ctx) => ctx.db.$count(topicsTable, listed(topicsTable, args.search)),
    resolve: (query, _r, args, ctx) =>
      ctx.db.query.topics.findMany(query({ where: { RAW: (tt) => listed(tt, args.search) }, orderBy: { name: 'asc', id: 'asc' } })),
  }),
}));

/** topics not merged away (`tt`: the topics table, or the alias a relational query gives it), matching `search` when given */
function listed(tt: typeof topicsTable, search: string | null | undefined) {
  const q = topicSearch(search);
  return and(isNull(tt.mergedIntoId), q ? topicMatchSql(tt.id, tt.key, q) : undefined)!;
}

builder.mutationFields((t) => ({
  renameTopic: t.drizzleField({
    type: 'topics',
    errors: { types: [...MUTATION_ERRORS], directResult: true },
    args: { id: t.arg.globalID({ required: true, for: Topic }), name: t.arg.string({ required: true }) },
    resolve: async (query, _r, args, ctx) => {
      const actor = requireActor(ctx);
      const id = Number(args.id.id);
      await ctx.db.transaction(async (tx) => {
        const { from, to } = await renameTopic(tx, id, args.name);
        await audit(tx, actor, { action: 'topic.rename', subject: `topic ${id} ${to}`, detail: { topicId: id, from, to } });
      });
      return (await ctx.db.query.topics.findFirst(query({ where: { id } })))!;
    },
  }),
  mergeTopics: t.drizzleField({
    type: 'topics',
    description: 'Moves every article of the `from` topics to `into`; the merged topics point at it from then on.',
    errors: { types: [...MUTATION_ERRORS], directResult: true },
    args: { into: t.arg.globalID({ required: true, for: Topic }), from: t.arg.globalIDList({ required: true, for: Topic }) },
    resolve: async (query, _r, args, ctx) => {
      const actor = requireActor(ctx);
      const into = Number(args.into.id);
      const from = args.from.map((g) => Number(g.id));
      await ctx.db.transaction(async (tx) => {
        await mergeTopics(tx, into, from);
        await audit(tx, actor, { action: 'topic.merge', subject: `topics ${from.join(', ')} into ${into}`, detail: { into, from } });
      });
      return (await ctx.db.query.topics.findFirst(query({ where: { id: into } })))!;
    },
  }),
  addArticleTopic: t.drizzleField({
    type: 'articles',
    description: 'Links an article to a topic (by id, or by name: a new topic is made when none has that name).',
    errors: { types: [...MUTATION_ERRORS], directResult: true },
    args: {
      articleId: t.arg.globalID({ required: true }),
      topicId: t.arg.globalID({ required: false, for: Topic }),
      name: t.arg.string({ required: false }),
      kind: t.arg({ type: TopicKind, required: false }),
      weight: t.arg.float({ required: false }),
    },
    resolve: async (query, _r, args, ctx) => {
      const actor = requireActor(ctx);
      const articleId = Number(args.articleId.id);
      if (args.articleId.typename !== 'Article') throw new InvalidInputError('articleId', 'not an Article id');
      if (args.weight != null && !(args.weight > 0 && args.weight <= 1)) throw new InvalidInputError('weight', 'a weight is in (0, 1]');
      await ctx.db.transaction(async (tx) => {
        const topicId = await addArticleTopic(tx, articleId, { id: args.topicId ? Number(args.topicId.id) : null, name: args.name, kind: args.kind }, args.weight ?? 1, actor.name);
        await audit(tx, actor, { action: 'topic.add', subject: `article ${articleId}, topic ${topicId}`, detail: { articleId, topicId, name: args.name ?? null, weight: args.weight ?? 1 } });
      });
      return (await ctx.db.query.articles.findFirst(query({ where: { id: articleId } })))!;
    },
  }),
  removeArticleTopic: t.drizzleField({
    type: 'articles',
    errors: { types: [...MUTATION_ERRORS], directResult: true },
    args: { articleId: t.arg.globalID({ required: true }), topicId: t.arg.globalID({ required: true, for: Topic }) },
    resolve: async (query, _r, args, ctx) => {
      const actor = requireActor(ctx);
      if (args.articleId.typename !== 'Article') throw new InvalidInputError('articleId', 'not an Article id');
      const articleId = Number(args.articleId.id);
      const topicId = Number(args.topicId.id);
      await ctx.db.transaction(async (tx) => {
        await removeArticleTopic(tx, articleId, topicId);
        await audit(tx, actor, { action: 'topic.remove', subject: `article ${articleId}, topic ${topicId}`, detail: { articleId, topicId } });
      });
      const row = await ctx.db.query.articles.findFirst(query({ where: { id: articleId } }));
      if (!row) throw new NotFoundError('Article', String(args.articleId.id));
      return row;
    },
  }),
}));
