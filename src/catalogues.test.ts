import { describe, expect, it } from "vitest";
import { en, it as italian } from "./catalogues.js";
import { translator } from "./infra/i18n/i18n.js";

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
