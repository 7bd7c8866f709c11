import { foldText } from '../derive/fingerprint.ts';

/** A LIKE pattern matching any folded key that contains `q` (folded the same way), wildcards escaped. */
export const containsPattern = (q: string): string => `%${foldText(q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
