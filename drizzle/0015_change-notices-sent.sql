CREATE TABLE "change_notices_sent" (
	"meeting_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"sequence" integer NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "change_notices_sent_meeting_id_person_id_sequence_pk" PRIMARY KEY("meeting_id","person_id","sequence")
);
--> statement-breakpoint
ALTER TABLE "change_notices_sent" ADD CONSTRAINT "change_notices_sent_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_notices_sent" ADD CONSTRAINT "change_notices_sent_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;