CREATE TABLE "line_memory" (
	"key" text PRIMARY KEY,
	"text" text NOT NULL,
	"stories" integer DEFAULT 0 NOT NULL,
	"sources" integer DEFAULT 0 NOT NULL,
	"vetoed_at" timestamp with time zone,
	"vetoed_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "line_sightings" (
	"line_key" text,
	"story_key" text,
	"source_key" text DEFAULT '',
	"dump_id" integer,
	CONSTRAINT "line_sightings_pkey" PRIMARY KEY("line_key","story_key","source_key")
);
--> statement-breakpoint
CREATE TABLE "parse_rules" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "parse_rules_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"action" text DEFAULT 'boilerplate' NOT NULL,
	"scope" text NOT NULL,
	"source_key" text,
	"source_name" text,
	"line_text" text NOT NULL,
	"line_key" text NOT NULL,
	"note" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone,
	"dump_id" integer,
	CONSTRAINT "parse_rules_scope_source" CHECK (("scope" = 'everywhere' and "source_key" is null) or ("scope" = 'source' and "source_key" is not null))
);
--> statement-breakpoint
CREATE INDEX "line_memory_stories_idx" ON "line_memory" ("stories" DESC NULLS LAST,"key");--> statement-breakpoint
CREATE INDEX "line_sightings_source_idx" ON "line_sightings" ("source_key","line_key");--> statement-breakpoint
CREATE INDEX "parse_rules_line_key_idx" ON "parse_rules" ("line_key");--> statement-breakpoint
ALTER TABLE "line_sightings" ADD CONSTRAINT "line_sightings_dump_id_dumps_id_fkey" FOREIGN KEY ("dump_id") REFERENCES "dumps"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "parse_rules" ADD CONSTRAINT "parse_rules_dump_id_dumps_id_fkey" FOREIGN KEY ("dump_id") REFERENCES "dumps"("id") ON DELETE SET NULL;