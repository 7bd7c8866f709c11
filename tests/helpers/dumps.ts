/**
 * Dumps written inside tests, in the flat layout of ../shared/dumps/VARIANTS.md: a headline and
 * body, the site's boilerplate run, and a related-articles zone of dash-style blocks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './paths.ts';

/** A flat-layout dump: `related` is the related zone (blocks from `relatedBlock`), empty by default. */
export const flatDump = (headline: string, body: string, related = '') =>
  `\n${headline}\n${body}\nHashtags\n\nTry Our AI Features\nExplore what Daily8 AI can do for you:\nComments\nNo comments yet...\nRelated Articles\n${related}`;

/** One dash-style related block: outlet, age, "- outlet", headline, body. */
export const relatedBlock = (source: string, age: string, headline: string, body: string) => `\n\n${source}\n${age}\n- ${source}\n${headline}\n${body}`;

/**
 * A logo-layout dump whose main article names its outlet: "logo", the headline twice, the outlet
 * glued to its date ("Harbour Post3 hours ago"), body lines, then the boilerplate run.
 */
export const logoDump = (source: string, headline: string, bodyLines: readonly string[]) =>
  `logo\n${headline}\n\n${headline}\n\n${source}3 hours ago\n\n${bodyLines.join('\n')}\n\nOrange background\n\nTry Our AI Features\n\nExplore what Daily8 AI can do for you:\n\nComments\n\nNo comments yet...\n\nRelated Articles\n`;

/**
 * An own fixture (tests/fixtures/dumps/001 with stray lines added) with three runs of text the
 * parser cannot attribute: three UNATTRIBUTED_TEXT warnings, in text order. `variant` changes
 * the main headline so that several distinct dumps can be imported.
 */
export function strayTextDump(variant = ''): string {
  const parts = readFileSync(join(REPO_ROOT, 'tests/fixtures/dumps/001_flat-reference-shape.txt'), 'utf8').split('\n\n\n');
  return [
    `${parts[0]!.replace('tram line', `tram line${variant}`)}\n\nclick here to read more from our partners today.`,
    `${parts[1]}\n\nsome stray caption text about the weather.`,
    ...parts.slice(2),
    'A stray closing remark that belongs to nothing at all.\nAnother stray sentence here.\n',
  ].join('\n\n\n');
}

/** A segment as reviseSegmentation takes it and the API returns it (kind, UTF-16 offsets, field spans). */
export interface Seg {
  kind: string;
  start: number;
  end: number;
  fields: { field: string; start: number; end: number }[];
}
