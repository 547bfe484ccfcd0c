import { randomBytes } from "node:crypto";
import type { Executor } from "../../infra/db/database.js";
import { HookPoint } from "../../infra/hooks/hook-point.js";
import { isLanguage, translator } from "../../infra/i18n/i18n.js";
import { type GroupForm, normaliseTime, oneOffDates, scheduleRule, writtenInOf } from "./inputs.js";
import { type Group, getGroupBySlug } from "./reads.js";
import { groupDifficulties, groupOneOffDates, groups } from "./tables.js";

/** About a kilometre: the public directory and feeds show where a group is, not the door. */
export function coarse(coordinate: number): number {
  return Math.round(coordinate * 100) / 100;
}

/** A URL-safe address from the name, with a random ending so two "Carers' café" never collide. */
export function slugFor(name: string): string {
  const base = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 50)
    .replace(/-+$/g, "");
  return `${base || "group"}-${randomBytes(4).toString("hex").slice(0, 6)}`;
}

export type Place = { name: string; country: string; latitude: number; longitude: number };

/**
 * The group's columns as its form sets them: what it is, where and when it meets, and how to
 * join. The same when a group starts and when its facilitators change it.
 */
export function formColumns(form: GroupForm, place: Place | null) {
  const first = form.scheduleKind === "one_off" ? oneOffDates(form)[0] : undefined;
  return {
    name: form.name,
    description: form.description,
    firstMeeting: form.firstMeeting,
    audience: form.audience,
    openToAnyDifficulty: form.openToAnyDifficulty,
    languages: form.languages,
    writtenIn: writtenInOf(form),
    format: form.format,
    venueName: place ? (form.venueName ?? null) : null,
    streetAddress: place ? (form.streetAddress ?? null) : null,
    town: place?.name ?? null,
    postalCode: place ? (form.postalCode ?? null) : null,
    country: place?.country ?? null,
    latitude: place?.latitude ?? null,
    longitude: place?.longitude ?? null,
    publishAddress: form.publishAddress,
    publicLatitude: place ? coarse(place.latitude) : null,
    publicLongitude: place ? coarse(place.longitude) : null,
    stepFree: form.access.includes("stepFree"),
    accessibleToilet: form.access.includes("accessibleToilet"),
    hearingLoop: form.access.includes("hearingLoop"),
    parking: form.access.includes("parking"),
    nearPublicTransport: form.access.includes("nearPublicTransport"),
    accessNotes: form.accessNotes,
    videoUrl: form.videoUrl ?? null,
    phoneNumber: form.phoneNumber ?? null,
    phonePin: form.phonePin ?? null,
    scheduleKind: form.scheduleKind,
    rrule: scheduleRule(form),
    startsOn: first ? first.slice(0, 10) : (form.startsOn ?? null),
    startTime: first ? `${first.slice(11)}:00` : `${normaliseTime(form.startTime ?? "")}:00`,
    durationMinutes: Number(form.duration),
    weekday: form.scheduleKind === "one_off" ? null : Number(form.weekday),
    capacity: form.capacity,
    joiningPolicy: form.joiningPolicy,
    visibility: form.visibility,
  };
}

export type FoundResult =
  | { ok: true; groupId: string; slug: string }
  | { ok: false; reason: "SLUG_TAKEN" };

/**
 * Work the features above add to starting a group, in its transaction, in the features' order:
 * the memberships give the founder the group's first place, the meetings plan its first twelve
 * weeks, so a group is never without a facilitator or meetings.
 */
export const groupStarted = new HookPoint<{
  tx: Executor;
  group: Group;
  founderId: string;
  now: Date;
}>("group started");

/**
 * Starts a group, with its founder in its first place (groupStarted). The agreement starts as
 * the default ground rules in the group's first language, until the group writes its own.
 */
export async function foundGroup(
  db: Executor,
  input: {
    form: GroupForm;
    place: Place | null;
    founderId: string;
    organisationId: string | null;
    timeZone: string;
  },
  now: Date,
): Promise<FoundResult> {
  const { form, place } = input;
  const language = form.languages.find(isLanguage) ?? "en";
  const oneOffs = form.scheduleKind === "one_off" ? oneOffDates(form) : [];
  const slug = slugFor(form.name);
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(groups)
      .values({
        slug,
        ...formColumns(form, place),
        timeZone: input.timeZone,
        status: "active",
        agreement: translator(language)("groups.agreement.default"),
        organisationId: input.organisationId,
        foundedBy: input.founderId,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: groups.slug })
      .returning({ id: groups.id });
    const group = inserted[0];
    if (!group) return { ok: false, reason: "SLUG_TAKEN" } as const;
    if (!form.openToAnyDifficulty || form.difficulties.length > 0) {
      await tx.insert(groupDifficulties).values(
        [...new Set(form.difficulties)].map((difficultySlug) => ({
          groupId: group.id,
          difficultySlug,
        })),
      );
    }
    if (oneOffs.length > 0) {
      await tx
        .insert(groupOneOffDates)
        .values(
          oneOffs.map((local) => ({ groupId: group.id, startsAtLocal: new Date(`${local}:00Z`) })),
        );
    }
    const started = (await getGroupBySlug(tx, slug))!;
    await groupStarted.run({ tx, group: started, founderId: input.founderId, now });
    return { ok: true, groupId: group.id, slug } as const;
  });
}
