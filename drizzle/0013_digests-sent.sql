CREATE TABLE "digests_sent" (
	"group_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"week_of" date NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "digests_sent_group_id_person_id_week_of_pk" PRIMARY KEY("group_id","person_id","week_of")
);
--> statement-breakpoint
ALTER TABLE "digests_sent" ADD CONSTRAINT "digests_sent_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "digests_sent" ADD CONSTRAINT "digests_sent_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;