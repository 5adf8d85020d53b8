ALTER TABLE "campaigns" ADD COLUMN "record_from" date;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "record_to" date;