CREATE TABLE "villager_projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"township_code" varchar(12) NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"source_kind" text NOT NULL,
	"source" text NOT NULL,
	"raised_by" integer NOT NULL,
	"stage" text DEFAULT 'idea' NOT NULL,
	"screening_reason" text,
	"budget_yuan" bigint,
	"spent_yuan" bigint DEFAULT 0 NOT NULL,
	"percent_done" integer DEFAULT 0 NOT NULL,
	"milestones" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"vote" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "villager_projects_township_idx" ON "villager_projects" USING btree ("township_code","year");