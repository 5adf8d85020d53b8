CREATE TABLE "township_files" (
	"county_code" varchar(12) NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"folder_id" uuid NOT NULL,
	"task_report_id" bigint,
	"budget_record_id" uuid,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"storage_path" text NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "township_files_one_owner" CHECK (("township_files"."task_report_id" is null) <> ("township_files"."budget_record_id" is null))
);
--> statement-breakpoint
ALTER TABLE "key_project_records" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "township_files" ADD CONSTRAINT "township_files_task_report_id_task_reports_id_fk" FOREIGN KEY ("task_report_id") REFERENCES "public"."task_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "township_files" ADD CONSTRAINT "township_files_budget_record_id_key_project_records_id_fk" FOREIGN KEY ("budget_record_id") REFERENCES "public"."key_project_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "township_files_report_idx" ON "township_files" USING btree ("task_report_id");--> statement-breakpoint
CREATE INDEX "township_files_budget_record_idx" ON "township_files" USING btree ("budget_record_id");--> statement-breakpoint
CREATE INDEX "township_files_folder_idx" ON "township_files" USING btree ("county_code","folder_id");