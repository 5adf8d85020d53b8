CREATE TABLE "cross_check_grants" (
	"county_code" varchar(12) NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"township_code" varchar(12) NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cross_check_grants_county_code_id_pk" PRIMARY KEY("county_code","id"),
	CONSTRAINT "cross_check_grants_once" UNIQUE("county_code","campaign_id","user_id","township_code")
);
--> statement-breakpoint
CREATE TABLE "deadline_extensions" (
	"county_code" varchar(12) NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"from_date" date,
	"to_date" date NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deadline_extensions_county_code_id_pk" PRIMARY KEY("county_code","id")
);
--> statement-breakpoint
CREATE TABLE "pilot_meetings" (
	"county_code" varchar(12) NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"place" text NOT NULL,
	"attendees" integer NOT NULL,
	"summary" text NOT NULL,
	"file_names" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pilot_meetings_county_code_id_pk" PRIMARY KEY("county_code","id")
);
--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "rolled_out_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "closing_summary" text;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "closing_figures" jsonb;--> statement-breakpoint
ALTER TABLE "cross_check_grants" ADD CONSTRAINT "cross_check_grants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cross_check_grants" ADD CONSTRAINT "cross_check_grants_county_code_campaign_id_campaigns_county_code_id_fk" FOREIGN KEY ("county_code","campaign_id") REFERENCES "public"."campaigns"("county_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadline_extensions" ADD CONSTRAINT "deadline_extensions_county_code_campaign_id_campaigns_county_code_id_fk" FOREIGN KEY ("county_code","campaign_id") REFERENCES "public"."campaigns"("county_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_meetings" ADD CONSTRAINT "pilot_meetings_county_code_campaign_id_campaigns_county_code_id_fk" FOREIGN KEY ("county_code","campaign_id") REFERENCES "public"."campaigns"("county_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deadline_extensions_campaign_idx" ON "deadline_extensions" USING btree ("county_code","campaign_id");