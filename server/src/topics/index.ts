/**
 * Topics: what articles are about. Extraction (pure: entities resolved within an article, and
 * subjects) and the database operations that editors and enrichment share (link, rename, merge).
 */
export { topicKey } from './key.ts';
export { extractTopics, TOPIC_TEXT_LIMIT, type ExtractedTopic, type TopicKind } from './topics.ts';
export { addArticleTopic, linkExtractedTopics, mergeTopics, removeArticleTopic, renameTopic, topicMatchSql } from './store.ts';
