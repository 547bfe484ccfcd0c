import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isRealDate, readDate, readDateAndTime, writtenDate } from "./inputs.js";

describe("reading a date as people write it", () => {
  it("reads the ways older people in Britain and Italy write a day as the same date", () => {
    for (const written of [
      "14/4/2026",
      "14/04/2026",
      " 14.04.2026 ",
      "14-4-2026",
      "14 4 2026",
      "14/4/26",
      "14 April 2026",
      "14 Apr 2026",
      "14th April 2026",
      "Tuesday 14 April 2026",
      "Tuesday, 14th April 2026",
      "April 14, 2026",
      "martedì 14 aprile 2026",
      "Martedi 14 Aprile 2026",
      "14 apr. 2026",
      "2026-04-14",
    ]) {
      expect(readDate(written), written).toBe("2026-04-14");
    }
    expect(readDate("1° aprile 2026")).toBe("2026-04-01");
    expect(readDate("3 settembre 2026")).toBe("2026-09-03");
    expect(readDate("3 Sept 2026")).toBe("2026-09-03");
  });

  it("refuses a day that does not exist, and anything that is not a date", () => {
    for (const wrong of [
      "31/4/2026",
      "29/2/2027",
      "2026-02-30",
      "14/13/2026",
      "0/4/2026",
      "14 Aprul 2026",
      "the first of April",
      "14/4",
      "next Tuesday",
      "14/4/1850",
      "",
      "<b>14/4/2026</b>",
    ]) {
      expect(readDate(wrong), wrong).toBeNull();
    }
    expect(readDate("29/2/2028")).toBe("2028-02-29");
  });

  it("asks again when the day named is not that date's day, rather than guess which was meant", () => {
    expect(readDate("Monday 14 April 2026")).toBeNull();
    expect(readDate("Monday 13 April 2026")).toBe("2026-04-13");
    expect(readDate("lunedì 13 aprile 2026")).toBe("2026-04-13");
    expect(readDate("Mon 13/4/2026")).toBe("2026-04-13");
    expect(readDate("Monday Tuesday 14 April 2026")).toBeNull();
  });

  it("reads two-digit years as this century's, up to 2068, and no year outside 1900 to 2999", () => {
    expect(readDate("14/4/68")).toBe("2068-04-14");
    expect(readDate("14/4/99")).toBeNull();
    expect(readDate("0999-01-01")).toBeNull();
    expect(readDate("3000-01-01")).toBeNull();
    expect(isRealDate("3000-01-01")).toBe(false);
    expect(isRealDate("2999-12-31")).toBe(true);
  });

  it("gives back every date it writes in the forms", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("1950-01-01T00:00:00Z"),
          max: new Date("2150-12-31T00:00:00Z"),
          noInvalidDate: true,
        }),
        (date) => {
          const iso = date.toISOString().slice(0, 10);
          expect(readDate(writtenDate(iso))).toBe(iso);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("reads a line of chosen dates as its date and its time", () => {
    expect(readDateAndTime("14/4/2026 10:30")).toEqual({ date: "2026-04-14", time: "10:30" });
    expect(readDateAndTime("martedì 14 aprile 2026 10.30")).toEqual({
      date: "2026-04-14",
      time: "10:30",
    });
    expect(readDateAndTime("2026-04-14 9:05")).toEqual({ date: "2026-04-14", time: "09:05" });
    expect(readDateAndTime("14/4/2026")).toBeNull();
    expect(readDateAndTime("14/4/2026 25:00")).toBeNull();
  });
});
