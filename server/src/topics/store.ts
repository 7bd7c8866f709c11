/**
 * Topics in the database: the operations enrichment and editors share (link an article's
 * extracted topics, add or remove one link, rename, merge). Each takes a database handle or an
 * open transaction; run the multi-statement ones inside a transaction.
 */
import { and, eq, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { articles, articleTopics, topicAliases, topics } from '@copydesk/schema';
import type { Executor } from '../db/client.ts';
import { anyOf } from '../db/rows.ts';
import { InvalidInputError, NotFoundError, quoteInput } from '../errors.ts';
import { followRenamedKey, mergeFromIds, requireLive } from '../editor-checks.ts';
import { topicKey } from './key.ts';
import { containsKey } from '../db/like.ts';
import type { ExtractedTopic, TopicKind } from './topics.ts';

/** longest topic name (characters, trimmed) */
export const MAX_TOPIC_NAME = 200;

/**
 * SQL true when topic `topicId` goes by a name containing `search` (its key or any alias,
 * case- and accent-insensitive; LIKE wildcards in `search` taken literally).
 */
export function topicMatchSql(topicId: AnyPgColumn, key: AnyPgColumn, search: string): SQL {
  const pattern = containsKey(topicKey(search));
  if (!pattern) return sql`false`;
  return or(sql`${key} like ${pattern}`, sql`exists (select 1 from ${topicAliases} as ta where ta.topic_id = ${topicId} and ta.key like ${pattern})`)!;
}

/**
 * Replaces an article's topic links with `found` (extractTopics output): topics are upserted by
 * key (a key merged away by an editor resolves to the topic it was merged into; a one-word person
 * resolves through aliases, see personsByAlias), the spellings folded into each are kept as its
 * aliases. Links an editor added by hand (`addedBy` set) are kept as they are. Returns the number
 * of links written.
 */
export async function linkExtractedTopics(tx: Executor, articleId: number, found: ExtractedTopic[]): Promise<number> {
  await tx.delete(articleTopics).where(and(eq(articleTopics.articleId, articleId), isNull(articleTopics.addedBy)));
  if (!found.length) return 0;
  const idOf = await personsByAlias(tx, found);
  const fresh = found.filter((t) => !idOf.has(t.key));
  const rows = fresh.length
    ? await tx
        .insert(topics)
        .values(fresh.map((t) => ({ key: t.key, name: t.name, kind: t.kind })))
        .onConflictDoUpdate({ target: topics.key, set: { key: sql`excluded.key` } })
        .returning({ id: topics.id, key: topics.key, mergedIntoId: topics.mergedIntoId })
    : [];
  for (const r of rows) idOf.set(r.key, r.mergedIntoId ?? r.id);
  const links = new Map<number, number>();
  const aliases = new Map<string, { topicId: number; key: string; name: string }>();
  for (const t of found) {
    const id = idOf.get(t.key)!;
    links.set(id, Math.max(links.get(id) ?? 0, t.weight));
    for (const name of t.aliases) {
      const key = topicKey(name);
      if (key && key !== t.key) aliases.set(`${id}:${key}`, { topicId: id, key, name });
    }
  }
  await tx.insert(articleTopics).values([...links].map(([topicId, weight]) => ({ articleId, topicId, weight }))).onConflictDoNothing();
  if (aliases.size) await tx.insert(topicAliases).values([...aliases.values()]).onConflictDoNothing();
  return links.size;
}

/**
 * Across the corpus, a person named by one word only ("Tavares", with no full name in the
 * article) is the person topic that has that word as an alias, when exactly one has: the
 * surname seen folded into "Luiza Tavares" elsewhere. Returns key -> topic id for those resolved.
 */
async function personsByAlias(tx: Executor, found: ExtractedTopic[]): Promise<Map<string, number>> {
  const singles = found.filter((t) => t.kind === 'person' && !t.key.includes(' ')).map((t) => t.key);
  const out = new Map<string, number>();
  if (!singles.length) return out;
  const rows = await tx
    .selectDistinct({ key: topicAliases.key, topicId: topicAliases.topicId })
    .from(topicAliases)
    .innerJoin(topics, eq(topics.id, topicAliases.topicId))
    .where(and(anyOf(topicAliases.key, singles), eq(topics.kind, 'person'), isNull(topics.mergedIntoId)));
  const targets = new Map<string, number[]>();
  for (const r of rows) targets.set(r.key, [...(targets.get(r.key) ?? []), r.topicId]);
  for (const [key, ids] of targets) if (ids.length === 1) out.set(key, ids[0]!);
  return out;
}

/**
 * Links an article to a topic, by id or by name (a topic is made, of `kind`, when none has that
 * name's key; a merged one resolves to its target). Weight in (0, 1], default 1; `addedBy` (an
 * editor's name) keeps the link through re-enrichment. Returns the
 * topic id. Throws InvalidInputError (no id nor name, or both; a kind with an id), NotFoundError (article or topic).
 */
export async function addArticleTopic(tx: Executor, articleId: number, topic: { id?: number | null; name?: string | null; kind?: TopicKind | null }, weight = 1, addedBy: string | null = null): Promise<number> {
  if (topic.id != null && topic.name != null) throw new InvalidInputError('name', 'give a topicId or a name, not both');
  if (topic.id != null && topic.kind != null) throw new InvalidInputError('kind', 'a kind is for a new topic made by name; an existing topic (topicId) keeps its own');
  let topicId = topic.id ?? null;
  if (topicId === null) {
    const name = topic.name?.trim().replace(/\s+/g, ' ');
    if (!name || !topicKey(name) || name.length > MAX_TOPIC_NAME) throw new InvalidInputError('name', `give a topicId or a name of 1 to ${MAX_TOPIC_NAME} characters`);
    const [row] = await tx
      .insert(topics)
      .values({ key: topicKey(name), name, kind: topic.kind ?? 'subject' })
      .onConflictDoUpdate({ target: topics.key, set: { key: sql`excluded.key` } })
      .returning({ id: topics.id, mergedIntoId: topics.mergedIntoId });
    topicId = row!.mergedIntoId ?? row!.id;
  } else {
    const [row] = await tx.select({ id: topics.id, mergedIntoId: topics.mergedIntoId }).from(topics).where(eq(topics.id, topicId));
    if (!row) throw new NotFoundError('Topic', String(topicId));
    topicId = row.mergedIntoId ?? row.id;
  }
  const [article] = await tx.select({ id: articles.id }).from(articles).where(eq(articles.id, articleId));
  if (!article) throw new NotFoundError('Article', String(articleId));
  await tx
    .insert(articleTopics)
    .values({ articleId, topicId, weight, addedBy })
    .onConflictDoUpdate({ target: [articleTopics.articleId, articleTopics.topicId], set: { weight: sql`excluded.weight`, addedBy: sql`coalesce(excluded.added_by, ${articleTopics.addedBy})` } });
  return topicId;
}

/**
 * Removes one article-topic link. Throws NotFoundError naming what is missing: the article, the
 * topic, or (both exist) the link itself (entity ArticleTopic, id "<article>:<topic>").
 */
export async function removeArticleTopic(tx: Executor, articleId: number, topicId: number): Promise<void> {
  const removed = await tx.delete(articleTopics).where(and(eq(articleTopics.articleId, articleId), eq(articleTopics.topicId, topicId))).returning({ topicId: articleTopics.topicId });
  if (removed.length) return;
  const [article] = await tx.select({ id: articles.id }).from(articles).where(eq(articles.id, articleId));
  if (!article) throw new NotFoundError('Article', String(articleId));
  const [topic] = await tx.select({ id: topics.id }).from(topics).where(eq(topics.id, topicId));
  if (!topic) throw new NotFoundError('Topic', String(topicId));
  throw new NotFoundError('ArticleTopic', `${articleId}:${topicId}`);
}

/**
 * Renames a topic (1 to MAX_TOPIC_NAME characters); the old name stays an alias, so searches for
 * it still find the topic. Throws NotFoundError (no such topic), InvalidInputError (a bad name; a
 * topic merged away, see requireLive; a name, or a folded variant of it, that is another topic's:
 * merge the two instead). Returns the name before and after, for the audit log.
 */
export async function renameTopic(tx: Executor, id: number, rawName: string): Promise<{ from: string; to: string }> {
  const name = rawName.trim().replace(/\s+/g, ' ');
  if (!name || !topicKey(name) || name.length > MAX_TOPIC_NAME) throw new InvalidInputError('name', `a topic name is 1 to ${MAX_TOPIC_NAME} characters, with a letter or digit`);
  await requireLive(tx, topics, [id], 'Topic', 'id');
  const [old] = await tx.select({ key: topics.key, name: topics.name }).from(topics).where(eq(topics.id, id));
  const key = topicKey(name);
  // another topic named so (its key, or a current name that folds to the same key), merged ones resolved to where they went
  const holders = await tx
    .select({ id: topics.id, name: topics.name, key: topics.key, mergedIntoId: topics.mergedIntoId })
    .from(topics)
    .where(or(eq(topics.key, key), sql`lower(${topics.name}) = lower(${name})`));
  const holder = holders.find((h) => (h.key === key || topicKey(h.name) === key) && (h.mergedIntoId ?? h.id) !== id);
  if (holder) {
    const owner = holder.mergedIntoId ?? holder.id;
    throw new InvalidInputError('name', `topic ${owner}${owner === holder.id ? ` ("${quoteInput(holder.name)}")` : ''} already goes by that name; merge the two topics (mergeTopics) instead`);
  }
  await tx.update(topics).set({ name }).where(eq(topics.id, id));
  // enrichment files articles naming the new name here, and those naming the old one still (editor-checks.ts)
  await followRenamedKey(tx, topics, id, old!, key);
  const oldKey = topicKey(old!.name);
  if (oldKey && oldKey !== key) await tx.insert(topicAliases).values({ topicId: id, key: oldKey, name: old!.name }).onConflictDoNothing();
  return { from: old!.name, to: name };
}

/**
 * Merges the `from` topics into `into`: their article links move (the stronger weight wins), their
 * names and aliases become aliases of `into`, and they point at it from then on (so enrichment
 * files their keys under `into`). Throws NotFoundError for an unknown id, InvalidInputError when
 * `from` is empty or holds `into`, or a topic named was itself merged away (editor-checks.ts).
 */
export async function mergeTopics(tx: Executor, into: number, fromIds: number[]): Promise<void> {
  const from = mergeFromIds(into, fromIds, 'topic');
  await requireLive(tx, topics, [into], 'Topic', 'into');
  await requireLive(tx, topics, from, 'Topic', 'from');
  await tx.execute(sql`
    insert into ${articleTopics} (article_id, topic_id, weight, added_by)
    select article_id, ${into}, max(weight), max(added_by) from ${articleTopics} where ${anyOf(sql`topic_id`, from)} group by article_id
    on conflict (article_id, topic_id) do update set weight = greatest(${articleTopics}.weight, excluded.weight), added_by = coalesce(${articleTopics}.added_by, excluded.added_by)`);
  await tx.delete(articleTopics).where(anyOf(articleTopics.topicId, from));
  await tx.execute(sql`
    insert into ${topicAliases} (topic_id, key, name)
    select ${into}::int, key, name from ${topics} where ${anyOf(sql`id`, from)}
    union all select ${into}::int, key, name from ${topicAliases} where ${anyOf(sql`topic_id`, from)}
    on conflict do nothing`);
  await tx.delete(topicAliases).where(anyOf(topicAliases.topicId, from));
  await tx.update(topics).set({ mergedIntoId: into }).where(or(anyOf(topics.id, from), anyOf(topics.mergedIntoId, from)));
}

/** Gives topics merged before aliases existed their merged names as aliases (idempotent, one statement). */
export async function backfillTopicAliases(tx: Executor): Promise<void> {
  await tx.execute(sql`
    insert into ${topicAliases} (topic_id, key, name)
    select ${topics.mergedIntoId}, ${topics.key}, ${topics.name} from ${topics} where ${isNotNull(topics.mergedIntoId)}
    on conflict do nothing`);
}
