import { and, eq, exists, gte, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { articles, articleTopics, stories as storiesTable, storyArticles } from '@copydesk/schema';
import { sourceMatchSql } from '../../sources/index.ts';
import { InvalidInputError } from '../../errors.ts';
import { audit } from '../../audit/log.ts';
import { mergeStories, moveArticleOut, renameStory } from '../../stories/edit.ts';
import { containsKey } from '../../db/like.ts';
import { builder, requireActor } from '../builder.ts';
import { MUTATION_ERRORS } from '../errors.ts';
import { cursorOrdering, type CursorOrdering } from '../input.ts';
import { Source } from './source.ts';
import { Topic } from './topic.ts';
import { StoryArticle } from './story-article.ts';

/** most topics a story lists */
const MAX_STORY_TOPICS = 50;

export const Story = builder.drizzleNode('stories', {
  name: 'Story',
  description: 'Articles about one event across outlets (stories/rule.ts says when two articles are one story). Editors merge, split and rename them.',
  id: { column: (s) => s.id },
  select: { columns: { id: true } },
  fields: (t) => ({
    headline: t.string({
      nullable: true,
      description: "the editor's title when there is one, else the representative headline (its best-connected article's)",
      select: { columns: { title: true, headline: true } },
      resolve: (s) => s.title ?? s.headline,
    }),
    title: t.exposeString('title', { nullable: true, description: 'the name an editor gave it (renameStory)' }),
    size: t.exposeInt('size', { description: 'its articles' }),
    firstSeen: t.expose('firstSeenAt', { type: 'DateTime', nullable: true, description: 'its earliest article (published, else first imported)' }),
    lastSeen: t.expose('lastSeenAt', { type: 'DateTime', nullable: true, description: 'its latest article' }),
    mergedInto: t.relation('mergedInto', { nullable: true, description: 'set when it was merged into another story' }),
    articles: t.relatedConnection('members', {
      type: StoryArticle,
      description: 'its articles on a timeline, earliest first',
      query: { orderBy: { seenAt: 'asc', articleId: 'asc' } },
      totalCount: true,
      extensions: cursorOrdering({ values: ['timestamp', 'int'] }),
    }),
    sources: t.field({
      type: [Source],
      description: 'the outlets that covered it, in order of their first article',
      select: (_args, _ctx, nested) => ({
        with: { members: { orderBy: { seenAt: 'asc', articleId: 'asc' }, columns: { articleId: true }, with: { article: { columns: { id: true }, with: { source: nested() } } } } },
      }),
      resolve: (s) => {
        const seen = new Map<number, NonNullable<(typeof s.members)[number]['article']['source']>>();
        for (const m of s.members) if (m.article.source && !seen.has(m.article.source.id)) seen.set(m.article.source.id, m.article.source);
        return [...seen.values()];
      },
    }),
    topics: t.field({
      type: [Topic],
      description: 'what its articles are about, the topic most of them share first',
      args: { first: t.arg.int({ required: false, defaultValue: 10 }) },
      select: (_args, _ctx, nested) => ({
        with: { members: { columns: { articleId: true }, with: { article: { columns: { id: true }, with: { topicLinks: { columns: { topicId: true, weight: true }, with: { topic: nested() } } } } } } },
      }),
      resolve: (s, args) => {
        const first = args.first ?? 10;
        if (first < 0 || first > MAX_STORY_TOPICS) throw new InvalidInputError('first', `0 to ${MAX_STORY_TOPICS}`);
        const score = new Map<number, { topic: (typeof s.members)[number]['article']['topicLinks'][number]['topic']; n: number; w: number }>();
        for (const m of s.members)
          for (const l of m.article.topicLinks) {
            const e = score.get(l.topicId) ?? { topic: l.topic, n: 0, w: 0 };
            e.n++;
            e.w += l.weight;
            score.set(l.topicId, e);
          }
        return [...score.entries()].sort(([ia, a], [ib, b]) => b.n - a.n || b.w - a.w || ia - ib).slice(0, first).map(([, e]) => e.topic);
      },
    }),
  }),
});

const StoryOrder = builder.enumType('StoryOrder', {
  values: {
    LAST_SEEN_DESC: { description: 'latest activity first (default)' },
    SIZE_DESC: { description: 'most articles first' },
    FIRST_SEEN_ASC: { description: 'oldest story first' },
  } as const,
});

const StoryFilter = builder.inputType('StoryFilter', {
  fields: (t) => ({
    search: t.string({ required: false, description: 'part of its headline or title, case-insensitive' }),
    topicId: t.globalID({ required: false, for: Topic, description: 'stories with an article about this topic' }),
    sourceId: t.globalID({ required: false, for: Source }),
    source: t.string({ required: false, description: 'stories with an article from an outlet going by a name containing this' }),
    minSize: t.int({ required: false, description: 'at least this many articles (2: covered more than once)' }),
    seenAfter: t.field({ type: 'DateTime', required: false, description: 'last seen at or after' }),
    seenBefore: t.field({ type: 'DateTime', required: false, description: 'first seen at or before' }),
  }),
});

interface StoryFilterValue {
  search?: string | null;
  topicId?: { id: string | number } | null;
  sourceId?: { id: string | number } | null;
  source?: string | null;
  minSize?: number | null;
  seenAfter?: string | null;
  seenBefore?: string | null;
}

/** The orderings of `stories`, each with the values its cursors hold (graphql/input.ts). */
const STORY_ORDERINGS = {
  LAST_SEEN_DESC: { name: 'stories.LAST_SEEN_DESC', values: ['timestamp', 'int'] },
  SIZE_DESC: { name: 'stories.SIZE_DESC', values: ['int', 'int'] },
  FIRST_SEEN_ASC: { name: 'stories.FIRST_SEEN_ASC', values: ['timestamp', 'int'] },
} as const satisfies Record<string, CursorOrdering>;

type StoryOrderName = keyof typeof STORY_ORDERINGS;

/** members of story `s` (a column) matching `cond` over the articles table */
const anyMember = (s: SQL | typeof storiesTable.id, cond: SQL) =>
  exists(sql`(select 1 from ${storyArticles} join ${articles} on ${articles.id} = ${storyArticles.articleId} where ${storyArticles.storyId} = ${s} and ${cond})`);

/** live stories (not merged away, not empty) matching the filter, as SQL over `s` (the table, or its alias in a relational query) */
function storyFilterSql(s: typeof storiesTable, f: StoryFilterValue | null | undefined): SQL {
  const parts: (SQL | undefined)[] = [isNull(s.mergedIntoId), sql`${s.size} > 0`];
  const q = f?.search?.trim();
  // its length is bounded at the edge (text-limits.ts)
  if (q) parts.push(sql`lower(coalesce(${s.title}, '') || ' ' || coalesce(${s.headline}, '')) like ${containsKey(q.toLowerCase())}`);
  if (f?.topicId) parts.push(anyMember(s.id, sql`exists (select 1 from ${articleTopics} where ${articleTopics.articleId} = ${articles.id} and ${articleTopics.topicId} = ${Number(f.topicId.id)})`));
  if (f?.sourceId) parts.push(anyMember(s.id, eq(articles.sourceId, Number(f.sourceId.id))!));
  if (f?.source?.trim()) parts.push(anyMember(s.id, sourceMatchSql(articles.sourceId, f.source)));
  if (f?.minSize != null) parts.push(gte(s.size, f.minSize));
  if (f?.seenAfter) parts.push(gte(s.lastSeenAt, f.seenAfter));
  if (f?.seenBefore) parts.push(lte(s.firstSeenAt, f.seenBefore));
  return and(...parts)!;
}


/** the ordering `stories(orderBy)` pages by */
const storyOrdering = (args: { orderBy?: string | null }): StoryOrderName => (args.orderBy ?? 'LAST_SEEN_DESC') as StoryOrderName;

builder.queryFields((t) => ({
  story: t.drizzleField({
    type: 'stories',
    nullable: true,
    args: { id: t.arg.globalID({ required: true, for: Story }) },
    resolve: (query, _r, args, ctx) => ctx.db.query.stories.findFirst(query({ where: { id: Number(args.id.id) } })),
  }),
  stories: t.drizzleConnection({
    type: 'stories',
    description: 'stories (merged ones left out), latest activity first unless asked',
    args: { filter: t.arg({ type: StoryFilter, required: false }), orderBy: t.arg({ type: StoryOrder, required: false }) },
    extensions: cursorOrdering((args) => STORY_ORDERINGS[storyOrdering(args)]),
    totalCount: (_p, args, ctx) => ctx.db.$count(storiesTable, storyFilterSql(storiesTable, args.filter)),
    resolve: (query, _r, args, ctx) => {
      const order = storyOrdering(args);
      return ctx.db.query.stories.findMany(
        query({
          where: { RAW: (s: typeof storiesTable) => storyFilterSql(s, args.filter) },
          extras: {
            // a null time cannot be paged past (a live story always has one; kept safe anyway)
            lastSort: (s: typeof storiesTable) => sql<string>`coalesce(${s.lastSeenAt}, '-infinity'::timestamptz)`,
            firstSort: (s: typeof storiesTable) => sql<string>`coalesce(${s.firstSeenAt}, 'infinity'::timestamptz)`,
          },
          orderBy: order === 'SIZE_DESC' ? { size: 'desc', id: 'desc' } : order === 'FIRST_SEEN_ASC' ? { firstSort: 'asc', id: 'asc' } : { lastSort: 'desc', id: 'desc' },
        } as never),
      );
    },
  }),
}));

builder.mutationFields((t) => ({
  mergeStories: t.drizzleField({
    type: 'stories',
    description: 'Moves every article of the `from` stories into `into` and pins them there; the merged stories point at it from then on.',
    errors: { types: [...MUTATION_ERRORS], directResult: true },
    args: { into: t.arg.globalID({ required: true, for: Story }), from: t.arg.globalIDList({ required: true, for: Story }) },
    resolve: async (query, _r, args, ctx) => {
      const actor = requireActor(ctx);
      const into = Number(args.into.id);
      const from = args.from.map((g) => Number(g.id));
      await ctx.db.transaction(async (tx) => {
        await mergeStories(tx, into, from);
        await audit(tx, actor, { action: 'story.merge', subject: `stories ${from.join(', ')} into ${into}`, detail: { into, from } });
      });
      return (await ctx.db.query.stories.findFirst(query({ where: { id: into } })))!;
    },
  }),
  moveStoryArticle: t.drizzleField({
    type: 'stories',
    description: 'Moves an article out of its story, into `into` or else a story of its own, and returns that story. The article is never put back in the story it left.',
    errors: { types: [...MUTATION_ERRORS], directResult: true },
    args: { articleId: t.arg.globalID({ required: true }), into: t.arg.globalID({ required: false, for: Story }) },
    resolve: async (query, _r, args, ctx) => {
      const actor = requireActor(ctx);
      if (args.articleId.typename !== 'Article') throw new InvalidInputError('articleId', 'not an Article id');
      const articleId = Number(args.articleId.id);
      const into = args.into ? Number(args.into.id) : null;
      const target = await ctx.db.transaction(async (tx) => {
        const [link] = await tx.select({ storyId: storyArticles.storyId }).from(storyArticles).where(eq(storyArticles.articleId, articleId));
        const to = await moveArticleOut(tx, articleId, into);
        await audit(tx, actor, { action: 'story.move', subject: `article ${articleId} from story ${link?.storyId} to ${to}`, detail: { articleId, from: link?.storyId ?? null, to } });
        return to;
      });
      return (await ctx.db.query.stories.findFirst(query({ where: { id: target } })))!;
    },
  }),
  renameStory: t.drizzleField({
    type: 'stories',
    description: "Gives a story an editor's title, shown as its headline.",
    errors: { types: [...MUTATION_ERRORS], directResult: true },
    args: { id: t.arg.globalID({ required: true, for: Story }), title: t.arg.string({ required: true }) },
    resolve: async (query, _r, args, ctx) => {
      const actor = requireActor(ctx);
      const id = Number(args.id.id);
      await ctx.db.transaction(async (tx) => {
        await renameStory(tx, id, args.title);
        await audit(tx, actor, { action: 'story.rename', subject: `story ${id} ${args.title.trim()}`, detail: { storyId: id, to: args.title.trim() } });
      });
      return (await ctx.db.query.stories.findFirst(query({ where: { id } })))!;
    },
  }),
}));
