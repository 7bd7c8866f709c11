/** The dashboard's configuration, read once. */
export const env = {
  graphqlUrl: (import.meta.env.VITE_GRAPHQL_URL as string | undefined) ?? '/graphql',
} as const;
