export * from './dumps.ts';
export * from './revisions.ts';
export * from './sources.ts';
export * from './articles.ts';
export * from './appearances.ts';
export * from './topics.ts';
export * from './story-edges.ts';
export * from './editor-tokens.ts';
