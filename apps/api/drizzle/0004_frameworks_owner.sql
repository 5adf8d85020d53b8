ALTER TABLE "frameworks" DROP CONSTRAINT "frameworks_code_version";--> statement-breakpoint
ALTER TABLE "frameworks" ADD COLUMN "owner_county_code" text;--> statement-breakpoint
CREATE UNIQUE INDEX "frameworks_owner_code_version" ON "frameworks" USING btree (coalesce("owner_county_code", ''),"code","version");--> statement-breakpoint
-- Frameworks a county imported before they had an owner become that county's (from the audit log).
UPDATE "frameworks" AS f SET "owner_county_code" = a."county_code" FROM "audit_events" AS a WHERE a."action" = 'frameworks.import' AND a."entity_id" = f."id"::text AND a."county_code" IS NOT NULL AND NOT f."builtin";
