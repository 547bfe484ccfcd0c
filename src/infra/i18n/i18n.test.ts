import { describe, expect, it } from "vitest";
import { formatDateTime, negotiateLanguage } from "./i18n.js";

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
