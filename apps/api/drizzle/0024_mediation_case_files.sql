CREATE TABLE "mediation_case_files" (
	"county_code" varchar(12) NOT NULL,
	"division_code" varchar(12) NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"storage_path" text NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mediation_case_files" ADD CONSTRAINT "mediation_case_files_case_id_mediation_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."mediation_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mediation_case_files_case_idx" ON "mediation_case_files" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "mediation_case_files_path_idx" ON "mediation_case_files" USING btree ("county_code","storage_path");