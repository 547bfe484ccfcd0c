ALTER TABLE "change_notices_sent" ADD COLUMN "settled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "digests_sent" ADD COLUMN "settled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reminders_sent" ADD COLUMN "settled_at" timestamp with time zone;--> statement-breakpoint
-- Claims made before settling existed were sent (or released when they could not be).
UPDATE "change_notices_sent" SET "settled_at" = "sent_at";--> statement-breakpoint
UPDATE "digests_sent" SET "settled_at" = "sent_at";--> statement-breakpoint
UPDATE "reminders_sent" SET "settled_at" = "sent_at";
