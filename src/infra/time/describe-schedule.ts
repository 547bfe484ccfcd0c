import { type Language, type MessageKey, translator } from "../i18n/i18n.js";
import { dateTimeFormat } from "../i18n/intl-cache.js";
import { choiceFromRule, type MonthlyPosition, type Schedule, type Weekday } from "./recurrence.js";
import { parseLocalDateTime, parseLocalTime } from "./zoned.js";

/** What describeSchedule reads of a schedule: the same fields expandSchedule takes. */
export type DescribedSchedule = Pick<Schedule, "rrule" | "startsOn" | "startTime"> & {
  oneOffs?: readonly string[];
};

const locales: Record<Language, string> = { en: "en-GB", it: "it-IT" };

const positionKeys: Record<MonthlyPosition, MessageKey> = {
  1: "feeds.schedule.position.1",
  2: "feeds.schedule.position.2",
  3: "feeds.schedule.position.3",
  4: "feeds.schedule.position.4",
  [-1]: "feeds.schedule.position.last",
};
const sundayPositionKeys: Record<MonthlyPosition, MessageKey> = {
  1: "feeds.schedule.positionSunday.1",
  2: "feeds.schedule.positionSunday.2",
  3: "feeds.schedule.positionSunday.3",
  4: "feeds.schedule.positionSunday.4",
  [-1]: "feeds.schedule.positionSunday.last",
};

/** "second" / "secondo" (or "seconda", for a Sunday in Italian): which of the month's weekdays. */
export function positionWord(weekday: Weekday, position: MonthlyPosition, language: Language) {
  const keys = weekday === 0 ? sundayPositionKeys : positionKeys;
  return translator(language)(keys[position]);
}

/** "Tuesday" / "martedì", from Intl: 4 January 2026 was a Sunday. */
export function weekdayName(weekday: Weekday, language: Language): string {
  return dateTimeFormat(locales[language], { weekday: "long", timeZone: "UTC" }).format(
    new Date(Date.UTC(2026, 0, 4 + weekday)),
  );
}

/** "10:30", "9:05": the 24-hour clock, as both languages' examples are written. */
function clockText(milliseconds: number): { text: string; hour: number } {
  const minutes = Math.floor(milliseconds / 60_000);
  const hour = Math.floor(minutes / 60);
  return { text: `${hour}:${String(minutes % 60).padStart(2, "0")}`, hour };
}

/** "Tuesday 24 March 2026", "martedì 24 marzo 2026": GOV.UK's order, without ICU's comma. */
export function fullDate(wall: number, language: Language): string {
  const parts = Object.fromEntries(
    dateTimeFormat(locales[language], {
      weekday: "long",
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    })
      .formatToParts(new Date(wall))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}`;
}

function capitalised(text: string, language: Language): string {
  return text.charAt(0).toLocaleUpperCase(locales[language]) + text.slice(1);
}

/**
 * A schedule in words, in the reader's language: "Every second Tuesday of the month at 10:30",
 * "Ogni secondo martedì del mese alle 10:30". One-off meetings are written as their date when
 * there is one, otherwise as "on dates the group chooses"; a rule that is not one of the plain
 * choices (weekly, every other week, monthly on the nth weekday) is "Regularly at 10:30".
 */
export function describeSchedule(schedule: DescribedSchedule, language: Language): string {
  const t = translator(language);
  let when: string;
  let clock = schedule.startTime === null ? null : parseLocalTime(schedule.startTime);

  if (schedule.rrule !== null) {
    const choice = choiceFromRule(schedule.rrule);
    if (!choice) when = t("feeds.schedule.regularly");
    else {
      const weekday = weekdayName(choice.weekday, language);
      if (choice.kind === "weekly") when = t("feeds.schedule.weekly", { weekday });
      else if (choice.kind === "fortnightly") when = t("feeds.schedule.fortnightly", { weekday });
      else {
        const position = positionWord(choice.weekday, choice.position, language);
        when = t("feeds.schedule.monthly", { weekday, position });
      }
    }
  } else {
    const dates = new Set(schedule.oneOffs ?? []);
    if (schedule.startsOn !== null && schedule.startTime !== null)
      dates.add(`${schedule.startsOn}T${schedule.startTime}`);
    const walls = [...new Set([...dates].map(parseLocalDateTime))];
    const only = walls.length === 1 ? walls[0] : null;
    if (only !== null && only !== undefined) {
      when = t("feeds.schedule.oneDate", { date: fullDate(only, language) });
      clock = ((only % 86_400_000) + 86_400_000) % 86_400_000;
    } else {
      when = t("feeds.schedule.chosenDates");
      clock = null;
    }
  }

  if (clock === null) return capitalised(when, language);
  const time = clockText(clock);
  const key = time.hour === 1 ? "feeds.schedule.atOneOClock" : "feeds.schedule.atTime";
  return capitalised(t(key, { when, time: time.text }), language);
}
