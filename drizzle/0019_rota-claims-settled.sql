ALTER TABLE "meetings" ADD COLUMN "rota_settled_at" timestamp with time zone;--> statement-breakpoint
-- Groups asked before settling existed were asked (or released when they could not be).
UPDATE "meetings" SET "rota_settled_at" = "rota_asked_at" WHERE "rota_asked_at" IS NOT NULL;
