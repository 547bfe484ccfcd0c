import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  choiceFromRule,
  expandSchedule,
  firstMeetingDate,
  fortnightlyRule,
  type MonthlyPosition,
  monthlyRule,
  occurrenceOn,
  ruleForChoice,
  type Schedule,
  type ScheduleChoice,
  validateRule,
  type Weekday,
  weeklyDays,
  weeklyRule,
} from "./recurrence.js";

const ZONES = ["Europe/Rome", "Europe/London", "America/New_York", "Australia/Sydney"] as const;
const DAY = 86_400_000;

// An independent reading of the zone, through Intl's own offset names ("GMT+01:00"), so the
// properties below do not check the code against itself.
const readers = new Map<string, Intl.DateTimeFormat>();
function shownIn(instant: Date, timeZone: string) {
  let reader = readers.get(timeZone);
  if (!reader) {
    reader = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      weekday: "short",
      timeZoneName: "longOffset",
    });
    readers.set(timeZone, reader);
  }
  const parts = Object.fromEntries(reader.formatToParts(instant).map((p) => [p.type, p.value]));
  const offset = /GMT(?:([+-])(\d{2}):(\d{2}))?/.exec(parts.timeZoneName ?? "");
  const minutes = offset?.[1] ? (offset[1] === "-" ? -1 : 1) * (+offset[2]! * 60 + +offset[3]!) : 0;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
    weekday: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(parts.weekday ?? ""),
    offsetMinutes: minutes,
  };
}

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const weekdayArb = fc.integer({ min: 0, max: 6 }) as fc.Arbitrary<Weekday>;
const positionArb = fc.constantFrom<MonthlyPosition>(1, 2, 3, 4, -1);
const choiceArb: fc.Arbitrary<ScheduleChoice> = fc.oneof(
  weekdayArb.map((weekday) => ({ kind: "weekly" as const, weekday })),
  weekdayArb.map((weekday) => ({ kind: "fortnightly" as const, weekday })),
  fc.record({ kind: fc.constant("monthly" as const), weekday: weekdayArb, position: positionArb }),
);

describe("expanding a schedule across daylight-saving changes", () => {
  it("keeps every meeting at the configured local time and weekday, in any zone and season", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        choiceArb,
        // 2024–2030: every spring and autumn change of four zones on two hemispheres.
        fc.integer({ min: Date.UTC(2024, 0, 1) / DAY, max: Date.UTC(2030, 11, 31) / DAY }),
        // 04:00–23:59: times that exist on every day in these zones (changes happen at night).
        fc.integer({ min: 4 * 60, max: 23 * 60 + 59 }),
        fc.integer({ min: -400, max: 400 }),
        fc.integer({ min: 15, max: 240 }),
        (timeZone, choice, startDay, startMinutes, fromShift, duration) => {
          const startTime = hhmm(startMinutes);
          const schedule: Schedule = {
            rrule: ruleForChoice(choice),
            startsOn: isoDate(startDay * DAY),
            startTime: `${startTime}:00`,
            timeZone,
            durationMinutes: duration,
          };
          const from = new Date((startDay + fromShift) * DAY);
          const to = new Date(from.getTime() + 300 * DAY);
          const meetings = expandSchedule(schedule, { from, to });
          for (const [i, meeting] of meetings.entries()) {
            const shown = shownIn(meeting.startsAt, timeZone);
            expect(shown.time).toBe(startTime);
            expect(meeting.localTime).toBe(startTime);
            expect(meeting.localDate).toBe(shown.date);
            expect(shown.weekday).toBe(choice.weekday);
            expect(meeting.localDate >= schedule.startsOn!).toBe(true);
            expect(meeting.endsAt.getTime() - meeting.startsAt.getTime()).toBe(duration * 60_000);
            expect(meeting.endsAt.getTime()).toBeGreaterThan(from.getTime());
            expect(meeting.startsAt.getTime()).toBeLessThan(to.getTime());
            const dayOfMonth = Number(meeting.localDate.slice(8));
            if (choice.kind === "monthly" && choice.position > 0)
              expect(Math.ceil(dayOfMonth / 7)).toBe(choice.position);
            if (choice.kind === "monthly" && choice.position === -1) {
              const [y, m] = meeting.localDate.split("-").map(Number) as [number, number];
              expect(dayOfMonth + 7).toBeGreaterThan(new Date(Date.UTC(y, m, 0)).getUTCDate());
            }
            const previous = meetings[i - 1];
            if (previous && choice.kind !== "monthly") {
              const days = (Date.parse(meeting.localDate) - Date.parse(previous.localDate)) / DAY;
              expect(days).toBe(choice.kind === "weekly" ? 7 : 14);
            }
          }
          // None missing at the start of the window, once the series has begun.
          if (choice.kind === "weekly" && fromShift > 7 && meetings[0]) {
            expect(meetings[0].startsAt.getTime() - from.getTime()).toBeLessThan(7 * DAY);
            expect(meetings.length).toBeGreaterThanOrEqual(42);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("reads night-time meetings on change days as RFC 5545 does: the first of two, or after the gap", () => {
    // Every zone here changes its clocks on a Sunday, so weekly Sunday meetings meet every change.
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: 2024, max: 2030 }),
        fc.constantFrom(2, 8),
        fc.integer({ min: 0, max: 4 * 60 }),
        (timeZone, year, month, startMinutes) => {
          const first = new Date(Date.UTC(year, month, 1));
          const sunday = first.getTime() + ((7 - first.getUTCDay()) % 7) * DAY;
          const startTime = hhmm(startMinutes);
          const meetings = expandSchedule(
            {
              rrule: weeklyRule(0),
              startsOn: isoDate(sunday),
              startTime,
              timeZone,
              durationMinutes: 60,
            },
            { from: new Date(sunday - DAY), to: new Date(sunday + 88 * DAY) },
          );
          expect(meetings.length).toBe(13);
          for (const meeting of meetings) {
            const wall = Date.parse(`${meeting.localDate}T${startTime}:00Z`);
            // Every instant that shows this wall time, tried at each quarter-hour offset.
            const matches: number[] = [];
            for (let quarter = -12 * 4; quarter <= 14 * 4; quarter++) {
              const instant = wall - quarter * 15 * 60_000;
              const shown = shownIn(new Date(instant), timeZone);
              if (shown.date === meeting.localDate && shown.time === startTime)
                matches.push(instant);
            }
            const shown = shownIn(meeting.startsAt, timeZone);
            expect(shown.date).toBe(meeting.localDate);
            if (matches.length > 0) {
              expect(meeting.startsAt.getTime()).toBe(Math.min(...matches));
              expect(meeting.localTime).toBe(startTime);
            } else {
              // In the spring gap: the offset from before the gap, so later by the gap's length.
              const before = shownIn(new Date(wall - DAY), timeZone).offsetMinutes;
              expect(meeting.startsAt.getTime()).toBe(wall - before * 60_000);
              const gap = shown.offsetMinutes - before;
              expect(gap).toBeGreaterThan(0);
              expect(meeting.localTime).toBe(hhmm(startMinutes + gap));
            }
          }
        },
      ),
      { numRuns: 250 },
    );
  });

  it("shows a monthly second-Tuesday 10:30 Rome meeting at 10:30 before and after each change", () => {
    const schedule: Schedule = {
      rrule: monthlyRule(2, 2),
      startsOn: "2026-01-13",
      startTime: "10:30:00",
      timeZone: "Europe/Rome",
      durationMinutes: 90,
    };
    const meetings = expandSchedule(schedule, {
      from: new Date("2026-03-01T00:00:00Z"),
      to: new Date("2026-12-01T00:00:00Z"),
    });
    const byDate = Object.fromEntries(meetings.map((m) => [m.localDate, m]));
    // 29 March and 25 October 2026 are the changes: 10:30 is 09:30 UTC in winter, 08:30 in summer.
    expect(byDate["2026-03-10"]?.startsAt.toISOString()).toBe("2026-03-10T09:30:00.000Z");
    expect(byDate["2026-04-14"]?.startsAt.toISOString()).toBe("2026-04-14T08:30:00.000Z");
    expect(byDate["2026-10-13"]?.startsAt.toISOString()).toBe("2026-10-13T08:30:00.000Z");
    expect(byDate["2026-11-10"]?.startsAt.toISOString()).toBe("2026-11-10T09:30:00.000Z");
    expect(meetings.map((m) => m.localTime)).toEqual(Array(9).fill("10:30"));
    expect(byDate["2026-11-10"]?.endsAt.toISOString()).toBe("2026-11-10T11:00:00.000Z");
  });

  it("moves a meeting in the spring-forward gap on by the gap and takes the first of a repeated hour", () => {
    const sundays = (startsOn: string, from: string) =>
      expandSchedule(
        {
          rrule: weeklyRule(0),
          startsOn,
          startTime: "02:30",
          timeZone: "Europe/Rome",
          durationMinutes: 60,
        },
        { from: new Date(from), limit: 2 },
      ).map((m) => `${m.localDate} ${m.localTime} ${m.startsAt.toISOString()}`);
    expect(sundays("2026-03-22", "2026-03-23T00:00:00Z")).toEqual([
      "2026-03-29 03:30 2026-03-29T01:30:00.000Z",
      "2026-04-05 02:30 2026-04-05T00:30:00.000Z",
    ]);
    expect(sundays("2026-10-18", "2026-10-19T00:00:00Z")).toEqual([
      "2026-10-25 02:30 2026-10-25T00:30:00.000Z",
      "2026-11-01 02:30 2026-11-01T01:30:00.000Z",
    ]);
  });

  it("adds one-off dates, drops duplicates, keeps order and honours the limit", () => {
    const schedule: Schedule = {
      rrule: weeklyRule(2),
      startsOn: "2026-03-03",
      startTime: "10:30",
      timeZone: "Europe/Rome",
      durationMinutes: 90,
      oneOffs: ["2026-03-12T18:00", "2026-03-10T10:30"],
    };
    const meetings = expandSchedule(schedule, { from: new Date("2026-03-09T00:00:00Z"), limit: 3 });
    expect(meetings.map((m) => `${m.localDate} ${m.localTime}`)).toEqual([
      "2026-03-10 10:30",
      "2026-03-12 18:00",
      "2026-03-17 10:30",
    ]);
  });

  it("lists a meeting under way and nothing before the series starts", () => {
    const schedule: Schedule = {
      rrule: weeklyRule(2),
      startsOn: "2026-03-10",
      startTime: "10:30",
      timeZone: "Europe/Rome",
      durationMinutes: 90,
    };
    const during = expandSchedule(schedule, { from: new Date("2026-03-10T10:00:00Z"), limit: 1 });
    expect(during[0]?.localDate).toBe("2026-03-10");
    const early = expandSchedule(schedule, { from: new Date("2026-01-01T00:00:00Z"), limit: 1 });
    expect(early[0]?.localDate).toBe("2026-03-10");
  });

  it("meets only on the one-off dates (and the start date) when there is no rule", () => {
    const meetings = expandSchedule(
      {
        rrule: null,
        startsOn: "2026-04-02",
        startTime: "15:00",
        timeZone: "America/New_York",
        durationMinutes: 60,
        oneOffs: ["2026-05-07T15:00", "2026-04-02T15:00"],
      },
      { from: new Date("2026-01-01T00:00:00Z") },
    );
    expect(meetings.map((m) => m.startsAt.toISOString())).toEqual([
      "2026-04-02T19:00:00.000Z",
      "2026-05-07T19:00:00.000Z",
    ]);
  });

  it("finds the meeting on a local date, or none", () => {
    const schedule: Schedule = {
      rrule: monthlyRule(2, 2),
      startsOn: "2026-01-13",
      startTime: "10:30",
      timeZone: "Europe/Rome",
      durationMinutes: 90,
    };
    expect(occurrenceOn(schedule, "2026-11-10")?.startsAt.toISOString()).toBe(
      "2026-11-10T09:30:00.000Z",
    );
    expect(occurrenceOn(schedule, "2026-11-11")).toBeNull();
    expect(occurrenceOn(schedule, "2026-02-30")).toBeNull();
  });

  it("refuses a bad zone, date or rule with a RangeError", () => {
    const base: Schedule = {
      rrule: weeklyRule(1),
      startsOn: "2026-03-02",
      startTime: "10:00",
      timeZone: "Europe/Rome",
      durationMinutes: 60,
    };
    const from = new Date("2026-03-01T00:00:00Z");
    expect(() => expandSchedule({ ...base, timeZone: "Mars/Olympus" }, { from })).toThrow(
      RangeError,
    );
    expect(() => expandSchedule({ ...base, startsOn: "2026-13-01" }, { from })).toThrow(RangeError);
    expect(() => expandSchedule({ ...base, startTime: "25:00" }, { from })).toThrow(RangeError);
    expect(() => expandSchedule({ ...base, rrule: "FREQ=HOURLY" }, { from })).toThrow(RangeError);
  });
});

describe("checking a rule", () => {
  it.each([
    ["FREQ=WEEKLY;BYDAY=TU", { ok: true }],
    ["RRULE:FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2", { ok: true }],
    ["FREQ=MONTHLY;BYDAY=-1FR", { ok: true }],
    ["FREQ=MONTHLY;BYMONTHDAY=31;BYMONTH=2", { ok: false, reason: "NEVER_OCCURS" }],
    ["FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=31", { ok: false, reason: "NEVER_OCCURS" }],
    ["FREQ=WEEKLY;BYDAY=TU;UNTIL=20250101T000000Z", { ok: false, reason: "NEVER_OCCURS" }],
    ["FREQ=WEEKLY;COUNT=0", { ok: false, reason: "NEVER_OCCURS" }],
    ["BYDAY=TU", { ok: false, reason: "INVALID_RULE" }],
    ["FREQ=WEEKLY;BYDAY=XX", { ok: false, reason: "INVALID_RULE" }],
    ["FREQ=WEEKLY;INTERVAL=0", { ok: false, reason: "INVALID_RULE" }],
    ["FREQ=HOURLY", { ok: false, reason: "INVALID_RULE" }],
    ["FREQ=WEEKLY;BYHOUR=10", { ok: false, reason: "INVALID_RULE" }],
    ["FREQ=WEEKLY;FOO=1", { ok: false, reason: "INVALID_RULE" }],
    ["DTSTART:20260101T100000\nRRULE:FREQ=WEEKLY", { ok: false, reason: "INVALID_RULE" }],
    ["", { ok: false, reason: "INVALID_RULE" }],
  ])("%j → %j", (rrule, expected) => {
    expect(validateRule({ rrule, startsOn: "2026-01-01" })).toEqual(expected);
  });

  it("answers within a fraction of a second for rules that never meet (rrule alone searches to 9999)", () => {
    for (const rrule of [
      "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",
      "FREQ=DAILY;BYWEEKNO=53;BYMONTH=6",
      "FREQ=WEEKLY;BYMONTH=4;BYMONTHDAY=31",
    ]) {
      const started = performance.now();
      expect(validateRule({ rrule, startsOn: "2026-01-01" })).toEqual({
        ok: false,
        reason: "NEVER_OCCURS",
      });
      expect(performance.now() - started).toBeLessThan(1500);
      const schedule = { rrule, startsOn: "2026-01-01", startTime: "10:00", timeZone: "UTC" };
      expect(() =>
        expandSchedule({ ...schedule, durationMinutes: 60 }, { from: new Date("2026-01-01") }),
      ).toThrow(RangeError);
    }
  });

  it("keeps UNTIL and COUNT, and knows leap days", () => {
    expect(firstMeetingDate("FREQ=WEEKLY;BYDAY=TU;UNTIL=20260301", "2026-01-01")).toBe(
      "2026-01-06",
    );
    expect(firstMeetingDate("FREQ=WEEKLY;BYDAY=TU;UNTIL=20260105", "2026-01-01")).toBeNull();
    expect(firstMeetingDate("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "2027-12-31")).toBe(
      "2028-02-29",
    );
    expect(firstMeetingDate("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "2097-06-01")).toBeNull();
    const three = expandSchedule(
      {
        rrule: "FREQ=WEEKLY;BYDAY=TU;COUNT=3",
        startsOn: "2026-01-06",
        startTime: "10:00",
        timeZone: "Europe/Rome",
        durationMinutes: 60,
      },
      { from: new Date("2026-01-01T00:00:00Z") },
    );
    expect(three.map((m) => m.localDate)).toEqual(["2026-01-06", "2026-01-13", "2026-01-20"]);
  });

  it("refuses a start date that is not a date, or outside 1901–2097", () => {
    expect(validateRule({ rrule: "FREQ=WEEKLY", startsOn: "2098-01-01" })).toEqual({
      ok: false,
      reason: "INVALID_RULE",
    });
    expect(validateRule({ rrule: "FREQ=WEEKLY", startsOn: "2026-02-30" })).toEqual({
      ok: false,
      reason: "INVALID_RULE",
    });
  });

  it("finds the first meeting date on or after a day", () => {
    expect(firstMeetingDate(monthlyRule(2, 2), "2026-03-11")).toBe("2026-04-14");
    expect(firstMeetingDate(monthlyRule(0, -1), "2026-03-01")).toBe("2026-03-29");
    expect(firstMeetingDate("FREQ=MONTHLY;BYMONTHDAY=31;BYMONTH=2", "2026-01-01")).toBeNull();
  });
});

describe("rules from plain choices", () => {
  it("writes the RRULE of each choice", () => {
    expect(weeklyRule(2)).toBe("FREQ=WEEKLY;BYDAY=TU");
    expect(fortnightlyRule(0)).toBe("FREQ=WEEKLY;INTERVAL=2;BYDAY=SU");
    expect(monthlyRule(2, 2)).toBe("FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2");
    expect(monthlyRule(5, -1)).toBe("FREQ=MONTHLY;BYDAY=FR;BYSETPOS=-1");
  });

  it("reads back every choice it writes, and every rule it writes is valid", () => {
    fc.assert(
      fc.property(choiceArb, (choice) => {
        const rrule = ruleForChoice(choice);
        expect(choiceFromRule(rrule)).toEqual(choice);
        expect(validateRule({ rrule, startsOn: "2026-05-05" })).toEqual({ ok: true });
      }),
      { numRuns: 200 },
    );
  });

  it("reads the nth-weekday form too, and nothing it cannot say in plain words", () => {
    expect(choiceFromRule("FREQ=MONTHLY;BYDAY=2TU")).toEqual({
      kind: "monthly",
      weekday: 2,
      position: 2,
    });
    expect(choiceFromRule("FREQ=MONTHLY;BYMONTHDAY=15")).toBeNull();
    expect(choiceFromRule("FREQ=WEEKLY;BYDAY=MO,TH")).toBeNull();
    expect(choiceFromRule("FREQ=WEEKLY;INTERVAL=3;BYDAY=MO")).toBeNull();
    expect(choiceFromRule("FREQ=MONTHLY;BYDAY=5TU")).toBeNull();
  });

  it("gives the weekdays of a rule that meets every week, and null otherwise", () => {
    expect(weeklyDays("FREQ=WEEKLY;BYDAY=TU", null)).toEqual([2]);
    expect(weeklyDays("FREQ=WEEKLY;BYDAY=TH,MO", null)).toEqual([1, 4]);
    expect(weeklyDays("FREQ=WEEKLY", "2026-03-08")).toEqual([0]);
    expect(weeklyDays(fortnightlyRule(2), null)).toBeNull();
    expect(weeklyDays(monthlyRule(2, 2), null)).toBeNull();
    expect(weeklyDays("FREQ=WEEKLY;BYDAY=TU;COUNT=3", null)).toBeNull();
  });
});
