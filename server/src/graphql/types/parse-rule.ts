import { createRule, deleteRule, isShapeRule, ruleImpact, sharedRuleImpact, updateRule, type ParseRuleRow, type RuleImpact } from '../../learn/rules.ts';
import { reparseDump } from '../../review/revise.ts';
import { InvalidInputError, InvalidSegmentationError, NotFoundError, UnauthenticatedError } from '../../errors.ts';
import { sourceKey } from '@copydesk/core';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder, requireActor, requireEditor, type Context } from '../builder.ts';
import { MUTATION_ERRORS } from '../errors.ts';
import { Dump } from './dump.ts';
import { chargedText } from '../text-budget.ts';

export const RuleScopeEnum = builder.enumType('RuleScope', {
  values: {
    SOURCE: { value: 'source', description: 'always, for this source' },
    EVERYWHERE: { value: 'everywhere', description: 'always, everywhere' },
  } as const,
});

export const RuleActionEnum = builder.enumType('RuleAction', {
  description: 'What a rule does.',
  values: {
    BOILERPLATE: { value: 'boilerplate', description: 'the line is publisher boilerplate' },
    BYLINE: { value: 'byline', description: 'byline-shape: lines shaped like the fixed one hold the byline, on the span of the marked one' },
    PUBLISHED: { value: 'published', description: 'dateline-shape: lines shaped like the fixed one hold the published date, on the span of the marked one' },
  } as const,
});

const RuleImpactRef = builder.objectRef<RuleImpact>('RuleImpact').implement({
  description: 'What re-parsing the stored dumps with the rules would change.',
  fields: (t) => ({
    wouldChange: t.int({ description: 'stored dumps whose parse changes', resolve: (i) => i.dumpIds.length }),
    editorOwned: t.int({ description: "of them, dumps whose current revision is an editor's: they get a proposed revision, never a new current one", resolve: (i) => i.editorOwned.length }),
    checked: t.exposeInt('checked', { description: 'stored dumps that hold the line and were parsed again' }),
    truncated: t.exposeBoolean('truncated', { description: 'more dumps hold the line than one check looks at (500)' }),
    dumps: t.drizzleField({
      type: ['dumps'],
      description: 'the dumps whose parse changes',
      resolve: (query, i, _args, ctx) => (i.dumpIds.length ? ctx.db.query.dumps.findMany(query({ where: { id: { in: i.dumpIds } }, orderBy: { id: 'asc' } })) : []),
    }),
  }),
});

const impactsAsked = new WeakMap<Context, number>();

export const ParseRule = builder.drizzleNode('parseRules', {
  name: 'ParseRule',
  description: "An editor's rule, learned from a fix, always for one source or always everywhere: the line is publisher boilerplate, or (a shape rule) lines shaped like the fixed one hold the byline or the published date. The parser names it on every span it produced.",
  id: { column: (r) => r.id },
  fields: (t) => ({
    name: t.string({ description: 'the name on the spans it produced, e.g. "rule:12"', select: { columns: { id: true } }, resolve: (r) => `rule:${r.id}` }),
    action: t.exposeString('action', { description: 'what it does: "boilerplate" (mark the line as publisher boilerplate), "byline" or "published" (a shape rule: see shape)' }),
    shape: t.string({
      nullable: true,
      description: 'for a shape rule, the line shape it matches: "[ <cap:2> ] , <title:2>" (brackets enclose the field; <cap:N> a run of names, <title:N> of job-title words, <day> <month> <year> <time> <zone> <date> <num> date parts; other words and marks literal); null for a boilerplate rule',
      select: { columns: { action: true, lineKey: true } },
      resolve: (r) => (isShapeRule(r as ParseRuleRow) ? (r as ParseRuleRow).lineKey : null),
    }),
    scope: t.field({ type: RuleScopeEnum, select: { columns: { scope: true } }, resolve: (r) => r.scope }),
    // what an editor wrote is charged to the request's text budget (text-budget.ts), like Dump.text
    source: t.string({ nullable: true, description: 'the outlet, for scope SOURCE', ...chargedText('ParseRule.source', (r: ParseRuleRow) => r.sourceName) }),
    lineText: t.string(chargedText('ParseRule.lineText', (r: ParseRuleRow) => r.lineText)),
    note: t.string({ nullable: true, ...chargedText('ParseRule.note', (r: ParseRuleRow) => r.note) }),
    createdBy: t.exposeString('createdBy'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedBy: t.exposeString('updatedBy', { nullable: true }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', nullable: true }),
    dump: t.relation('dump', { nullable: true, description: 'the dump the editor was fixing when the rule was made' }),
    impact: t.field({
      type: RuleImpactRef,
      description:
        'how many stored dumps re-parsing with the rules would change. Editors only (UNAUTHENTICATED otherwise). It parses them again, in a worker thread: one rule per request (else INVALID_INPUT); requests for the same rule while one is computed share its answer, and the server computes one impact at a time.',
      errors: { types: [UnauthenticatedError, InvalidInputError], directResult: true },
      select: { columns: { id: true, lineText: true, createdAt: true, updatedAt: true } },
      resolve: (r, _args, ctx) => {
        requireEditor(ctx);
        // each impact parses up to MAX_RULE_DUMPS dumps: one per request keeps a request bounded
        const asked = (impactsAsked.get(ctx) ?? 0) + 1;
        impactsAsked.set(ctx, asked);
        if (asked > 1) throw new InvalidInputError('impact', 'ask for one rule\'s impact per request');
        return sharedRuleImpact(ctx.db, r as ParseRuleRow);
      },
    }),
  }),
});

const CreateParseRuleInput = builder.inputType('CreateParseRuleInput', {
  fields: (t) => ({
    lineText: t.string({ required: true, description: 'the line the editor fixed, as the dump shows it (for BOILERPLATE: the line to mark as publisher boilerplate)' }),
    scope: t.field({ type: RuleScopeEnum, required: true }),
    action: t.field({ type: RuleActionEnum, required: false, description: 'default BOILERPLATE; BYLINE or PUBLISHED make a shape rule from the span marked on the line' }),
    fieldStart: t.int({ required: false, description: 'for BYLINE, PUBLISHED: where the marked span starts in lineText (UTF-16 offset)' }),
    fieldEnd: t.int({ required: false, description: 'for BYLINE, PUBLISHED: where it ends (exclusive)' }),
    source: t.string({ required: false, description: 'the outlet, for scope SOURCE' }),
    note: t.string({ required: false }),
    dumpId: t.globalID({ required: false, for: Dump, description: 'the dump the editor was fixing' }),
  }),
});

const UpdateParseRuleInput = builder.inputType('UpdateParseRuleInput', {
  fields: (t) => ({
    id: t.globalID({ required: true, for: ParseRule }),
    lineText: t.string({ required: false }),
    scope: t.field({ type: RuleScopeEnum, required: false }),
    source: t.string({ required: false }),
    note: t.string({ required: false }),
  }),
});

const DeleteParseRulePayload = builder.objectRef<{ id: number }>('DeleteParseRulePayload').implement({
  fields: (t) => ({
    deletedId: t.id({ description: 'the global id of the rule removed', resolve: (r) => encodeGlobalID('ParseRule', r.id) }),
  }),
});

interface ApplyResult {
  ruleId: number;
  dumpIds: number[];
  becameCurrent: number;
  proposed: number;
}

const ApplyParseRulePayload = builder.objectRef<ApplyResult>('ApplyParseRulePayload').implement({
  description: "Dumps re-parsed with the rules: those whose current revision was the parser's have a new current parser revision; those with an editor's revision have a proposed revision to review.",
  fields: (t) => ({
    reparsed: t.int({ resolve: (r) => r.dumpIds.length }),
    becameCurrent: t.exposeInt('becameCurrent'),
    proposed: t.exposeInt('proposed', { description: "dumps whose editor's revision stays current: the new parse is their proposedRevision" }),
    dumps: t.drizzleField({
      type: ['dumps'],
      resolve: (query, r, _args, ctx) => (r.dumpIds.length ? ctx.db.query.dumps.findMany(query({ where: { id: { in: r.dumpIds } }, orderBy: { id: 'asc' } })) : []),
    }),
    rule: t.drizzleField({
      type: 'parseRules',
      nullable: true,
      resolve: (query, r, _args, ctx) => ctx.db.query.parseRules.findFirst(query({ where: { id: r.ruleId } })),
    }),
  }),
});

async function loadRule(ctx: Context, id: number): Promise<ParseRuleRow> {
  const row = await ctx.db.query.parseRules.findFirst({ where: { id } });
  if (!row) throw new NotFoundError('ParseRule', String(id));
  return row;
}

/** rules `parseRules` answers without `first`, and at most */
export const RULES_PAGE = 200;
export const MAX_RULES_PAGE = 500;

builder.queryFields((t) => ({
  parseRules: t.drizzleField({
    type: ['parseRules'],
    description: `Editors' rules, newest first: the first \`first\` (default ${RULES_PAGE}, at most ${MAX_RULES_PAGE}).`,
    args: {
      source: t.arg.string({ required: false, description: 'only rules for this outlet (and everywhere)' }),
      first: t.arg.int({ required: false, defaultValue: RULES_PAGE, description: `how many, newest first (at most ${MAX_RULES_PAGE})` }),
    },
    resolve: (query, _root, args, ctx) => {
      const first = args.first ?? RULES_PAGE;
      if (first > MAX_RULES_PAGE) throw new InvalidInputError('first', `at most ${MAX_RULES_PAGE} rules per request`);
      return ctx.db.query.parseRules.findMany(
        query({
          where: args.source ? { OR: [{ scope: 'everywhere' }, { sourceKey: sourceKey(args.source) }] } : {},
          orderBy: { id: 'desc' },
          limit: first,
        }),
      );
    },
  }),
}));

builder.mutationFields((t) => ({
  createParseRule: t.drizzleField({
    type: 'parseRules',
    description: 'Makes an editor\'s fix a rule, "always, for this source" (SOURCE) or "always, everywhere" (EVERYWHERE): the line is publisher boilerplate (BOILERPLATE), or lines of its shape hold the byline (BYLINE) or the published date (PUBLISHED) on the span marked (INVALID_INPUT when the fix does not generalise, see ruleShape). New imports apply it at once; applyParseRule re-parses the stored dumps it changes.',
    args: { input: t.arg({ type: CreateParseRuleInput, required: true }) },
    errors: { types: [...MUTATION_ERRORS], directResult: true },
    resolve: async (query, _root, { input }, ctx) => {
      const actor = requireActor(ctx);
      const row = await createRule(
        ctx.db,
        {
          lineText: input.lineText,
          scope: input.scope,
          action: input.action ?? 'boilerplate',
          fieldStart: input.fieldStart,
          fieldEnd: input.fieldEnd,
          source: input.source,
          note: input.note,
          dumpId: input.dumpId ? Number(input.dumpId.id) : null,
        },
        actor,
      );
      return (await ctx.db.query.parseRules.findFirst(query({ where: { id: row.id } })))!;
    },
  }),
  updateParseRule: t.drizzleField({
    type: 'parseRules',
    description: 'Edits a rule (its line, scope, source or note).',
    args: { input: t.arg({ type: UpdateParseRuleInput, required: true }) },
    errors: { types: [...MUTATION_ERRORS], directResult: true },
    resolve: async (query, _root, { input }, ctx) => {
      const actor = requireActor(ctx);
      const id = Number(input.id.id);
      await updateRule(
        ctx.db,
        id,
        {
          ...(input.lineText != null ? { lineText: input.lineText } : {}),
          ...(input.scope != null ? { scope: input.scope } : {}),
          ...(input.source !== undefined ? { source: input.source } : {}),
          ...(input.note !== undefined ? { note: input.note } : {}),
        },
        actor,
      );
      return (await ctx.db.query.parseRules.findFirst(query({ where: { id } })))!;
    },
  }),
  deleteParseRule: t.field({
    type: DeleteParseRulePayload,
    description: 'Removes a rule. Stored parses keep their spans until re-parsed.',
    args: { id: t.arg.globalID({ required: true, for: ParseRule }) },
    errors: { types: [...MUTATION_ERRORS], directResult: true },
    resolve: async (_root, args, ctx) => {
      return deleteRule(ctx.db, Number(args.id.id), requireActor(ctx));
    },
  }),
  applyParseRule: t.field({
    type: ApplyParseRulePayload,
    description: "Re-parses the stored dumps a rule changes (see ParseRule.impact): a dump whose current revision is the parser's gets a new current parser revision; a dump with an editor's revision keeps it and gets a proposed revision to review.",
    args: { id: t.arg.globalID({ required: true, for: ParseRule }) },
    errors: { types: [...MUTATION_ERRORS], directResult: true },
    resolve: async (_root, args, ctx) => {
      const actor = requireActor(ctx);
      const rule = await loadRule(ctx, Number(args.id.id));
      const impact = await ruleImpact(ctx.db, rule);
      const result: ApplyResult = { ruleId: rule.id, dumpIds: [], becameCurrent: 0, proposed: 0 };
      for (const id of impact.dumpIds) {
        // a dump whose new parse is over the SIZE rule keeps its revisions (reparseDump refuses to store it); the others are applied
        const r = await reparseDump(ctx.db, id, { actor, action: 'rule.apply', subject: `rule ${rule.id}`, detail: { ruleId: rule.id } }).catch((e: unknown) => {
          if (e instanceof InvalidSegmentationError) return null;
          throw e;
        });
        if (!r || r.revisionNumber === null) continue;
        result.dumpIds.push(id);
        if (r.becameCurrent) result.becameCurrent++;
        else result.proposed++;
      }
      return result;
    },
  }),
}));
