CREATE TABLE "public_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"division_code" varchar(12) NOT NULL,
	"owner_code" varchar(12) NOT NULL,
	"channel" text NOT NULL,
	"subject" text NOT NULL,
	"content" text NOT NULL,
	"contact" text,
	"received_on" date NOT NULL,
	"deadline" date NOT NULL,
	"reply" text,
	"replied_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"assigner_code" varchar(12) NOT NULL,
	"owner_code" varchar(12) NOT NULL,
	"owner_unit" text,
	"title" text NOT NULL,
	"source" text NOT NULL,
	"detail" text DEFAULT '' NOT NULL,
	"responsible" text NOT NULL,
	"assigned_on" date NOT NULL,
	"deadline" date NOT NULL,
	"milestones" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"state" text DEFAULT 'assigned' NOT NULL,
	"percent_done" integer DEFAULT 0 NOT NULL,
	"extension_pending" boolean DEFAULT false NOT NULL,
	"extension_to" date,
	"extension_reason" text,
	"rating" text,
	"rating_note" text,
	"closed_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_reports" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "task_reports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"task_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"on" date NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"percent_done" integer,
	"files" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"by_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "villager_projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"county_code" varchar(12) NOT NULL,
	"township_code" varchar(12) NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"source_kind" text NOT NULL,
	"source" text NOT NULL,
	"raised_by" integer NOT NULL,
	"stage" text DEFAULT 'idea' NOT NULL,
	"screening_reason" text,
	"budget_yuan" bigint,
	"spent_yuan" bigint DEFAULT 0 NOT NULL,
	"percent_done" integer DEFAULT 0 NOT NULL,
	"milestones" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"vote" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "task_reports" ADD CONSTRAINT "task_reports_task_id_supervision_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."supervision_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "public_comments_owner_idx" ON "public_comments" USING btree ("owner_code","deadline");--> statement-breakpoint
CREATE INDEX "public_comments_division_idx" ON "public_comments" USING btree ("division_code","received_on");--> statement-breakpoint
CREATE INDEX "supervision_tasks_owner_idx" ON "supervision_tasks" USING btree ("owner_code","deadline");--> statement-breakpoint
CREATE INDEX "supervision_tasks_assigner_idx" ON "supervision_tasks" USING btree ("assigner_code","deadline");--> statement-breakpoint
CREATE INDEX "task_reports_task_idx" ON "task_reports" USING btree ("task_id","id");--> statement-breakpoint
CREATE INDEX "villager_projects_township_idx" ON "villager_projects" USING btree ("township_code","year");