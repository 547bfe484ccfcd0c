import { describe, expect, it } from "vitest";
import {
  instantFromWall,
  isoWithOffset,
  isTimeZone,
  localDateTime,
  offsetMinutesAt,
  parseLocalDate,
  parseLocalDateTime,
  parseLocalTime,
} from "./zoned.js";

const wall = (text: string) => Date.parse(`${text}Z`);

describe("wall-clock time in a zone", () => {
  it.each([
    ["Europe/Rome", "2026-01-15T10:30:00", "2026-01-15T09:30:00.000Z"],
    ["Europe/Rome", "2026-07-15T10:30:00", "2026-07-15T08:30:00.000Z"],
    ["America/New_York", "2026-03-08T02:30:00", "2026-03-08T07:30:00.000Z"],
    ["America/New_York", "2026-11-01T01:30:00", "2026-11-01T05:30:00.000Z"],
    ["Australia/Sydney", "2026-04-05T02:30:00", "2026-04-04T15:30:00.000Z"],
    ["Australia/Sydney", "2026-10-04T02:30:00", "2026-10-03T16:30:00.000Z"],
    ["Asia/Kolkata", "2026-01-15T10:00:00", "2026-01-15T04:30:00.000Z"],
    ["UTC", "2026-01-15T10:00:00", "2026-01-15T10:00:00.000Z"],
  ])("%s %s is %s (a gap moves on, a repeated hour takes the first)", (zone, local, utc) => {
    expect(instantFromWall(wall(local), zone).toISOString()).toBe(utc);
  });

  it("shows an instant's local date, time and offset", () => {
    const instant = new Date("2026-03-29T01:30:00Z");
    expect(localDateTime(instant, "Europe/Rome")).toEqual({
      localDate: "2026-03-29",
      localTime: "03:30",
    });
    expect(offsetMinutesAt(instant, "Europe/Rome")).toBe(120);
    expect(isoWithOffset(instant, "Europe/Rome")).toBe("2026-03-29T03:30:00+02:00");
    expect(isoWithOffset(new Date("2026-01-15T15:00:00Z"), "America/New_York")).toBe(
      "2026-01-15T10:00:00-05:00",
    );
    expect(isoWithOffset(new Date("2026-01-15T15:00:00Z"), "UTC")).toBe(
      "2026-01-15T15:00:00+00:00",
    );
  });

  it("parses only real dates and times", () => {
    expect(parseLocalDate("2028-02-29")).toBe(wall("2028-02-29T00:00:00"));
    expect(parseLocalDate("2026-02-29")).toBeNull();
    expect(parseLocalDate("2026-3-1")).toBeNull();
    expect(parseLocalTime("23:59:59")).toBe(86_399_000);
    expect(parseLocalTime("24:00")).toBeNull();
    expect(parseLocalDateTime("2026-03-10T10:30")).toBe(wall("2026-03-10T10:30:00"));
    expect(parseLocalDateTime("2026-03-10 10:30")).toBeNull();
    expect(isTimeZone("Europe/Rome")).toBe(true);
    expect(isTimeZone("Europe/Atlantis")).toBe(false);
  });
});
