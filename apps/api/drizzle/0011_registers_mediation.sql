CREATE TABLE "dispute_screenings" (
	"county_code" varchar(12) NOT NULL,
	"township_code" varchar(12) NOT NULL,
	"village_code" varchar(12) NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"month" varchar(7) NOT NULL,
	"screened_on" date,
	"zero_report" boolean NOT NULL,
	"disputes_found" integer DEFAULT 0 NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"reported_on" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dispute_screenings_village_month" UNIQUE("village_code","month")
);
--> statement-breakpoint
CREATE TABLE "mediation_cases" (
	"county_code" varchar(12) NOT NULL,
	"township_code" varchar(12) NOT NULL,
	"division_code" varchar(12) NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"received_on" date NOT NULL,
	"type" text NOT NULL,
	"parties" integer NOT NULL,
	"party_names" text,
	"mediator" text DEFAULT '' NOT NULL,
	"method" text NOT NULL,
	"outcome" text NOT NULL,
	"closed_on" date,
	"escalation" text DEFAULT 'none' NOT NULL,
	"agreement_no" text,
	"notes" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "register_periods" (
	"county_code" varchar(12) NOT NULL,
	"township_code" varchar(12) NOT NULL,
	"month" varchar(7) NOT NULL,
	"locked" boolean NOT NULL,
	"locked_at" timestamp with time zone,
	"locked_by" text,
	"reopen_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "register_periods_township_code_month_pk" PRIMARY KEY("township_code","month")
);
--> statement-breakpoint
CREATE INDEX "dispute_screenings_township_month_idx" ON "dispute_screenings" USING btree ("township_code","month");--> statement-breakpoint
CREATE INDEX "mediation_cases_county_received_idx" ON "mediation_cases" USING btree ("county_code","received_on","division_code","outcome","method","closed_on","escalation");--> statement-breakpoint
CREATE INDEX "mediation_cases_township_received_idx" ON "mediation_cases" USING btree ("township_code","received_on","division_code","outcome","method","closed_on","escalation");--> statement-breakpoint
CREATE INDEX "mediation_cases_division_received_idx" ON "mediation_cases" USING btree ("division_code","received_on");