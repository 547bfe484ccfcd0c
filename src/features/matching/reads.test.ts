import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../test/build-app.js";
import { createGroup } from "../../test/factories.js";
import type { ListedGroupRow } from "../directory/reads.js";
import { readAnswers } from "./inputs.js";
import {
  compareMatches,
  dayAndTimeFit,
  findMatches,
  matchCriteria,
  type RankedMatch,
} from "./reads.js";

const row = (values: Partial<ListedGroupRow>): ListedGroupRow => ({
  id: values.slug ?? "g",
  slug: "g",
  name: "G",
  description: "",
  audience: "carers",
  openToAnyDifficulty: false,
  languages: ["it"],
  writtenIn: null,
  format: "in_person",
  town: "Trento",
  country: "IT",
  venueName: null,
  streetAddress: null,
  postalCode: null,
  stepFree: false,
  accessibleToilet: false,
  hearingLoop: false,
  parking: false,
  nearPublicTransport: false,
  timeZone: "Europe/Rome",
  scheduleKind: "weekly",
  rrule: "FREQ=WEEKLY;BYDAY=TU",
  startsOn: null,
  startTime: "10:30:00",
  durationMinutes: 90,
  weekday: 2,
  capacity: 12,
  activeMemberCount: 0,
  waitlistCount: 0,
  joiningPolicy: "open",
  distanceMetres: 1000,
  ...values,
});

const answers = readAnswers({
  difficulty: "dementia-care",
  who: "carer",
  how: "in_person",
  place: "Trento",
  radius: "25",
  day: "2",
  time: "morning",
  language: "it",
});

const ranked = (values: Partial<ListedGroupRow>): RankedMatch => {
  const group = row(values);
  return { group, difficulties: [], fit: dayAndTimeFit(group, answers) };
};

const order = (matches: RankedMatch[]) =>
  [...matches].sort(compareMatches).map((m) => m.group.slug);

describe("ranking the groups that fit", () => {
  it("puts the day and the time of day first", () => {
    expect(
      order([
        ranked({ slug: "neither", weekday: 4, startTime: "18:00:00", distanceMetres: 0 }),
        ranked({ slug: "day", weekday: 2, startTime: "18:00:00" }),
        ranked({ slug: "both", weekday: 2, startTime: "11:59:00", distanceMetres: 20_000 }),
        ranked({ slug: "time", weekday: 5, startTime: "09:00:00" }),
      ]),
    ).toEqual(["both", "day", "time", "neither"]);
  });

  it("then a place free before a waiting list, then the nearest, then the name", () => {
    expect(
      order([
        ranked({ slug: "full-near", capacity: 8, activeMemberCount: 8, distanceMetres: 0 }),
        ranked({ slug: "free-far", distanceMetres: 9000 }),
        ranked({ slug: "free-remote", distanceMetres: null }),
        ranked({ slug: "free-near-b", name: "B", distanceMetres: 100 }),
        ranked({ slug: "free-near-a", name: "A", distanceMetres: 100 }),
      ]),
    ).toEqual(["free-near-a", "free-near-b", "free-far", "free-remote", "full-near"]);
  });

  it("counts a group that meets on chosen dates as fitting no day or time", () => {
    expect(dayAndTimeFit(row({ weekday: null, startTime: null }), answers)).toEqual({
      day: false,
      time: false,
    });
  });

  it("asks the directory only for what must be true: difficulty, who, place and language", () => {
    expect(matchCriteria(answers)).toMatchObject({
      difficulties: ["dementia-care"],
      audience: "carers",
      place: "Trento",
      radiusKm: 25,
      includeRemote: false,
      languages: ["it"],
      days: [],
      times: [],
    });
    expect(matchCriteria({ ...answers, who: "both", how: "any" })).toMatchObject({
      audience: undefined,
      includeRemote: true,
    });
    expect(matchCriteria({ ...answers, difficulty: "any" }).difficulties).toEqual([]);
  });
});

describe("finding the groups that fit, among many", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
    // 210 groups that meet in person, all named before the one that meets by video, and one by
    // video that takes nobody new.
    for (let i = 0; i < 210; i++) {
      await createGroup(t, {
        slug: `in-person-${i}`,
        name: `A group ${String(i).padStart(3, "0")}`,
      });
    }
    await createGroup(t, {
      slug: "zona-serena",
      name: "Zona serena",
      format: "online",
      videoUrl: "https://video.example/zona",
    });
    await createGroup(t, {
      slug: "zona-chiusa",
      name: "Zona chiusa",
      format: "online",
      joiningPolicy: "closed",
    });
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  it("finds a group that meets by video however many meet in person, and counts only those that fit", async () => {
    const found = await findMatches(
      t.database.db,
      readAnswers({ difficulty: "dementia-care", who: "carer", how: "online", language: "it" }),
      { now: new Date("2026-03-10T09:00:00Z"), language: "it" },
    );
    expect(found.ok).toBe(true);
    if (!found.ok) return;
    expect(found.matches.map((m) => m.group.slug)).toEqual(["zona-serena"]);
    expect(found.total).toBe(1);
  });
});
