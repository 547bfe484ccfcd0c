CREATE TABLE "agreement_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"text" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"proposed_by" uuid,
	"proposed_at" timestamp with time zone NOT NULL,
	"objections_close_at" timestamp with time zone NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"settled_at" timestamp with time zone,
	CONSTRAINT "agreement_changes_state_known" CHECK ("agreement_changes"."state" in ('open', 'objected', 'adopted'))
);
--> statement-breakpoint
CREATE TABLE "agreement_objections" (
	"change_id" uuid NOT NULL,
	"person_id" uuid,
	"reason" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "split_choices" (
	"proposal_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"part" smallint,
	"chosen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "split_choices_proposal_id_person_id_pk" PRIMARY KEY("proposal_id","person_id"),
	CONSTRAINT "split_choices_part_known" CHECK ("split_choices"."part" is null or "split_choices"."part" in (1, 2))
);
--> statement-breakpoint
CREATE TABLE "split_parts" (
	"proposal_id" uuid NOT NULL,
	"part" smallint NOT NULL,
	"name" text NOT NULL,
	"weekday" smallint NOT NULL,
	"start_time" time NOT NULL,
	"facilitator_ids" uuid[] NOT NULL,
	"group_id" uuid,
	CONSTRAINT "split_parts_proposal_id_part_pk" PRIMARY KEY("proposal_id","part"),
	CONSTRAINT "split_parts_part_known" CHECK ("split_parts"."part" in (1, 2)),
	CONSTRAINT "split_parts_weekday_range" CHECK ("split_parts"."weekday" between 0 and 6)
);
--> statement-breakpoint
CREATE TABLE "split_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"proposed_by" uuid,
	"proposed_at" timestamp with time zone NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"done_at" timestamp with time zone,
	CONSTRAINT "split_proposals_state_known" CHECK ("split_proposals"."state" in ('open', 'done', 'withdrawn'))
);
--> statement-breakpoint
ALTER TABLE "groups" ADD COLUMN "agreement_changed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "groups" ADD COLUMN "parent_group_id" uuid;--> statement-breakpoint
ALTER TABLE "groups" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "groups" ADD COLUMN "erased_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "agreement_changes" ADD CONSTRAINT "agreement_changes_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_changes" ADD CONSTRAINT "agreement_changes_proposed_by_people_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_objections" ADD CONSTRAINT "agreement_objections_change_id_agreement_changes_id_fk" FOREIGN KEY ("change_id") REFERENCES "public"."agreement_changes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_objections" ADD CONSTRAINT "agreement_objections_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "split_choices" ADD CONSTRAINT "split_choices_proposal_id_split_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."split_proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "split_choices" ADD CONSTRAINT "split_choices_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "split_parts" ADD CONSTRAINT "split_parts_proposal_id_split_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."split_proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "split_parts" ADD CONSTRAINT "split_parts_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "split_proposals" ADD CONSTRAINT "split_proposals_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "split_proposals" ADD CONSTRAINT "split_proposals_proposed_by_people_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_changes_one_open_idx" ON "agreement_changes" USING btree ("group_id") WHERE "agreement_changes"."state" = 'open';--> statement-breakpoint
CREATE INDEX "agreement_changes_group_idx" ON "agreement_changes" USING btree ("group_id","proposed_at");--> statement-breakpoint
CREATE INDEX "agreement_changes_due_idx" ON "agreement_changes" USING btree ("objections_close_at") WHERE "agreement_changes"."state" = 'open';--> statement-breakpoint
CREATE INDEX "agreement_objections_change_idx" ON "agreement_objections" USING btree ("change_id");--> statement-breakpoint
CREATE UNIQUE INDEX "split_proposals_one_open_idx" ON "split_proposals" USING btree ("group_id") WHERE "split_proposals"."state" = 'open';--> statement-breakpoint
ALTER TABLE "groups" ADD CONSTRAINT "groups_parent_group_id_groups_id_fk" FOREIGN KEY ("parent_group_id") REFERENCES "public"."groups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "groups_parent_idx" ON "groups" USING btree ("parent_group_id");