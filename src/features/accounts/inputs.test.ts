import { describe, expect, it } from "vitest";
import {
  displayName,
  emailAddress,
  languageSwitchInput,
  profilePatchInput,
  signInCodeInput,
} from "./inputs.js";

describe("account inputs", () => {
  it("normalises e-mail addresses to lower case without spaces", () => {
    expect(emailAddress.parse("  Ada.Rossi@Example.ORG ")).toBe("ada.rossi@example.org");
  });

  it.each([
    ["", "errors.email.required"],
    ["ada", "errors.email.invalid"],
    [`${"a".repeat(250)}@example.org`, "errors.email.tooLong"],
  ])("refuses the address %j with %s", (value, message) => {
    const result = emailAddress.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });

  it("takes a pasted code with spaces, dashes or dots", () => {
    for (const typed of ["123456", " 123 456 ", "123-456", "123.456"]) {
      expect(signInCodeInput.parse({ code: typed }).code).toBe("123456");
    }
  });

  it("refuses codes that are not six digits", () => {
    for (const typed of ["12345", "1234567", "abcdef", ""]) {
      expect(signInCodeInput.safeParse({ code: typed }).success).toBe(false);
    }
  });

  it("accepts first names and pseudonyms in any alphabet, and nothing that is markup", () => {
    for (const name of ["Ada", "Anna-Maria", "D'Arco", "Zoë", "Łucja", "Nonna Pina", "Ἀθηνᾶ"]) {
      expect(displayName.safeParse(name).success).toBe(true);
    }
    for (const name of ["", " ", "<b>", "a".repeat(41), "Ada;DROP", "1234"]) {
      expect(displayName.safeParse(name).success).toBe(false);
    }
  });

  it("sends the language switch back only to a page of this site", () => {
    const back = (value: string) => languageSwitchInput.parse({ language: "it", back: value }).back;
    expect(back("/account/profile")).toBe("/account/profile");
    for (const away of [
      "//evil.example",
      "/\\evil.example",
      "https://evil.example",
      "javascript:alert(1)",
      "",
    ]) {
      expect(back(away)).toBe("/");
    }
  });

  it("refuses unknown fields in the API's profile changes", () => {
    expect(profilePatchInput.safeParse({ isAdmin: true }).success).toBe(false);
    expect(profilePatchInput.safeParse({ textSize: "large" }).success).toBe(true);
  });
});
