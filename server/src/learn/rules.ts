/**
 * Editors' rules: stored with who, when, from which dump and scope; loaded as parser input; and
 * what a rule would change in the stored dumps (dry run) or does change (re-parse).
 */
import { withoutStatementScope } from '../db/statement-scope.ts';
import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { dumps, PARSE_RULE_UNIQUE_INDEX, parseRules, segmentationRevisions, type RuleAction, type RuleScope } from '@copydesk/schema';
import { type Db, type Executor, rowsOf } from '../db/client.ts';
import { InvalidInputError, NotFoundError, withArticle } from '../errors.ts';
import { type LearnedRule, type Segment, lineKey, lineShape, type ParseOptions, ShapeError, sourceKey, splitsSurrogatePair } from '@copydesk/core';
import { RULE_MAX_LINE, SHAPE_RULE_FIELDS } from '@copydesk/core/patterns';
import { loadMemory } from './memory.ts';
import { audit, type Actor } from '../audit/log.ts';
import { changedParsesOffThread, lineKeysOffThread } from '../import/prepare-thread.ts';

export { sameSegments } from './reparse-check.ts';

export type ParseRuleRow = typeof parseRules.$inferSelect;

/** How many stored dumps one impact check or re-parse looks at, at most (the rest are reported as not checked). */
export const MAX_RULE_DUMPS = 500;

/** A stored rule as the parser takes it. */
export function toLearnedRule(r: Pick<ParseRuleRow, 'id' | 'action' | 'scope' | 'sourceKey' | 'sourceName' | 'lineKey' | 'createdBy'>): LearnedRule {
  const scope = r.scope === 'everywhere' ? 'always, everywhere' : `always, for ${r.sourceName ?? r.sourceKey}`;
  const kind = r.action === 'boilerplate' ? '' : `${SHAPE_RULE_FIELDS[r.action]}, `;
  return {
    name: `rule:${r.id}`,
    ...(r.action === 'boilerplate' ? {} : { action: r.action }),
    key: r.lineKey,
    source: r.scope === 'everywhere' ? null : r.sourceKey,
    description: `${kind}${scope} (rule ${r.id} by ${r.createdBy})`,
  };
}

/** Whether the rule is a shape rule (byline-shape, dateline-shape): its lineKey is a shape, not a line's key. */
export const isShapeRule = (r: Pick<ParseRuleRow, 'action'>): r is Pick<ParseRuleRow, 'action'> & { action: 'byline' | 'published' } => r.action !== 'boilerplate';

/** the rules as last loaded, with the digest of the columns they were made from */
let cached: { digest: string; rules: LearnedRule[] } | null = null;

/** the columns of a rule a LearnedRule is made from (toLearnedRule) */
type RuleColumns = Pick<ParseRuleRow, 'id' | 'action' | 'scope' | 'sourceKey' | 'sourceName' | 'lineKey' | 'createdBy'>;

/**
 * Every rule, oldest first (the parser applies the first that matches a line), in one statement.
 * Each import asks for them: the statement answers a digest (md5) of the columns a LearnedRule is
 * made from, and the rows only when it differs from the last load's (with 1,550 rules, reading
 * them took ~110 ms of each small import). The digest is of the rows' content, so the kept rules
 * are right whichever database or process changed them.
 */
export async function loadRules(db: Executor): Promise<LearnedRule[]> {
  const [row] = rowsOf<{ digest: string | null; rules: RuleColumns[] | string | null }>(
    await db.execute(sql`with d as (
        select md5(coalesce(string_agg(json_build_array(id, action, scope, source_key, source_name, line_key, created_by)::text, ',' order by id), '')) as digest from ${parseRules}
      )
      select d.digest, case when d.digest is distinct from ${cached?.digest ?? null} then (
        select coalesce(json_agg(json_build_object('id', r.id, 'action', r.action, 'scope', r.scope, 'sourceKey', r.source_key, 'sourceName', r.source_name, 'lineKey', r.line_key, 'createdBy', r.created_by) order by r.id), '[]')
        from ${parseRules} r
      ) end as rules from d`),
  );
  const digest = row?.digest ?? '';
  if (cached?.digest !== digest || row?.rules != null) {
    const rules = typeof row?.rules === 'string' ? (JSON.parse(row.rules) as RuleColumns[]) : (row?.rules ?? []);
    cached = { digest, rules: rules.map(toLearnedRule) };
  }
  return cached.rules;
}

/** The learned inputs for parsing `text`: the memory of its lines and every rule (two queries). */
export async function learnedInputs(db: Executor, text: string, opts: { countSelf?: boolean; lineKeys?: string[] } = {}): Promise<Pick<ParseOptions, 'memory' | 'rules'>> {
  const [memory, rules] = await Promise.all([loadMemory(db, text, opts), loadRules(db)]);
  return { memory, rules };
}

export interface RuleInput {
  lineText: string;
  scope: RuleScope;
  /** default "boilerplate"; "byline" or "published" make a shape rule from the field the editor marked on the line */
  action?: RuleAction;
  /** for a shape rule: the marked span [fieldStart, fieldEnd), UTF-16 offsets into lineText as given (before trimming) */
  fieldStart?: number | null;
  fieldEnd?: number | null;
  /** the outlet's name, for scope "source" */
  source?: string | null;
  note?: string | null;
  dumpId?: number | null;
}

/**
 * The key a rule matches on: the line's lineKey, or for a shape rule the line's shape with the
 * marked span (offsets into `raw`, the line before trimming). INVALID_INPUT when the span is
 * missing, outside the line, given for a boilerplate rule, or the fix does not generalise
 * (shape.ts lineShape's reason).
 */
export function ruleKey(raw: string, action: RuleAction, fieldStart?: number | null, fieldEnd?: number | null): string {
  const lineText = raw.trim();
  if (action === 'boilerplate') {
    if (fieldStart != null || fieldEnd != null) throw new InvalidInputError('fieldStart', 'a boilerplate rule names the whole line: a marked span (fieldStart, fieldEnd) is for BYLINE and PUBLISHED rules');
    return lineKey(lineText);
  }
  if (fieldStart == null || fieldEnd == null) throw new InvalidInputError('fieldStart', `${withArticle(SHAPE_RULE_FIELDS[action])} rule needs the marked span (fieldStart, fieldEnd)`);
  const lead = raw.length - raw.trimStart().length;
  const s = fieldStart - lead;
  const e = fieldEnd - lead;
  if (!Number.isInteger(s) || !Number.isInteger(e) || s < 0 || e > lineText.length || e <= s) throw new InvalidInputError('fieldStart', 'the marked span lies inside the line: 0 <= fieldStart < fieldEnd <= its length');
  for (const [arg, at] of [['fieldStart', fieldStart], ['fieldEnd', fieldEnd]] as const) {
    if (splitsSurrogatePair(raw, at)) throw new InvalidInputError(arg, `${at} falls inside a surrogate pair (one character of the line): mark whole characters`);
  }
  try {
    return lineShape(lineText, s, e, action);
  } catch (err) {
    if (err instanceof ShapeError) throw new InvalidInputError('lineText', `no ${SHAPE_RULE_FIELDS[action]} rule: ${err.message}`);
    throw err;
  }
}

function checkRule(input: RuleInput, key?: string): { lineText: string; lineKey: string; sourceKey: string | null; sourceName: string | null } {
  const lineText = input.lineText.trim();
  if (!lineText || lineText.includes('\n')) throw new InvalidInputError('lineText', 'a rule names one non-empty line');
  if (lineText.length > RULE_MAX_LINE) throw new InvalidInputError('lineText', `a rule names a line of at most ${RULE_MAX_LINE} characters`);
  const k = key ?? ruleKey(input.lineText, input.action ?? 'boilerplate', input.fieldStart, input.fieldEnd);
  if (input.scope === 'source') {
    const sk = sourceKey(input.source);
    if (!sk) throw new InvalidInputError('source', 'a rule "always, for this source" needs the source');
    return { lineText, lineKey: k, sourceKey: sk, sourceName: input.source!.trim() };
  }
  return { lineText, lineKey: k, sourceKey: null, sourceName: null };
}

/**
 * Refuses a rule that another one already is (same action, scope, outlet and line or shape):
 * INVALID_INPUT naming the existing rule. `except`: the rule being edited.
 */
async function refuseDuplicate(tx: Executor, rule: { action: RuleAction; scope: RuleScope; lineKey: string; sourceKey: string | null }, except: number | null = null): Promise<void> {
  const [same] = await tx
    .select({ id: parseRules.id })
    .from(parseRules)
    .where(
      and(
        eq(parseRules.action, rule.action),
        eq(parseRules.scope, rule.scope),
        eq(parseRules.lineKey, rule.lineKey),
        rule.sourceKey === null ? isNull(parseRules.sourceKey) : eq(parseRules.sourceKey, rule.sourceKey),
        except === null ? undefined : ne(parseRules.id, except),
      ),
    )
    .limit(1);
  if (same) throw new InvalidInputError('lineText', `rule ${same.id} (${encodeGlobalID('ParseRule', same.id)}) already does this (same action, scope, source and ${rule.action === 'boilerplate' ? 'line' : 'shape'}): edit that one instead`);
}

/** True when `e` (a driver error, or drizzle's wrapper of one in `cause`) is a violation of the one-rule index (PARSE_RULE_UNIQUE_INDEX). */
function isDuplicateRule(e: unknown): boolean {
  const pg = ((e as { cause?: unknown } | null)?.cause ?? e) as { code?: string; constraint?: string } | null;
  return pg?.code === '23505' && pg.constraint === PARSE_RULE_UNIQUE_INDEX;
}

/**
 * Runs `write` (a transaction that stores `rule`); when another transaction stored the same rule
 * first, between the duplicate check and the insert (two editors at the same instant), the unique
 * index refuses it and this answers as the check does: INVALID_INPUT naming the rule that won.
 */
async function refusingDuplicates<T>(db: Db, rule: () => Parameters<typeof refuseDuplicate>[1] | null, except: number | null, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    const r = isDuplicateRule(e) ? rule() : null;
    if (r) await refuseDuplicate(db, r, except);
    throw e;
  }
}

/** what the audit log says about a rule: its id, action, scope, line and source */
const ruleDetail = (r: ParseRuleRow) => ({ ruleId: r.id, action: r.action, scope: r.scope, lineText: r.lineText, source: r.sourceName });

/** Stores a new rule made by `actor`, audited (rule.create) in the same transaction. Errors: INVALID_INPUT (checkRule; a rule that does the same exists), NOT_FOUND (the dump). */
export async function createRule(db: Db, input: RuleInput, actor: Actor): Promise<ParseRuleRow> {
  const v = checkRule(input);
  const same = { action: input.action ?? 'boilerplate', scope: input.scope, lineKey: v.lineKey, sourceKey: v.sourceKey };
  return refusingDuplicates(db, () => same, null, () => db.transaction(async (tx) => {
    if (input.dumpId != null && !(await tx.query.dumps.findFirst({ where: { id: input.dumpId }, columns: { id: true } }))) throw new NotFoundError('Dump', String(input.dumpId));
    await refuseDuplicate(tx, same);
    const [row] = await tx
      .insert(parseRules)
      .values({ action: input.action ?? 'boilerplate', scope: input.scope, ...v, note: input.note ?? null, createdBy: actor.name, dumpId: input.dumpId ?? null })
      .returning();
    await audit(tx, actor, { action: 'rule.create', dumpId: row!.dumpId, subject: `rule ${row!.id}`, detail: ruleDetail(row!) });
    return row!;
  }));
}

/** Edits rule `id` for `actor`, audited (rule.update, with the values before) in the same transaction. Errors: NOT_FOUND, INVALID_INPUT. */
export async function updateRule(db: Db, id: number, input: Partial<RuleInput>, actor: Actor): Promise<ParseRuleRow> {
  let same: Parameters<typeof refuseDuplicate>[1] | null = null;
  return refusingDuplicates(db, () => same, id, () => db.transaction(async (tx) => {
    const current = await tx.query.parseRules.findFirst({ where: { id } });
    if (!current) throw new NotFoundError('ParseRule', String(id));
    // a shape rule is learned from one marked span: its line is not edited, only its scope and note
    if (isShapeRule(current) && input.lineText != null && input.lineText.trim() !== current.lineText) {
      throw new InvalidInputError('lineText', `${withArticle(SHAPE_RULE_FIELDS[current.action])} rule keeps the line it was learned from: make a new rule from another fix`);
    }
    const v = checkRule(
      {
        lineText: input.lineText ?? current.lineText,
        scope: input.scope ?? current.scope,
        source: input.source !== undefined ? input.source : current.sourceName,
      },
      isShapeRule(current) ? current.lineKey : undefined,
    );
    same = { action: current.action, scope: input.scope ?? current.scope, lineKey: v.lineKey, sourceKey: v.sourceKey };
    await refuseDuplicate(tx, same, id);
    const [row] = await tx
      .update(parseRules)
      .set({ scope: input.scope ?? current.scope, ...v, note: input.note !== undefined ? input.note : current.note, updatedBy: actor.name, updatedAt: sql`now()` })
      .where(eq(parseRules.id, id))
      .returning();
    await audit(tx, actor, { action: 'rule.update', dumpId: row!.dumpId, subject: `rule ${id}`, detail: { ...ruleDetail(row!), note: row!.note, before: { ...ruleDetail(current), note: current.note } } });
    return row!;
  }));
}

/** Removes rule `id` for `actor`, audited (rule.delete, with what the rule was) in the same transaction. Errors: NOT_FOUND. */
export async function deleteRule(db: Db, id: number, actor: Actor): Promise<ParseRuleRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx.delete(parseRules).where(eq(parseRules.id, id)).returning();
    if (!row) throw new NotFoundError('ParseRule', String(id));
    await audit(tx, actor, { action: 'rule.delete', dumpId: row.dumpId, subject: `rule ${id}`, detail: ruleDetail(row) });
    return row;
  });
}

/** A stored dump a rule would change: its current revision is the parser's (re-parsed in place) or an editor's (gets a proposed revision). */
export interface RuleImpact {
  /** dumps whose parse the rules change */
  dumpIds: number[];
  /** of them, dumps whose current revision is an editor's: they would get a proposed revision, never a new current one */
  editorOwned: number[];
  /** dumps that hold the line and were looked at */
  checked: number;
  /** true when more than MAX_RULE_DUMPS dumps hold the line (only the first were looked at) */
  truncated: boolean;
}

/** a chunk of dumps checked together (one memory read, one hop to the worker thread): at most this many dumps... */
const CHECK_CHUNK_DUMPS = 25;
/** ...and at most this many characters of text (the chunk's texts are held in memory at once) */
const CHECK_CHUNK_CHARS = 8 * 1024 * 1024;

/**
 * Which stored dumps the rule changes: dumps whose text holds the rule's line (a case-folded
 * text search narrows them, at most MAX_RULE_DUMPS) and whose parse with every rule and the
 * memory differs from their latest parser revision. The dumps are read in chunks (at most
 * CHECK_CHUNK_DUMPS dumps, CHECK_CHUNK_CHARS characters) and parsed in a worker thread, never on
 * the request thread. Reads go through `sharedRuleImpact`.
 */
export async function ruleImpact(db: Db, rule: ParseRuleRow): Promise<RuleImpact> {
  const needles = isShapeRule(rule) ? shapeSearchWords(rule) : searchWords(rule.lineText);
  // a shape rule with no word to look for (names and dates only, everywhere): every dump, up to the limit
  const where = needles.length ? sql.join(needles.map((w) => sql`strpos(lower(d.text), ${w}) > 0`), sql` and `) : isShapeRule(rule) ? sql`true` : sql`false`;
  const candidates = rowsOf<{ id: number; length: number }>(
    await db.execute(sql`select d.id, length(d.text) as length from ${dumps} d where ${where} order by d.id limit ${MAX_RULE_DUMPS + 1}`),
  );
  const truncated = candidates.length > MAX_RULE_DUMPS;
  const chunks: number[][] = [];
  let size = Infinity;
  for (const c of candidates.slice(0, MAX_RULE_DUMPS)) {
    const n = Number(c.length);
    if (size + n > CHECK_CHUNK_CHARS || chunks.at(-1)!.length >= CHECK_CHUNK_DUMPS) (chunks.push([]), (size = 0));
    chunks.at(-1)!.push(Number(c.id));
    size += n;
  }
  const rules = chunks.length ? await loadRules(db) : [];
  const dumpIds: number[] = [];
  const editorOwned: number[] = [];
  for (const ids of chunks) {
    const rows = rowsOf<{ id: number; text: string; fetched_at: string | null; current_author: string; parser_segments: unknown }>(
      await db.execute(sql`
        select d.id, d.text, d.fetched_at,
          (select r.author from ${segmentationRevisions} r where r.dump_id = d.id and r.number = d.current_revision) as current_author,
          (select r.segments from ${segmentationRevisions} r where r.dump_id = d.id and r.author = 'parser' order by r.number desc limit 1) as parser_segments
        from ${dumps} d
        where d.id = any(${sql.param(ids)}::int[])
        order by d.id`),
    );
    const keys = await lineKeysOffThread(rows.map((r) => r.text));
    const memory = await loadMemory(db, '', { lineKeys: [...new Set(keys.flat())] });
    const items = rows.map((r) => ({
      text: r.text,
      fetchedAt: r.fetched_at,
      stored: (typeof r.parser_segments === 'string' ? JSON.parse(r.parser_segments) : r.parser_segments) as Segment[] | null,
    }));
    const changed = await changedParsesOffThread({ items, memory, rules });
    rows.forEach((r, i) => {
      if (!changed[i]) return;
      dumpIds.push(Number(r.id));
      if (r.current_author !== 'parser') editorOwned.push(Number(r.id));
    });
  }
  return { dumpIds, editorOwned, checked: Math.min(candidates.length, MAX_RULE_DUMPS), truncated };
}

/** per database handle: the impact being computed for each rule version, and the tail of the queue of computations */
const impactRuns = new WeakMap<object, { running: Map<string, Promise<RuleImpact>>; tail: Promise<unknown> }>();

/**
 * ruleImpact for a read (ParseRule.impact): requests for the same rule version while one is
 * computed share its answer, and a database handle computes one impact at a time (others wait
 * their turn), so that concurrent requests never parse the stored dumps side by side.
 */
export function sharedRuleImpact(db: Db, rule: ParseRuleRow): Promise<RuleImpact> {
  let runs = impactRuns.get(db);
  if (!runs) impactRuns.set(db, (runs = { running: new Map(), tail: Promise.resolve() }));
  const key = `${rule.id}:${String(rule.updatedAt ?? rule.createdAt)}`;
  const known = runs.running.get(key);
  if (known) return known;
  const r = runs;
  // shared by every request that asks meanwhile: never given up with the request that started it (db/statement-scope.ts)
  const run = withoutStatementScope(() => r.tail.then(() => ruleImpact(db, rule))).finally(() => r.running.delete(key));
  r.tail = run.catch(() => {});
  r.running.set(key, run);
  return run;
}

/**
 * Words every dump a shape rule can change holds, lower-cased: the shape's literal words (its
 * label, "last modified"), else for a rule "for this source" the outlet's name (the page names it).
 */
function shapeSearchWords(rule: ParseRuleRow): string[] {
  const literal = rule.lineKey.split(' ').filter((p) => !p.startsWith('<') && p !== '[' && p !== ']').join(' ');
  const words = searchWords(literal);
  return words.length ? words : rule.sourceName ? searchWords(rule.sourceName) : [];
}

/**
 * Up to three of the line's longest words, lower-cased: a dump holding the line holds them (a
 * key folds case, quotes, dashes, spaces and digits, never letters), so they narrow the search.
 */
function searchWords(line: string): string[] {
  const words = [...new Set(line.toLowerCase().match(/\p{L}+/gu) ?? [])];
  return words.sort((a, b) => b.length - a.length).slice(0, 3);
}
