/**
 * Dumps written inside tests, in the flat layout of ../shared/dumps/VARIANTS.md: a headline and
 * body, the site's boilerplate run, and a related-articles zone of dash-style blocks.
 */

/** A flat-layout dump: `related` is the related zone (blocks from `relatedBlock`), empty by default. */
export const flatDump = (headline: string, body: string, related = '') =>
  `\n${headline}\n${body}\nHashtags\n\nTry Our AI Features\nExplore what Daily8 AI can do for you:\nComments\nNo comments yet...\nRelated Articles\n${related}`;

/** One dash-style related block: outlet, age, "- outlet", headline, body. */
export const relatedBlock = (source: string, age: string, headline: string, body: string) => `\n\n${source}\n${age}\n- ${source}\n${headline}\n${body}`;
