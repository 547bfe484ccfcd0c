import { describe, expect, it } from "vitest";
import { describeSchedule, weekdayName } from "./describe-schedule.js";
import { fortnightlyRule, monthlyRule, weeklyRule } from "./recurrence.js";

const at = (rrule: string | null, startTime: string | null = "10:30:00") => ({
  rrule,
  startsOn: "2026-03-10",
  startTime,
});

describe("a schedule in words", () => {
  it.each([
    [
      monthlyRule(2, 2),
      "Every second Tuesday of the month at 10:30",
      "Ogni secondo martedì del mese alle 10:30",
    ],
    [
      monthlyRule(5, -1),
      "Every last Friday of the month at 10:30",
      "Ogni ultimo venerdì del mese alle 10:30",
    ],
    [
      monthlyRule(0, 1),
      "Every first Sunday of the month at 10:30",
      "Ogni prima domenica del mese alle 10:30",
    ],
    [weeklyRule(1), "Every Monday at 10:30", "Ogni lunedì alle 10:30"],
    [
      fortnightlyRule(4),
      "Every other Thursday at 10:30",
      "Ogni due settimane, di giovedì alle 10:30",
    ],
    [
      "FREQ=MONTHLY;BYDAY=3WE",
      "Every third Wednesday of the month at 10:30",
      "Ogni terzo mercoledì del mese alle 10:30",
    ],
    ["FREQ=MONTHLY;BYMONTHDAY=15", "Regularly at 10:30", "Regolarmente alle 10:30"],
  ])("%s", (rrule, english, italian) => {
    expect(describeSchedule(at(rrule), "en")).toBe(english);
    expect(describeSchedule(at(rrule), "it")).toBe(italian);
  });

  it("writes the hour without a leading zero, and Italian elides before one o'clock", () => {
    expect(describeSchedule(at(weeklyRule(3), "09:05"), "en")).toBe("Every Wednesday at 9:05");
    expect(describeSchedule(at(weeklyRule(3), "01:30"), "it")).toBe("Ogni mercoledì all'1:30");
    expect(describeSchedule(at(weeklyRule(3), "13:00"), "it")).toBe("Ogni mercoledì alle 13:00");
  });

  it("leaves the time out when there is none", () => {
    expect(describeSchedule(at(weeklyRule(6), null), "en")).toBe("Every Saturday");
  });

  it("writes a single one-off meeting as its date in full, several as chosen dates", () => {
    const once = { rrule: null, startsOn: "2026-03-24", startTime: "10:30" };
    expect(describeSchedule(once, "en")).toBe("On Tuesday 24 March 2026 at 10:30");
    expect(describeSchedule(once, "it")).toBe("Martedì 24 marzo 2026 alle 10:30");
    const same = { ...once, oneOffs: ["2026-03-24T10:30"] };
    expect(describeSchedule(same, "en")).toBe("On Tuesday 24 March 2026 at 10:30");
    const several = { ...once, oneOffs: ["2026-04-21T18:00"] };
    expect(describeSchedule(several, "en")).toBe("On dates the group chooses");
    expect(describeSchedule(several, "it")).toBe("Nei giorni scelti dal gruppo");
  });

  it("names weekdays through Intl, Sunday first", () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((d) => weekdayName(d as 0, "en"))).toEqual([
      "Sunday",
      "Monday",
      "Tuesday",
      "Wednesday",
      "Thursday",
      "Friday",
      "Saturday",
    ]);
    expect(weekdayName(0, "it")).toBe("domenica");
  });
});
