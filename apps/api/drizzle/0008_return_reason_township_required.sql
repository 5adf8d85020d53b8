ALTER TABLE "campaigns" ADD COLUMN "township_score_required" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "participations" ADD COLUMN "returned_reason" text;