import { describe, expect, it } from "vitest";
import { directoryApiQuery, directoryQuery, toSearchCriteria } from "./inputs.js";

describe("directory criteria", () => {
  it("asks for nothing by default: 25 km, first page, no filters", () => {
    expect(toSearchCriteria(directoryQuery.parse({}))).toEqual({
      text: undefined,
      difficulties: [],
      audience: undefined,
      place: undefined,
      radiusKm: 25,
      includeRemote: false,
      languages: [],
      days: [],
      times: [],
      access: [],
      placesFree: false,
      page: 1,
    });
  });

  it("takes a field sent once or several times, without repeats", () => {
    const criteria = toSearchCriteria(
      directoryQuery.parse({
        difficulty: ["alcohol", "alcohol", "loneliness"],
        day: "2",
        time: ["morning"],
        access: "step_free",
        language: ["it", "en"],
      }),
    );
    expect(criteria).toMatchObject({
      difficulties: ["alcohol", "loneliness"],
      days: [2],
      times: ["morning"],
      access: ["step_free"],
      languages: ["it", "en"],
    });
  });

  it("treats empty text fields as not filled in, and tidies what was typed", () => {
    const criteria = toSearchCriteria(
      directoryQuery.parse({
        q: "  ",
        place: "  San\u0000 Michele \t all'Adige ",
        audience: "any",
      }),
    );
    expect(criteria.text).toBeUndefined();
    expect(criteria.place).toBe("San Michele all'Adige");
    expect(criteria.audience).toBeUndefined();
  });

  it("understands ticked boxes and radius choices", () => {
    const criteria = toSearchCriteria(
      directoryQuery.parse({ remote: "true", free: "true", radius: "50", page: "3" }),
    );
    expect(criteria).toMatchObject({
      includeRemote: true,
      placesFree: true,
      radiusKm: 50,
      page: 3,
    });
  });

  it.each([
    [{ radius: "7" }, "radius", "directory.errors.radius"],
    [{ radius: "" }, "radius", "directory.errors.radius"],
    [{ q: "x".repeat(101) }, "q", "directory.errors.qTooLong"],
    [{ place: "x".repeat(101) }, "place", "directory.errors.placeTooLong"],
    [{ difficulty: "Dementia Care" }, "difficulty", "directory.errors.difficultyUnknown"],
    [
      { difficulty: Array.from({ length: 21 }, (_, i) => `d${i}`) },
      "difficulty",
      "directory.errors.difficultyUnknown",
    ],
    [{ day: "7" }, "day", "directory.errors.day"],
    [{ time: "night" }, "time", "directory.errors.time"],
    [{ access: "lift" }, "access", "directory.errors.access"],
    [{ language: "ITA!" }, "language", "directory.errors.language"],
    [{ page: "0" }, "page", "directory.errors.page"],
    [{ page: "9999" }, "page", "directory.errors.page"],
    [{ audience: "everyone" }, "audience", "errors.choice.invalid"],
    [{ remote: "on" }, "remote", "errors.choice.invalid"],
  ])("refuses %j with a message key for %s", (input, field, message) => {
    const parsed = directoryQuery.safeParse(input);
    expect(parsed.success).toBe(false);
    const issue = parsed.error?.issues[0];
    expect(issue?.path[0]).toBe(field);
    expect(issue?.message).toBe(message);
  });

  it("ignores unknown fields on the page but refuses them, by name, in the API", () => {
    expect(directoryQuery.safeParse({ utm_source: "leaflet" }).success).toBe(true);
    const parsed = directoryApiQuery.safeParse({ utm_source: "leaflet", place: "Trento" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path, i.message])).toEqual([
      [["utm_source"], "directory.errors.unknownParameter"],
    ]);
  });
});
