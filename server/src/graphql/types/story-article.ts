import { builder } from '../builder.ts';

/** An article's place in its story: its time on the story's timeline, and whether an editor put it there. */
export const StoryArticle = builder.drizzleObject('storyArticles', {
  name: 'StoryArticle',
  description: "An article's place in its story.",
  fields: (t) => ({
    seenAt: t.expose('seenAt', { type: 'DateTime', description: 'its time on the timeline: published, else first imported' }),
    pinned: t.exposeBoolean('pinned', { description: 'an editor put it in this story; recomputation leaves it there' }),
    article: t.relation('article'),
    story: t.relation('story'),
  }),
});
