/**
 * What the dashboard's normalised cache (urql graphcache) does beyond storing entities: which
 * connections load further pages by cursor and merge them into one list, and what each mutation
 * makes stale. One table per concern, each covering the whole schema: `cache-policy.test.ts`
 * checks that every mutation of `schema/schema.graphql` has its entry, so a new mutation cannot
 * leave lists stale by being forgotten.
 *
 * A mutation's result (an `Article`, a `Topic`, a `Dump` ...) updates every page showing that
 * entity by itself; the table covers what the result cannot: lists that gain or lose members,
 * counts, orderings, and entities that a merge or a delete makes disappear. Invalidated fields
 * are fetched again by the queries on screen (graphcache re-executes them), so pages do not
 * refetch after their own mutations.
 */
import type { Cache, CacheExchangeOpts, UpdatesConfig } from '@urql/exchange-graphcache';
import { relayPagination } from '@urql/exchange-graphcache/extras';
import schema from '../graphql-schema.json';

/**
 * Connections the dashboard pages by cursor (`after`), as `Type.field`: pages asked with the
 * same filter arguments are merged into one list (relay pagination). Connections asked with
 * different `first` values for different purposes (a dump's `revisions(first: 1)` beside
 * `revisions(first: 500)`) are left out: merging would hand the first the second's rows.
 */
export const PAGED_CONNECTIONS = [
  'Query.articles',
  'Query.dumps',
  'Query.stories',
  'Query.sources',
  'Query.auditLog',
  'Story.articles',
  'Topic.articles',
] as const;

/** graphcache `resolvers` merging the pages of every connection in PAGED_CONNECTIONS */
export function pagedResolvers(): Record<string, Record<string, ReturnType<typeof relayPagination>>> {
  const resolvers: Record<string, Record<string, ReturnType<typeof relayPagination>>> = {};
  for (const name of PAGED_CONNECTIONS) {
    const [type, field] = name.split('.') as [string, string];
    (resolvers[type] ??= {})[field] = relayPagination();
  }
  return resolvers;
}

/** root lists and counts (Query fields) */
type RootField =
  | 'articles'
  | 'dumps'
  | 'reviewCounts'
  | 'sources'
  | 'stories'
  | 'topics'
  | 'enrichment'
  | 'parseRules'
  | 'repeatedLines'
  | 'driftReport';

/** what one mutation makes stale */
interface Stale {
  /** root fields to fetch again (every argument combination) */
  roots: readonly RootField[];
  /** entities the mutation's arguments name that changed or disappeared: `[typename, argument path]` */
  entities?: readonly (readonly [typename: string, argument: string])[];
}

/** an import adds dumps, articles, sources, topics (after enrichment) and stories */
const IMPORT: Stale = { roots: ['dumps', 'articles', 'reviewCounts', 'sources', 'stories', 'topics', 'enrichment', 'repeatedLines'] };
/** a new revision re-derives a dump's articles: some appear, some go */
const REDERIVE: Stale = { roots: ['dumps', 'articles', 'reviewCounts', 'sources', 'stories', 'enrichment', 'driftReport'] };
const RULES: Stale = { roots: ['parseRules', 'repeatedLines'] };

/**
 * Every mutation of the schema and what it makes stale. Every mutation also adds audit entries,
 * so the audit log is always fetched again (see `invalidateAfter`).
 */
export const MUTATION_STALE: Record<string, Stale> = {
  importDump: IMPORT,
  importDumps: IMPORT,
  importDumpFile: IMPORT,
  reviseSegmentation: REDERIVE,
  reparseDump: REDERIVE,
  applyParseRule: { roots: [...REDERIVE.roots, 'parseRules'] },
  setDumpStatus: { roots: ['dumps', 'reviewCounts'] },
  dismissWarning: { roots: ['dumps', 'reviewCounts'] },
  addArticleTopic: { roots: ['topics'], entities: [['Article', 'articleId'], ['Topic', 'topicId']] },
  removeArticleTopic: { roots: ['topics'], entities: [['Article', 'articleId'], ['Topic', 'topicId']] },
  renameTopic: { roots: ['topics'] },
  mergeTopics: { roots: ['topics', 'articles'], entities: [['Topic', 'from'], ['Topic', 'into']] },
  renameSource: { roots: ['sources', 'articles'] },
  mergeSources: { roots: ['sources', 'articles'], entities: [['Source', 'from'], ['Source', 'into']] },
  renameStory: { roots: ['stories'] },
  mergeStories: { roots: ['stories'], entities: [['Story', 'from'], ['Story', 'into']] },
  moveStoryArticle: { roots: ['stories'], entities: [['Article', 'articleId'], ['Story', 'into']] },
  createParseRule: RULES,
  updateParseRule: RULES,
  deleteParseRule: { roots: RULES.roots, entities: [['ParseRule', 'id']] },
  vetoRememberedLine: RULES,
};

/** an argument's ids: a single ID or a list of them, at `name` or inside `input` */
function idsOf(args: Record<string, unknown>, name: string): string[] {
  const input = args.input as Record<string, unknown> | undefined;
  const v = args[name] ?? input?.[name];
  return (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
}

/**
 * Marks stale what mutation `name` (called with `args`) changed: its root fields in every
 * argument combination, the entities its arguments name (of the one it returns, only its lists),
 * and the audit log. A refused mutation
 * (a typed error as its result) changes nothing and invalidates nothing.
 */
export function invalidateAfter(cache: Cache, name: string, args: Record<string, unknown>, result: unknown): void {
  const typename = (result as { __typename?: string } | null)?.__typename ?? '';
  if (typename.endsWith('Error')) return;
  const stale = MUTATION_STALE[name];
  const roots = new Set<string>([...(stale?.roots ?? []), 'auditLog']);
  for (const f of cache.inspectFields('Query')) if (roots.has(f.fieldName)) cache.invalidate('Query', f.fieldName, f.arguments ?? undefined);
  const returned = (result as { id?: unknown } | null)?.id;
  for (const [type, arg] of stale?.entities ?? [])
    for (const id of idsOf(args, arg)) {
      const entity = { __typename: type, id };
      // the entity the mutation returns is written from its result (invalidating it would empty
      // the result itself): only its lists, the fields asked with arguments, are fetched again
      if (id === returned) for (const f of cache.inspectFields(entity)) f.arguments && cache.invalidate(entity, f.fieldName, f.arguments);
      else cache.invalidate(entity);
    }
}

/** graphcache `updates` applying `invalidateAfter` to every mutation of the table */
export function mutationUpdates(): UpdatesConfig {
  const Mutation: NonNullable<UpdatesConfig['Mutation']> = {};
  for (const name of Object.keys(MUTATION_STALE)) Mutation[name] = (result, args, cache) => invalidateAfter(cache, name, args, result[name]);
  return { Mutation };
}

const introspection = schema as CacheExchangeOpts['schema'];

/**
 * The dashboard's graphcache options: the schema (generated by `pnpm schema`), object types
 * without an `id` (counts, page info, links, warnings) stored inside their parent rather than as
 * entities, the paged connections and the mutation updates above.
 */
export function cacheOptions(): CacheExchangeOpts {
  const { queryType, mutationType, subscriptionType } = schema.__schema;
  const roots = new Set([queryType.name, mutationType.name, subscriptionType.name]);
  const embedded = Object.fromEntries(
    schema.__schema.types
      .filter((t) => t.kind === 'OBJECT' && !roots.has(t.name) && !('fields' in t && t.fields?.some((f) => f.name === 'id')))
      .map((t) => [t.name, () => null]),
  );
  return { schema: introspection, keys: embedded, resolvers: pagedResolvers(), updates: mutationUpdates() };
}
