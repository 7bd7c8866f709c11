CREATE TABLE "stories" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stories_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"headline" text,
	"title" text,
	"size" integer DEFAULT 0 NOT NULL,
	"first_seen_at" timestamp with time zone,
	"last_seen_at" timestamp with time zone,
	"merged_into_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "story_articles" (
	"article_id" integer PRIMARY KEY,
	"story_id" integer NOT NULL,
	"seen_at" timestamp with time zone NOT NULL,
	"pinned" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "story_exclusions" (
	"article_id" integer,
	"story_id" integer,
	CONSTRAINT "story_exclusions_pkey" PRIMARY KEY("article_id","story_id")
);
--> statement-breakpoint
CREATE INDEX "stories_last_seen_idx" ON "stories" ("last_seen_at","id");--> statement-breakpoint
CREATE INDEX "stories_size_idx" ON "stories" ("size","id");--> statement-breakpoint
CREATE INDEX "story_articles_story_seen_idx" ON "story_articles" ("story_id","seen_at","article_id");--> statement-breakpoint
ALTER TABLE "stories" ADD CONSTRAINT "stories_merged_into_id_stories_id_fkey" FOREIGN KEY ("merged_into_id") REFERENCES "stories"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "story_articles" ADD CONSTRAINT "story_articles_article_id_articles_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "story_articles" ADD CONSTRAINT "story_articles_story_id_stories_id_fkey" FOREIGN KEY ("story_id") REFERENCES "stories"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "story_exclusions" ADD CONSTRAINT "story_exclusions_article_id_articles_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "story_exclusions" ADD CONSTRAINT "story_exclusions_story_id_stories_id_fkey" FOREIGN KEY ("story_id") REFERENCES "stories"("id") ON DELETE CASCADE;