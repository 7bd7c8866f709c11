CREATE TABLE "dump_status_changes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dump_status_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"dump_id" integer NOT NULL,
	"revision" integer NOT NULL,
	"status" text NOT NULL,
	"editor" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "warning_dismissals" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "warning_dismissals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"dump_id" integer NOT NULL,
	"code" text NOT NULL,
	"start" integer NOT NULL,
	"end" integer NOT NULL,
	"editor" text NOT NULL,
	"reason" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "dump_status_changes_dump_idx" ON "dump_status_changes" ("dump_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "warning_dismissals_warning_key" ON "warning_dismissals" ("dump_id","code","start","end");--> statement-breakpoint
ALTER TABLE "dump_status_changes" ADD CONSTRAINT "dump_status_changes_dump_id_dumps_id_fkey" FOREIGN KEY ("dump_id") REFERENCES "dumps"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "warning_dismissals" ADD CONSTRAINT "warning_dismissals_dump_id_dumps_id_fkey" FOREIGN KEY ("dump_id") REFERENCES "dumps"("id") ON DELETE CASCADE;