import type { Context } from './builder.ts';

/** Loads articles by id with the client's selection, in the given order (an id may repeat). */
export async function loadArticlesInOrder<Q>(ctx: Context, query: (opts: { where: object; columns: object }) => Q, ids: number[]) {
  if (!ids.length) return [];
  const rows = (await ctx.db.query.articles.findMany(query({ where: { id: { in: [...new Set(ids)] } }, columns: { id: true } }) as never)) as { id: number }[];
  const byId = new Map(rows.map((a) => [a.id, a]));
  return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])) as never[];
}
