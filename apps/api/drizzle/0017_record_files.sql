CREATE TABLE "record_files" (
	"county_code" varchar(12) NOT NULL,
	"village_code" varchar(12) NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"record_kind" text NOT NULL,
	"meeting_id" uuid,
	"disclosure_id" uuid,
	"rules_id" uuid,
	"purpose" text NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"storage_path" text NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "record_files" ADD CONSTRAINT "record_files_meeting_id_village_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."village_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_files" ADD CONSTRAINT "record_files_disclosure_id_village_disclosures_id_fk" FOREIGN KEY ("disclosure_id") REFERENCES "public"."village_disclosures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_files" ADD CONSTRAINT "record_files_rules_id_village_rule_versions_id_fk" FOREIGN KEY ("rules_id") REFERENCES "public"."village_rule_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "record_files_meeting_idx" ON "record_files" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "record_files_disclosure_idx" ON "record_files" USING btree ("disclosure_id");--> statement-breakpoint
CREATE INDEX "record_files_rules_idx" ON "record_files" USING btree ("rules_id");--> statement-breakpoint
CREATE INDEX "record_files_path_idx" ON "record_files" USING btree ("county_code","storage_path");