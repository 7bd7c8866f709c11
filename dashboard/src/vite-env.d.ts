/** Set by vite.config.ts from schema/schema.graphql at build time. */
declare const __SCHEMA_FEATURES__: {
  /** name of the input type of `articles(filter:)`, null when the API has no filter yet */
  articleFilterType: string | null;
  articleFilterFields: string[];
  /** the selection that asks for an article's topics, null when the API has none */
  articleTopicsSelection: string | null;
  /** Article.searchSnippet exists (full-text search) */
  articleHasSnippet: boolean;
};
