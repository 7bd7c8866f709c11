CREATE TABLE "dumps" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dumps_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"content_hash" text NOT NULL,
	"text" text NOT NULL,
	"filename" text,
	"url" text,
	"fetched_at" timestamp with time zone,
	"status" text DEFAULT 'new' NOT NULL,
	"template" text DEFAULT 'unknown' NOT NULL,
	"confidence" real DEFAULT 0 NOT NULL,
	"current_revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "segmentation_revisions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "segmentation_revisions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"dump_id" integer NOT NULL,
	"number" integer NOT NULL,
	"base_number" integer,
	"author" text NOT NULL,
	"parser_version" text,
	"segments" jsonb NOT NULL,
	"warnings" jsonb DEFAULT '[]' NOT NULL,
	"confidence" real DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "segmentation_revisions_number_positive" CHECK ("number" >= 1)
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sources_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"key" text NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "articles" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "articles_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"fingerprint" text NOT NULL,
	"headline" text,
	"byline" text,
	"source_id" integer,
	"published" text,
	"published_at" timestamp with time zone,
	"section" text,
	"body" text DEFAULT '' NOT NULL,
	"copyright" text,
	"subheads" jsonb DEFAULT '[]' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appearances" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "appearances_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"article_id" integer NOT NULL,
	"dump_id" integer NOT NULL,
	"role" text NOT NULL,
	"position" integer NOT NULL,
	"start" integer NOT NULL,
	"end" integer NOT NULL,
	"confidence" real DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "article_topics" (
	"article_id" integer,
	"topic_id" integer,
	"weight" real DEFAULT 1 NOT NULL,
	CONSTRAINT "article_topics_pkey" PRIMARY KEY("article_id","topic_id")
);
--> statement-breakpoint
CREATE TABLE "topics" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "topics_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"key" text NOT NULL,
	"name" text NOT NULL,
	"kind" text DEFAULT 'subject' NOT NULL,
	"merged_into_id" integer
);
--> statement-breakpoint
CREATE TABLE "story_edges" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "story_edges_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"from_article_id" integer NOT NULL,
	"to_article_id" integer NOT NULL,
	"kind" text NOT NULL,
	"weight" real DEFAULT 1 NOT NULL,
	"dump_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "dumps_content_hash_key" ON "dumps" ("content_hash");--> statement-breakpoint
CREATE INDEX "dumps_review_idx" ON "dumps" ("status","confidence","id");--> statement-breakpoint
CREATE UNIQUE INDEX "segmentation_revisions_dump_number_key" ON "segmentation_revisions" ("dump_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "sources_key_key" ON "sources" ("key");--> statement-breakpoint
CREATE UNIQUE INDEX "articles_fingerprint_key" ON "articles" ("fingerprint");--> statement-breakpoint
CREATE INDEX "articles_source_idx" ON "articles" ("source_id");--> statement-breakpoint
CREATE INDEX "articles_published_at_idx" ON "articles" ("published_at");--> statement-breakpoint
CREATE UNIQUE INDEX "appearances_dump_position_key" ON "appearances" ("dump_id","position");--> statement-breakpoint
CREATE INDEX "appearances_article_idx" ON "appearances" ("article_id");--> statement-breakpoint
CREATE INDEX "article_topics_topic_idx" ON "article_topics" ("topic_id");--> statement-breakpoint
CREATE UNIQUE INDEX "topics_key_key" ON "topics" ("key");--> statement-breakpoint
CREATE UNIQUE INDEX "story_edges_from_to_kind_key" ON "story_edges" ("from_article_id","to_article_id","kind");--> statement-breakpoint
CREATE INDEX "story_edges_to_idx" ON "story_edges" ("to_article_id");--> statement-breakpoint
ALTER TABLE "segmentation_revisions" ADD CONSTRAINT "segmentation_revisions_dump_id_dumps_id_fkey" FOREIGN KEY ("dump_id") REFERENCES "dumps"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "articles" ADD CONSTRAINT "articles_source_id_sources_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "appearances" ADD CONSTRAINT "appearances_article_id_articles_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "appearances" ADD CONSTRAINT "appearances_dump_id_dumps_id_fkey" FOREIGN KEY ("dump_id") REFERENCES "dumps"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "article_topics" ADD CONSTRAINT "article_topics_article_id_articles_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "article_topics" ADD CONSTRAINT "article_topics_topic_id_topics_id_fkey" FOREIGN KEY ("topic_id") REFERENCES "topics"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "topics" ADD CONSTRAINT "topics_merged_into_id_topics_id_fkey" FOREIGN KEY ("merged_into_id") REFERENCES "topics"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "story_edges" ADD CONSTRAINT "story_edges_from_article_id_articles_id_fkey" FOREIGN KEY ("from_article_id") REFERENCES "articles"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "story_edges" ADD CONSTRAINT "story_edges_to_article_id_articles_id_fkey" FOREIGN KEY ("to_article_id") REFERENCES "articles"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "story_edges" ADD CONSTRAINT "story_edges_dump_id_dumps_id_fkey" FOREIGN KEY ("dump_id") REFERENCES "dumps"("id") ON DELETE SET NULL;