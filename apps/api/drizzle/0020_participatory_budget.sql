CREATE TABLE "key_project_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"on" date NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"people" integer DEFAULT 0 NOT NULL,
	"convenor" text,
	"idea_id" uuid,
	"comment_id" uuid,
	"file_name" text,
	"winning_firm" text,
	"amount_yuan" bigint,
	"engineer_present" boolean,
	"rectification" text,
	"rectified_on" date,
	"satisfied" integer,
	"basically_satisfied" integer,
	"unsatisfied" integer,
	"rectifications" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "key_projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"township_code" varchar(12) NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"villager_project_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "key_project_records" ADD CONSTRAINT "key_project_records_project_id_key_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."key_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_project_records" ADD CONSTRAINT "key_project_records_idea_id_villager_projects_id_fk" FOREIGN KEY ("idea_id") REFERENCES "public"."villager_projects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_project_records" ADD CONSTRAINT "key_project_records_comment_id_public_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."public_comments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_projects" ADD CONSTRAINT "key_projects_villager_project_id_villager_projects_id_fk" FOREIGN KEY ("villager_project_id") REFERENCES "public"."villager_projects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "key_project_records_project_idx" ON "key_project_records" USING btree ("project_id","kind","on");--> statement-breakpoint
CREATE INDEX "key_projects_township_idx" ON "key_projects" USING btree ("township_code","year");--> statement-breakpoint
CREATE UNIQUE INDEX "key_projects_villager_project_uq" ON "key_projects" USING btree ("villager_project_id");