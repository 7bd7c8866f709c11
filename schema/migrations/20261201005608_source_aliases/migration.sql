CREATE TABLE "source_aliases" (
	"key" text PRIMARY KEY,
	"source_id" integer NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sources" ADD COLUMN "merged_into_id" integer;--> statement-breakpoint
CREATE INDEX "source_aliases_source_idx" ON "source_aliases" ("source_id");--> statement-breakpoint
ALTER TABLE "source_aliases" ADD CONSTRAINT "source_aliases_source_id_sources_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_merged_into_id_sources_id_fkey" FOREIGN KEY ("merged_into_id") REFERENCES "sources"("id") ON DELETE SET NULL;