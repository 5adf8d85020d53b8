CREATE TABLE "campaigns" (
	"county_code" varchar(12) NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"year" integer NOT NULL,
	"level" text NOT NULL,
	"framework_id" uuid NOT NULL,
	"stage" text DEFAULT 'deploy' NOT NULL,
	"stage_dates" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"notice_days" integer DEFAULT 7 NOT NULL,
	"min_self_score" integer,
	"min_accepted_score" integer,
	"require_lower_title" boolean DEFAULT false NOT NULL,
	"pilot_village_codes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"inspector_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaigns_county_code_id_pk" PRIMARY KEY("county_code","id")
);
--> statement-breakpoint
CREATE TABLE "evidence_files" (
	"county_code" varchar(12) NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"participation_id" uuid NOT NULL,
	"item_code" text NOT NULL,
	"column" text NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"storage_path" text NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evidence_files_county_code_id_pk" PRIMARY KEY("county_code","id")
);
--> statement-breakpoint
CREATE TABLE "frameworks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"version" text NOT NULL,
	"name" text NOT NULL,
	"definition" jsonb NOT NULL,
	"builtin" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "frameworks_code_version" UNIQUE("code","version")
);
--> statement-breakpoint
CREATE TABLE "objections" (
	"county_code" varchar(12) NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"participation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"contact" text NOT NULL,
	"content" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"resolution" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	CONSTRAINT "objections_county_code_id_pk" PRIMARY KEY("county_code","id")
);
--> statement-breakpoint
CREATE TABLE "participations" (
	"county_code" varchar(12) NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"village_code" varchar(12) NOT NULL,
	"township_code" varchar(12) NOT NULL,
	"state" text DEFAULT 'declared' NOT NULL,
	"sheet" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"sheet_updated_by" text,
	"sheet_updated_at" timestamp with time zone,
	"self_total" integer,
	"township_total" integer,
	"county_total" integer,
	"county_grade" text,
	"county_vetoed" boolean DEFAULT false NOT NULL,
	"posted_on" date,
	"named_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "participations_county_code_id_pk" PRIMARY KEY("county_code","id"),
	CONSTRAINT "participations_village" UNIQUE("county_code","campaign_id","village_code")
);
--> statement-breakpoint
CREATE TABLE "revocation_reasons" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "titles" (
	"county_code" varchar(12) NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"village_code" varchar(12) NOT NULL,
	"level" text NOT NULL,
	"year" integer NOT NULL,
	"campaign_id" uuid,
	"named_on" date NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"rechecked_on" date,
	"recheck_outcome" text,
	"recheck_reasons" jsonb,
	"recheck_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "titles_county_code_id_pk" PRIMARY KEY("county_code","id")
);
--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_county_code_participation_id_participations_county_code_id_fk" FOREIGN KEY ("county_code","participation_id") REFERENCES "public"."participations"("county_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_county_code_participation_id_participations_county_code_id_fk" FOREIGN KEY ("county_code","participation_id") REFERENCES "public"."participations"("county_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participations" ADD CONSTRAINT "participations_county_code_campaign_id_campaigns_county_code_id_fk" FOREIGN KEY ("county_code","campaign_id") REFERENCES "public"."campaigns"("county_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evidence_item_idx" ON "evidence_files" USING btree ("county_code","participation_id","item_code");--> statement-breakpoint
CREATE INDEX "participations_campaign_idx" ON "participations" USING btree ("county_code","campaign_id","state");--> statement-breakpoint
CREATE INDEX "titles_village_idx" ON "titles" USING btree ("county_code","village_code");