ALTER TABLE "reminder_preferences" ADD COLUMN "rota_requests" boolean DEFAULT true NOT NULL;--> statement-breakpoint
-- Someone who had turned every e-mail of a group off (an unsubscribe link does) is not asked for volunteers either.
UPDATE "reminder_preferences" SET "rota_requests" = false WHERE NOT "day_before" AND NOT "hour_before" AND NOT "weekly_digest";
