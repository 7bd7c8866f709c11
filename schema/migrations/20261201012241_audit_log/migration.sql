CREATE TABLE "audit_log" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"dump_id" integer,
	"subject" text,
	"detail" jsonb DEFAULT '{}' NOT NULL,
	"origin" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "audit_log_dump_idx" ON "audit_log" ("dump_id","id");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" ("actor","id");--> statement-breakpoint
CREATE INDEX "audit_log_action_idx" ON "audit_log" ("action","id");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" ("at");