CREATE TABLE "pufa_activity_photos" (
	"county_code" varchar(12) NOT NULL,
	"division_code" varchar(12) NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"storage_path" text NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pufa_activity_photos" ADD CONSTRAINT "pufa_activity_photos_activity_id_pufa_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."pufa_activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pufa_activity_photos_activity_idx" ON "pufa_activity_photos" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "pufa_activity_photos_path_idx" ON "pufa_activity_photos" USING btree ("county_code","storage_path");