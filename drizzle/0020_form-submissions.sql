CREATE TABLE "form_submissions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"led_to" text
);
