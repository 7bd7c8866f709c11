/**
 * Every string a client may send, bounded: the one table of length limits (characters, UTF-16
 * units) and of what each string may hold, keyed by schema coordinate (`Type.field` for an input
 * field, `Type.field(arg)` for an argument). input.ts checks every operation's strings against it
 * before anything runs: a string over its limit, or a name holding a control character, is a
 * typed INVALID_INPUT naming the argument (`input.note`, `name`), and nothing is stored or echoed.
 *
 * Kinds: `name` is one line a person reads as a label (a source, topic or story name, a rule's
 * outlet): no control character at all (C0, DEL, C1; newlines and tabs included); `text` is free
 * text an editor writes (a rule's note, a dismissal's reason): newlines and tabs allowed, other
 * control characters refused; `raw` is checked for length only (searches, keys, a dump line).
 *
 * A schema test (tests/schema/text-limits.test.ts) fails when a String argument has no entry, so
 * a new one cannot go unbounded. Domain functions keep their own trimmed-length rules (a topic
 * name of 1 to MAX_TOPIC_NAME characters once trimmed); this table is the hard cap on what is sent.
 */
import { RULE_MAX_LINE } from '@copydesk/core/patterns';
import { InvalidInputError } from '../errors.ts';
import { checkName, controlCharacterAt as controlCharacterIn } from '../names.ts';
import { MAX_FILENAME, MAX_URL } from '../import/validate.ts';
import { MAX_SOURCE_NAME } from '../sources/index.ts';
import { MAX_STORY_TITLE } from '../stories/edit.ts';
import { MAX_TOPIC_NAME } from '../topics/store.ts';

export type TextKind = 'name' | 'text' | 'raw';

export interface TextLimit {
  /** most characters (UTF-16 units) */
  max: number;
  kind: TextKind;
}

/** longest note on a rule (characters) */
export const MAX_RULE_NOTE = 2000;
/** longest reason for dismissing a warning (characters) */
export const MAX_DISMISSAL_REASON = 1000;
/** longest search or filter string (characters): a name has at most 200 */
export const MAX_SEARCH = 200;

/**
 * A full-text search of articles is bounded before it reaches PostgreSQL: matching, ranking and
 * highlighting cost grows with the terms, and faster than linearly. Past either bound: INVALID_INPUT.
 */
export const SEARCH_LIMITS = { maxChars: 500, maxTerms: 32 } as const;

const name = (max: number): TextLimit => ({ max, kind: 'name' });
const text = (max: number): TextLimit => ({ max, kind: 'text' });
const raw = (max: number): TextLimit => ({ max, kind: 'raw' });

/**
 * The limit of every String input, by schema coordinate. ImportDumpInput.text is the dump itself:
 * it is bounded in bytes by COPYDESK_MAX_DUMP_BYTES (DUMP_TOO_LARGE, a typed result of its own)
 * and is listed in TEXT_LIMITED_ELSEWHERE with a dump's filename and URL (each dump of a batch
 * gets its own error result); cursors (`after`, `before`) by input.ts's cursor check.
 */
export const TEXT_LIMITS: Readonly<Record<string, TextLimit>> = {
  // names editors give
  'Mutation.renameSource(name)': name(MAX_SOURCE_NAME),
  'Mutation.renameTopic(name)': name(MAX_TOPIC_NAME),
  'Mutation.addArticleTopic(name)': name(MAX_TOPIC_NAME),
  'Mutation.renameStory(title)': name(MAX_STORY_TITLE),
  'CreateParseRuleInput.source': name(MAX_SOURCE_NAME),
  'UpdateParseRuleInput.source': name(MAX_SOURCE_NAME),
  // free text editors write
  'CreateParseRuleInput.note': text(MAX_RULE_NOTE),
  'UpdateParseRuleInput.note': text(MAX_RULE_NOTE),
  'DismissWarningInput.reason': text(MAX_DISMISSAL_REASON),
  // lines of a dump, keys and codes
  'CreateParseRuleInput.lineText': raw(RULE_MAX_LINE),
  'UpdateParseRuleInput.lineText': raw(RULE_MAX_LINE),
  'Query.ruleShape(lineText)': raw(RULE_MAX_LINE),
  'VetoRememberedLineInput.key': raw(RULE_MAX_LINE),
  'DismissWarningInput.code': raw(64),
  'SegmentInput.kind': raw(64),
  'FieldSpanInput.field': raw(64),
  // searches and filters
  'Query.sources(search)': raw(MAX_SEARCH),
  'Query.topics(search)': raw(MAX_SEARCH),
  'Query.parseRules(source)': raw(MAX_SEARCH),
  'Query.repeatedLines(source)': raw(MAX_SEARCH),
  'ArticleFilter.search': raw(SEARCH_LIMITS.maxChars),
  'ArticleFilter.source': raw(MAX_SEARCH),
  'StoryFilter.search': raw(MAX_SEARCH),
  'StoryFilter.source': raw(MAX_SEARCH),
  'DumpFilter.source': raw(MAX_SEARCH),
  'DumpFilter.template': raw(MAX_SEARCH),
  'AuditLogFilter.actor': raw(MAX_SEARCH),
  'AuditLogFilter.action': raw(64),
};

/** String inputs bounded by a check of their own, with where. */
export const TEXT_LIMITED_ELSEWHERE: Readonly<Record<string, string>> = {
  'ImportDumpInput.text': 'COPYDESK_MAX_DUMP_BYTES (DUMP_TOO_LARGE)',
  // one dump's error result in a batch, not the whole request's (import/validate.ts)
  'ImportDumpInput.filename': `MAX_FILENAME (${MAX_FILENAME}) characters, per dump (import/validate.ts)`,
  'ImportDumpInput.url': `MAX_URL (${MAX_URL}) characters, per dump (import/validate.ts)`,
};

/** the control characters a string of `kind` may not hold (names.ts: the one rule); `raw` strings hold anything */
export function controlCharacterAt(value: string, kind: TextKind): number {
  return kind === 'raw' ? -1 : controlCharacterIn(value, kind);
}

/**
 * Checks `value`, sent for the input at `coordinate` (a TEXT_LIMITS key), against its limit.
 * Throws InvalidInputError(path) when it is too long or holds a control character its kind may
 * not; the message gives the length and the limit, never the value. Unlisted coordinates pass.
 */
export function checkTextInput(coordinate: string, value: string, path: string): void {
  const limit = TEXT_LIMITS[coordinate];
  if (!limit) return;
  if (value.length > limit.max) throw new InvalidInputError(path, `${value.length} characters; at most ${limit.max}`);
  // a name: the rule every name follows, the CLI's too (names.ts)
  if (limit.kind === 'name') return checkName(path, value);
  const at = controlCharacterAt(value, limit.kind);
  if (at >= 0) {
    const code = value.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0');
    throw new InvalidInputError(path, `holds the control character U+${code} at offset ${at}; only tabs and line breaks are allowed among control characters`);
  }
}
