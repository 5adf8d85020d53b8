CREATE TABLE "meeting_resolutions" (
	"county_code" varchar(12) NOT NULL,
	"village_code" varchar(12) NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"matter" text,
	"votes_for" integer NOT NULL,
	"votes_against" integer NOT NULL,
	"abstentions" integer NOT NULL,
	"representatives" integer,
	"representatives_votes_for" integer,
	"check" jsonb,
	"passed" boolean,
	"problem_count" integer DEFAULT 0 NOT NULL,
	"rule_version" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "village_disclosures" (
	"county_code" varchar(12) NOT NULL,
	"village_code" varchar(12) NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"category" text NOT NULL,
	"period" text NOT NULL,
	"posted_on" date NOT NULL,
	"taken_down_on" date,
	"channel" text NOT NULL,
	"summary" text NOT NULL,
	"resolution_id" uuid,
	"corrected_after_submission" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "village_elections" (
	"county_code" varchar(12) NOT NULL,
	"village_code" varchar(12) NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"date" date NOT NULL,
	"figures" jsonb NOT NULL,
	"check" jsonb NOT NULL,
	"problem_count" integer DEFAULT 0 NOT NULL,
	"corrected_after_submission" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "village_groups" (
	"county_code" varchar(12) NOT NULL,
	"village_code" varchar(12) NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"households" integer NOT NULL,
	"voters" integer NOT NULL,
	"representatives" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "village_groups_name" UNIQUE("village_code","name")
);
--> statement-breakpoint
CREATE TABLE "village_matters" (
	"county_code" varchar(12) NOT NULL,
	"village_code" varchar(12) NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"started_on" date NOT NULL,
	"steps" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"secretary_is_chair" boolean DEFAULT false NOT NULL,
	"check" jsonb NOT NULL,
	"complete" boolean DEFAULT false NOT NULL,
	"corrected_after_submission" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "village_meetings" (
	"county_code" varchar(12) NOT NULL,
	"village_code" varchar(12) NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid,
	"body" text NOT NULL,
	"date" date NOT NULL,
	"convenor" text DEFAULT '' NOT NULL,
	"eligible" integer NOT NULL,
	"register_eligible" integer,
	"attendees" integer NOT NULL,
	"minutes" text DEFAULT '' NOT NULL,
	"corrected_after_submission" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "village_rule_versions" (
	"county_code" varchar(12) NOT NULL,
	"village_code" varchar(12) NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"label" text NOT NULL,
	"text" text NOT NULL,
	"meeting_id" uuid,
	"adopted_on" date NOT NULL,
	"filed_on" date,
	"received_on" date,
	"reviewer" text,
	"review_state" text DEFAULT 'pending' NOT NULL,
	"review_findings" text,
	"reviewed_on" date,
	"published_on" date,
	"check" jsonb,
	"screen" jsonb,
	"corrected_after_submission" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "meeting_resolutions" ADD CONSTRAINT "meeting_resolutions_meeting_id_village_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."village_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "village_disclosures" ADD CONSTRAINT "village_disclosures_resolution_id_meeting_resolutions_id_fk" FOREIGN KEY ("resolution_id") REFERENCES "public"."meeting_resolutions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "village_meetings" ADD CONSTRAINT "village_meetings_group_id_village_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."village_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "village_rule_versions" ADD CONSTRAINT "village_rule_versions_meeting_id_village_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."village_meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_resolutions_meeting_idx" ON "meeting_resolutions" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE INDEX "meeting_resolutions_village_idx" ON "meeting_resolutions" USING btree ("village_code");--> statement-breakpoint
CREATE INDEX "village_disclosures_village_idx" ON "village_disclosures" USING btree ("village_code","posted_on");--> statement-breakpoint
CREATE INDEX "village_elections_village_idx" ON "village_elections" USING btree ("village_code","kind","date");--> statement-breakpoint
CREATE INDEX "village_groups_county_idx" ON "village_groups" USING btree ("county_code","village_code");--> statement-breakpoint
CREATE INDEX "village_matters_village_idx" ON "village_matters" USING btree ("village_code","started_on");--> statement-breakpoint
CREATE INDEX "village_meetings_village_date_idx" ON "village_meetings" USING btree ("village_code","date");--> statement-breakpoint
CREATE INDEX "village_meetings_scope_idx" ON "village_meetings" USING btree ("village_code" varchar_pattern_ops,"date");--> statement-breakpoint
CREATE INDEX "village_rule_versions_village_idx" ON "village_rule_versions" USING btree ("village_code","kind","adopted_on");