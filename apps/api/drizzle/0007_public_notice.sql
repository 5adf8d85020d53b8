CREATE TABLE "public_request_counters" (
	"key" text PRIMARY KEY NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"hits" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "notice_issuer" text;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "notice_contact" text;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "notice_issued_on" date;