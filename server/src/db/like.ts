/** `s` with LIKE's own characters (`%`, `_`, `\`) escaped, so that a pattern matches them as themselves. */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * A LIKE pattern matching values that contain `key` (an already folded key) with LIKE's own
 * characters matched as themselves, or null when `key` is empty: a search that folds to nothing
 * ("%", "?!") names nothing, and must match nothing rather than everything.
 */
export function containsKey(key: string): string | null {
  return key ? `%${escapeLike(key)}%` : null;
}
