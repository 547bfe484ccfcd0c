import "../catalogues.js";
import { pathToFileURL } from "node:url";
import { inArray, sql } from "drizzle-orm";
import { loadConfigOrExit } from "../config.js";
import { capitalCityGroups } from "../demo/groups-britain-capitals.js";
import { englishTownGroups } from "../demo/groups-england.js";
import { centreSouthItalianGroups } from "../demo/groups-italy-centre-south.js";
import { northItalianGroups } from "../demo/groups-italy-north.js";
import { remoteGroups } from "../demo/groups-remote.js";
import { trentinoGroups } from "../demo/groups-trentino-alto-adige.js";
import {
  type DemoGroup,
  demoEmail,
  demoOrganisations,
  demoTowns,
  englishPeople,
  firstName,
  italianPeople,
} from "../demo/network.js";
import {
  checkDemoGroup,
  chooseMembers,
  demoId,
  type Person,
  scheduleColumns,
  townCentres,
  venuePoint,
} from "../demo/plan.js";
import { people } from "../features/accounts/tables.js";
import { getGroupBySlug } from "../features/groups/reads.js";
import { groupDifficulties, groupOneOffDates, groups } from "../features/groups/tables.js";
import { coarse } from "../features/groups/writes.js";
import { planMeetingsIn } from "../features/meetings/writes.js";
import { memberships } from "../features/memberships/tables.js";
import { organisationCoordinators, organisations } from "../features/organisations/tables.js";
import { connectDatabase, type Database, migrateDatabase } from "../infra/db/database.js";
import { openDatabaseForTool } from "../infra/db/open-for-tools.js";
import { isLanguage, translator } from "../infra/i18n/i18n.js";
import { ensurePlacesLoaded } from "../infra/places/load.js";
import { DAY_MS } from "../infra/time/zoned.js";

/** Every demo group, in the order they are loaded. */
export const demoGroups: DemoGroup[] = [
  ...trentinoGroups,
  ...northItalianGroups,
  ...centreSouthItalianGroups,
  ...englishTownGroups,
  ...capitalCityGroups,
  ...remoteGroups,
];

export type DemoSummary = {
  groups: number;
  byCountry: Record<string, number>;
  byFormat: Record<string, number>;
  languages: string[];
  difficulties: string[];
  organisations: number;
  people: number;
  memberships: { active: number; waitlisted: number; requested: number };
  fullWithWaitingList: number;
  unlisted: number;
  paused: number;
};

/** Only one load at a time, so two runs at once cannot interleave their delete and insert. */
const DEMO_LOCK = 7263543;

/**
 * Loads the demo network: the demo groups, their organisations, people and memberships. The demo
 * groups and organisations are deleted and written again, so a second load gives the same network
 * (and undoes what was done to it in the meantime); demo people are kept. Nothing else is touched.
 * Needs the places table loaded (ensurePlacesLoaded).
 */
export async function loadDemo(db: Database, options: { now?: Date } = {}): Promise<DemoSummary> {
  const now = options.now ?? new Date();
  for (const group of demoGroups) checkDemoGroup(group);
  const slugs = demoGroups.map((g) => g.slug);
  if (new Set(slugs).size !== slugs.length) throw new Error("two demo groups share a slug");

  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${DEMO_LOCK})`);
    const centres = await townCentres(tx);

    // People: kept from one load to the next (someone may have signed in as one of them).
    const peopleRows = [
      ...italianPeople.map((key) => ({ key, language: "it" as const })),
      ...englishPeople.map((key) => ({ key, language: "en" as const })),
    ];
    await tx
      .insert(people)
      .values(
        peopleRows.map(({ key, language }) => ({
          email: demoEmail(key),
          displayName: firstName(key),
          language,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .onConflictDoNothing({ target: people.email });
    const ids = await tx
      .select({ id: people.id, email: people.email })
      .from(people)
      .where(
        inArray(
          people.email,
          peopleRows.map((p) => demoEmail(p.key)),
        ),
      );
    const idByEmail = new Map(ids.map((row) => [row.email, row.id]));
    const everyone = new Map<string, Person>(
      peopleRows.map(({ key, language }) => [
        key,
        { key, language, id: idByEmail.get(demoEmail(key))! },
      ]),
    );

    // Groups and organisations: deleted (with their memberships) and written afresh.
    const groupIds = demoGroups.map((g) => demoId(`group:${g.slug}`));
    await tx.delete(groups).where(inArray(groups.id, groupIds));
    const organisationIds = new Map(
      Object.keys(demoOrganisations).map((key) => [key, demoId(`organisation:${key}`)]),
    );
    await tx.delete(organisations).where(inArray(organisations.id, [...organisationIds.values()]));
    for (const [key, organisation] of Object.entries(demoOrganisations)) {
      const id = organisationIds.get(key)!;
      await tx.insert(organisations).values({
        id,
        name: organisation.name,
        contactEmail: organisation.contactEmail,
        contactPhone: organisation.contactPhone,
        website: organisation.website,
        createdAt: now,
        updatedAt: now,
      });
      await tx.insert(organisationCoordinators).values({
        organisationId: id,
        personId: everyone.get(organisation.coordinator)!.id,
        createdAt: now,
      });
    }

    const counts = { active: 0, waitlisted: 0, requested: 0 };
    for (const group of demoGroups) {
      const id = demoId(`group:${group.slug}`);
      const { where } = group;
      const venue = where.format === "in_person" || where.format === "hybrid" ? where : null;
      const town = venue ? demoTowns[venue.town] : null;
      const timeZone = "timeZone" in where ? where.timeZone : demoTowns[where.town].timeZone;
      const point = venue ? venuePoint(group.slug, centres.get(venue.town)!) : null;
      const schedule = scheduleColumns(group, timeZone, now);
      const language = group.languages.find(isLanguage) ?? "en";
      const chosen = chooseMembers(group, everyone);
      const active = chosen.slice(0, group.members);
      const waiting = chosen.slice(group.members, group.members + (group.waiting ?? 0));
      const asking = chosen.slice(group.members + (group.waiting ?? 0));
      const founder = active[0]!;
      const runningSince = new Date(Date.parse(`${schedule.startsOn}T09:00:00Z`) - 21 * DAY_MS);
      const created = runningSince < now ? runningSince : now;
      const access = venue?.access ?? [];

      await tx.insert(groups).values({
        id,
        slug: group.slug,
        name: group.name,
        description: group.description,
        firstMeeting: group.firstMeeting,
        audience: group.audience,
        openToAnyDifficulty: group.openToAnyDifficulty ?? false,
        languages: group.languages,
        writtenIn: group.languages[0] ?? null,
        format: where.format,
        venueName: venue?.venue ?? null,
        streetAddress: venue?.street ?? null,
        town: town?.shown ?? null,
        postalCode: venue?.postcode ?? null,
        country: town?.country ?? null,
        latitude: point?.latitude ?? null,
        longitude: point?.longitude ?? null,
        publishAddress: venue?.publishAddress ?? false,
        publicLatitude: point ? coarse(point.latitude) : null,
        publicLongitude: point ? coarse(point.longitude) : null,
        stepFree: access.includes("stepFree"),
        accessibleToilet: access.includes("accessibleToilet"),
        hearingLoop: access.includes("hearingLoop"),
        parking: access.includes("parking"),
        nearPublicTransport: access.includes("nearPublicTransport"),
        accessNotes: venue?.accessNotes ?? "",
        videoUrl:
          where.format === "online" || where.format === "hybrid" ? (where.videoUrl ?? null) : null,
        phoneNumber: where.format === "telephone" ? where.phoneNumber : null,
        phonePin: where.format === "telephone" ? (where.phonePin ?? null) : null,
        timeZone,
        scheduleKind: schedule.scheduleKind,
        rrule: schedule.rrule,
        startsOn: schedule.startsOn,
        startTime: schedule.startTime,
        durationMinutes: group.durationMinutes ?? 90,
        weekday: schedule.weekday,
        capacity: group.capacity,
        joiningPolicy: group.joiningPolicy ?? "ask",
        visibility: group.visibility ?? "listed",
        status: group.status ?? "active",
        agreement: group.agreement ?? translator(language)("groups.agreement.default"),
        activeMemberCount: active.length,
        waitlistCount: waiting.length,
        organisationId: group.organisation ? organisationIds.get(group.organisation)! : null,
        foundedBy: founder.id,
        createdAt: created,
        updatedAt: now,
      });
      if (group.difficulties.length > 0) {
        await tx
          .insert(groupDifficulties)
          .values(group.difficulties.map((difficultySlug) => ({ groupId: id, difficultySlug })));
      }
      if (schedule.oneOffs.length > 0) {
        await tx.insert(groupOneOffDates).values(
          schedule.oneOffs.map((local) => ({
            groupId: id,
            startsAtLocal: new Date(`${local}:00Z`),
          })),
        );
      }

      // A guide for an organisation's group, one peer facilitator (two in a larger group, so
      // facilitation can rotate), then members; the waiting list in the order people joined it.
      const facilitators = group.organisation ? 1 : group.members >= 10 ? 2 : 1;
      const joined = (i: number) => new Date(created.getTime() + i * 3 * DAY_MS);
      const rows: (typeof memberships.$inferInsert)[] = [];
      active.forEach((person, i) => {
        const role =
          group.organisation && i === 0
            ? "guide"
            : i < facilitators + (group.organisation ? 1 : 0)
              ? "facilitator"
              : "member";
        const at = new Date(Math.min(joined(i).getTime(), now.getTime()));
        rows.push({
          groupId: id,
          personId: person.id,
          state: "active",
          role,
          agreementAcceptedAt: at,
          joinedAt: at,
          createdAt: at,
          updatedAt: at,
        });
      });
      waiting.forEach((person, i) => {
        const at = new Date(now.getTime() - (waiting.length - i) * 2 * DAY_MS);
        rows.push({
          groupId: id,
          personId: person.id,
          state: "waitlisted",
          role: "member",
          agreementAcceptedAt: at,
          waitlistedAt: at,
          createdAt: at,
          updatedAt: at,
        });
      });
      for (const person of asking) {
        const at = new Date(now.getTime() - DAY_MS);
        rows.push({
          groupId: id,
          personId: person.id,
          state: "requested",
          role: "member",
          requestMessage:
            person.language === "it"
              ? "Buongiorno, vorrei partecipare al gruppo. Posso venire al prossimo incontro?"
              : "Hello, I'd like to join the group. Could I come to the next meeting?",
          agreementAcceptedAt: at,
          requestedAt: at,
          createdAt: at,
          updatedAt: at,
        });
      }
      await tx.insert(memberships).values(rows);
      counts.active += active.length;
      counts.waitlisted += waiting.length;
      counts.requested += asking.length;
    }

    // Their meetings, planned as a group's are when it starts, so members find them at once.
    for (const slug of slugs) {
      const group = await getGroupBySlug(tx, slug);
      if (group) await planMeetingsIn(tx, group, now);
    }

    const tally = (values: string[]) =>
      values.reduce<Record<string, number>>((all, v) => {
        all[v] = (all[v] ?? 0) + 1;
        return all;
      }, {});
    return {
      groups: demoGroups.length,
      byCountry: tally(
        demoGroups.map((g) =>
          g.where.format === "in_person" || g.where.format === "hybrid"
            ? demoTowns[g.where.town].country
            : "remote",
        ),
      ),
      byFormat: tally(demoGroups.map((g) => g.where.format)),
      languages: [...new Set(demoGroups.flatMap((g) => g.languages))].sort(),
      difficulties: [...new Set(demoGroups.flatMap((g) => g.difficulties))].sort(),
      organisations: organisationIds.size,
      people: everyone.size,
      memberships: counts,
      fullWithWaitingList: demoGroups.filter((g) => (g.waiting ?? 0) > 0).length,
      unlisted: demoGroups.filter((g) => g.visibility === "unlisted").length,
      paused: demoGroups.filter((g) => g.status === "paused").length,
    };
  });
}

const say = (line = "") => process.stdout.write(`${line}\n`);

async function main(): Promise<number> {
  const config = loadConfigOrExit();
  const database = await openDatabaseForTool(config);
  let summary: DemoSummary;
  try {
    await migrateDatabase(database.url);
    await ensurePlacesLoaded(database.url, { info: say });
    const handle = connectDatabase(database.url, { max: 2 });
    try {
      summary = await loadDemo(handle.db);
    } finally {
      await handle.close();
    }
  } finally {
    await database.close();
  }
  const list = (counts: Record<string, number>) =>
    Object.entries(counts)
      .map(([name, n]) => `${n} ${name}`)
      .join(", ");
  const directory = new URL("/groups", config.publicUrl);
  const nearTrento = new URL("/groups?place=Trento&radius=25&remote=true", config.publicUrl);
  const leeds = new URL("/groups?place=Leeds&radius=25", config.publicUrl);
  say("The demo network is loaded.");
  say(`  ${summary.groups} groups: ${list(summary.byFormat)}`);
  say(`  where: ${list(summary.byCountry)}`);
  say(`  languages: ${summary.languages.join(", ")}; ${summary.difficulties.length} difficulties`);
  say(
    `  ${summary.fullWithWaitingList} full with a waiting list, ${summary.unlisted} unlisted, ${summary.paused} paused; ${summary.organisations} organisations`,
  );
  say(
    `  ${summary.people} demo people (first names, demo.<name>@example.org): ${summary.memberships.active} active memberships, ${summary.memberships.waitlisted} waiting, ${summary.memberships.requested} asking to join`,
  );
  say("Running it again puts the demo groups back as they were; nothing else is changed.");
  say();
  say(`Start Mutua (npm start), then open ${directory}`);
  say(`  groups near Trento: ${nearTrento}`);
  say(`  groups near Leeds:  ${leeds}`);
  say(
    `To see the app as a member, sign in as a demo person, e.g. ${demoEmail("grace")} (a facilitator) or ${demoEmail("ada")}:` +
      (config.smtpUrl
        ? ""
        : ` without SMTP_URL the code is written to ${new URL("/dev/outbox", config.publicUrl)}.`),
  );
  return 0;
}

// Run as a command (node dist/cli/demo.js); imported by the tests for loadDemo alone.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      process.stderr.write(
        `The demo could not be loaded: ${error instanceof Error ? error.message : error}\n`,
      );
      process.exit(1);
    },
  );
}
