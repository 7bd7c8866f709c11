/** The dashboard's configuration, read once. */
export const env = {
  graphqlUrl: (import.meta.env.VITE_GRAPHQL_URL as string | undefined) ?? '/graphql',
  /** what the checked-in schema offers (see vite.config.ts) */
  features: typeof __SCHEMA_FEATURES__ === 'undefined' ? { articleFilterType: null, articleFilterFields: [], articleTopicsSelection: null, articleHasSnippet: false } : __SCHEMA_FEATURES__,
} as const;
