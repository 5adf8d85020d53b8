CREATE TABLE "county_units" (
	"county_code" varchar(12) NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "county_units_county_code_id_pk" PRIMARY KEY("county_code","id")
);
--> statement-breakpoint
ALTER TABLE "participations" DROP CONSTRAINT "participations_village";--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "mode" text DEFAULT 'creation' NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "subject_level" text DEFAULT 'village' NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "public_notice" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "recommendation_quota" integer;--> statement-breakpoint
ALTER TABLE "participations" ADD COLUMN "unit_id" uuid;--> statement-breakpoint
ALTER TABLE "participations" ADD COLUMN "outcome" text;--> statement-breakpoint
ALTER TABLE "participations" ADD COLUMN "outcome_note" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "unit_id" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "county_units_name" ON "county_units" USING btree ("county_code","name");--> statement-breakpoint
CREATE UNIQUE INDEX "county_units_id" ON "county_units" USING btree ("id");--> statement-breakpoint
ALTER TABLE "participations" ADD CONSTRAINT "participations_subject" UNIQUE NULLS NOT DISTINCT("county_code","campaign_id","village_code","unit_id");