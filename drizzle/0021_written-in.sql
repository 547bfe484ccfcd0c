ALTER TABLE "groups" ADD COLUMN "written_in" text;--> statement-breakpoint
-- A group that meets in one language wrote its page in it.
UPDATE "groups" SET "written_in" = "languages"[1] WHERE cardinality("languages") = 1;--> statement-breakpoint
ALTER TABLE "groups" ADD CONSTRAINT "groups_written_in_spoken" CHECK ("groups"."written_in" is null or "groups"."written_in" = any("groups"."languages"));