CREATE TABLE "pilot_meeting_files" (
	"county_code" varchar(12) NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"storage_path" text NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pilot_meeting_files_county_code_id_pk" PRIMARY KEY("county_code","id")
);
--> statement-breakpoint
ALTER TABLE "pilot_meeting_files" ADD CONSTRAINT "pilot_meeting_files_county_code_meeting_id_pilot_meetings_county_code_id_fk" FOREIGN KEY ("county_code","meeting_id") REFERENCES "public"."pilot_meetings"("county_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pilot_meeting_files_meeting_idx" ON "pilot_meeting_files" USING btree ("county_code","meeting_id");