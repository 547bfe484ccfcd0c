CREATE TABLE "difficulties" (
	"slug" text PRIMARY KEY NOT NULL,
	"names" jsonb NOT NULL,
	"descriptions" jsonb NOT NULL,
	"sort_order" integer DEFAULT 100 NOT NULL,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "difficulties_slug_format" CHECK ("difficulties"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);
--> statement-breakpoint
CREATE TABLE "group_difficulties" (
	"group_id" uuid NOT NULL,
	"difficulty_slug" text NOT NULL,
	CONSTRAINT "group_difficulties_group_id_difficulty_slug_pk" PRIMARY KEY("group_id","difficulty_slug")
);
--> statement-breakpoint
CREATE TABLE "group_one_off_dates" (
	"group_id" uuid NOT NULL,
	"starts_at_local" timestamp NOT NULL,
	CONSTRAINT "group_one_off_dates_group_id_starts_at_local_pk" PRIMARY KEY("group_id","starts_at_local")
);
--> statement-breakpoint
CREATE TABLE "groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"first_meeting" text DEFAULT '' NOT NULL,
	"audience" text NOT NULL,
	"open_to_any_difficulty" boolean DEFAULT false NOT NULL,
	"languages" text[] NOT NULL,
	"format" text NOT NULL,
	"venue_name" text,
	"street_address" text,
	"town" text,
	"postal_code" text,
	"country" text,
	"latitude" double precision,
	"longitude" double precision,
	"publish_address" boolean DEFAULT false NOT NULL,
	"public_latitude" double precision,
	"public_longitude" double precision,
	"step_free" boolean DEFAULT false NOT NULL,
	"accessible_toilet" boolean DEFAULT false NOT NULL,
	"hearing_loop" boolean DEFAULT false NOT NULL,
	"parking" boolean DEFAULT false NOT NULL,
	"near_public_transport" boolean DEFAULT false NOT NULL,
	"access_notes" text DEFAULT '' NOT NULL,
	"video_url" text,
	"phone_number" text,
	"phone_pin" text,
	"time_zone" text NOT NULL,
	"schedule_kind" text NOT NULL,
	"rrule" text,
	"starts_on" date,
	"start_time" time,
	"duration_minutes" integer DEFAULT 90 NOT NULL,
	"weekday" smallint,
	"capacity" integer DEFAULT 12 NOT NULL,
	"joining_policy" text DEFAULT 'ask' NOT NULL,
	"visibility" text DEFAULT 'listed' NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"agreement" text NOT NULL,
	"active_member_count" integer DEFAULT 0 NOT NULL,
	"waitlist_count" integer DEFAULT 0 NOT NULL,
	"organisation_id" uuid,
	"founded_by" uuid,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', immutable_unaccent(coalesce("groups"."name", '') || ' ' || coalesce("groups"."description", '') || ' ' || coalesce("groups"."town", '')))) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "groups_slug_unique" UNIQUE("slug"),
	CONSTRAINT "groups_audience_known" CHECK ("groups"."audience" in ('living_with', 'carers', 'both')),
	CONSTRAINT "groups_format_known" CHECK ("groups"."format" in ('in_person', 'online', 'telephone', 'hybrid')),
	CONSTRAINT "groups_joining_policy_known" CHECK ("groups"."joining_policy" in ('open', 'ask', 'closed')),
	CONSTRAINT "groups_visibility_known" CHECK ("groups"."visibility" in ('listed', 'unlisted')),
	CONSTRAINT "groups_schedule_kind_known" CHECK ("groups"."schedule_kind" in ('weekly', 'fortnightly', 'monthly', 'one_off')),
	CONSTRAINT "groups_status_known" CHECK ("groups"."status" in ('active', 'paused', 'closed')),
	CONSTRAINT "groups_capacity_range" CHECK ("groups"."capacity" between 3 and 30),
	CONSTRAINT "groups_slug_format" CHECK ("groups"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length("groups"."slug") <= 64),
	CONSTRAINT "groups_weekday_range" CHECK ("groups"."weekday" between 0 and 6),
	CONSTRAINT "groups_counts_positive" CHECK ("groups"."active_member_count" >= 0 and "groups"."waitlist_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"state" text NOT NULL,
	"role" text DEFAULT 'member' NOT NULL,
	"request_message" text,
	"decision_message" text,
	"agreement_accepted_at" timestamp with time zone,
	"requested_at" timestamp with time zone,
	"waitlisted_at" timestamp with time zone,
	"offered_at" timestamp with time zone,
	"offer_expires_at" timestamp with time zone,
	"joined_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_group_person_unique" UNIQUE("group_id","person_id"),
	CONSTRAINT "memberships_state_known" CHECK ("memberships"."state" in ('requested', 'waitlisted', 'active', 'left', 'removed')),
	CONSTRAINT "memberships_role_known" CHECK ("memberships"."role" in ('member', 'facilitator', 'guide'))
);
--> statement-breakpoint
CREATE TABLE "organisation_coordinators" (
	"organisation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisation_coordinators_organisation_id_person_id_pk" PRIMARY KEY("organisation_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"contact_email" text,
	"contact_phone" text,
	"website" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "places" (
	"id" integer PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"search_name" text NOT NULL,
	"country" text NOT NULL,
	"admin_code" text DEFAULT '' NOT NULL,
	"population" integer NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL
);
--> statement-breakpoint
ALTER TABLE "group_difficulties" ADD CONSTRAINT "group_difficulties_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_difficulties" ADD CONSTRAINT "group_difficulties_difficulty_slug_difficulties_slug_fk" FOREIGN KEY ("difficulty_slug") REFERENCES "public"."difficulties"("slug") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "group_one_off_dates" ADD CONSTRAINT "group_one_off_dates_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "groups" ADD CONSTRAINT "groups_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "groups" ADD CONSTRAINT "groups_founded_by_people_id_fk" FOREIGN KEY ("founded_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_coordinators" ADD CONSTRAINT "organisation_coordinators_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_coordinators" ADD CONSTRAINT "organisation_coordinators_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "group_difficulties_difficulty_idx" ON "group_difficulties" USING btree ("difficulty_slug","group_id");--> statement-breakpoint
CREATE INDEX "groups_search_idx" ON "groups" USING gin ("search");--> statement-breakpoint
CREATE INDEX "groups_name_trgm_idx" ON "groups" USING gin (immutable_unaccent(lower("name")) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "groups_public_point_idx" ON "groups" USING gist (ll_to_earth("public_latitude", "public_longitude")) WHERE "groups"."public_latitude" is not null and "groups"."visibility" = 'listed' and "groups"."status" = 'active';--> statement-breakpoint
CREATE INDEX "groups_listed_idx" ON "groups" USING btree ("visibility","status");--> statement-breakpoint
CREATE INDEX "groups_languages_idx" ON "groups" USING gin ("languages");--> statement-breakpoint
CREATE INDEX "groups_organisation_idx" ON "groups" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "memberships_person_idx" ON "memberships" USING btree ("person_id","state");--> statement-breakpoint
CREATE INDEX "memberships_waitlist_idx" ON "memberships" USING btree ("group_id","state","waitlisted_at");--> statement-breakpoint
CREATE INDEX "memberships_offers_idx" ON "memberships" USING btree ("offer_expires_at") WHERE "memberships"."offer_expires_at" is not null;--> statement-breakpoint
CREATE INDEX "organisation_coordinators_person_idx" ON "organisation_coordinators" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "places_search_name_idx" ON "places" USING btree ("search_name","population");--> statement-breakpoint
CREATE INDEX "places_search_name_trgm_idx" ON "places" USING gin ("search_name" gin_trgm_ops);