/** Topic extraction for enrichment: the pure extractor lives in ../topics/. */
export { extractTopics, TOPIC_TEXT_LIMIT, type ExtractedTopic, type TopicKind } from '../topics/topics.ts';
