CREATE TABLE "topic_aliases" (
	"topic_id" integer,
	"key" text,
	"name" text NOT NULL,
	CONSTRAINT "topic_aliases_pkey" PRIMARY KEY("topic_id","key")
);
--> statement-breakpoint
CREATE INDEX "topic_aliases_key_idx" ON "topic_aliases" ("key");--> statement-breakpoint
ALTER TABLE "topic_aliases" ADD CONSTRAINT "topic_aliases_topic_id_topics_id_fkey" FOREIGN KEY ("topic_id") REFERENCES "topics"("id") ON DELETE CASCADE;