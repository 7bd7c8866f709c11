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
import { moveMembers, newStory, putIn, refreshStories } from './assign.ts';

/** longest story title an editor may give (characters) */
export const MAX_STORY_TITLE = 300;

/** the ids of `ids` that are live stories (not merged away); throws NotFoundError for any other */
async function liveStories(tx: Executor, ids: number[], arg: string): Promise<void> {
  const rows = await tx.select({ id: stories.id }).from(stories).where(and(anyOf(stories.id, ids), isNull(stories.mergedIntoId)));
  const found = new Set(rows.map((r) => r.id));
  const missing = ids.find((i) => !found.has(i));
  if (missing !== undefined) throw new NotFoundError('Story', `${arg} ${missing}`);
}

/**
 * Merges the `from` stories into `into`: their articles move there, and every article of `into`
 * is pinned to it. Throws NotFoundError for an unknown or merged-away story, InvalidInputError
 * when `from` is empty or holds `into`.
 */
export async function mergeStories(tx: Executor, into: number, from: number[]): Promise<void> {
  const others = [...new Set(from)];
  if (!others.length) throw new InvalidInputError('from', 'name at least one story to merge');
  if (others.includes(into)) throw new InvalidInputError('from', 'a story cannot be merged into itself');
  await liveStories(tx, [into, ...others], 'id');
  for (const f of others) await moveMembers(tx, f, into, true);
  await tx.update(storyArticles).set({ pinned: true }).where(eq(storyArticles.storyId, into));
  // a merge overrides earlier "not in this story" decisions between these articles and `into`
  await tx.delete(storyExclusions).where(and(eq(storyExclusions.storyId, into), inArray(storyExclusions.articleId, tx.select({ id: storyArticles.articleId }).from(storyArticles).where(eq(storyArticles.storyId, into)))));
  await refreshStories(tx, [into, ...others]);
}

/**
 * Moves an article out of its story: into story `into` when given, else into a new story of its
 * own; either way pinned there, and never put back in the story it left. Returns the article's
 * new story id. Throws NotFoundError when the article has no story or `into` is unknown,
 * InvalidInputError when `into` is the story it is in.
 */
export async function moveArticleOut(tx: Executor, articleId: number, into: number | null): Promise<number> {
  const [link] = await tx.select().from(storyArticles).where(eq(storyArticles.articleId, articleId));
  if (!link) throw new NotFoundError('Story', `of article ${articleId}`);
  if (into === link.storyId) throw new InvalidInputError('into', 'the article is already in that story');
  if (into !== null) await liveStories(tx, [into], 'into');
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
  await liveStories(tx, [id], 'id');
  await tx.update(stories).set({ title: t }).where(eq(stories.id, id));
}
