-- Rules stored twice before the index (a check-then-insert let two identical rules in): the oldest of each set is kept (the one the duplicate check names), the others are removed and each removal is in the audit log, as deleteParseRule logs it. Spans that name a removed rule keep its name until re-parsed, as after any removal.
WITH ranked AS (
	SELECT "id", min("id") OVER (PARTITION BY "action", "scope", coalesce("source_key", ''), "line_key") AS "keep" FROM "parse_rules"
), gone AS (
	DELETE FROM "parse_rules" p USING ranked r WHERE p."id" = r."id" AND r."id" <> r."keep"
	RETURNING p."id", r."keep", p."action", p."scope", p."line_text", p."source_name", p."dump_id"
)
INSERT INTO "audit_log" ("actor", "action", "dump_id", "subject", "detail", "origin")
SELECT 'system', 'rule.delete', "dump_id", 'rule ' || "id", jsonb_build_object('ruleId', "id", 'action', "action", 'scope', "scope", 'lineText', "line_text", 'source', "source_name", 'duplicateOf', "keep"), 'migration' FROM gone;
--> statement-breakpoint
CREATE UNIQUE INDEX "parse_rules_same_rule_key" ON "parse_rules" ("action","scope",coalesce("source_key", ''),md5("line_key"));
