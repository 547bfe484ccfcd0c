import { describe, expect, it } from "vitest";
import { en } from "./en.js";
import { formatDateTime, negotiateLanguage, translator } from "./i18n.js";
import { it as italian } from "./it.js";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("catalogues", () => {
  it("gives every Italian message the same placeholders as the English one", () => {
    for (const [key, english] of Object.entries(en)) {
      expect(placeholders(italian[key as keyof typeof en]), key).toEqual(placeholders(english));
    }
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    const t = translator("it");
    expect(t("urgent.danger", { number: "112" })).toBe(
      "Se qualcuno è in pericolo adesso, chiama il 112.",
    );
    expect(t("urgent.danger")).toContain("{number}");
    expect(t("urgent.danger", { other: "x" })).toContain("{number}");
  });

  it("fills every placeholder of every text in both languages, reading values as plain text", () => {
    for (const language of ["en", "it"] as const) {
      const t = translator(language);
      for (const key of Object.keys(en) as (keyof typeof en)[]) {
        const names = placeholders(en[key]);
        if (names.length === 0) continue;
        const params = Object.fromEntries(names.map((name) => [name, `«{${name}}$&»`]));
        const filled = t(key, params);
        const template = language === "it" ? italian[key] : en[key];
        expect(filled, key).toBe(
          template.replace(/\{(\w+)\}/g, (_whole, name: string) => `«{${name}}$&»`),
        );
      }
    }
  });
});

describe("choosing a language", () => {
  it.each([
    [undefined, "en"],
    ["it-IT,it;q=0.9,en;q=0.8", "it"],
    ["de-DE,de;q=0.9,it;q=0.5", "it"],
    ["en-GB;q=0.2,it;q=0.8", "it"],
    ["fr, de", "en"],
    ["it;q=0", "en"],
  ])("Accept-Language %j gives %s", (header, language) => {
    expect(negotiateLanguage(header)).toBe(language);
  });
});

describe("dates written in full", () => {
  it("writes the day, date, month, year and time in the reader's words and the place's time zone", () => {
    const date = new Date("2026-03-24T09:30:00Z");
    expect(formatDateTime(date, "en", "Europe/London")).toBe("Tuesday 24 March 2026, 9:30am (GMT)");
    expect(formatDateTime(date, "it", "Europe/Rome")).toBe(
      "martedì 24 marzo 2026, ore 10:30 (CET)",
    );
    expect(formatDateTime(new Date("2026-07-01T16:05:00Z"), "en", "Europe/Rome")).toBe(
      "Wednesday 1 July 2026, 6:05pm (CEST)",
    );
  });
});
