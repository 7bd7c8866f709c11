/**
 * Editors' decisions on stories: merge, move an article out, rename. Each pins what the editor
 * decided (memberships `pinned`, exclusions recorded), so the assigner (assign.ts) never undoes
 * it when the articles are enriched again. Run each inside a transaction.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { anyOf } from '../db/rows.ts';
import { stories, storyArticles, storyExclusions } from '@copydesk/schema';
import type { Executor } from '../db/client.ts';
import { InvalidInputError, NotFoundError } from '../errors.ts';
import { mergeFromIds, requireLive } from '../editor-checks.ts';
import { articles } from '@copydesk/schema';
import { moveMembers, newStory, putIn, refreshStories } from './assign.ts';

/** longest story title an editor may give (characters) */
export const MAX_STORY_TITLE = 300;

/**
 * Merges the `from` stories into `into`: their articles move there, and every article of `into`
 * is pinned to it. Throws NotFoundError for an unknown story, InvalidInputError for a merged-away
 * one, or when `from` is empty or holds `into` (editor-checks.ts).
 */
export async function mergeStories(tx: Executor, into: number, from: number[]): Promise<void> {
  const others = mergeFromIds(into, from, 'story');
  await requireLive(tx, stories, [into], 'Story', 'into');
  await requireLive(tx, stories, others, 'Story', 'from');
  for (const f of others) await moveMembers(tx, f, into, true);
  await tx.update(storyArticles).set({ pinned: true }).where(eq(storyArticles.storyId, into));
  // a merge overrides earlier "not in this story" decisions between these articles and `into`
  await tx.delete(storyExclusions).where(and(eq(storyExclusions.storyId, into), inArray(storyExclusions.articleId, tx.select({ id: storyArticles.articleId }).from(storyArticles).where(eq(storyArticles.storyId, into)))));
  await refreshStories(tx, [into, ...others]);
}

/**
 * Moves an article out of its story: into story `into` when given, else into a new story of its
 * own; either way pinned there, and never put back in the story it left. Returns the article's
 * new story id. Throws NotFoundError when the article or `into` is unknown, InvalidInputError
 * when the article is in no story yet, or `into` is the story it is in or was merged away.
 */
export async function moveArticleOut(tx: Executor, articleId: number, into: number | null): Promise<number> {
  const [link] = await tx.select().from(storyArticles).where(eq(storyArticles.articleId, articleId));
  if (!link) {
    const [article] = await tx.select({ id: articles.id }).from(articles).where(eq(articles.id, articleId));
    if (!article) throw new NotFoundError('Article', String(articleId));
    throw new InvalidInputError('articleId', `article ${articleId} is in no story yet (stories are made when it is enriched)`);
  }
  if (into === link.storyId) throw new InvalidInputError('into', 'the article is already in that story');
  if (into !== null) await requireLive(tx, stories, [into], 'Story', 'into');
  const target = into ?? (await newStory(tx));
  await tx.insert(storyExclusions).values({ articleId, storyId: link.storyId }).onConflictDoNothing();
  await putIn(tx, articleId, target, true);
  await refreshStories(tx, [link.storyId, target]);
  return target;
}

/** Gives a story an editor's title (trimmed, 1 to MAX_STORY_TITLE characters). Throws NotFoundError, InvalidInputError. */
export async function renameStory(tx: Executor, id: number, title: string): Promise<void> {
  const t = title.trim();
  if (!t || t.length > MAX_STORY_TITLE) throw new InvalidInputError('title', `a story title has 1 to ${MAX_STORY_TITLE} characters`);
  await requireLive(tx, stories, [id], 'Story', 'id');
  await tx.update(stories).set({ title: t }).where(eq(stories.id, id));
}
