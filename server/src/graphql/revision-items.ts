/**
 * A page of revisions pays for its segment lists when it is loaded, not while its answer is built.
 * `SegmentationRevision.segments` selects, beside the `segments` column, how many segments and
 * field spans each revision holds (`segmentCount`, `spanCount`: counted by the database from the
 * stored JSON, no list crosses to the server for them), and a field marked with
 * REVISION_ITEMS_EXTENSION (`Dump.revisions`) charges the whole page's segments (and spans, when
 * `segments { fields }` is asked for) to the request's text budget (text-budget.ts `prepay`)
 * before graphql-js completes a single segment. A page over the budget is refused there with
 * LIMIT_EXCEEDED (at `Dump.revisions`), so a read of many revisions at the SIZE limit costs a
 * load, not a build of hundreds of thousands of objects first. What a page paid ahead is not paid
 * again when the lists are resolved: a read the budget allowed before still fits.
 */
import { sql } from 'drizzle-orm';
import { Kind, type FieldNode, type GraphQLResolveInfo, type GraphQLSchema, type SelectionSetNode, isObjectType } from 'graphql';
import type { segmentationRevisions } from '@copydesk/schema';
import type { TextBudget } from './text-budget.ts';

/** marks a field whose value is a revision, a list of them or a connection of them: its rows' lists are paid for as they are loaded */
export const REVISION_ITEMS_EXTENSION = 'copydeskRevisionItems';

/** the counts a revision row carries when its `segments` are selected (SQL `extras` of the relational query) */
export interface RevisionItemCounts {
  segmentCount?: number;
  spanCount?: number;
}

/** The `extras` that count a revision's segments and field spans in the database (integers). */
export const revisionItemExtras = {
  segmentCount: (r: typeof segmentationRevisions) => sql<number>`jsonb_array_length(${r.segments})`,
  spanCount: (r: typeof segmentationRevisions) =>
    sql<number>`(select coalesce(sum(jsonb_array_length(s.value -> 'fields')), 0) from jsonb_array_elements(${r.segments}) as s)::int`,
};

/** the fields named `name` directly in `sets` (through fragments and inline fragments); @skip/@include are not read, so a skipped list is paid for too */
function childFields(sets: readonly (SelectionSetNode | undefined)[], name: string, info: GraphQLResolveInfo): FieldNode[] {
  const out: FieldNode[] = [];
  const walk = (set: SelectionSetNode | undefined) => {
    for (const s of set?.selections ?? []) {
      if (s.kind === Kind.FIELD) {
        if (s.name.value === name) out.push(s);
      } else if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet);
      else walk(info.fragments[s.name.value]?.selectionSet);
    }
  };
  sets.forEach(walk);
  return out;
}

const sets = (fields: readonly FieldNode[]) => fields.map((f) => f.selectionSet);

/** The revision rows of a field's value: one row, a list, or a Relay connection (edges' nodes). */
function rowsOf(value: unknown): RevisionItemCounts[] {
  if (value == null) return [];
  if (Array.isArray(value)) return value as RevisionItemCounts[];
  const edges = (value as { edges?: ({ node?: RevisionItemCounts } | null)[] }).edges;
  if (edges) return edges.flatMap((e) => (e?.node ? [e.node] : []));
  return [value as RevisionItemCounts];
}

/**
 * Charges `rows`' segments (and their field spans when `withSpans`) to `budget` now, as `by`.
 * Rows loaded without their counts (segments not selected) add nothing.
 * @throws GraphQLError LIMIT_EXCEEDED when the page does not fit the budget
 */
export function prepayRevisionItems(budget: TextBudget, rows: readonly RevisionItemCounts[], withSpans: boolean, by: string): void {
  let segments = 0;
  let spans = 0;
  for (const r of rows) {
    segments += Number(r.segmentCount ?? 0);
    spans += Number(r.spanCount ?? 0);
  }
  budget.prepay(segments, 'SegmentationRevision.segments', by);
  if (withSpans) budget.prepay(spans, 'Segment.fields', by);
}

/** Wraps the resolvers of the fields marked with REVISION_ITEMS_EXTENSION so they pay for their rows' lists as they load them (see above). */
export function prepayRevisionPages(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const inner = field.resolve;
      if (!field.extensions?.[REVISION_ITEMS_EXTENSION] || !inner) continue;
      const by = `${type.name}.${field.name}`;
      field.resolve = (root, args, ctx: { textBudget: TextBudget }, info) => {
        const top = sets(info.fieldNodes);
        // the revisions themselves: the field's own selection, or a connection's edges.node / nodes
        const revisions = [...top, ...sets(childFields(sets(childFields(top, 'edges', info)), 'node', info)), ...sets(childFields(top, 'nodes', info))];
        const segments = childFields(revisions, 'segments', info);
        const pay = (value: unknown) => {
          if (segments.length) prepayRevisionItems(ctx.textBudget, rowsOf(value), childFields(sets(segments), 'fields', info).length > 0, by);
          return value;
        };
        const value = inner(root, args, ctx, info);
        return value instanceof Promise ? value.then(pay) : pay(value);
      };
    }
  }
  return schema;
}
