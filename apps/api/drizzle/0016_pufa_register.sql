CREATE TABLE "pufa_activities" (
	"county_code" varchar(12) NOT NULL,
	"township_code" varchar(12) NOT NULL,
	"division_code" varchar(12) NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type" text NOT NULL,
	"held_on" date NOT NULL,
	"place" text NOT NULL,
	"organiser" text NOT NULL,
	"participants" integer NOT NULL,
	"materials" integer DEFAULT 0 NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pufa_plan_items" (
	"county_code" varchar(12) NOT NULL,
	"division_code" varchar(12) NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" smallint NOT NULL,
	"title" text NOT NULL,
	"activity_type" text,
	"target_count" integer,
	"due_on" date NOT NULL,
	"progress" smallint DEFAULT 0 NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pufa_roster" (
	"county_code" varchar(12) NOT NULL,
	"township_code" varchar(12) NOT NULL,
	"village_code" varchar(12) NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"role" text NOT NULL,
	"name" text NOT NULL,
	"training_hours" double precision DEFAULT 0 NOT NULL,
	"exam_result" text DEFAULT 'not_taken' NOT NULL,
	"exam_on" date,
	"notes" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "pufa_activities_county_held_idx" ON "pufa_activities" USING btree ("county_code","held_on","division_code","type","participants","materials");--> statement-breakpoint
CREATE INDEX "pufa_activities_division_held_idx" ON "pufa_activities" USING btree ("division_code","held_on");--> statement-breakpoint
CREATE INDEX "pufa_plan_items_division_year_idx" ON "pufa_plan_items" USING btree ("division_code","year");--> statement-breakpoint
CREATE INDEX "pufa_roster_village_idx" ON "pufa_roster" USING btree ("village_code","role");--> statement-breakpoint
CREATE INDEX "pufa_roster_county_idx" ON "pufa_roster" USING btree ("county_code","village_code");