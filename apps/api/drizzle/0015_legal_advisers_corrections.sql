CREATE TABLE "adviser_contracts" (
	"county_code" varchar(12) NOT NULL,
	"township_code" varchar(12) NOT NULL,
	"village_code" varchar(12) NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"adviser_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "adviser_duty_days" (
	"county_code" varchar(12) NOT NULL,
	"township_code" varchar(12) NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"adviser_id" uuid NOT NULL,
	"date" date NOT NULL,
	"place" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "adviser_services" (
	"county_code" varchar(12) NOT NULL,
	"township_code" varchar(12) NOT NULL,
	"division_code" varchar(12) NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"adviser_id" uuid NOT NULL,
	"date" date NOT NULL,
	"kind" text NOT NULL,
	"count" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "correction_figures" (
	"county_code" varchar(12) NOT NULL,
	"township_code" varchar(12) NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"month" varchar(7) NOT NULL,
	"under_correction" integer NOT NULL,
	"newly_received" integer NOT NULL,
	"released" integer NOT NULL,
	"helped" integer NOT NULL,
	"files_opened" integer NOT NULL,
	"reported_on" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "correction_figures_township_month" UNIQUE("township_code","month")
);
--> statement-breakpoint
CREATE TABLE "legal_advisers" (
	"county_code" varchar(12) NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"firm" text NOT NULL,
	"phone" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "adviser_contracts" ADD CONSTRAINT "adviser_contracts_adviser_id_legal_advisers_id_fk" FOREIGN KEY ("adviser_id") REFERENCES "public"."legal_advisers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adviser_duty_days" ADD CONSTRAINT "adviser_duty_days_adviser_id_legal_advisers_id_fk" FOREIGN KEY ("adviser_id") REFERENCES "public"."legal_advisers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adviser_services" ADD CONSTRAINT "adviser_services_adviser_id_legal_advisers_id_fk" FOREIGN KEY ("adviser_id") REFERENCES "public"."legal_advisers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "adviser_contracts_village_idx" ON "adviser_contracts" USING btree ("village_code","starts_on","ends_on");--> statement-breakpoint
CREATE INDEX "adviser_contracts_county_idx" ON "adviser_contracts" USING btree ("county_code","ends_on","starts_on","village_code");--> statement-breakpoint
CREATE INDEX "adviser_contracts_adviser_idx" ON "adviser_contracts" USING btree ("adviser_id");--> statement-breakpoint
CREATE INDEX "adviser_duty_days_township_idx" ON "adviser_duty_days" USING btree ("township_code","date");--> statement-breakpoint
CREATE INDEX "adviser_services_county_idx" ON "adviser_services" USING btree ("county_code","date","division_code","kind");--> statement-breakpoint
CREATE INDEX "adviser_services_division_idx" ON "adviser_services" USING btree ("division_code","date");--> statement-breakpoint
CREATE INDEX "correction_figures_county_month_idx" ON "correction_figures" USING btree ("county_code","month");--> statement-breakpoint
CREATE INDEX "legal_advisers_county_idx" ON "legal_advisers" USING btree ("county_code","name");