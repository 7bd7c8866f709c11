import { and, eq, inArray, sql } from 'drizzle-orm';
import { articleTopics, topics as topicsTable } from '@copydesk/schema';
import { foldText } from '../../derive/fingerprint.ts';
import { containsPattern } from '../../db/like.ts';
import { InvalidInputError, NotFoundError } from '../../errors.ts';
import { audit } from '../../audit/log.ts';
import { builder, requireActor } from '../builder.ts';
import { MUTATION_ERRORS } from '../errors.ts';
import { cursorOrdering } from '../input.ts';

/** longest topic search (characters): a topic name has at most 200 */
const MAX_TOPIC_SEARCH = 200;

/** the LIKE pattern of `topics(search:)`, or null without one; throws InvalidInputError past MAX_TOPIC_SEARCH */
function topicSearch(search: string | null | undefined): string | null {
  if (!search) return null;
  if (search.length > MAX_TOPIC_SEARCH) throw new InvalidInputError('search', `${search.length} characters; a topic search has at most ${MAX_TOPIC_SEARCH}`);
  return containsPattern(search);
}

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
    args: { search: t.arg.string({ required: false, description: 'names containing this, case-insensitive' }) },
    extensions: cursorOrdering({ name: 'topics.NAME_ASC', values: ['text', 'int'] }),
    totalCount: (_p, args, ctx) => {
      const like = topicSearch(args.search);
      return ctx.db.$count(topicsTable, and(sql`${topicsTable.mergedIntoId} is null`, like ? sql`${topicsTable.key} like ${like}` : undefined));
    },
    resolve: (query, _r, args, ctx) => {
      const like = topicSearch(args.search);
      return ctx.db.query.topics.findMany(
        query({
          where: { mergedIntoId: { isNull: true }, ...(like ? { key: { like } } : {}) },
          orderBy: { name: 'asc' },
        }),
      );
    },
  }),
}));

const TopicKey = (name: string) => foldText(name).replace(/[^\p{L}\p{N} ]/gu, '').trim();

builder.mutationFields((t) => ({
  renameTopic: t.drizzleField({
    type: 'topics',
    errors: { types: [...MUTATION_ERRORS], directResult: true },
    args: { id: t.arg.globalID({ required: true, for: Topic }), name: t.arg.string({ required: true }) },
    resolve: async (query, _r, args, ctx) => {
      const actor = requireActor(ctx);
      const name = args.name.trim();
      if (!name || name.length > 200) throw new InvalidInputError('name', 'a topic name is 1 to 200 characters');
      const id = Number(args.id.id);
      await ctx.db.transaction(async (tx) => {
        const [old] = await tx.select({ name: topicsTable.name }).from(topicsTable).where(eq(topicsTable.id, id)).for('update');
        if (!old) throw new NotFoundError('Topic', String(args.id.id));
        await tx.update(topicsTable).set({ name }).where(eq(topicsTable.id, id));
        await audit(tx, actor, { action: 'topic.rename', subject: `topic ${id} ${name}`, detail: { topicId: id, from: old.name, to: name } });
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
      const from = args.from.map((g) => Number(g.id)).filter((id) => id !== into);
      await ctx.db.transaction(async (tx) => {
        const found = await tx.select({ id: topicsTable.id }).from(topicsTable).where(inArray(topicsTable.id, [into, ...from]));
        if (found.length !== from.length + 1) throw new NotFoundError('Topic', 'one of the given ids');
        if (!from.length) return;
        await tx.execute(sql`
          insert into ${articleTopics} (article_id, topic_id, weight)
          select article_id, ${into}, max(weight) from ${articleTopics} where topic_id in (${sql.join(from.map((f) => sql`${f}`), sql`, `)}) group by article_id
          on conflict (article_id, topic_id) do update set weight = greatest(${articleTopics}.weight, excluded.weight)`);
        await tx.delete(articleTopics).where(inArray(articleTopics.topicId, from));
        await tx.update(topicsTable).set({ mergedIntoId: into }).where(inArray(topicsTable.id, from));
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
      let topicId = args.topicId ? Number(args.topicId.id) : null;
      if (topicId === null) {
        const name = args.name?.trim();
        if (!name) throw new InvalidInputError('name', 'give a topicId or a name');
        const [row] = await ctx.db
          .insert(topicsTable)
          .values({ key: TopicKey(name), name, kind: args.kind ?? 'subject' })
          .onConflictDoUpdate({ target: topicsTable.key, set: { key: sql`excluded.key` } })
          .returning({ id: topicsTable.id, mergedIntoId: topicsTable.mergedIntoId });
        topicId = row!.mergedIntoId ?? row!.id;
      }
      const article = await ctx.db.query.articles.findFirst({ where: { id: articleId }, columns: { id: true } });
      if (!article) throw new NotFoundError('Article', String(args.articleId.id));
      await ctx.db.transaction(async (tx) => {
        await tx
          .insert(articleTopics)
          .values({ articleId, topicId, weight: args.weight ?? 1 })
          .onConflictDoUpdate({ target: [articleTopics.articleId, articleTopics.topicId], set: { weight: sql`excluded.weight` } });
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
        const gone = await tx.delete(articleTopics).where(and(eq(articleTopics.articleId, articleId), eq(articleTopics.topicId, topicId))).returning({ topicId: articleTopics.topicId });
        if (gone.length) await audit(tx, actor, { action: 'topic.remove', subject: `article ${articleId}, topic ${topicId}`, detail: { articleId, topicId } });
      });
      const row = await ctx.db.query.articles.findFirst(query({ where: { id: articleId } }));
      if (!row) throw new NotFoundError('Article', String(args.articleId.id));
      return row;
    },
  }),
}));
