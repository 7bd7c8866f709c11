CREATE TABLE "jobs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "jobs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"run_after" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_at" timestamp with time zone,
	"locked_by" text,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "article_bands" (
	"article_id" integer,
	"band" integer,
	"key" bigint NOT NULL,
	CONSTRAINT "article_bands_pkey" PRIMARY KEY("article_id","band")
);
--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce("articles"."headline", '')), 'A') || setweight(to_tsvector('english', "articles"."body"), 'B')) STORED;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "minhash" integer[];--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "enriched_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "articles_search_idx" ON "articles" USING gin ("search");--> statement-breakpoint
CREATE INDEX "jobs_queue_idx" ON "jobs" ("run_after","id") WHERE "status" = 'queued';--> statement-breakpoint
CREATE INDEX "jobs_status_idx" ON "jobs" ("status");--> statement-breakpoint
CREATE INDEX "article_bands_lookup_idx" ON "article_bands" ("band","key");--> statement-breakpoint
ALTER TABLE "article_bands" ADD CONSTRAINT "article_bands_article_id_articles_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE;