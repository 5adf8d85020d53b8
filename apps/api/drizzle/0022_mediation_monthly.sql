CREATE TABLE "mediation_monthly" (
	"county_code" varchar(12) NOT NULL,
	"month" date NOT NULL,
	"closed_month" date,
	"received" integer NOT NULL,
	"succeeded" integer NOT NULL,
	"oral" integer NOT NULL,
	"written" integer NOT NULL,
	"petition" integer NOT NULL,
	"criminal" integer NOT NULL,
	CONSTRAINT "mediation_monthly_key" UNIQUE NULLS NOT DISTINCT("county_code","month","closed_month"),
	CONSTRAINT "mediation_monthly_counts" CHECK ("mediation_monthly"."received" >= 0 and "mediation_monthly"."succeeded" >= 0 and "mediation_monthly"."oral" >= 0 and "mediation_monthly"."written" >= 0 and "mediation_monthly"."petition" >= 0 and "mediation_monthly"."criminal" >= 0)
);
--> statement-breakpoint
CREATE INDEX "mediation_monthly_province_idx" ON "mediation_monthly" USING btree (substr("county_code", 1, 2),"month","county_code","closed_month","received","succeeded","oral","written","petition","criminal");--> statement-breakpoint
-- the counts of the cases already recorded (the same aggregate as services/registers/mediation-counts.ts)
INSERT INTO "mediation_monthly" ("county_code", "month", "closed_month", "received", "succeeded", "oral", "written", "petition", "criminal")
SELECT left("division_code", 6) || '000000',
       "received_on" - extract(day from "received_on")::int + 1,
       CASE WHEN "outcome" IN ('succeeded', 'failed', 'terminated', 'to_court') AND "closed_on" IS NOT NULL
            THEN "closed_on" - extract(day from "closed_on")::int + 1 END,
       count(*)::int,
       (count(*) FILTER (WHERE "outcome" = 'succeeded' AND "closed_on" IS NOT NULL))::int,
       (count(*) FILTER (WHERE "method" = 'oral'))::int,
       (count(*) FILTER (WHERE "method" = 'written'))::int,
       (count(*) FILTER (WHERE "escalation" = 'petition'))::int,
       (count(*) FILTER (WHERE "escalation" = 'criminal'))::int
FROM "mediation_cases"
GROUP BY 1, 2, 3;
