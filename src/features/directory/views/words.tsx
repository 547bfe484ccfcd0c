import type { Language } from "../../../infra/i18n/i18n.js";
import { dateTimeFormat, displayNames } from "../../../infra/i18n/intl-cache.js";

/** Words for days, times, languages and places, in the reader's language, from Intl. */

const locale = (lang: Language) => (lang === "it" ? "it-IT" : "en-GB");

// Intl.DisplayNames and formatting look names up in ICU at every call, and the directory page
// names the same few languages, countries and days many times (a fifth of its time at 10,000
// groups): each name is looked up once. The keys are few (codes × our two languages).
const names = new Map<string, string>();
function named(key: string, lookUp: () => string): string {
  let name = names.get(key);
  if (name === undefined) {
    name = lookUp();
    if (names.size < 10_000) names.set(key, name);
  }
  return name;
}

/** 1 March 2026 was a Sunday: day n of the week is 1 + n March. */
export function weekdayName(weekday: number, lang: Language, capitalised = false): string {
  const name = named(`day|${lang}|${weekday}`, () =>
    dateTimeFormat(locale(lang), { weekday: "long", timeZone: "UTC" }).format(
      new Date(Date.UTC(2026, 2, 1 + weekday)),
    ),
  );
  return capitalised ? name.charAt(0).toUpperCase() + name.slice(1) : name;
}

/** "10:30am", "2pm", "midday" as GOV.UK writes them; "10:30", "14:00" in Italian. */
export function clockTime(time: string, lang: Language): string {
  const [hours = 0, minutes = 0] = time.split(":").map(Number);
  const mm = String(minutes).padStart(2, "0");
  if (lang === "it") return `${hours}:${mm}`;
  if (hours === 12 && minutes === 0) return "midday";
  if (hours === 0 && minutes === 0) return "midnight";
  const h = hours % 12 === 0 ? 12 : hours % 12;
  return `${h}${minutes === 0 ? "" : `:${mm}`}${hours < 12 ? "am" : "pm"}`;
}

/** "Tuesday 7 April 2026", "martedì 7 aprile 2026". */
export function fullDate(isoDate: string, lang: Language): string {
  const parts = Object.fromEntries(
    dateTimeFormat(locale(lang), {
      weekday: "long",
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    })
      .formatToParts(new Date(`${isoDate}T12:00:00Z`))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}`;
}

export function languageName(code: string, lang: Language): string {
  return named(`language|${lang}|${code}`, () => {
    try {
      return displayNames(locale(lang), "language").of(code) ?? code;
    } catch {
      return code;
    }
  });
}

export function countryName(code: string, lang: Language): string {
  return named(`region|${lang}|${code}`, () => {
    try {
      return displayNames(locale(lang), "region").of(code) ?? code;
    } catch {
      return code;
    }
  });
}

export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
