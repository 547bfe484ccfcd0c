import { dateTimeFormat } from "./intl-cache.js";

export const languages = ["en", "it"] as const;
export type Language = (typeof languages)[number];

/**
 * Every message of every catalogue, by key. The catalogues live beside their features and are
 * declared here, and installed, by src/catalogues.ts: the mechanism knows no feature's words.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by the catalogues' declaration merging
export interface Messages {}
export type MessageKey = keyof Messages & string;

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (languages as readonly string[]).includes(value);
}

export function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === "string" && installed.en.has(value);
}

/**
 * A text cut at its placeholders once: "Led by {name}" is ["Led by ", "name", ""], literal
 * pieces at even places and names at odd ones.
 */
function pieces(text: string): string[] {
  return text.split(/\{(\w+)\}/);
}

/** Each language's texts, English filling any gap; empty until the catalogues are installed. */
const installed: Record<Language, Map<string, string>> = { en: new Map(), it: new Map() };
const translators: Record<Language, Translate> = { en: (key) => key, it: (key) => key };

/**
 * Installs the catalogues (src/catalogues.ts does, once, when imported). Each language's texts go
 * in a Map, English filling any gap, with one translator per language: every page asks for
 * dozens of texts, and a Map of a thousand finds one in 35 ns where the object took 110 ns. Texts
 * with placeholders are cut once, so filling one is a few concatenations rather than a regular
 * expression per call.
 */
export function installCatalogues(catalogues: Record<Language, Record<MessageKey, string>>): void {
  for (const language of languages) {
    const texts = new Map<string, string>(Object.entries(catalogues.en));
    for (const [key, text] of Object.entries(catalogues[language])) {
      if (text !== undefined) texts.set(key, text);
    }
    const templates = new Map<string, string[]>();
    for (const [key, text] of texts) templates.set(key, pieces(text));
    installed[language] = texts;
    translators[language] = (key, params) => {
      if (!params) return texts.get(key) as string;
      const parts = templates.get(key) as string[];
      let out = parts[0] as string;
      for (let i = 1; i < parts.length; i += 2) {
        const name = parts[i] as string;
        out += Object.hasOwn(params, name) ? String(params[name]) : `{${name}}`;
        out += parts[i + 1];
      }
      return out;
    };
  }
}

/** Each language's translator, the same function before and after the catalogues are installed. */
const stable: Record<Language, Translate> = {
  en: (key, params) => translators.en(key, params),
  it: (key, params) => translators.it(key, params),
};

export function translator(language: Language): Translate {
  return stable[language];
}

/** The best of our languages for an Accept-Language header; English when none fits. */
export function negotiateLanguage(header: string | undefined): Language {
  if (!header) return "en";
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag = "", ...rest] = part.trim().split(";");
      const q = rest.find((p) => p.trim().startsWith("q="));
      return { tag: tag.toLowerCase(), q: q ? Number.parseFloat(q.trim().slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag, q } of ranked) {
    if (q <= 0) continue;
    const base = tag.split("-")[0];
    if (isLanguage(base)) return base;
  }
  return "en";
}

/**
 * Dates written in full, as GOV.UK writes them ("Tuesday 24 March 2026, 9:30am"), in the
 * reader's language and the instance's time zone, with the zone's short name.
 */
export function formatDateTime(date: Date, language: Language, timeZone: string): string {
  // The same meeting is written the same way for every reader: formatToParts is costly (a
  // member's meetings page spent a fifth of its time here), so each writing is kept.
  return remembered(`d|${date.getTime()}|${language}|${timeZone}`, () =>
    writeDateTime(date, language, timeZone),
  );
}

/** "12:00pm" / "12:00": a time of day, written as formatDateTime writes it. */
export function formatTime(date: Date, language: Language, timeZone: string): string {
  return remembered(`t|${date.getTime()}|${language}|${timeZone}`, () => {
    const parts = Object.fromEntries(
      dateTimeFormat(language === "it" ? "it-IT" : "en-GB", {
        hour: "numeric",
        minute: "2-digit",
        hour12: language === "en",
        timeZone,
      })
        .formatToParts(date)
        .map((p) => [p.type, p.value]),
    );
    return language === "it"
      ? `${parts.hour}:${parts.minute}`
      : `${parts.hour}:${parts.minute}${String(parts.dayPeriod ?? "")
          .replace(/\s|\./g, "")
          .toLowerCase()}`;
  });
}

const written = new Map<string, string>();
const WRITTEN_LIMIT = 20_000;

function remembered(key: string, write: () => string): string {
  const known = written.get(key);
  if (known !== undefined) return known;
  const text = write();
  if (written.size >= WRITTEN_LIMIT) written.clear();
  written.set(key, text);
  return text;
}

/**
 * The language a group's own words (its name, description, notes) are written in: the one it
 * named, else the one language it meets in. Null for a group that meets in several and has not
 * said which it wrote in: nothing is claimed for it.
 */
export function writtenLanguage(group: {
  writtenIn: string | null;
  languages: readonly string[];
}): string | null {
  return group.writtenIn ?? (group.languages.length === 1 ? group.languages[0]! : null);
}

/** A `lang` attribute for a group's own words: their language, when it is not the page's. */
export function wordsLanguage(written: string | null, page: Language): string | undefined {
  return written && written !== page && /^[a-z]{2,3}$/.test(written) ? written : undefined;
}

/**
 * A time zone as people name it, in the reader's language ("Central European Time", "Ora
 * Regno Unito"), rather than its database name ("Europe/Rome"); that name when it has no other.
 */
export function timeZoneName(timeZone: string, language: Language): string {
  return remembered(`z|${timeZone}|${language}`, () => {
    try {
      const part = dateTimeFormat(language === "it" ? "it-IT" : "en-GB", {
        timeZone,
        timeZoneName: "longGeneric",
      })
        .formatToParts(new Date())
        .find((p) => p.type === "timeZoneName");
      return part?.value ?? timeZone;
    } catch {
      return timeZone;
    }
  });
}

function writeDateTime(date: Date, language: Language, timeZone: string): string {
  const parts = Object.fromEntries(
    dateTimeFormat(language === "it" ? "it-IT" : "en-GB", {
      weekday: "long",
      day: "numeric",
      month: "long",
      year: "numeric",
      hour: "numeric",
      minute: "2-digit",
      hour12: language === "en",
      timeZone,
      timeZoneName: "short",
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  const day = `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}`;
  return language === "it"
    ? `${day}, ore ${parts.hour}:${parts.minute} (${parts.timeZoneName})`
    : `${day}, ${parts.hour}:${parts.minute}${String(parts.dayPeriod ?? "")
        .replace(/\s|\./g, "")
        .toLowerCase()} (${parts.timeZoneName})`;
}

export function formatDate(date: Date, language: Language, timeZone: string): string {
  return dateTimeFormat(language === "it" ? "it-IT" : "en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone,
  }).format(date);
}
