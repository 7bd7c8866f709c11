import { foldText } from '../derive/fingerprint.ts';

/**
 * A LIKE pattern matching values that contain `q` after folding (case, accents), with LIKE's
 * own characters (`%`, `_`, `\`) in `q` matched as themselves: "nikkei" finds Nikkei Asia, "%"
 * finds only names with a percent sign. Compare it against a folded column (`key`).
 */
export function containsPattern(q: string): string {
  return `%${foldText(q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
