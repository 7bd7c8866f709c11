export * from './types.ts';
export { deriveArticles } from './articles.ts';
