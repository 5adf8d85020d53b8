CREATE TABLE "title_checks" (
	"county_code" varchar(12) NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title_id" uuid NOT NULL,
	"village_code" varchar(12) NOT NULL,
	"checked_on" date NOT NULL,
	"inspector" text NOT NULL,
	"findings" text NOT NULL,
	"result" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "title_checks_county_code_id_pk" PRIMARY KEY("county_code","id")
);
--> statement-breakpoint
CREATE TABLE "title_complaints" (
	"county_code" varchar(12) NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title_id" uuid NOT NULL,
	"village_code" varchar(12) NOT NULL,
	"received_on" date NOT NULL,
	"channel" text NOT NULL,
	"substance" text NOT NULL,
	"complainant_name" text,
	"reply" text,
	"replied_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "title_complaints_county_code_id_pk" PRIMARY KEY("county_code","id")
);
--> statement-breakpoint
CREATE TABLE "title_decisions" (
	"county_code" varchar(12) NOT NULL,
	"title_id" uuid NOT NULL,
	"awarding_body" text NOT NULL,
	"document_number" text NOT NULL,
	"decided_on" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "title_decisions_county_code_title_id_pk" PRIMARY KEY("county_code","title_id")
);
--> statement-breakpoint
CREATE TABLE "title_rechecks" (
	"county_code" varchar(12) NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title_id" uuid NOT NULL,
	"village_code" varchar(12) NOT NULL,
	"batch_id" uuid NOT NULL,
	"opened_on" date NOT NULL,
	"decided_on" date,
	"outcome" text,
	"reasons" jsonb,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "title_rechecks_county_code_id_pk" PRIMARY KEY("county_code","id")
);
--> statement-breakpoint
CREATE TABLE "title_rectifications" (
	"county_code" varchar(12) NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title_id" uuid NOT NULL,
	"village_code" varchar(12) NOT NULL,
	"issued_on" date NOT NULL,
	"findings" text NOT NULL,
	"deadline" date NOT NULL,
	"reported_on" date,
	"report_note" text,
	"completed_on" date,
	"completion_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "title_rectifications_county_code_id_pk" PRIMARY KEY("county_code","id")
);
--> statement-breakpoint
ALTER TABLE "title_checks" ADD CONSTRAINT "title_checks_county_code_title_id_titles_county_code_id_fk" FOREIGN KEY ("county_code","title_id") REFERENCES "public"."titles"("county_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "title_complaints" ADD CONSTRAINT "title_complaints_county_code_title_id_titles_county_code_id_fk" FOREIGN KEY ("county_code","title_id") REFERENCES "public"."titles"("county_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "title_decisions" ADD CONSTRAINT "title_decisions_county_code_title_id_titles_county_code_id_fk" FOREIGN KEY ("county_code","title_id") REFERENCES "public"."titles"("county_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "title_rechecks" ADD CONSTRAINT "title_rechecks_county_code_title_id_titles_county_code_id_fk" FOREIGN KEY ("county_code","title_id") REFERENCES "public"."titles"("county_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "title_rectifications" ADD CONSTRAINT "title_rectifications_county_code_title_id_titles_county_code_id_fk" FOREIGN KEY ("county_code","title_id") REFERENCES "public"."titles"("county_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "title_checks_title_idx" ON "title_checks" USING btree ("county_code","title_id","checked_on");--> statement-breakpoint
CREATE INDEX "title_complaints_title_idx" ON "title_complaints" USING btree ("county_code","title_id","received_on");--> statement-breakpoint
CREATE UNIQUE INDEX "title_rechecks_one_open" ON "title_rechecks" USING btree ("county_code","title_id") WHERE "title_rechecks"."decided_on" is null;--> statement-breakpoint
CREATE INDEX "title_rechecks_batch_idx" ON "title_rechecks" USING btree ("county_code","batch_id");--> statement-breakpoint
CREATE INDEX "title_rectifications_title_idx" ON "title_rectifications" USING btree ("county_code","title_id","issued_on");