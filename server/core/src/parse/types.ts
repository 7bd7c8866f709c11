/**
 * The parser's output: a partition of the raw text into segments, with field spans inside
 * article segments. Every offset is a UTF-16 code unit index into the raw text (as JavaScript
 * strings index), half-open: [start, end).
 */

/** What a segment is. Article segments carry fields; the others never do. */
export type SegmentKind =
  /** the page's main article */
  | 'main'
  /** one related-article block (or one listed block of a hashtag listing) */
  | 'related'
  /** site boilerplate: "Hashtags", "Try Our AI Features", "Related Articles", "logo", ... */
  | 'boilerplate'
  /** text that belongs to nothing: blank runs between blocks, URL residue, unattributable lines */
  | 'residue';

export const ARTICLE_KINDS = ['main', 'related'] as const;
export type ArticleRole = (typeof ARTICLE_KINDS)[number];

export type FieldName =
  | 'headline'
  | 'byline'
  | 'source'
  | 'published'
  | 'section'
  | 'body'
  | 'copyright'
  /** a subhead line inside the body (its span lies inside a body span) */
  | 'subhead'
  /** publisher boilerplate inside an article (donation appeal, "Advertisement", ...): never body text */
  | 'noise';

/** Where a field lies: [start, end) of the raw text. What an editor marks (the dashboard's edits, a save). */
export interface FieldRange {
  field: FieldName;
  start: number;
  end: number;
}

/** A field span as the parser (or a revision) gives it: its range with a confidence and, for learned spans, the rule. */
export interface FieldSpan extends FieldRange {
  /** how sure the parser is of this span's boundaries, in [0, 1] */
  confidence: number;
  /** the learned rule that produced the span ("line-memory", "rule:12"); absent for the built-in rules */
  rule?: string;
  /** why, in an editor's words ("repeated in 5 articles") */
  reason?: string;
}

/**
 * A segment's shape: its kind, [start, end) and field ranges, without scores. What an editor
 * edits and saves (the dashboard's boundary editor, the reviseSegmentation input once checked).
 */
export interface SegmentShape {
  kind: SegmentKind;
  start: number;
  end: number;
  /** field ranges, in text order; empty for boilerplate and residue */
  fields: FieldRange[];
}

/** A segment as the parser gives it and a revision stores it (an editor's revision: confidence 1 on everything). */
export interface Segment extends SegmentShape {
  /** field spans, in text order; empty for boilerplate and residue */
  fields: FieldSpan[];
  /** how sure the parser is of this segment's kind and boundaries, in [0, 1] */
  confidence: number;
}

export interface ParseWarning {
  /** stable machine code, e.g. "PUBLISHER_BOILERPLATE", "TRUNCATED", "NO_BOILERPLATE_ANCHOR" */
  code: string;
  /** what was uncertain, in words an editor understands */
  message: string;
  start: number;
  end: number;
}

/** A warning as a revision keeps it: an editor's revision carries its base's, marked resolved where its edit covered them. */
export interface StoredWarning extends ParseWarning {
  /** set on an editor revision whose edit covered the warning's span: that revision's number and author */
  resolvedInRevision?: number;
  resolvedBy?: string;
}

/** A kept line (or piece) the parser doubts: it may not be what it was taken for. */
export interface LineSuspicion {
  start: number;
  end: number;
  /** in (0, 1]: how likely the line is wrongly placed (0.5 and up also gives a warning) */
  suspicion: number;
  /** why, in an editor's words */
  reason: string;
}

export interface Segmentation {
  parserVersion: string;
  /** length of the text parsed (UTF-16 code units); segments cover [0, length) exactly */
  length: number;
  /** page template recognised: "flat", "logo", "hashtag-listing", "unknown" */
  template: string;
  segments: Segment[];
  /** only where something is actually suspect, each on the exact span (a clean dump has none) */
  warnings: ParseWarning[];
  /** facts about the capture that make no parse suspect ("TRUNCATED": it stops mid-sentence) */
  notes?: ParseWarning[];
  /** every line the parser doubts, with how much and why (those of 0.5 and up are also warnings) */
  suspicions?: LineSuspicion[];
  /** the dump's overall confidence in [0, 1]: the review queue sorts on it */
  confidence: number;
}

export interface ParseOptions {
  /** capture time, ISO 8601: lets relative dates ("3 hours ago") become timestamps */
  fetchedAt?: string | null;
  /** lines remembered from other stories (learned.ts): a line seen in enough of them is publisher boilerplate */
  memory?: LineMemory;
  /** editors' rules (learned.ts), applied in order; the first that matches a line names it */
  rules?: readonly LearnedRule[];
}

/** What the line memory knows of one line: in how many distinct stories and outlets it appeared. */
export interface LineMemoryEntry {
  stories: number;
  sources: number;
  /** an editor vetoed the line: never applied */
  vetoed?: boolean;
}

export interface LineMemory {
  /** lineKey(line) -> what is known of it (only the keys of the dump's lines need be given) */
  lines: ReadonlyMap<string, LineMemoryEntry>;
  /** K (default LINE_MEMORY_MIN_STORIES = 3): stories a short line at a body's edge needs */
  minStories?: number;
}

/**
 * An editor's rule, everywhere or for one source: "this line is publisher boilerplate" (action
 * "boilerplate", the default), or "lines of this shape hold the byline" / "... the published date"
 * (a shape rule, action "byline" or "published": shape.ts).
 */
export interface LearnedRule {
  /** named on every span the rule produced, e.g. "rule:12" */
  name: string;
  /** what the rule does (default "boilerplate") */
  action?: 'boilerplate' | 'byline' | 'published';
  /** boilerplate: lineKey of the line the rule marks; byline, published: the line's shape (shape.ts lineShape) */
  key: string;
  /** sourceKey of the outlet the rule is limited to; null: everywhere */
  source: string | null;
  /** the reason shown on its spans, e.g. "always, for Yahoo (rule 12 by alice)" */
  description?: string;
}
