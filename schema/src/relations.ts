import { defineRelations } from 'drizzle-orm';
import * as tables from './tables/index.ts';

export const relations = defineRelations(tables, (r) => ({
  dumps: {
    revisions: r.many.segmentationRevisions(),
    /** the revision `current_revision` names (loaded with the dump, not by a query per dump) */
    currentRevisionRow: r.one.segmentationRevisions({
      from: [r.dumps.id, r.dumps.currentRevision],
      to: [r.segmentationRevisions.dumpId, r.segmentationRevisions.number],
      optional: false,
      alias: 'current_revision',
    }),
    /** the parser's revisions (the newest one newer than the current is proposed for review) */
    parserRevisions: r.many.segmentationRevisions({ from: r.dumps.id, to: r.segmentationRevisions.dumpId, where: { author: 'parser' }, alias: 'parser_revisions' }),
    appearances: r.many.appearances(),
    statusChanges: r.many.dumpStatusChanges(),
    dismissals: r.many.warningDismissals(),
  },
  dumpStatusChanges: {
    dump: r.one.dumps({ from: r.dumpStatusChanges.dumpId, to: r.dumps.id, optional: false }),
  },
  warningDismissals: {
    dump: r.one.dumps({ from: r.warningDismissals.dumpId, to: r.dumps.id, optional: false }),
  },
  segmentationRevisions: {
    dump: r.one.dumps({ from: r.segmentationRevisions.dumpId, to: r.dumps.id, optional: false }),
  },
  sources: {
    articles: r.many.articles(),
    aliases: r.many.sourceAliases(),
    mergedInto: r.one.sources({ from: r.sources.mergedIntoId, to: r.sources.id, alias: 'merged_into' }),
  },
  sourceAliases: {
    source: r.one.sources({ from: r.sourceAliases.sourceId, to: r.sources.id, optional: false }),
  },
  articles: {
    source: r.one.sources({ from: r.articles.sourceId, to: r.sources.id }),
    appearances: r.many.appearances(),
    topicLinks: r.many.articleTopics(),
    topics: r.many.topics({
      from: r.articles.id.through(r.articleTopics.articleId),
      to: r.topics.id.through(r.articleTopics.topicId),
    }),
    outEdges: r.many.storyEdges({ from: r.articles.id, to: r.storyEdges.fromArticleId, alias: 'out_edges' }),
    inEdges: r.many.storyEdges({ from: r.articles.id, to: r.storyEdges.toArticleId, alias: 'in_edges' }),
    storyLink: r.one.storyArticles({ from: r.articles.id, to: r.storyArticles.articleId }),
  },
  stories: {
    members: r.many.storyArticles(),
    mergedInto: r.one.stories({ from: r.stories.mergedIntoId, to: r.stories.id, alias: 'story_merged_into' }),
  },
  storyArticles: {
    story: r.one.stories({ from: r.storyArticles.storyId, to: r.stories.id, optional: false }),
    article: r.one.articles({ from: r.storyArticles.articleId, to: r.articles.id, optional: false }),
  },
  appearances: {
    article: r.one.articles({ from: r.appearances.articleId, to: r.articles.id, optional: false }),
    dump: r.one.dumps({ from: r.appearances.dumpId, to: r.dumps.id, optional: false }),
  },
  topics: {
    links: r.many.articleTopics(),
    articles: r.many.articles(),
    aliases: r.many.topicAliases(),
    mergedInto: r.one.topics({ from: r.topics.mergedIntoId, to: r.topics.id, alias: 'topic_merged_into' }),
  },
  topicAliases: {
    topic: r.one.topics({ from: r.topicAliases.topicId, to: r.topics.id, optional: false }),
  },
  articleTopics: {
    article: r.one.articles({ from: r.articleTopics.articleId, to: r.articles.id, optional: false }),
    topic: r.one.topics({ from: r.articleTopics.topicId, to: r.topics.id, optional: false }),
  },
  storyEdges: {
    from: r.one.articles({ from: r.storyEdges.fromArticleId, to: r.articles.id, alias: 'out_edges', optional: false }),
    to: r.one.articles({ from: r.storyEdges.toArticleId, to: r.articles.id, alias: 'in_edges', optional: false }),
    dump: r.one.dumps({ from: r.storyEdges.dumpId, to: r.dumps.id }),
  },
  parseRules: {
    dump: r.one.dumps({ from: r.parseRules.dumpId, to: r.dumps.id }),
  },
}));
